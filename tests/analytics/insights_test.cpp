// Personal insights: what came before this runner's pain episodes, against
// their pain-free weeks, on histories written out here.

#include "analytics/insights.hpp"

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "load_builder.hpp"
#include "support/test_values.hpp"

namespace stridecare::analytics {
namespace {

using domain::Activity;
using domain::Site;
using testing::book;
using testing::day;
using testing::params;
using testing::run;

using test_support::contains;

int lead_days() { return book().triage.load_warning_lead_days; }

/// The distance of a run that is a moderate spike over an 8 km longest run:
/// halfway between the moderate and the large thresholds (1.65 x 8 km = 13.2 km
/// with the shipped bands).
double moderate_spike_m() {
  const auto& b = params().spike_bands;
  return std::round(8000 * (b[1].above + b[2].above) / 2);
}

/// `weeks` ISO weeks from Monday 2026-03-02 (day 0) of 8 km runs on Monday,
/// Wednesday and Saturday.
std::vector<Activity> easy_weeks(int weeks, domain::Id first_id = 1) {
  std::vector<Activity> acts;
  domain::Id id = first_id;
  for (int week = 0; week < weeks; ++week) {
    for (int d : {0, 2, 5}) acts.push_back(run(id++, 7 * week + d, 8000, 48, 5));
  }
  return acts;
}

/// Twenty easy weeks (days 0..139, to Sunday 2026-07-19) and a moderate spike
/// run on the Tuesdays of weeks 6 (day 43) and 14 (day 99), 56 days apart, so
/// each is measured against 8 km.
std::vector<Activity> twenty_weeks() {
  auto acts = easy_weeks(20);
  acts.push_back(run(1000, 43, moderate_spike_m(), 80, 6));
  acts.push_back(run(1001, 99, moderate_spike_m(), 80, 6));
  return acts;
}

/// Knee episodes starting on the Thursdays after the spikes (days 45 and
/// 101), each with three days of pain.
const std::vector<PainEpisode> kTwoKneeEpisodes = {{Site::knee, domain::Side::left, day(45)},
                                                   {Site::knee, domain::Side::left, day(101)}};

std::vector<domain::Date> pain_days_of_the_two_episodes() {
  return {day(45), day(46), day(47), day(101), day(102), day(103)};
}

TEST(Insights, TwoKneeEpisodesAfterModerateSpikesFindTheCautionBandWithItsCounts) {
  ASSERT_EQ(lead_days(), 7) << "the pain-free week count below assumes a 7-day lead";
  const LoadAnalysis a = analyse(twenty_weeks(), day(139), params());
  const auto pain_days = pain_days_of_the_two_episodes();
  const Insights in = find_insights(a, kTwoKneeEpisodes, pain_days, lead_days(), params());
  ASSERT_TRUE(in.enough_data) << in.message;

  // Pain-free weeks: weeks 0..19 less those with pain (6, 14) and those an
  // episode starts within 7 days after (5: days 35..48 hold day 45; 13: days 91..104 hold day 101).
  EXPECT_EQ(in.pain_free_weeks, 16);
  EXPECT_NEAR(in.pain_free_mean_run_km, 24, 1e-9);  // 3 x 8 km every pain-free week
  EXPECT_TRUE(in.pain_free_mean_max_acwr);
  EXPECT_TRUE(contains(in.message, "2 pain episodes against 16 pain-free weeks")) << in.message;

  // Every site together, then the knee (the hip has no episode).
  ASSERT_EQ(in.sites.size(), 2U);
  EXPECT_FALSE(in.sites[0].site);
  ASSERT_TRUE(in.sites[1].site);
  EXPECT_EQ(*in.sites[1].site, Site::knee);

  const SiteInsight& knee = in.sites[1];
  ASSERT_EQ(knee.episodes.size(), 2U);
  for (const EpisodeLoad& e : knee.episodes) {
    // The window before: start - 7 .. start (days 38..45 for the first).
    EXPECT_EQ(e.before.from, domain::add_days(e.episode.start, -lead_days()));
    EXPECT_EQ(e.before.to, e.episode.start);
    EXPECT_TRUE(e.before.in_history);
    ASSERT_TRUE(e.before.max_spike);
    EXPECT_DOUBLE_EQ(*e.before.max_spike, moderate_spike_m() / 8000);  // 1.65
    // Days 38..45: Sat 8, Mon 8, Tue 13.2, Wed 8 km = 37.2 km.
    EXPECT_NEAR(e.before.run_km, 24 + moderate_spike_m() / 1000, 1e-9);
    EXPECT_TRUE(e.before.max_acwr);
  }
  EXPECT_EQ(knee.episodes[0].before.from, day(38));
  EXPECT_NEAR(knee.mean_run_km_before, 24 + moderate_spike_m() / 1000, 1e-9);

  // Both spikes are over the small and the moderate threshold, not the large.
  const auto& bands = params().spike_bands;
  ASSERT_EQ(knee.bands.size(), bands.size());
  const int episodes_over[] = {2, 2, 0};
  for (std::size_t b = 0; b < bands.size(); ++b) {
    EXPECT_EQ(knee.bands[b].band, bands[b].name);
    EXPECT_EQ(knee.bands[b].episodes, episodes_over[b]) << bands[b].name;
    EXPECT_EQ(knee.bands[b].pain_free_weeks, 0) << bands[b].name;
  }
  EXPECT_EQ(knee.episodes_under_first_band, 0);

  // The caution band is the highest band before at least half of the
  // episodes and more often than in pain-free weeks: moderate (the small band
  // qualifies too, but says less).
  ASSERT_TRUE(knee.caution);
  EXPECT_EQ(knee.caution->band, bands[1].name);
  EXPECT_EQ(knee.caution->episodes, 2);
  EXPECT_EQ(knee.caution->pain_free_weeks, 0);
  EXPECT_TRUE(contains(knee.text, "2 of your 2 knee episodes")) << knee.text;
  EXPECT_TRUE(contains(knee.text, "0 of your 16 pain-free weeks")) << knee.text;
  EXPECT_TRUE(contains(knee.text, "None began after only runs under")) << knee.text;

  // The same finding for every site together, in words for any site.
  EXPECT_TRUE(contains(in.sites[0].text, "2 of your 2 pain episodes")) << in.sites[0].text;
  EXPECT_EQ(in.sites[0].caution->band, knee.caution->band);
}

TEST(Insights, CautionSkipsABandThatPainFreeWeeksHadAsOften) {
  // 22 easy weeks (days 0..153). Small spikes of 9.6 km (9.6 / 8 = 1.2) on the
  // Tuesdays of weeks 5 and 10 (days 36, 71); moderate spikes on the Tuesdays
  // of weeks 15 and 20 (days 106, 141), each followed by a knee episode on the
  // Thursday. Spikes are at least 31 days apart, so each measures against 8 km.
  // Pain every day except in weeks 5 and 10: the only pain-free weeks, and both
  // hold a small spike.
  const auto& bands = params().spike_bands;
  ASSERT_GT(1.2, bands[0].above);
  ASSERT_LE(1.2, bands[1].above);
  auto acts = easy_weeks(22);
  acts.push_back(run(1000, 36, 9600, 55, 5));
  acts.push_back(run(1001, 71, 9600, 55, 5));
  acts.push_back(run(1002, 106, moderate_spike_m(), 80, 6));
  acts.push_back(run(1003, 141, moderate_spike_m(), 80, 6));
  const LoadAnalysis a = analyse(acts, day(153), params());
  const std::vector<PainEpisode> episodes = {{Site::knee, domain::Side::left, day(108)},
                                             {Site::knee, domain::Side::left, day(143)}};
  std::vector<domain::Date> pain_days;
  for (int d = 0; d < 154; ++d) {
    if ((d < 35 || d > 41) && (d < 70 || d > 76)) pain_days.push_back(day(d));
  }
  const Insights in = find_insights(a, episodes, pain_days, lead_days(), params());
  ASSERT_TRUE(in.enough_data);
  EXPECT_EQ(in.pain_free_weeks, 2);
  const SiteInsight& knee = in.sites.at(1);
  EXPECT_EQ(knee.bands[0].episodes, 2);
  EXPECT_EQ(knee.bands[0].pain_free_weeks, 2);  // 2 of 2 either way: not more often
  EXPECT_EQ(knee.bands[1].episodes, 2);
  EXPECT_EQ(knee.bands[1].pain_free_weeks, 0);
  ASSERT_TRUE(knee.caution);
  EXPECT_EQ(knee.caution->band, bands[1].name);
  EXPECT_TRUE(contains(knee.text, "2 of your 2 knee episodes")) << knee.text;
  EXPECT_TRUE(contains(knee.text, "(" + bands[1].name + " spike)")) << knee.text;
  EXPECT_TRUE(contains(knee.text, "0 of your 2 pain-free weeks")) << knee.text;
}

TEST(Insights, OneEpisodeIsNotEnoughAndSaysSo) {
  ASSERT_GE(params().insight_min_episodes, 2);
  const LoadAnalysis a = analyse(twenty_weeks(), day(139), params());
  const std::vector<PainEpisode> one = {kTwoKneeEpisodes.front()};
  const std::vector<domain::Date> pain_days = {day(45), day(46)};
  const Insights in = find_insights(a, one, pain_days, lead_days(), params());
  EXPECT_FALSE(in.enough_data);
  EXPECT_TRUE(in.sites.empty());
  EXPECT_EQ(in.pain_free_weeks, 0);
  // "1 pain episode on record: at least 2 are needed before your own data can say what came before them."
  EXPECT_TRUE(contains(in.message, "1 pain episode on record")) << in.message;
  EXPECT_TRUE(contains(in.message, "at least " + std::to_string(params().insight_min_episodes) + " are needed"))
      << in.message;
}

TEST(Insights, EpisodesWithoutTrainingAreNotEnoughAndSaySo) {
  const LoadAnalysis none = analyse({}, day(139), params());
  const Insights in = find_insights(none, kTwoKneeEpisodes, pain_days_of_the_two_episodes(), lead_days(), params());
  EXPECT_FALSE(in.enough_data);
  EXPECT_TRUE(contains(in.message, "2 pain episodes on record and no training")) << in.message;
}

TEST(Insights, ASiteWithTooFewEpisodesGetsNoInsightOfItsOwn) {
  const LoadAnalysis a = analyse(twenty_weeks(), day(139), params());
  const std::vector<PainEpisode> mixed = {{Site::knee, domain::Side::left, day(45)},
                                          {Site::hip, domain::Side::right, day(101)}};
  const Insights in = find_insights(a, mixed, pain_days_of_the_two_episodes(), lead_days(), params());
  ASSERT_TRUE(in.enough_data);
  ASSERT_EQ(in.sites.size(), 1U);  // every site together only
  EXPECT_FALSE(in.sites[0].site);
  EXPECT_TRUE(contains(in.sites[0].text, "2 of your 2 pain episodes")) << in.sites[0].text;
}

TEST(Insights, EpisodesWithoutSpikesFindNoCautionBand) {
  // The same weeks without the two spike runs: nothing came before the episodes.
  std::vector<Activity> acts;
  for (const auto& act : twenty_weeks()) {
    if (act.date != day(43) && act.date != day(99)) acts.push_back(act);
  }
  const LoadAnalysis a = analyse(acts, day(139), params());
  const Insights in = find_insights(a, kTwoKneeEpisodes, pain_days_of_the_two_episodes(), lead_days(), params());
  ASSERT_TRUE(in.enough_data);
  const SiteInsight& knee = in.sites.at(1);
  EXPECT_FALSE(knee.caution);
  EXPECT_EQ(knee.episodes_under_first_band, 2);
  EXPECT_TRUE(contains(knee.text, "No spike band came before most of your 2 knee episodes")) << knee.text;
  EXPECT_TRUE(contains(knee.text, "2 of them had no run over")) << knee.text;
}

}  // namespace
}  // namespace stridecare::analytics
