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

/// The IDs of the advice given; a note that withholds heat is not heat advice and shows as CARE-HEAT-1-withheld.
std::vector<std::string> care_ids(int as_of, const std::vector<domain::PainCheckin>& cs) {
  std::vector<std::string> out;
  for (const auto& c : care_advice(triage({day(as_of), cs, {}, {}, {}}, book()), book())) {
    out.push_back(c.withheld ? c.id + "-withheld" : c.id);
  }
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
  EXPECT_TRUE(has(ids, "CARE-HEAT-1-withheld"));
}

TEST(CareAdvice, NoHeatWhileTheJointIsWarmOrRed) {
  EXPECT_FALSE(has(care_ids(3, {ci(0, 3), ci(3, 2).sign(Sign::warmth)}), "CARE-HEAT-1"));
  EXPECT_FALSE(has(care_ids(3, {ci(0, 3), ci(3, 2).sign(Sign::redness)}), "CARE-HEAT-1"));
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

// Rules version 2 (rules.md 1): pain after an episode ended begins a new episode, even within 7 days.
TEST(Episodes, PainReturningAfterTheEpisodeEndedBeginsANewEpisode) {
  const auto r = triage(
      {day(5), std::vector<domain::PainCheckin>{ci(0, 3), ci(1, 0), ci(2, 0), ci(3, 0), ci(5, 2)}, {}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].start, day(5));
  EXPECT_EQ(r.episodes[0].episode_day, 0);
}

TEST(Episodes, PainReturningBeforeTheEpisodeEndedContinuesIt) {
  const auto r =
      triage({day(5), std::vector<domain::PainCheckin>{ci(0, 3), ci(1, 0), ci(2, 0), ci(5, 2)}, {}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].start, day(0));
}

TEST(Episodes, SilenceDoesNotEndAnEpisodeDuringAStop) {
  const auto r = triage({day(40), std::vector<domain::PainCheckin>{ci(0, 6)}, {}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u) << "TRIAGE-PMM-1 is still in force: the episode goes on";
  EXPECT_EQ(r.episodes[0].episode_day, 40);
}

TEST(Episodes, PainFreeDaysDoNotEndAnEpisodeDuringAProgramme) {
  const std::vector<ProgrammeInForce> programme{
      {domain::Site::knee, domain::Side::left, day(1), std::nullopt, "stage"}};
  const std::vector<domain::PainCheckin> cs{ci(0, 6), ci(1, 0), ci(2, 0), ci(3, 0), ci(4, 0)};
  EXPECT_EQ(triage({day(20), cs, {}, {}, programme}, book()).episodes.size(), 1u);
  EXPECT_TRUE(triage({day(20), cs, {}, {}, {}}, book()).episodes.empty()) << "without the programme it ended";
}

TEST(Episodes, EndOnTheFirstDayAfterTheProgramme) {
  const std::vector<ProgrammeInForce> programme{{domain::Site::knee, domain::Side::left, day(1), day(10), "stage"}};
  const std::vector<domain::PainCheckin> cs{ci(0, 6), ci(1, 0), ci(2, 0), ci(3, 0)};
  EXPECT_EQ(triage({day(9), cs, {}, {}, programme}, book()).episodes.size(), 1u);
  EXPECT_TRUE(triage({day(10), cs, {}, {}, programme}, book()).episodes.empty());
}

TEST(CareAdvice, HeatIsWithheldAndSaidSoWhileTheJointIsSwollen) {
  const auto r =
      triage({day(3), std::vector<domain::PainCheckin>{ci(0, 3), ci(3, 2).sign(Sign::swelling)}, {}, {}, {}}, book());
  const auto care = care_advice(r, book());
  const auto heat = std::find_if(care.begin(), care.end(), [](const CareAdvice& c) { return c.id == "CARE-HEAT-1"; });
  ASSERT_NE(heat, care.end());
  EXPECT_TRUE(heat->withheld);
  EXPECT_NE(heat->text.find("No heat"), std::string::npos) << heat->text;
  EXPECT_NE(heat->text.find("cold pack"), std::string::npos) << heat->text;
}

TEST(CareAdvice, EvidenceNoteOnlyBesideIceOrPainRelief) {
  EXPECT_FALSE(has(care_ids(0, {ci(0, 0)}), "CARE-EVID-1"));
  EXPECT_TRUE(has(care_ids(0, {ci(0, 2)}), "CARE-EVID-1"));
}

TEST(CareAdvice, RunAdviceSaysStopUnderAStopAndFollowTheStageInAProgramme) {
  const auto text_of = [](const TriageResult& r) {
    for (const auto& c : care_advice(r, book())) {
      if (c.id == "CARE-RUN-1") return c.text;
    }
    return std::string();
  };
  EXPECT_EQ(text_of(triage({day(0), std::vector<domain::PainCheckin>{ci(0, 6)}, {}, {}, {}}, book())),
            book().run_stop_text);
  const std::vector<ProgrammeInForce> programme{{domain::Site::knee, domain::Side::left, day(1), std::nullopt, "s"}};
  EXPECT_EQ(text_of(triage({day(2), std::vector<domain::PainCheckin>{ci(0, 6), ci(1, 2)}, {}, {}, programme}, book())),
            book().run_return_text);
}

TEST(Episodes, PainAfterAQuietWeekStartsANewEpisode) {
  const auto r = triage({day(10), std::vector<domain::PainCheckin>{ci(0, 3), ci(10, 2)}, {}, {}, {}}, book());
  ASSERT_EQ(r.episodes.size(), 1u);
  EXPECT_EQ(r.episodes[0].start, day(10));
  EXPECT_EQ(r.episodes[0].episode_day, 0);
}

}  // namespace
}  // namespace stridecare::rules
