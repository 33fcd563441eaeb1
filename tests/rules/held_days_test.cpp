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

TEST(HeldDays, KeepsTheUnionWhateverOrderTheIntervalsArriveIn) {
  HeldDays later_first;
  later_first.add(day(30), day(35));
  later_first.add(day(1), std::nullopt);
  later_first.close(day(1), day(31));  // overlaps the one added first: days 1-34 are held
  EXPECT_EQ(later_first.first_free_from(day(2)), day(35));
  EXPECT_EQ(later_first.first_free_from(day(35)), day(35));
}

TEST(EpisodeTracker, AnEndAlreadyAskedForChangesWhenADayBecomesHeld) {
  // The tracker keeps the episode's end between calls; a stop that begins afterwards must still hold it open.
  HeldDays held;
  EpisodeTracker tracker(EpisodeThresholds{.quiet_days_to_end = 3, .pain_free_checkin_days_to_end = 2}, held);
  tracker.add_day(day(0), 4);
  ASSERT_TRUE(tracker.active_on(day(2)).has_value());
  EXPECT_FALSE(tracker.active_on(day(3)).has_value());  // three quiet days end it
  held.add(day(2), day(6));
  EXPECT_TRUE(tracker.active_on(day(3)).has_value());  // held: it cannot end before day 6
  EXPECT_FALSE(tracker.active_on(day(6)).has_value());
  held.close(day(2), day(6));  // nothing open to close: the same answer
  EXPECT_FALSE(tracker.active_on(day(6)).has_value());
}

TEST(EpisodeTracker, PainFreeCheckInDaysEndAnEpisodeWhoseEndWasAlreadyAsked) {
  HeldDays held;
  EpisodeTracker tracker(EpisodeThresholds{.quiet_days_to_end = 10, .pain_free_checkin_days_to_end = 2}, held);
  tracker.add_day(day(0), 3);
  EXPECT_TRUE(tracker.active_on(day(1)).has_value());
  tracker.add_day(day(1), 0);
  EXPECT_TRUE(tracker.active_on(day(2)).has_value());
  tracker.add_day(day(2), 0);  // the second pain-free check-in day in a row
  EXPECT_FALSE(tracker.active_on(day(2)).has_value());
  tracker.add_day(day(3), 5);  // pain again: a new episode
  EXPECT_EQ(tracker.active_on(day(3))->start, day(3));
}

}  // namespace
}  // namespace stridecare::rules
