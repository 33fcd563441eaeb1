// Red-flag and seed rules stay in force until their clearing condition of rules.md holds.

#include <gtest/gtest.h>

#include "checkin_builder.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {
namespace {

using domain::Sign;
using testing::book;
using testing::ci;
using testing::day;

Action action_on(int as_of, const std::vector<domain::PainCheckin>& cs) {
  return triage({day(as_of), cs, {}, {}, {}}, book()).action;
}

TEST(TriageClearing, RedFlagOutlivesTheWindowAndBenignCheckins) {
  std::vector<domain::PainCheckin> cs{ci(0, 3).sign(Sign::cannot_bear_weight)};
  for (int d = 1; d < 60; ++d) cs.push_back(ci(d, 0));
  EXPECT_EQ(action_on(400, cs), Action::emergency);
}

TEST(TriageClearing, RedFlagClearsOnLaterClinicianClearanceWithLowPainAndNoSigns) {
  const int max = book().triage.red_flag_clear_pain_max;
  EXPECT_EQ(action_on(1, {ci(0, 3).sign(Sign::locking), ci(1, max).cleared()}), Action::keep_going);
}

TEST(TriageClearing, RedFlagDoesNotClearWithPainAboveTheClearingMaximum) {
  const int max = book().triage.red_flag_clear_pain_max;
  EXPECT_EQ(action_on(1, {ci(0, 3).sign(Sign::locking), ci(1, max + 1).cleared()}), Action::urgent_care);
}

TEST(TriageClearing, RedFlagDoesNotClearWhileASignRemains) {
  EXPECT_EQ(action_on(1, {ci(0, 3).sign(Sign::locking), ci(1, 1).sign(Sign::warmth).cleared()}), Action::urgent_care);
}

TEST(TriageClearing, ClearanceOnTheSameCheckinAsTheRedFlagDoesNotClearIt) {
  EXPECT_EQ(action_on(0, {ci(0, 1).sign(Sign::deformity).cleared()}), Action::emergency);
}

TEST(TriageClearing, RedFlagOfOneSiteIsNotClearedByAnotherSite) {
  EXPECT_EQ(action_on(1, {ci(0, 3).sign(Sign::locking), ci(1, 0).side(domain::Side::right).cleared()}),
            Action::urgent_care);
}

TEST(TriageClearing, SeedRuleClearsAfterEnoughSignFreeCheckinDays) {
  const int n = book().triage.sign_free_days_to_clear;
  std::vector<domain::PainCheckin> cs{ci(0, 8)};
  for (int d = 1; d < n; ++d) cs.push_back(ci(d, 1));
  EXPECT_EQ(action_on(n - 1, cs), Action::see_clinician) << "one sign-free day short";
  cs.push_back(ci(n, 1));
  EXPECT_EQ(action_on(n, cs), Action::keep_going);
}

TEST(TriageClearing, SeveralCheckinsOnOneDayCountAsOneSignFreeDay) {
  const int n = book().triage.sign_free_days_to_clear;
  std::vector<domain::PainCheckin> cs{ci(0, 8)};
  for (int k = 0; k < n; ++k) cs.push_back(ci(1, 1).at(8 * 60 + k));
  EXPECT_EQ(action_on(1, cs), Action::see_clinician);
}

TEST(TriageClearing, SeedRuleClearsOnClinicianClearance) {
  EXPECT_EQ(action_on(1, {ci(0, 1).sign(Sign::swelling), ci(1, 1).cleared()}), Action::keep_going);
}

TEST(TriageClearing, SeedRuleStaysWithoutCheckinsLongAfter) {
  EXPECT_EQ(action_on(300, {ci(0, book().triage.severe_pain_min).persists()}), Action::see_clinician);
}

TEST(TriageClearing, SignFreeDaysMustBeInARow) {
  const int n = book().triage.sign_free_days_to_clear;
  std::vector<domain::PainCheckin> cs{ci(0, 1).sign(Sign::swelling)};
  // Sign-free check-in days with a gap after the first: only the days after the gap count.
  cs.push_back(ci(1, 1));
  for (int d = 3; d < 3 + n - 1; ++d) cs.push_back(ci(d, 1));
  EXPECT_EQ(action_on(3 + n - 2, cs), Action::see_clinician) << n << " sign-free days, but not in a row";
  cs.push_back(ci(3 + n - 1, 1));
  EXPECT_EQ(action_on(3 + n - 1, cs), Action::keep_going);
}

TEST(TriageClearing, ABothSidesRedFlagNeedsEachSideCleared) {
  const std::vector<domain::PainCheckin> cs{ci(0, 3).sign(Sign::locking).side(domain::Side::both), ci(1, 0).cleared()};
  EXPECT_EQ(action_on(1, cs), Action::urgent_care) << "the right knee is not cleared";
  auto both = cs;
  both.push_back(ci(1, 0).side(domain::Side::right).cleared());
  EXPECT_EQ(action_on(1, both), Action::keep_going);
}

TEST(TriageClearing, AClinicianClearanceEndsNeitherAStopNorAProgramme) {
  // Pain 6 with swelling: TRIAGE-SEED-1 and TRIAGE-PMM-1. The clearance ends the seed rule only.
  const std::vector<domain::PainCheckin> cs{ci(0, 6).sign(Sign::swelling), ci(1, 5).cleared()};
  EXPECT_EQ(action_on(1, cs), Action::stop_running);
}

TEST(TriageClearing, PersistRuleStaysUntilCleared) {
  const int persist = book().triage.persist_min_episode_days;
  std::vector<domain::PainCheckin> cs;
  for (int d = 0; d <= persist; ++d) cs.push_back(ci(d, 2));
  EXPECT_EQ(action_on(persist + 30, cs), Action::see_clinician);
  cs.push_back(ci(persist + 31, 0).cleared());
  EXPECT_EQ(action_on(persist + 31, cs), Action::keep_going);
}

}  // namespace
}  // namespace stridecare::rules
