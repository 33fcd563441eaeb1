#include "rules/rule_book.hpp"

#include <gtest/gtest.h>

#include "checkin_builder.hpp"
#include "rules/rule_ids.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {
namespace {

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
  EXPECT_EQ(triage({testing::day(0), cs, {}, {}}, testing::book()).action, Action::stop_running);
  EXPECT_EQ(triage({testing::day(0), cs, {}, {}}, *custom).action, Action::see_clinician);
}

}  // namespace
}  // namespace stridecare::rules
