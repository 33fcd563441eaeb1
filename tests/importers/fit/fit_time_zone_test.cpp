// The time zone of a FIT file: `activity.local_timestamp - timestamp`, taken
// only when it is a real zone's offset (importers/utc_offset.hpp); a bad
// device clock gives no zone and a warning instead of a wrong local day.

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fit_builder.hpp"
#include "importers/fit/decode.hpp"
#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"

namespace stridecare::importers::fit {
namespace {

using testing::FitBuilder;
using ::testing::HasSubstr;

constexpr std::uint32_t kStart = 1'100'000'000;  // 2024-11-09 in FIT time

/// A run of one session and one record, whose activity message says `local` for `kStart + 600`.
Recording run_with_local_time(std::uint64_t local) {
  const auto bytes =
      FitBuilder()
          .define(0, profile::mesg::kRecord, {{kTimestampField, 4, BaseType::uint32}})
          .message(0, {{kStart, 4}})
          .define(1, profile::mesg::kSession,
                  {{kTimestampField, 4, BaseType::uint32},
                   {profile::session::kStartTime, 4, BaseType::uint32},
                   {profile::session::kSport, 1, BaseType::enum_},
                   {profile::session::kTotalElapsedTime.number, 4, BaseType::uint32}})
          .message(1, {{kStart + 600, 4}, {kStart, 4}, {1, 1}, {600'000, 4}})
          .define(2, profile::mesg::kActivity,
                  {{kTimestampField, 4, BaseType::uint32}, {profile::activity::kLocalTimestamp, 4, BaseType::uint32}})
          .message(2, {{kStart + 600, 4}, {local, 4}})
          .finish();
  const auto decoded = decode_fit(bytes, "zone.fit");
  EXPECT_TRUE(decoded) << decoded.error().message;
  return decoded.value_or(Recording{});
}

std::string warnings_of(const Recording& r) {
  std::string out;
  for (const auto& w : r.warnings) out += w + "\n";
  return out;
}

TEST(FitTimeZone, ARealZoneIsTakenWithoutAWarning) {
  const Recording r = run_with_local_time(kStart + 600 - 7 * 3600);
  ASSERT_EQ(r.sessions.size(), 1U);
  EXPECT_EQ(r.sessions[0].utc_offset_s, -7 * 3600);
  EXPECT_TRUE(r.warnings.empty()) << warnings_of(r);
}

TEST(FitTimeZone, AQuarterHourZoneIsTaken) {
  EXPECT_EQ(run_with_local_time(kStart + 600 + 20700).sessions[0].utc_offset_s, 20700);  // Nepal, +5:45
}

// Regression: a watch whose local clock was 6.7 days off gave utc_offset_s -576963.
TEST(FitTimeZone, ALocalClockDaysOffGivesNoZoneAndSaysWhy) {
  const Recording r = run_with_local_time(kStart + 600 - 576963);
  EXPECT_FALSE(r.sessions[0].utc_offset_s);
  EXPECT_THAT(warnings_of(r), HasSubstr("no time zone taken from the file"));
  EXPECT_THAT(warnings_of(r), HasSubstr("-576963 s (-6 d 16 h 16 min 3 s)"));
  EXPECT_THAT(warnings_of(r), HasSubstr("the profile's zone is used"));
}

// Regression: local_timestamp 0 gave an offset near -27 years.
TEST(FitTimeZone, ALocalTimestampCountingFromPowerOnGivesNoZone) {
  const Recording r = run_with_local_time(0);
  EXPECT_FALSE(r.sessions[0].utc_offset_s);
  EXPECT_THAT(warnings_of(r), HasSubstr("local_timestamp (0) is not a calendar time"));
}

// Regression: 225 s and 1080 s were taken as zones and put runs on the wrong local day.
TEST(FitTimeZone, ADriftingClockGivesNoZone) {
  for (const int drift : {225, 1080, -3661}) {
    const Recording r = run_with_local_time(static_cast<std::uint64_t>(std::int64_t{kStart} + 600 + drift));
    EXPECT_FALSE(r.sessions[0].utc_offset_s) << drift;
    EXPECT_THAT(warnings_of(r), HasSubstr("quarter hours")) << drift;
  }
}

}  // namespace
}  // namespace stridecare::importers::fit
