// Local day and time -> UTC in the athlete's zone (services::utc_minutes_in),
// which STRENGTH-REST-1 uses to count real hours across daylight-saving changes.

#include "services/environment.hpp"

#include <chrono>
#include <cstdint>

#include <gtest/gtest.h>

#include "support/test_values.hpp"

namespace stridecare::services {
namespace {

using namespace std::chrono_literals;

using test_support::ymd;

/// UTC minutes since the epoch of a UTC day and time.
std::int64_t utc(domain::Date day, std::chrono::minutes time) {
  return (std::chrono::sys_days{day}.time_since_epoch() + time) / 1min;
}

TEST(UtcMinutesIn, SummerAndWinterOffsets) {
  const auto london = utc_minutes_in("Europe/London");
  EXPECT_EQ(london(ymd(2026, 7, 1), 18 * 60), utc(ymd(2026, 7, 1), 17h));
  EXPECT_EQ(london(ymd(2026, 12, 1), 18 * 60), utc(ymd(2026, 12, 1), 18h));
  const auto new_york = utc_minutes_in("America/New_York");
  EXPECT_EQ(new_york(ymd(2026, 12, 1), 23 * 60 + 30), utc(ymd(2026, 12, 2), 4h + 30min));
}

TEST(UtcMinutesIn, ARepeatedTimeIsItsFirstOccurrence) {
  // 01:30 happens twice in London on 2026-10-25: first in BST (00:30 UTC).
  EXPECT_EQ(utc_minutes_in("Europe/London")(ymd(2026, 10, 25), 90), utc(ymd(2026, 10, 25), 30min));
}

TEST(UtcMinutesIn, ASkippedTimeIsTheMomentOfTheChange) {
  // 01:30 does not happen in London on 2026-03-29: the clocks jump at 01:00 UTC.
  EXPECT_EQ(utc_minutes_in("Europe/London")(ymd(2026, 3, 29), 90), utc(ymd(2026, 3, 29), 1h));
}

TEST(UtcMinutesIn, AnUnknownZoneIsUtc) {
  EXPECT_EQ(utc_minutes_in("Not/AZone")(ymd(2026, 7, 1), 18 * 60), utc(ymd(2026, 7, 1), 18h));
}

}  // namespace
}  // namespace stridecare::services
