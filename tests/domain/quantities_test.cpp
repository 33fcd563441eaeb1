// Parsing of typed quantities: distances, durations, exercise doses, and the
// display form of durations.

#include "domain/quantities.hpp"

#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "expected_assertions.hpp"
#include "support/test_values.hpp"

namespace stridecare::domain {
namespace {

using test_support::case_name;

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_support::accepted;
using testing_support::rejected_on;

constexpr double kKgPerLb = 0.45359237;

/// A number too large for `double` once multiplied by 1609 or 3600, but not by itself.
std::string digits(std::size_t count) { return "1" + std::string(count - 1, '0'); }

// ---------------------------------------------------------------------------
// parse_distance_m

struct DistanceCase {
  std::string_view name;
  std::string text;
  double metres;
};
std::ostream& operator<<(std::ostream& os, const DistanceCase& c) { return os << "'" << c.text << "'"; }

class ParseDistanceAccepts : public ::testing::TestWithParam<DistanceCase> {};

TEST_P(ParseDistanceAccepts, ReturnsMetres) {
  const auto& c = GetParam();
  const auto metres = parse_distance_m(c.text);
  ASSERT_TRUE(accepted(metres));
  EXPECT_DOUBLE_EQ(*metres, c.metres);
}

INSTANTIATE_TEST_SUITE_P(
    Units, ParseDistanceAccepts,
    ::testing::Values(DistanceCase{"Kilometres", "8.2km", 8200.0}, DistanceCase{"WholeKilometres", "10km", 10000.0},
                      DistanceCase{"Miles", "5mi", 5 * kMetresPerMile},
                      DistanceCase{"DecimalMiles", "13.1mi", 13.1 * kMetresPerMile},
                      DistanceCase{"Metres", "800m", 800.0}, DistanceCase{"DecimalMetres", "400.5m", 400.5},
                      DistanceCase{"BareNumberIsKilometres", "10", 10000.0},
                      DistanceCase{"BareDecimalIsKilometres", "10.5", 10500.0},
                      DistanceCase{"Marathon", "42.195km", 42195.0}, DistanceCase{"LeadingDecimalPoint", ".5km", 500.0},
                      DistanceCase{"LeadingZero", "05km", 5000.0}, DistanceCase{"TinyButPositive", "0.001m", 0.001},
                      // Plausibility is validate()'s job (at most 1000 km): parsing accepts it.
                      DistanceCase{"HugeValueParses", "5000km", 5'000'000.0}),
    case_name<DistanceCase>);

struct RejectCase {
  std::string_view name;
  std::string text;
};
std::ostream& operator<<(std::ostream& os, const RejectCase& c) { return os << "'" << c.text << "'"; }

class ParseDistanceRejects : public ::testing::TestWithParam<RejectCase> {};

TEST_P(ParseDistanceRejects, NamingTheFieldAndQuotingTheText) {
  const auto& c = GetParam();
  const auto metres = parse_distance_m(c.text);
  ASSERT_TRUE(rejected_on(metres, "distance"));
  EXPECT_THAT(metres.error().message, HasSubstr("'" + c.text + "'"));
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseDistanceRejects,
    ::testing::Values(RejectCase{"Empty", ""}, RejectCase{"UnitAlone", "km"}, RejectCase{"UnknownUnit", "8.2furlongs"},
                      RejectCase{"UppercaseUnit", "8.2KM"}, RejectCase{"SpaceBeforeUnit", "8.2 km"},
                      RejectCase{"LeadingSpace", " 8.2km"}, RejectCase{"TrailingSpace", "8.2km "},
                      RejectCase{"UnitTwice", "8kmkm"}, RejectCase{"DecimalComma", "8,2km"},
                      RejectCase{"TwoDecimalPoints", "8.2.1km"}, RejectCase{"ExplicitPlusSign", "+5km"},
                      // Fixed notation only: `1e3` reads as 1 followed by the unknown unit `e3`.
                      RejectCase{"ExponentNotation", "1e3"}, RejectCase{"ExponentWithUnit", "1e3m"},
                      RejectCase{"HexNumber", "0x10"}, RejectCase{"NotANumber", "nan"},
                      RejectCase{"NotANumberWithUnit", "nankm"}, RejectCase{"Infinity", "inf"},
                      RejectCase{"InfinitySpelledOut", "infinity"}, RejectCase{"NegativeInfinity", "-inf"},
                      RejectCase{"TooManyDigitsForDouble", digits(400) + "m"},
                      RejectCase{"OverflowsWhenConvertedToMetres", digits(308) + "mi"}),
    case_name<RejectCase>);

INSTANTIATE_TEST_SUITE_P(NotPositive, ParseDistanceRejects,
                         ::testing::Values(RejectCase{"Zero", "0"}, RejectCase{"ZeroKilometres", "0km"},
                                           RejectCase{"ZeroDecimalMetres", "0.0m"}, RejectCase{"Negative", "-5"},
                                           RejectCase{"NegativeKilometres", "-5km"}, RejectCase{"NegativeZero", "-0"},
                                           RejectCase{"NegativeZeroMiles", "-0mi"}),
                         case_name<RejectCase>);

TEST(ParseDistance, ErrorNamesTheFieldItWasGiven) {
  EXPECT_TRUE(rejected_on(parse_distance_m("far", "--distance"), "--distance"));
}

TEST(ParseDistance, UnknownUnitErrorListsTheAllowedUnits) {
  const auto metres = parse_distance_m("8.2furlongs");
  ASSERT_FALSE(metres);
  EXPECT_THAT(metres.error().message, HasSubstr("km, mi, m"));
}

// ---------------------------------------------------------------------------
// parse_duration_s

struct DurationCase {
  std::string_view name;
  std::string text;
  double seconds;
};
std::ostream& operator<<(std::ostream& os, const DurationCase& c) { return os << "'" << c.text << "'"; }

class ParseDurationAccepts : public ::testing::TestWithParam<DurationCase> {};

TEST_P(ParseDurationAccepts, ReturnsSeconds) {
  const auto& c = GetParam();
  const auto seconds = parse_duration_s(c.text);
  ASSERT_TRUE(accepted(seconds));
  EXPECT_DOUBLE_EQ(*seconds, c.seconds);
}

INSTANTIATE_TEST_SUITE_P(
    ClockForm, ParseDurationAccepts,
    ::testing::Values(DurationCase{"MinutesSeconds", "45:00", 2700}, DurationCase{"SingleDigitMinutes", "5:30", 330},
                      DurationCase{"PaddedMinutes", "05:30", 330}, DurationCase{"MinutesBeyondAnHour", "90:00", 5400},
                      DurationCase{"OneSecond", "0:01", 1}, DurationCase{"LargestSeconds", "0:59", 59},
                      DurationCase{"HoursMinutesSeconds", "1:05:30", 3930},
                      DurationCase{"PaddedHours", "01:05:30", 3930},
                      DurationCase{"LargestMinutesAndSeconds", "1:59:59", 7199},
                      DurationCase{"ADay", "24:00:00", 86400}),
    case_name<DurationCase>);

INSTANTIATE_TEST_SUITE_P(
    UnitForm, ParseDurationAccepts,
    ::testing::Values(DurationCase{"Minutes", "45min", 2700}, DurationCase{"Hours", "1h", 3600},
                      DurationCase{"HoursAndMinutes", "1h30min", 5400},
                      DurationCase{"HoursMinutesSeconds", "2h15min30s", 8130},
                      DurationCase{"MinutesAndSeconds", "5min30s", 330}, DurationCase{"Seconds", "90s", 90},
                      DurationCase{"DecimalHours", "1.5h", 5400}, DurationCase{"DecimalMinutes", "0.5min", 30},
                      DurationCase{"BareNumberIsMinutes", "45", 2700}, DurationCase{"BareDecimalIsMinutes", "0.5", 30}),
    case_name<DurationCase>);

class ParseDurationRejects : public ::testing::TestWithParam<RejectCase> {};

TEST_P(ParseDurationRejects, NamingTheFieldAndQuotingTheText) {
  const auto& c = GetParam();
  const auto seconds = parse_duration_s(c.text);
  ASSERT_TRUE(rejected_on(seconds, "duration"));
  EXPECT_THAT(seconds.error().message, HasSubstr("'" + c.text + "'"));
}

INSTANTIATE_TEST_SUITE_P(
    ClockForm, ParseDurationRejects,
    ::testing::Values(RejectCase{"SixtySeconds", "45:60"}, RejectCase{"SixtyMinutes", "1:60:00"},
                      RejectCase{"SixtySecondsWithHours", "1:00:60"}, RejectCase{"ZeroMinutesSeconds", "0:00"},
                      RejectCase{"ZeroHoursMinutesSeconds", "0:00:00"}, RejectCase{"SingleDigitSeconds", "45:5"},
                      RejectCase{"SingleDigitMinutesAfterHours", "1:5:00"}, RejectCase{"ThreeDigitSeconds", "1:030"},
                      RejectCase{"FourParts", "1:02:03:04"}, RejectCase{"TrailingColon", "45:"},
                      RejectCase{"LeadingColon", ":30"}, RejectCase{"DoubleColon", "1::30"},
                      RejectCase{"NegativeMinutes", "-5:00"}, RejectCase{"NegativeZeroMinutes", "-0:30"},
                      RejectCase{"NegativeZeroSeconds", "5:-0"}, RejectCase{"DecimalSeconds", "45:30.5"},
                      RejectCase{"TrailingUnit", "45:00min"},
                      RejectCase{"MinutesTooLargeForLong", "99999999999999999999:00"}),
    case_name<RejectCase>);

INSTANTIATE_TEST_SUITE_P(
    UnitForm, ParseDurationRejects,
    ::testing::Values(RejectCase{"ZeroMinutes", "0min"}, RejectCase{"ZeroBare", "0"}, RejectCase{"ZeroSeconds", "0s"},
                      RejectCase{"ZeroHoursZeroMinutes", "0h0min"}, RejectCase{"NegativeBare", "-45"},
                      RejectCase{"NegativeZeroHours", "-0h30min"}, RejectCase{"NegativeTerm", "1h-30min"},
                      RejectCase{"BareNumberAfterUnit", "1h30"}, RejectCase{"UnitsOutOfOrder", "30min1h"},
                      RejectCase{"UnitRepeated", "1h1h"}, RejectCase{"MinutesAbbreviatedToM", "45m"},
                      RejectCase{"MinutesPlural", "45mins"}, RejectCase{"UppercaseUnit", "45MIN"},
                      RejectCase{"SpaceBeforeUnit", "1 h"}, RejectCase{"UnitAlone", "min"},
                      RejectCase{"ExponentNotation", "1e2"}, RejectCase{"NotANumber", "nan"},
                      RejectCase{"Infinity", "infh"}, RejectCase{"TooManyDigitsForDouble", digits(400) + "min"},
                      RejectCase{"OverflowsWhenConvertedToSeconds", digits(308) + "h"}),
    case_name<RejectCase>);

INSTANTIATE_TEST_SUITE_P(Garbage, ParseDurationRejects,
                         ::testing::Values(RejectCase{"Empty", ""}, RejectCase{"Word", "abc"}, RejectCase{"Space", " "},
                                           RejectCase{"Colon", ":"}),
                         case_name<RejectCase>);

TEST(ParseDuration, ErrorListsTheAcceptedForms) {
  const auto seconds = parse_duration_s("abc");
  ASSERT_FALSE(seconds);
  EXPECT_THAT(seconds.error().message, HasSubstr("MM:SS, HH:MM:SS, 45min, 1h30min or 90s"));
}

TEST(ParseDuration, ZeroIsRejectedAsNotPositive) {
  const auto seconds = parse_duration_s("0:00");
  ASSERT_FALSE(seconds);
  EXPECT_THAT(seconds.error().message, HasSubstr("not a positive duration"));
}

TEST(ParseDuration, ErrorNamesTheFieldItWasGiven) {
  EXPECT_TRUE(rejected_on(parse_duration_s("soon", "--time"), "--time"));
}

TEST(ParseDuration, ParsesHugeClockHoursWithoutIntegerOverflow) {
  // 18 digits of hours fit in a long, but hours * 3600 does not; validate() rejects the result.
  const auto seconds = parse_duration_s("999999999999999999:00:00");
  ASSERT_TRUE(accepted(seconds));
  EXPECT_DOUBLE_EQ(*seconds, 999999999999999999.0 * 3600);
}

TEST(ParseDuration, ParsesWhatFormatDurationPrints) {
  for (const double seconds : {1.0, 59.0, 60.0, 330.0, 2700.0, 3599.0, 3600.0, 3930.0, 86400.0, 359999.0}) {
    const std::string text = format_duration(seconds);
    const auto parsed = parse_duration_s(text);
    ASSERT_TRUE(accepted(parsed)) << text;
    EXPECT_DOUBLE_EQ(*parsed, seconds) << text;
  }
}

// ---------------------------------------------------------------------------
// parse_exercise

struct ExerciseCase {
  std::string_view name;
  std::string text;
  StrengthExercise expected;
};
std::ostream& operator<<(std::ostream& os, const ExerciseCase& c) { return os << "'" << c.text << "'"; }

class ParseExerciseAccepts : public ::testing::TestWithParam<ExerciseCase> {};

TEST_P(ParseExerciseAccepts, ReturnsNameSetsRepsAndLoadInKg) {
  const auto& c = GetParam();
  const auto ex = parse_exercise(c.text);
  ASSERT_TRUE(accepted(ex));
  EXPECT_EQ(ex->exercise, c.expected.exercise);
  EXPECT_EQ(ex->sets, c.expected.sets);
  EXPECT_EQ(ex->reps, c.expected.reps);
  ASSERT_EQ(ex->load_kg.has_value(), c.expected.load_kg.has_value());
  if (c.expected.load_kg) {
    EXPECT_DOUBLE_EQ(*ex->load_kg, *c.expected.load_kg);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Doses, ParseExerciseAccepts,
    ::testing::Values(ExerciseCase{"LoadInKg", "squat:3x10@40kg", {"squat", 3, 10, 40.0}},
                      ExerciseCase{"DecimalLoadInKg", "single_leg_rdl:2x12@7.5kg", {"single_leg_rdl", 2, 12, 7.5}},
                      ExerciseCase{"LoadInLbConvertedToKg", "deadlift:3x8@135lb", {"deadlift", 3, 8, 135 * kKgPerLb}},
                      ExerciseCase{"OnePoundIsTheInternationalPound", "curl:1x1@1lb", {"curl", 1, 1, kKgPerLb}},
                      ExerciseCase{"ZeroLoad", "plank:3x1@0kg", {"plank", 3, 1, 0.0}},
                      ExerciseCase{"WithoutLoadIsBodyWeight", "lunge:3x8", {"lunge", 3, 8, std::nullopt}},
                      ExerciseCase{"UppercaseTimesSign", "lunge:3X8", {"lunge", 3, 8, std::nullopt}},
                      ExerciseCase{"NameWithHyphenAndDigits", "step-up2:2x15", {"step-up2", 2, 15, std::nullopt}},
                      // Bounds are validate()'s job: parsing keeps the numbers so the error can quote them.
                      ExerciseCase{"OutOfRangeSetsParse", "squat:0x10", {"squat", 0, 10, std::nullopt}}),
    case_name<ExerciseCase>);

class ParseExerciseRejects : public ::testing::TestWithParam<RejectCase> {};

TEST_P(ParseExerciseRejects, NamingTheFieldAndTheAllowedForm) {
  const auto& c = GetParam();
  const auto ex = parse_exercise(c.text);
  ASSERT_TRUE(rejected_on(ex, "exercise"));
  EXPECT_THAT(ex.error().message, HasSubstr("'" + c.text + "'"));
  EXPECT_THAT(ex.error().message, HasSubstr("NAME:SETSxREPS[@LOAD]"));
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseExerciseRejects,
    ::testing::Values(RejectCase{"Empty", ""}, RejectCase{"NameOnly", "squat"},
                      RejectCase{"NameAndColonOnly", "squat:"}, RejectCase{"SetsWithoutReps", "squat:3"},
                      RejectCase{"SetsAndTimesSignWithoutReps", "squat:3x"}, RejectCase{"RepsWithoutSets", "squat:x10"},
                      RejectCase{"OtherTimesSign", "squat:3*10"}, RejectCase{"AtSignWithoutLoad", "squat:3x10@"},
                      RejectCase{"LoadWithoutUnit", "squat:3x10@40"},
                      RejectCase{"UnknownLoadUnit", "squat:3x10@40stone"},
                      RejectCase{"UppercaseLoadUnit", "squat:3x10@40KG"},
                      RejectCase{"UnitWithoutAtSign", "squat:3x10kg"}, RejectCase{"TwoLoads", "squat:3x10@40kg@50kg"},
                      RejectCase{"UppercaseName", "Squat:3x10"}, RejectCase{"NameWithSpace", "back squat:3x10"},
                      RejectCase{"SpaceBeforeColon", "squat :3x10"}, RejectCase{"SpaceBeforeLoad", "squat:3x10 @40kg"},
                      RejectCase{"MissingName", ":3x10"}, RejectCase{"DecimalSets", "squat:3.5x10"},
                      RejectCase{"NegativeSets", "squat:-3x10"}, RejectCase{"NegativeZeroSets", "squat:-0x10"},
                      RejectCase{"NegativeReps", "squat:3x-10"}, RejectCase{"NegativeLoad", "squat:3x10@-5kg"},
                      RejectCase{"NegativeZeroLoad", "squat:3x10@-0kg"},
                      RejectCase{"NotANumberLoad", "squat:3x10@nankg"}, RejectCase{"InfiniteLoad", "squat:3x10@infkg"},
                      RejectCase{"SetsTooLargeForLong", "squat:99999999999999999999x10"}),
    case_name<RejectCase>);

TEST(ParseExercise, ErrorNamesTheFieldItWasGiven) {
  EXPECT_TRUE(rejected_on(parse_exercise("squat", "--exercise"), "--exercise"));
}

TEST(ParseExercise, PerSetFormKeepsEverySetAndSummarisesFewestRepsAndHeaviestLoad) {
  const auto ex = parse_exercise("squat:10@40kg,10@40kg,8@42.5kg");
  ASSERT_TRUE(accepted(ex));
  EXPECT_EQ(ex->exercise, "squat");
  EXPECT_EQ(ex->sets, 3);
  EXPECT_EQ(ex->reps, 8);
  EXPECT_EQ(ex->load_kg, 42.5);
  EXPECT_EQ(ex->per_set, (std::vector<StrengthSet>{{10, 40.0}, {10, 40.0}, {8, 42.5}}));
  EXPECT_EQ(ex->pain, std::nullopt);
}

TEST(ParseExercise, PerSetFormMayMixBodyWeightAndLoadedSets) {
  const auto ex = parse_exercise("lunge:12,10@10kg,8@20lb");
  ASSERT_TRUE(accepted(ex));
  ASSERT_EQ(ex->per_set.size(), 3U);
  EXPECT_EQ(ex->per_set[0].load_kg, std::nullopt);
  EXPECT_DOUBLE_EQ(*ex->per_set[2].load_kg, 20 * kKgPerLb);
  EXPECT_EQ(ex->load_kg, 10.0);
  EXPECT_EQ(ex->reps, 8);
}

TEST(ParseExercise, TrailingPainInEitherForm) {
  const auto uniform = parse_exercise("lunge:3x8,pain=2");
  ASSERT_TRUE(accepted(uniform));
  EXPECT_EQ(*uniform, (StrengthExercise{"lunge", 3, 8, std::nullopt, {}, 2}));
  const auto per_set = parse_exercise("squat:12@40kg,12@40kg,pain=0");
  ASSERT_TRUE(accepted(per_set));
  EXPECT_EQ(per_set->pain, 0);
  EXPECT_EQ(per_set->sets, 2);
  const auto loaded = parse_exercise("squat:3x10@40kg,pain=10");
  ASSERT_TRUE(accepted(loaded));
  EXPECT_EQ(loaded->pain, 10);
  EXPECT_EQ(loaded->load_kg, 40.0);
}

TEST(ParseExercise, PainAboveTenIsRefusedNamingTheField) {
  const auto ex = parse_exercise("lunge:3x8,pain=11", "--exercise");
  ASSERT_TRUE(rejected_on(ex, "--exercise"));
  EXPECT_THAT(ex.error().message, HasSubstr("0-10"));
}

INSTANTIATE_TEST_SUITE_P(
    MalformedPerSetAndPain, ParseExerciseRejects,
    ::testing::Values(RejectCase{"OneSetAlone", "squat:10@40kg"}, RejectCase{"TrailingComma", "squat:10,10,"},
                      RejectCase{"EmptySet", "squat:10,,10"}, RejectCase{"SetWithoutUnit", "squat:10@40,10@40kg"},
                      RejectCase{"SetsxRepsInsidePerSet", "squat:10,3x10"},
                      RejectCase{"PainWithoutValue", "squat:3x10,pain="},
                      RejectCase{"NegativePain", "squat:3x10,pain=-1"},
                      RejectCase{"DecimalPain", "squat:3x10,pain=2.5"}, RejectCase{"PainOnly", "squat:pain=2"},
                      RejectCase{"PainFirst", "squat:pain=2,3x10"}, RejectCase{"OtherKey", "squat:3x10,rpe=5"},
                      RejectCase{"SpaceAfterComma", "squat:10, 10"}),
    case_name<RejectCase>);

// Regression: counts beyond int were capped to 1,000,000 first, and "squat:99999999999x10" was
// refused as "1000000 sets".
TEST(ParseExercise, RefusesAbsurdSetsAndRepsWithTheNumberAsTyped) {
  const auto sets = parse_exercise("squat:99999999999x10");
  ASSERT_FALSE(sets);
  EXPECT_THAT(sets.error().message, HasSubstr("99999999999 sets is out of range; allowed 1-20"));
  const auto reps = parse_exercise("squat:3x99999999999");
  ASSERT_FALSE(reps);
  EXPECT_THAT(reps.error().message, HasSubstr("99999999999 reps is out of range; allowed 1-200"));
  const auto per_set = parse_exercise("squat:10,99999999999");
  ASSERT_FALSE(per_set);
  EXPECT_THAT(per_set.error().message, HasSubstr("99999999999 reps"));
}

// ---------------------------------------------------------------------------
// format_duration

struct FormatCase {
  std::string_view name;
  double seconds;
  std::string_view text;
};
std::ostream& operator<<(std::ostream& os, const FormatCase& c) { return os << c.seconds << " s"; }

class FormatDuration : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FormatDuration, PrintsMinutesSecondsOrHoursMinutesSeconds) {
  EXPECT_EQ(format_duration(GetParam().seconds), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Values, FormatDuration,
    ::testing::Values(FormatCase{"Zero", 0, "0:00"}, FormatCase{"UnderAMinute", 59, "0:59"},
                      FormatCase{"RoundsDownBelowHalfASecond", 59.4, "0:59"},
                      FormatCase{"RoundsUpToTheNextMinute", 59.6, "1:00"}, FormatCase{"MinutesAndSeconds", 90, "1:30"},
                      FormatCase{"ThreeQuartersOfAnHour", 2700, "45:00"},
                      FormatCase{"LastSecondBeforeAnHour", 3599, "59:59"},
                      FormatCase{"RoundsUpToTheNextHour", 3599.5, "1:00:00"}, FormatCase{"OneHour", 3600, "1:00:00"},
                      FormatCase{"HoursMinutesSeconds", 3930, "1:05:30"}, FormatCase{"OneDay", 86400, "24:00:00"},
                      FormatCase{"HundredHours", 360000, "100:00:00"}, FormatCase{"NegativeSeconds", -30, "-0:30"},
                      FormatCase{"NegativeHours", -3930, "-1:05:30"},
                      FormatCase{"NegativeRoundingToZeroHasNoSign", -0.2, "0:00"},
                      FormatCase{"NotANumber", std::numeric_limits<double>::quiet_NaN(), "?"},
                      FormatCase{"Infinity", std::numeric_limits<double>::infinity(), "?"},
                      FormatCase{"NegativeInfinity", -std::numeric_limits<double>::infinity(), "?"}),
    case_name<FormatCase>);

TEST(FormatDurationBeyondLong, PrintsHoursOfValuesTooLargeForLong) {
  // 1e20 s = 27777777777777777 h 46 min 40 s; lround() is unspecified this far out.
  const std::string text = format_duration(1e20);
  EXPECT_THAT(text, StartsWith("277777777777777"));
  EXPECT_THAT(text, ::testing::EndsWith(":46:40"));
  const std::string largest = format_duration(std::numeric_limits<double>::max());
  EXPECT_THAT(largest, ::testing::Not(StartsWith("-")));
  EXPECT_THAT(largest, ::testing::MatchesRegex("[0-9]+:[0-5][0-9]:[0-5][0-9]"));
}

}  // namespace
}  // namespace stridecare::domain
