// Self-care advice: ice on episode days 0-1, heat from day 2 and never with swelling.

#include "rules/care.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "checkin_builder.hpp"

namespace stridecare::rules {
namespace {

using domain::Sign;
using testing::book;
using testing::ci;
using testing::day;

std::vector<std::string> care_ids(int as_of, const std::vector<domain::PainCheckin>& cs) {
  std::vector<std::string> out;
  for (const auto& c : care_advice(triage({day(as_of), cs, {}, {}}, book()), book())) out.push_back(c.id);
  return out;
}

bool has(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(CareAdvice, IceOnTheFirstTwoEpisodeDays) {
  EXPECT_TRUE(has(care_ids(0, {ci(0, 3)}), "CARE-ICE-1"));
  EXPECT_TRUE(has(care_ids(1, {ci(0, 3)}), "CARE-ICE-1"));
  EXPECT_FALSE(has(care_ids(1, {ci(0, 3)}), "CARE-HEAT-1"));
}

TEST(CareAdvice, HeatFromTheThirdEpisodeDay) {
  const auto ids = care_ids(2, {ci(0, 3), ci(2, 2)});
  EXPECT_TRUE(has(ids, "CARE-HEAT-1"));
  EXPECT_FALSE(has(ids, "CARE-ICE-1"));
}

TEST(CareAdvice, NoHeatWhileSwellingIsPresent) {
  const auto ids = care_ids(3, {ci(0, 3), ci(3, 2).sign(Sign::swelling)});
  EXPECT_FALSE(has(ids, "CARE-HEAT-1"));
}

TEST(CareAdvice, NoHeatAnywhereWhileAnotherSiteIsInItsIceDays) {
  const auto ids = care_ids(4, {ci(0, 3), ci(4, 2), ci(4, 3).site(domain::Site::hip)});
  EXPECT_TRUE(has(ids, "CARE-ICE-1"));
  EXPECT_FALSE(has(ids, "CARE-HEAT-1"));
}

TEST(CareAdvice, PainReliefFactsComeWithTheEvidenceNote) {
  const auto ids = care_ids(0, {ci(0, 3)});
  EXPECT_TRUE(has(ids, "CARE-MED-1"));
  EXPECT_TRUE(has(ids, "CARE-EVID-1"));
}

TEST(CareAdvice, CutBackAdviceWithReduceAndStopRunning) {
  EXPECT_TRUE(has(care_ids(0, {ci(0, 4)}), "CARE-RUN-1"));
  EXPECT_TRUE(has(care_ids(0, {ci(0, 6)}), "CARE-RUN-1"));
  EXPECT_FALSE(has(care_ids(0, {ci(0, 2)}), "CARE-RUN-1"));
}

TEST(CareAdvice, NoHomeCareWithEmergencyOrUrgentCare) {
  EXPECT_TRUE(care_ids(0, {ci(0, 3).sign(Sign::deformity)}).empty());
  EXPECT_TRUE(care_ids(0, {ci(0, 3).sign(Sign::locking)}).empty());
}

TEST(CareAdvice, NoEpisodeNoIceHeatOrMedicine) {
  EXPECT_TRUE(care_ids(10, {ci(0, 3)}).empty()) << "the episode ended after 7 days without pain";
  EXPECT_TRUE(care_ids(0, {}).empty());
}

TEST(Episodes, EndAfterThreePainFreeCheckinDays) {
  const auto ids = care_ids(3, {ci(0, 3), ci(1, 0), ci(2, 0), ci(3, 0)});
  EXPECT_FALSE(has(ids, "CARE-HEAT-1"));
  EXPECT_FALSE(has(ids, "CARE-MED-1"));
}

TEST(Episodes, PainReturningWithinAWeekResumesTheEpisode) {
  const auto r = triage(
      {day(5), std::vector<domain::PainCheckin>{ci(0, 3), ci(1, 0), ci(2, 0), ci(3, 0), ci(5, 2)}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].start, day(0));
  EXPECT_EQ(r.episodes[0].episode_day, 5);
}

TEST(Episodes, PainAfterAQuietWeekStartsANewEpisode) {
  const auto r = triage({day(10), std::vector<domain::PainCheckin>{ci(0, 3), ci(10, 2)}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].start, day(10));
  EXPECT_EQ(r.episodes[0].episode_day, 0);
}

}  // namespace
}  // namespace stridecare::rules
