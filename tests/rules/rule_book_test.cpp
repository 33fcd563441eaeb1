#include "rules/rule_book.hpp"

#include <gtest/gtest.h>

#include "checkin_builder.hpp"
#include "rules/rule_ids.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {
namespace {

/// The error of the shipped rule book with `from` replaced by `to`; "accepted" when it parses.
std::string error_with(const std::string& from, const std::string& to) {
  std::string s(default_rule_book_text());
  s.replace(s.find(from), from.size(), to);
  const auto r = parse_rule_book(s, "x.json");
  return r ? std::string("accepted") : r.error().message;
}

TEST(RuleBook, ShippedFileIsTheOneBuiltIntoTheProgram) {
  std::ifstream in(STRIDECARE_RULES_FILE);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), default_rule_book_text());
}

TEST(RuleBook, HoldsTheThresholdsOfRulesMd) {
  const auto& t = testing::book().triage;
  EXPECT_EQ(t.severe_pain_min, 7);
  EXPECT_EQ(t.stop_running_pain_above, 5);
  EXPECT_EQ(t.reduce_pain_min, 4);
  EXPECT_EQ(t.next_morning_pain_above, 2);
  EXPECT_EQ(t.persist_min_episode_days, 21);
  EXPECT_EQ(t.window_days, 7);
  EXPECT_EQ(testing::book().care.ice_last_episode_day, 1);
  EXPECT_EQ(testing::book().care.heat_first_episode_day, 2);
}

TEST(RuleBook, HoldsTheSafeGuide2PainLimitAndRejectsOneOutOfRange) {
  EXPECT_EQ(testing::book().safe.cross_strength_pain_max, 2);
  std::string text(default_rule_book_text());
  const std::string key = "\"cross_strength_pain_max\": 2";
  text.replace(text.find(key), key.size(), "\"cross_strength_pain_max\": 11");
  const auto r = parse_rule_book(text, "x.json");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("safe.cross_strength_pain_max"), std::string::npos) << r.error().message;
}

TEST(RuleBook, HoldsTheLoadThresholdsOfRulesMdSection3) {
  const auto& l = testing::book().load;
  using domain::Sport;
  EXPECT_EQ(l.impact_of(Sport::run), 1.0);
  EXPECT_EQ(l.impact_of(Sport::walk), 0.5);
  EXPECT_EQ(l.impact_of(Sport::elliptical), 0.3);
  EXPECT_EQ(l.impact_of(Sport::row), 0.1);
  EXPECT_EQ(l.impact_of(Sport::cycle), 0.1);
  EXPECT_EQ(l.impact_of(Sport::swim), 0.0);
  EXPECT_EQ(l.default_rpe, 4);
  EXPECT_EQ(l.acute_days, 7);
  EXPECT_EQ(l.chronic_days, 28);
  EXPECT_EQ(l.min_history_days, 28);
  EXPECT_EQ(l.spike_window_days, 30);
  ASSERT_EQ(l.spike_bands.size(), 3u);
  EXPECT_EQ(l.spike_bands[0].name, "small");
  EXPECT_EQ(l.spike_bands[0].above, 1.10);
  EXPECT_EQ(l.spike_bands[0].hazard_ratio, 1.64);
  EXPECT_EQ(l.spike_bands[1].above, 1.30);
  EXPECT_EQ(l.spike_bands[1].hazard_ratio, 1.52);
  EXPECT_EQ(l.spike_bands[2].above, 2.00);
  EXPECT_EQ(l.spike_bands[2].hazard_ratio, 2.28);
  EXPECT_EQ(l.week_change_above, 0.20);
  EXPECT_EQ(l.two_week_change_above, 0.30);
  EXPECT_EQ(l.acwr_elevated_min, 1.3);
  EXPECT_EQ(l.acwr_high_above, 1.5);
  EXPECT_EQ(l.monotony_above, 2.0);
  EXPECT_EQ(l.monotony_sd_floor, 1e-6);
  EXPECT_EQ(l.monotony_min_sessions, 2);
  for (const auto& [rule, id] : domain::EnumNames<domain::LoadRule>::table) {
    EXPECT_FALSE(l.evidence.at(rule).empty()) << id;
  }
  EXPECT_NE(l.evidence.at(domain::LoadRule::acwr).find("context"), std::string::npos);
  EXPECT_NE(l.evidence.at(domain::LoadRule::week).find("weak evidence"), std::string::npos);
}

TEST(RuleBook, HoldsThePlanningThresholdsOfRulesMdSection4) {
  const auto& p = testing::book().plan;
  EXPECT_EQ(p.mean_weeks, 4);
  EXPECT_EQ(p.longest_run_days, 30);
  EXPECT_DOUBLE_EQ(p.grad_week_max, 1.10);
  EXPECT_DOUBLE_EQ(p.grad_run_max, 1.10);
  EXPECT_DOUBLE_EQ(p.cut_week, 0.70);
  EXPECT_DOUBLE_EQ(p.cut_run_max, 0.80);
  EXPECT_EQ(p.rest_days_min, 1);
  const auto& c = testing::book().cross;
  EXPECT_DOUBLE_EQ(c.met[static_cast<std::size_t>(domain::Sport::run)], 8.3);
  EXPECT_DOUBLE_EQ(c.met[static_cast<std::size_t>(domain::Sport::swim)], 5.8);
  EXPECT_DOUBLE_EQ(c.met[static_cast<std::size_t>(domain::Sport::walk)], 4.3);
  EXPECT_EQ(c.max_session_min, 90);
  EXPECT_EQ(c.split_session_min, 40);
  ASSERT_FALSE(c.prefer_knee.empty());
  EXPECT_EQ(c.prefer_knee.front(), domain::Sport::swim);
}

