// The UTC offset rule (importers/utc_offset.hpp, docs/import.md): what a
// file's "local time minus UTC" may be taken as a time zone.

#include "importers/utc_offset.hpp"

#include <ostream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_values.hpp"

namespace stridecare::importers {
namespace {

using ::testing::HasSubstr;

struct OffsetCase {
  const char* name;
  std::int64_t local_minus_utc_s;
  std::optional<int> taken;
  const char* doubt_part;  ///< in the doubt when nothing is taken
};

// ctest lists the case by its local-minus-UTC, not by the struct's bytes (pointers among them).
void PrintTo(const OffsetCase& c, std::ostream* os) { *os << c.local_minus_utc_s << " s"; }

class UtcOffsetRule : public ::testing::TestWithParam<OffsetCase> {};

TEST_P(UtcOffsetRule, TakesRealZonesAndSaysWhyNotOtherwise) {
  const OffsetCase& c = GetParam();
  const UtcOffsetReading r = read_utc_offset(c.local_minus_utc_s);
  EXPECT_EQ(r.offset_s, c.taken);
  if (c.taken) {
    EXPECT_EQ(r.doubt, "");
  } else {
    EXPECT_THAT(r.doubt, HasSubstr(std::to_string(c.local_minus_utc_s) + " s")) << r.doubt;
    EXPECT_THAT(r.doubt, HasSubstr(c.doubt_part)) << r.doubt;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UtcOffsetRule,
    ::testing::Values(OffsetCase{"Utc", 0, 0, ""}, OffsetCase{"PacificDaylightTime", -25200, -25200, ""},
                      OffsetCase{"CentralEuropeanSummerTime", 7200, 7200, ""},
                      OffsetCase{"CentralEuropeanWinterTime", 3600, 3600, ""},
                      OffsetCase{"IndiaHalfHour", 19800, 19800, ""}, OffsetCase{"NepalQuarterHour", 20700, 20700, ""},
                      OffsetCase{"ChathamDaylightQuarterHour", 49500, 49500, ""},
                      OffsetCase{"NewfoundlandHalfHourBehind", -12600, -12600, ""},
                      OffsetCase{"KiribatiPlus14", 50400, 50400, ""},
                      OffsetCase{"BakerIslandMinus12", -43200, -43200, ""},
                      OffsetCase{"OneSecondBetweenTheStampsIsStillTheZone", 3601, 3600, ""},
                      OffsetCase{"SixtySecondsIsTheSlack", -25260, -25200, ""},
                      OffsetCase{"SixtyOneSecondsIsDrift", 3661, std::nullopt, "quarter hours"},
                      OffsetCase{"DriftOf225s", 225, std::nullopt, "quarter hours"},
                      OffsetCase{"DriftOf18min", 1080, std::nullopt, "quarter hours"},
                      OffsetCase{"ClockDaysOff", -576963, std::nullopt, "-6 d 16 h 16 min 3 s"},
                      OffsetCase{"LocalTimestampZeroAgainstACalendarTime", -876098089, std::nullopt, "-12 h .. +14 h"},
                      OffsetCase{"BeyondPlus14", 52200, std::nullopt, "-12 h .. +14 h"},
                      OffsetCase{"BeyondMinus12", -45000, std::nullopt, "-12 h .. +14 h"}),
    test_support::case_name<OffsetCase>);

}  // namespace
}  // namespace stridecare::importers
