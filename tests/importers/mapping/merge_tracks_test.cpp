// GPX tracks that are pieces of one outing become one activity.

#include "importers/mapping/merge_tracks.hpp"

#include <gtest/gtest.h>

namespace stridecare::importers {
namespace {

using namespace std::chrono_literals;

const UtcMillis kT0{std::chrono::sys_days{std::chrono::year{2010} / 8 / 5} + 14h};

SessionRecord track(std::chrono::seconds from, std::chrono::seconds to, double distance_m) {
  SessionRecord s;
  s.sport = "running";
  s.start = kT0 + from;
  s.total_elapsed_s = static_cast<double>((to - from).count());
  s.total_distance_m = distance_m;
  for (auto t = from; t <= to; t += 60s) {
    Sample p;
    p.time = kT0 + t;
    p.distance_m = distance_m * static_cast<double>((t - from).count()) / static_cast<double>((to - from).count());
    s.samples.push_back(p);
  }
  return s;
}

TEST(MergeTracks, TracksSeparatedByShortPausesBecomeOneSessionWithALapEach) {
  const auto merged = merge_consecutive_tracks({track(0s, 600s, 2000), track(900s, 1500s, 1500)});
  ASSERT_EQ(merged.size(), 1u);
  const auto& s = merged[0];
  EXPECT_DOUBLE_EQ(*s.total_distance_m, 3500);
  EXPECT_DOUBLE_EQ(*s.total_elapsed_s, 1500);
  EXPECT_DOUBLE_EQ(*s.total_timer_s, 1200);
  ASSERT_EQ(s.laps.size(), 2u);
  EXPECT_EQ(*s.laps[1].start, kT0 + 900s);
  EXPECT_DOUBLE_EQ(*s.laps[1].distance_m, 1500);
  // Cumulative distance carries on across the pause.
  EXPECT_DOUBLE_EQ(*s.samples.back().distance_m, 3500);
}

TEST(MergeTracks, ALongPauseStartsAnotherActivity) {
  const auto merged = merge_consecutive_tracks({track(0s, 600s, 2000), track(600s + 31min, 600s + 40min, 1000)});
  EXPECT_EQ(merged.size(), 2u);
}

TEST(MergeTracks, DifferentSportsAreNotMerged) {
  auto ride = track(700s, 900s, 1000);
  ride.sport = "cycling";
  EXPECT_EQ(merge_consecutive_tracks({track(0s, 600s, 2000), ride}).size(), 2u);
}

TEST(MergeTracks, TracksWithoutTimesStayApart) {
  SessionRecord untimed;
  untimed.sport = "running";
  untimed.samples.resize(3);
  EXPECT_EQ(merge_consecutive_tracks({track(0s, 600s, 2000), untimed}).size(), 2u);
}

TEST(MergeTracks, OverlappingTracksAreNotMerged) {
  EXPECT_EQ(merge_consecutive_tracks({track(0s, 600s, 2000), track(300s, 900s, 100)}).size(), 2u);
}

}  // namespace
}  // namespace stridecare::importers