TEST(RuleBook, RejectsABadPlanOrCrossSectionNamingTheField) {
  EXPECT_NE(error_with("\"cut_week\": 0.70", "\"cut_week\": 1.5").find("plan.cut_week"), std::string::npos);
  EXPECT_NE(error_with("\"rest_days_min\": 1", "\"rest_days_min\": 0").find("plan.rest_days_min"), std::string::npos);
  EXPECT_NE(error_with("\"swim\": 5.8", "\"swim\": 0").find("cross.met.swim"), std::string::npos);
  EXPECT_NE(error_with("\"knee\": [\"swim\"", "\"knee\": [\"run\"").find("cross.prefer.knee"), std::string::npos);
  EXPECT_NE(error_with("\"min_session_min\": 10", "\"min_session_min\": 95").find("cross.min_session_min"),
            std::string::npos);
  EXPECT_NE(error_with("\"split_session_min\": 40", "\"split_session_min\": 120").find("cross.split_session_min"),
            std::string::npos);
}

TEST(RuleBook, RejectsABadLoadSectionNamingTheField) {
  EXPECT_NE(error_with("\"swim\": 0.0", "\"swim\": -1").find("load.impact_factor.swim"), std::string::npos);
  EXPECT_NE(error_with("\"swim\": 0.0,", "").find("load.impact_factor.swim: missing"), std::string::npos);
  EXPECT_NE(error_with("\"above\": 1.30,", "\"above\": 1.05,").find("load.spike_bands[1]"), std::string::npos);
  EXPECT_NE(error_with("[0.60, 2]", "[0.40, 2]").find("load.rpe_from_heart_rate[1]"), std::string::npos);
  EXPECT_NE(error_with("[0.60, 2]", "\"x\"").find("load.rpe_from_heart_rate[1]"), std::string::npos);
  EXPECT_NE(error_with("\"acwr_high_above\": 1.5", "\"acwr_high_above\": 1.2").find("load.acwr_high_above"),
            std::string::npos);
  EXPECT_NE(error_with("\"acute_days\": 7", "\"acute_days\": 28").find("load.acute_days"), std::string::npos);
  EXPECT_NE(error_with("\"LOAD-MONO-1\":", "\"LOAD-MONO-X\":").find("load_evidence.LOAD-MONO-1: missing"),
            std::string::npos);
}

TEST(RuleBook, AdviceTextIsAccurateAboutPainRelief) {
  const auto& med = testing::book().advice.at(std::string(ids::kCareMed1));
  EXPECT_NE(med.find("Paracetamol (acetaminophen)"), std::string::npos);
  EXPECT_NE(med.find("is not an NSAID"), std::string::npos);
  EXPECT_NE(med.find("Ibuprofen and naproxen are NSAIDs"), std::string::npos);
  EXPECT_NE(testing::book().advice.at(std::string(ids::kCareEvid1)).find("PEACE & LOVE"), std::string::npos);
  EXPECT_NE(testing::book().advice.at(std::string(ids::kCareHeat1)).find("swollen"), std::string::npos);
}

TEST(RuleBook, RejectsAMissingThresholdNamingIt) {
  const std::string text(default_rule_book_text());
  std::string broken = text;
  broken.replace(broken.find("\"severe_pain_min\""), std::string("\"severe_pain_min\"").size(), "\"severe_pain_mini\"");
  const auto r = parse_rule_book(broken, "custom.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("custom.json: triage.severe_pain_min: missing"), std::string::npos)
      << r.error().message;
}

TEST(RuleBook, RejectsOutOfRangeAndWrongTypes) {
  const std::string text(default_rule_book_text());
  auto with = [&](std::string from, std::string to) {
    std::string s = text;
    s.replace(s.find(from), from.size(), to);
    return parse_rule_book(s, "x.json");
  };
  EXPECT_FALSE(with("\"severe_pain_min\": 7", "\"severe_pain_min\": 11"));
  EXPECT_FALSE(with("\"severe_pain_min\": 7", "\"severe_pain_min\": \"7\""));
  EXPECT_FALSE(with("\"heat_first_episode_day\": 2", "\"heat_first_episode_day\": 1"));
  EXPECT_FALSE(parse_rule_book("{", "x.json"));
  EXPECT_FALSE(parse_rule_book("[]", "x.json"));
}

TEST(RuleBook, AThresholdChangedInTheFileChangesTriage) {
  std::string s(default_rule_book_text());
  s.replace(s.find("\"severe_pain_min\": 7"), std::string("\"severe_pain_min\": 7").size(), "\"severe_pain_min\": 6");
  const auto custom = parse_rule_book(s, "x.json");
  ASSERT_TRUE(custom);
  const std::vector<domain::PainCheckin> cs{testing::ci(0, 6)};
  EXPECT_EQ(triage({testing::day(0), cs, {}, {}, {}}, testing::book()).action, Action::stop_running);
  EXPECT_EQ(triage({testing::day(0), cs, {}, {}, {}}, *custom).action, Action::see_clinician);
}

}  // namespace
}  // namespace stridecare::rules
