// HeldDays: the days on which an episode may not end (stops and programmes), as
// EpisodeTracker asks of them every day of the history.
#include <gtest/gtest.h>

#include "checkin_builder.hpp"
#include "rules/episodes.hpp"

namespace stridecare::rules {
namespace {

using testing::day;

TEST(HeldDays, TheFirstFreeDayIsPastEveryIntervalThatOverlapsOrTouches) {
  HeldDays h;
  h.add(day(10), day(15));
  h.add(day(2), day(5));
  h.add(day(5), day(8));    // touches the one before: days 2-7 are held
  h.add(day(12), day(20));  // overlaps: days 10-19 are held
  EXPECT_EQ(h.first_free_from(day(0)), day(0));
  EXPECT_EQ(h.first_free_from(day(3)), day(8));
  EXPECT_EQ(h.first_free_from(day(8)), day(8));
  EXPECT_EQ(h.first_free_from(day(11)), day(20));
  EXPECT_TRUE(h.held(day(19)));
  EXPECT_FALSE(h.held(day(20)));
}

TEST(HeldDays, AnOpenIntervalHoldsEverythingAfterItUntilItIsClosed) {
  HeldDays h;
  h.add(day(4), std::nullopt);
  EXPECT_EQ(h.first_free_from(day(3)), day(3));
  EXPECT_EQ(h.first_free_from(day(6)), std::nullopt);
  h.close(day(4), day(9));
  EXPECT_EQ(h.first_free_from(day(6)), day(9));
  h.add(day(9), day(9));  // empty: holds no day
  EXPECT_EQ(h.first_free_from(day(9)), day(9));
}

}  // namespace
}  // namespace stridecare::rules
