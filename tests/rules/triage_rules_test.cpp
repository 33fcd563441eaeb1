// Table-driven: every triage rule ID fires on its own minimal case and not on its near miss.

#include <algorithm>

#include <gtest/gtest.h>

#include "checkin_builder.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {
namespace {

using domain::Sign;
using domain::Site;
using domain::Timing;
using testing::book;
using testing::ci;
using testing::day;

struct Case {
  std::string name;
  std::string rule;
  bool fires;
  std::vector<domain::PainCheckin> checkins;
  int as_of = 0;
  std::vector<int> run_days{};
  std::vector<LoadWarningRef> warnings{};
  std::vector<ProgrammeInForce> programmes{};
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

bool fired(const TriageResult& r, std::string_view id) {
  return std::any_of(r.rules.begin(), r.rules.end(), [&](const FiredRule& f) { return f.id == id; });
}

TriageResult run(const Case& c) {
  std::vector<domain::Date> runs;
  for (int d : c.run_days) runs.push_back(day(d));
  return triage({day(c.as_of), c.checkins, runs, lookup_in(c.warnings), c.programmes}, book());
}

std::vector<Case> cases() {
  const auto& t = book().triage;
  const int severe = t.severe_pain_min;
  const int stop = t.stop_running_pain_above;
  const int reduce = t.reduce_pain_min;
  const int morning = t.next_morning_pain_above;
  const int rest = t.at_rest_after_run_pain_min;
  const int persist = t.persist_min_episode_days;
  const int w = t.window_days;
  const int lead = t.load_warning_lead_days;
  const int very = t.very_severe_pain_min;
  const int groin = t.groin_rest_pain_min;
  const int ends = t.stop_ends_pain_max;
  const auto hip_front = [](int d, int pain) { return ci(d, pain).site(Site::hip).region(domain::Region::front); };
  const ProgrammeInForce programme{Site::knee, domain::Side::left, day(2), std::nullopt, "stage 0 of 7"};
  const ProgrammeInForce completed{Site::knee, domain::Side::left, day(2), day(5), "stage 7 of 7"};

  // A steady daily pain from day 0 to day `last`.
  const auto daily = [](int last, int pain) {
    std::vector<domain::PainCheckin> out;
    for (int d = 0; d <= last; ++d) out.push_back(ci(d, pain));
    return out;
  };
  std::vector<domain::PainCheckin> improving = daily(persist, 2);
  for (int d = 0; d < w; ++d) improving[static_cast<std::size_t>(d)].pain = 4;

  return {
      {"RF1_SwellingWithFever", "TRIAGE-RF-1", true, {ci(0, 2).sign(Sign::swelling).sign(Sign::fever_or_unwell)}},
      {"RF1_WarmthWithFever", "TRIAGE-RF-1", true, {ci(0, 2).sign(Sign::warmth).sign(Sign::fever_or_unwell)}},
      {"RF1_RednessWithFever", "TRIAGE-RF-1", true, {ci(0, 0).sign(Sign::redness).sign(Sign::fever_or_unwell)}},
      {"RF1_NearMiss_FeverAlone", "TRIAGE-RF-1", false, {ci(0, 2).sign(Sign::fever_or_unwell)}},
      {"RF1_NearMiss_SwellingAlone", "TRIAGE-RF-1", false, {ci(0, 2).sign(Sign::swelling)}},
      {"RF2_CannotBearWeight", "TRIAGE-RF-2", true, {ci(0, 3).sign(Sign::cannot_bear_weight)}},
      {"RF2_Deformity", "TRIAGE-RF-2", true, {ci(0, 3).sign(Sign::deformity)}},
      {"RF2_NearMiss_NoSign", "TRIAGE-RF-2", false, {ci(0, 9)}},
      {"RF3_NumbnessAfterInjury",
       "TRIAGE-RF-3",
       true,
       {ci(0, 3).sign(Sign::numbness_tingling).sign(Sign::injury_trauma)}},
      {"RF3_NearMiss_NumbnessAlone", "TRIAGE-RF-3", false, {ci(0, 3).sign(Sign::numbness_tingling)}},
      {"RF4_Locking", "TRIAGE-RF-4", true, {ci(0, 2).sign(Sign::locking)}},
      {"RF4_GivingWay", "TRIAGE-RF-4", true, {ci(0, 2).sign(Sign::giving_way)}},
      {"RF4_NearMiss_NoSign", "TRIAGE-RF-4", false, {ci(0, 2)}},
      {"RF5_SwellingAfterInjury", "TRIAGE-RF-5", true, {ci(0, 2).sign(Sign::swelling).sign(Sign::injury_trauma)}},
      {"RF5_SeverePainAfterInjury", "TRIAGE-RF-5", true, {ci(0, severe).sign(Sign::injury_trauma)}},
      {"RF5_NearMiss_InjuryAlone", "TRIAGE-RF-5", false, {ci(0, 2).sign(Sign::injury_trauma)}},
      {"RF5_NearMiss_InjuryWithPainBelowSevere", "TRIAGE-RF-5", false, {ci(0, severe - 1).sign(Sign::injury_trauma)}},
      {"RF6_NightPain", "TRIAGE-RF-6", true, {ci(0, 2).sign(Sign::night_pain)}},
      {"RF6_HipWithFever", "TRIAGE-RF-6", true, {ci(0, 2).site(Site::hip).sign(Sign::fever_or_unwell)}},
      {"RF6_HipWithFeverWithoutPain", "TRIAGE-RF-6", true, {ci(0, 0).site(Site::hip).sign(Sign::fever_or_unwell)}},
      {"RF6_KneePainWithFever", "TRIAGE-RF-6", true, {ci(0, 1).sign(Sign::fever_or_unwell)}},
      {"RF6_NearMiss_KneeWithFeverWithoutPain", "TRIAGE-RF-6", false, {ci(0, 0).sign(Sign::fever_or_unwell)}},
      {"RF7_VerySeverePain", "TRIAGE-RF-7", true, {ci(0, very)}},
      {"RF7_NearMiss_BelowVerySevere", "TRIAGE-RF-7", false, {ci(0, very - 1)}},
      {"RF8_SwellingWithWarmth", "TRIAGE-RF-8", true, {ci(0, 2).sign(Sign::swelling).sign(Sign::warmth)}},
      {"RF8_SwellingWithRedness", "TRIAGE-RF-8", true, {ci(0, 0).sign(Sign::swelling).sign(Sign::redness)}},
      {"RF8_NearMiss_WithFeverIsRF1",
       "TRIAGE-RF-8",
       false,
       {ci(0, 2).sign(Sign::swelling).sign(Sign::warmth).sign(Sign::fever_or_unwell)}},
      {"RF8_NearMiss_WarmthAndRednessWithoutSwelling",
       "TRIAGE-RF-8",
       false,
       {ci(0, 2).sign(Sign::warmth).sign(Sign::redness)}},
      {"SEED1_SwellingWithPain", "TRIAGE-SEED-1", true, {ci(0, 1).sign(Sign::swelling)}},
      {"SEED1_RednessWithPain", "TRIAGE-SEED-1", true, {ci(0, 1).sign(Sign::redness)}},
      {"SEED1_Warmth", "TRIAGE-SEED-1", true, {ci(0, 1).sign(Sign::warmth)}},
      {"SEED1_SwellingWithoutPain", "TRIAGE-SEED-1", true, {ci(0, 0).sign(Sign::swelling)}},
      {"SEED1_NearMiss_NoSign", "TRIAGE-SEED-1", false, {ci(0, 3)}},
      {"NEURO1_NumbnessWithoutInjury", "TRIAGE-NEURO-1", true, {ci(0, 1).sign(Sign::numbness_tingling)}},
      {"NEURO1_NearMiss_AfterInjuryIsRF3",
       "TRIAGE-NEURO-1",
       false,
       {ci(0, 1).sign(Sign::numbness_tingling).sign(Sign::injury_trauma)}},
      {"BONE1_GroinPainAtRest", "TRIAGE-BONE-1", true, {hip_front(0, groin).timing(Timing::at_rest)}},
      {"BONE1_GroinPainOnWaking", "TRIAGE-BONE-1", true, {hip_front(0, groin).timing(Timing::next_morning)}},
      {"BONE1_NearMiss_BelowThreshold", "TRIAGE-BONE-1", false, {hip_front(0, groin - 1).timing(Timing::at_rest)}},
      {"BONE1_NearMiss_AfterRun", "TRIAGE-BONE-1", false, {hip_front(0, groin).timing(Timing::after_run)}},
      {"BONE1_NearMiss_OuterHip",
       "TRIAGE-BONE-1",
       false,
       {ci(0, groin).site(Site::hip).region(domain::Region::outer).timing(Timing::at_rest)}},
      {"SEED2_SeverePain", "TRIAGE-SEED-2", true, {ci(0, severe)}},
      {"SEED2_NearMiss_BelowSevere", "TRIAGE-SEED-2", false, {ci(0, severe - 1)}},
      {"SEED3_PersistsAfterRun", "TRIAGE-SEED-3", true, {ci(0, 2).persists()}},
      {"SEED3_AtRestDayAfterRun", "TRIAGE-SEED-3", true, {ci(1, rest).timing(Timing::at_rest)}, 1, {0}},
      {"SEED3_NearMiss_AtRestSameDayAsRun", "TRIAGE-SEED-3", false, {ci(1, rest).timing(Timing::at_rest)}, 1, {1}},
      {"SEED3_NearMiss_AtRestBelowThreshold",
       "TRIAGE-SEED-3",
       false,
       {ci(1, rest - 1).timing(Timing::at_rest)},
       1,
       {0}},
      {"SEED3_NearMiss_AfterRunTiming", "TRIAGE-SEED-3", false, {ci(1, rest)}, 1, {0}},
      {"PERSIST1_NoImprovementAfterThreeWeeks", "TRIAGE-PERSIST-1", true, daily(persist, 2), persist},
      {"PERSIST1_NearMiss_OneDayYounger", "TRIAGE-PERSIST-1", false, daily(persist - 1, 2), persist - 1},
      {"PERSIST1_NearMiss_Improving", "TRIAGE-PERSIST-1", false, improving, persist},
      {"PMM1_PainAboveStopThreshold", "TRIAGE-PMM-1", true, {ci(0, stop + 1)}},
      {"PMM1_CheckinSixDaysAgoStillCounts", "TRIAGE-PMM-1", true, {ci(0, stop + 1)}, w - 1},
      {"PMM1_NearMiss_AtStopThreshold", "TRIAGE-PMM-1", false, {ci(0, stop)}},
      {"PMM1_StaysBeyondTheWindowWithoutACheckin", "TRIAGE-PMM-1", true, {ci(0, stop + 1)}, w + 30},
      {"PMM1_StaysWhileTheLaterDayIsAboveTheEnd", "TRIAGE-PMM-1", true, {ci(0, stop + 1), ci(1, ends + 1)}, 1},
      {"PMM1_StaysWhenTheSameDayEndsLower",
       "TRIAGE-PMM-1",
       true,
       {ci(0, stop + 1).at(8 * 60), ci(0, 1).at(20 * 60)},
       0},
      {"PMM1_NearMiss_EndedByALaterDayAtTheEnd", "TRIAGE-PMM-1", false, {ci(0, stop + 1), ci(1, ends)}, 1},
      {"PMM1_NearMiss_LatestDayLower", "TRIAGE-PMM-1", false, {ci(0, stop + 1), ci(1, 1)}, 1},
      {"PMM2_NextMorningAboveThreshold", "TRIAGE-PMM-2", true, {ci(0, morning + 1).timing(Timing::next_morning)}},
      {"PMM2_NextMorningHigherThanEvening",
       "TRIAGE-PMM-2",
       true,
       {ci(0, 1).at(20 * 60), ci(1, 2).timing(Timing::next_morning).at(7 * 60)},
       1},
      {"PMM2_NearMiss_NextMorningSettled",
       "TRIAGE-PMM-2",
       false,
       {ci(0, morning).at(20 * 60), ci(1, morning).timing(Timing::next_morning).at(7 * 60)},
       1},
      {"PMM2_NearMiss_HighPainNotNextMorning", "TRIAGE-PMM-2", false, {ci(0, morning + 1)}},
      {"PMM3_PainAtReduceThreshold", "TRIAGE-PMM-3", true, {ci(0, reduce)}},
      {"PMM3_PainAtStopThreshold", "TRIAGE-PMM-3", true, {ci(0, stop)}},
      {"PMM3_NearMiss_BelowReduce", "TRIAGE-PMM-3", false, {ci(0, reduce - 1)}},
      {"PMM3_NearMiss_AboveStop", "TRIAGE-PMM-3", false, {ci(0, stop + 1)}},
      {"PMM4_WorseningByOnePoint", "TRIAGE-PMM-4", true, {ci(0, 1), ci(w, 2)}, w},
      {"PMM4_NearMiss_WorseningByLess", "TRIAGE-PMM-4", false, {ci(0, 1), ci(1, 2), ci(w, 2), ci(w + 1, 2)}, w + 1},
      {"PMM4_NearMiss_NoEarlierWindow", "TRIAGE-PMM-4", false, {ci(w, 3)}, w},
      {"LOAD1_EpisodeSoonAfterWarning",
       "TRIAGE-LOAD-1",
       true,
       {ci(10, 2)},
       10,
       {},
       {{"LOAD-SPIKE-1", day(10 - lead), "14.2 km is 1.29 x"}}},
      {"LOAD1_EpisodeOnWarningDay", "TRIAGE-LOAD-1", true, {ci(10, 2)}, 10, {}, {{"LOAD-WEEK-1", day(10), "+35%"}}},
      {"LOAD1_NearMiss_WarningTooEarly",
       "TRIAGE-LOAD-1",
       false,
       {ci(10, 2)},
       10,
       {},
       {{"LOAD-SPIKE-1", day(10 - lead - 1), "x"}}},
      {"LOAD1_NearMiss_WarningAfterEpisodeBegan",
       "TRIAGE-LOAD-1",
       false,
       {ci(10, 2)},
       10,
       {},
       {{"LOAD-SPIKE-1", day(11), "x"}}},
      {"LOAD1_NearMiss_NoPain", "TRIAGE-LOAD-1", false, {ci(10, 0)}, 10, {}, {{"LOAD-SPIKE-1", day(9), "x"}}},
      {"OK1_LowPain", "TRIAGE-OK-1", true, {ci(0, reduce - 1)}},
      {"OK1_NoRecentCheckin", "TRIAGE-OK-1", true, {ci(0, reduce)}, w},
      {"OK1_NearMiss_StopWithoutACheckin", "TRIAGE-OK-1", false, {ci(0, stop + 1)}, w},
      {"OK1_NearMiss_ProgrammeInForce", "TRIAGE-OK-1", false, {ci(0, stop + 1), ci(2, 0)}, 3, {}, {}, {programme}},
      {"RTR1_ProgrammeInForce", "TRIAGE-RTR-1", true, {ci(0, stop + 1), ci(2, 0)}, 3, {}, {}, {programme}},
      {"RTR1_ProgrammeInForceLongAfter", "TRIAGE-RTR-1", true, {ci(0, stop + 1), ci(2, 0)}, 90, {}, {}, {programme}},
      {"RTR1_NearMiss_ProgrammeCompleted", "TRIAGE-RTR-1", false, {ci(0, stop + 1), ci(2, 0)}, 5, {}, {}, {completed}},
      {"RTR1_NearMiss_BeforeItStarts", "TRIAGE-RTR-1", false, {ci(0, stop + 1)}, 1, {}, {}, {programme}},
      {"OK1_NoCheckinsAtAll", "TRIAGE-OK-1", true, {}},
      {"OK1_NearMiss_ReducePain", "TRIAGE-OK-1", false, {ci(0, reduce)}},
  };
}

class TriageRule : public ::testing::TestWithParam<Case> {};

TEST_P(TriageRule, FiresExactlyWhenItsConditionHolds) {
  const Case& c = GetParam();
  const TriageResult r = run(c);
  EXPECT_EQ(fired(r, c.rule), c.fires) << c.name;
  if (c.fires) {
    const auto it = std::find_if(r.rules.begin(), r.rules.end(), [&](const FiredRule& f) { return f.id == c.rule; });
    EXPECT_FALSE(it->why.empty());
    EXPECT_TRUE(more_urgent_or_equal(r.action, it->action)) << "the action is the most urgent of the rules";
  }
}

INSTANTIATE_TEST_SUITE_P(AllRules, TriageRule, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(Triage, ActionOfEachRuleMatchesRulesMd) {
  const std::vector<std::pair<std::string, Action>> expected{
      {"TRIAGE-RF-1", Action::emergency},
      {"TRIAGE-RF-2", Action::emergency},
      {"TRIAGE-RF-3", Action::emergency},
      {"TRIAGE-RF-4", Action::urgent_care},
      {"TRIAGE-RF-5", Action::urgent_care},
      {"TRIAGE-RF-6", Action::urgent_care},
      {"TRIAGE-RF-7", Action::urgent_care},
      {"TRIAGE-RF-8", Action::urgent_care},
      {"TRIAGE-NEURO-1", Action::see_clinician},
      {"TRIAGE-BONE-1", Action::see_clinician},
      {"TRIAGE-RTR-1", Action::reduce},
      {"TRIAGE-SEED-1", Action::see_clinician},
      {"TRIAGE-SEED-2", Action::see_clinician},
      {"TRIAGE-SEED-3", Action::see_clinician},
      {"TRIAGE-PERSIST-1", Action::see_clinician},
      {"TRIAGE-PMM-1", Action::stop_running},
      {"TRIAGE-PMM-2", Action::reduce},
      {"TRIAGE-PMM-3", Action::reduce},
      {"TRIAGE-PMM-4", Action::reduce},
      {"TRIAGE-LOAD-1", Action::reduce},
      {"TRIAGE-OK-1", Action::keep_going},
  };
  for (const Case& c : cases()) {
    if (!c.fires) continue;
    for (const FiredRule& f : run(c).rules) {
      const auto it = std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return e.first == f.id; });
      ASSERT_NE(it, expected.end()) << f.id;
      EXPECT_EQ(f.action, it->second) << f.id << " in " << c.name;
    }
  }
}

TEST(Triage, ReportsTheFiguresThatFiredARule) {
  const TriageResult r = triage({day(0), std::vector<domain::PainCheckin>{ci(0, 8)}, {}, {}, {}}, book());
  const auto it =
      std::find_if(r.rules.begin(), r.rules.end(), [](const FiredRule& f) { return f.id == "TRIAGE-SEED-2"; });
  ASSERT_NE(it, r.rules.end());
  EXPECT_NE(it->why.find("8/10"), std::string::npos) << it->why;
  EXPECT_NE(it->why.find("2026-03-01"), std::string::npos) << it->why;
  EXPECT_NE(it->why.find("left knee"), std::string::npos) << it->why;
}

TEST(Triage, TakesTheMostUrgentActionOverAllSites) {
  const std::vector<domain::PainCheckin> cs{ci(0, 4), ci(0, 2).site(Site::hip).sign(Sign::locking)};
  const TriageResult r = triage({day(0), cs, {}, {}, {}}, book());
  EXPECT_EQ(r.action, Action::urgent_care);
  EXPECT_TRUE(fired(r, "TRIAGE-PMM-3"));
  EXPECT_TRUE(fired(r, "TRIAGE-RF-4"));
  EXPECT_EQ(r.rules.front().id, "TRIAGE-RF-4") << "most urgent first";
}

TEST(Triage, IgnoresCheckinsAfterTheTriageDay) {
  const std::vector<domain::PainCheckin> cs{ci(5, 2).sign(Sign::locking)};
  EXPECT_EQ(triage({day(4), cs, {}, {}, {}}, book()).action, Action::keep_going);
}

TEST(Triage, LoadRuleNamesTheWarningAndItsDate) {
  const std::vector<LoadWarningRef> warnings{{"LOAD-SPIKE-1", day(7), "14.2 km is 1.29 x your longest run of 11.0 km"}};
  const std::vector<domain::PainCheckin> cs{ci(10, 2)};
  const TriageResult r = triage({day(10), cs, {}, lookup_in(warnings), {}}, book());
  ASSERT_EQ(r.action, Action::reduce);
  const auto& why = r.rules.front().why;
  EXPECT_NE(why.find("LOAD-SPIKE-1"), std::string::npos) << why;
  EXPECT_NE(why.find("2026-03-08"), std::string::npos) << why;
}

}  // namespace
}  // namespace stridecare::rules
