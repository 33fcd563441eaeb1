// Calendar days, times of day and weekdays.

#include "domain/date.hpp"

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/profile.hpp"
#include "expected_assertions.hpp"
#include "support/test_values.hpp"

namespace stridecare::domain {
namespace {

using test_support::case_name;
using test_support::ymd;

using ::testing::HasSubstr;
using testing_support::accepted;
using testing_support::rejected_on;

struct TextCase {
  std::string_view name;
  std::string text;
};
std::ostream& operator<<(std::ostream& os, const TextCase& c) { return os << "'" << c.text << "'"; }

// ---------------------------------------------------------------------------
// parse_date

class ParseDateAccepts : public ::testing::TestWithParam<TextCase> {};

TEST_P(ParseDateAccepts, ReturnsTheDayAndPrintsItBack) {
  const auto& text = GetParam().text;
  const auto date = parse_date(text);
  ASSERT_TRUE(accepted(date));
  EXPECT_TRUE(date->ok());
  EXPECT_EQ(to_string(*date), text);
}

INSTANTIATE_TEST_SUITE_P(Days, ParseDateAccepts,
                         ::testing::Values(TextCase{"Ordinary", "2026-01-05"}, TextCase{"EndOfYear", "2026-12-31"},
                                           TextCase{"EndOfFebruary", "2026-02-28"}, TextCase{"LeapDay", "2028-02-29"},
                                           TextCase{"LeapDayOfACenturyDivisibleBy400", "2000-02-29"},
                                           TextCase{"EndOfThirtyDayMonth", "2026-04-30"},
                                           TextCase{"EarliestYear", "1900-01-01"},
                                           TextCase{"LatestYear", "2999-12-31"}),
                         case_name<TextCase>);

TEST(ParseDate, ReturnsYearMonthAndDay) {
  const auto date = parse_date("2028-02-29");
  ASSERT_TRUE(accepted(date));
  EXPECT_TRUE(*date == ymd(2028, 2, 29));
}

class ParseDateRejects : public ::testing::TestWithParam<TextCase> {};

TEST_P(ParseDateRejects, NamingTheFieldAndQuotingTheText) {
  const auto& text = GetParam().text;
  const auto date = parse_date(text);
  ASSERT_TRUE(rejected_on(date, "date"));
  EXPECT_THAT(date.error().message, HasSubstr("'" + text + "'"));
}

INSTANTIATE_TEST_SUITE_P(ImpossibleDays, ParseDateRejects,
                         ::testing::Values(TextCase{"LeapDayOfCommonYear", "2026-02-29"},
                                           TextCase{"FebruaryThirtieth", "2026-02-30"},
                                           TextCase{"LeapDayOfACenturyNotDivisibleBy400", "2100-02-29"},
                                           TextCase{"ThirtyFirstOfThirtyDayMonth", "2026-04-31"},
                                           TextCase{"MonthThirteen", "2026-13-01"}, TextCase{"MonthZero", "2026-00-10"},
                                           TextCase{"DayZero", "2026-01-00"}, TextCase{"DayThirtyTwo", "2026-01-32"},
                                           TextCase{"YearBefore1900", "1899-12-31"},
                                           TextCase{"YearAfter2999", "3000-01-01"}),
                         case_name<TextCase>);

INSTANTIATE_TEST_SUITE_P(
    Malformed, ParseDateRejects,
    ::testing::Values(TextCase{"Empty", ""}, TextCase{"UnpaddedMonthAndDay", "2026-1-5"},
                      TextCase{"UnpaddedDay", "2026-01-5"}, TextCase{"TwoDigitYear", "26-01-05"},
                      TextCase{"Slashes", "2026/01/05"}, TextCase{"DayFirst", "05-01-2026"},
                      TextCase{"TrailingJunk", "2026-01-05x"}, TextCase{"TrailingTime", "2026-01-05T07:00"},
                      TextCase{"TrailingSpace", "2026-01-05 "}, TextCase{"LeadingSpace", " 2026-01-05"},
                      TextCase{"SignedYear", "+026-01-05"}, TextCase{"NegativeMonth", "2026--1-05"},
                      TextCase{"LetterInMonth", "2026-0a-05"}, TextCase{"CompactForm", "20260105"},
                      TextCase{"Word", "yesterday"}),
    case_name<TextCase>);

TEST(ParseDate, ErrorNamesTheFieldItWasGiven) {
  const auto date = parse_date("2026-02-30", "since");
  ASSERT_TRUE(rejected_on(date, "since"));
  EXPECT_THAT(date.error().message, HasSubstr("'2026-02-30'"));
}

TEST(ParseDate, MalformedErrorShowsTheExpectedForm) {
  const auto date = parse_date("2026-1-5");
  ASSERT_FALSE(date);
  EXPECT_THAT(date.error().message, HasSubstr("YYYY-MM-DD"));
}

// ---------------------------------------------------------------------------
// Date arithmetic

struct AddDaysCase {
  std::string_view name;
  Date from;
  int days;
  std::string_view expected;
};
std::ostream& operator<<(std::ostream& os, const AddDaysCase& c) { return os << to_string(c.from) << " + " << c.days; }

class DateAddDays : public ::testing::TestWithParam<AddDaysCase> {};

TEST_P(DateAddDays, CrossesMonthsYearsAndLeapDays) {
  const auto& c = GetParam();
  const Date to = add_days(c.from, c.days);
  EXPECT_EQ(to_string(to), c.expected);
  EXPECT_EQ(days_between(c.from, to), c.days);
  EXPECT_EQ(days_between(to, c.from), -c.days);
}

INSTANTIATE_TEST_SUITE_P(Calendar, DateAddDays,
                         ::testing::Values(AddDaysCase{"Zero", ymd(2026, 3, 2), 0, "2026-03-02"},
                                           AddDaysCase{"IntoMarchOfCommonYear", ymd(2026, 2, 28), 1, "2026-03-01"},
                                           AddDaysCase{"OntoLeapDay", ymd(2028, 2, 28), 1, "2028-02-29"},
                                           AddDaysCase{"BackOverMonthEnd", ymd(2026, 3, 1), -1, "2026-02-28"},
                                           AddDaysCase{"IntoNextYear", ymd(2026, 12, 31), 1, "2027-01-01"},
                                           AddDaysCase{"CommonYear", ymd(2026, 1, 1), 365, "2027-01-01"},
                                           AddDaysCase{"LeapYear", ymd(2028, 1, 1), 366, "2029-01-01"},
                                           AddDaysCase{"Week", ymd(2026, 3, 2), 7, "2026-03-09"}),
                         case_name<AddDaysCase>);

// ---------------------------------------------------------------------------
// parse_time_of_day

struct TimeCase {
  std::string_view name;
  std::string text;
  MinuteOfDay minute;
};
std::ostream& operator<<(std::ostream& os, const TimeCase& c) { return os << "'" << c.text << "'"; }

class ParseTimeOfDayAccepts : public ::testing::TestWithParam<TimeCase> {};

TEST_P(ParseTimeOfDayAccepts, ReturnsMinutesSinceMidnight) {
  const auto& c = GetParam();
  const auto minute = parse_time_of_day(c.text);
  ASSERT_TRUE(accepted(minute));
  EXPECT_EQ(*minute, c.minute);
  EXPECT_EQ(time_of_day_to_string(*minute), c.text);
}

INSTANTIATE_TEST_SUITE_P(Clock, ParseTimeOfDayAccepts,
                         ::testing::Values(TimeCase{"Midnight", "00:00", 0}, TimeCase{"LastMinute", "23:59", 1439},
                                           TimeCase{"Morning", "07:30", 450}, TimeCase{"Noon", "12:00", 720},
                                           TimeCase{"Evening", "18:45", 1125}),
                         case_name<TimeCase>);

class ParseTimeOfDayRejects : public ::testing::TestWithParam<TextCase> {};

TEST_P(ParseTimeOfDayRejects, NamingTheFieldAndQuotingTheText) {
  const auto& text = GetParam().text;
  const auto minute = parse_time_of_day(text);
  ASSERT_TRUE(rejected_on(minute, "time"));
  EXPECT_THAT(minute.error().message, HasSubstr("'" + text + "'"));
}

INSTANTIATE_TEST_SUITE_P(Malformed, ParseTimeOfDayRejects,
                         ::testing::Values(TextCase{"TwentyFourHundred", "24:00"}, TextCase{"HourTwentyFive", "25:00"},
                                           TextCase{"SixtyMinutes", "07:60"}, TextCase{"UnpaddedHour", "7:30"},
                                           TextCase{"UnpaddedMinute", "07:3"}, TextCase{"WithSeconds", "07:30:00"},
                                           TextCase{"NoColon", "0730"}, TextCase{"OtherSeparator", "07.30"},
                                           TextCase{"TwelveHourClock", "07:30am"}, TextCase{"NegativeHour", "-1:00"},
                                           TextCase{"SignedHour", "+1:00"}, TextCase{"LeadingSpace", " 7:30"},
                                           TextCase{"Letters", "ab:cd"}, TextCase{"Empty", ""}),
                         case_name<TextCase>);

TEST(ParseTimeOfDay, ErrorNamesTheFieldItWasGiven) { EXPECT_TRUE(rejected_on(parse_time_of_day("24:00", "at"), "at")); }

TEST(ParseTimeOfDay, RoundTripsEveryMinuteOfTheDay) {
  for (MinuteOfDay m = 0; m < 24 * 60; ++m) {
    const auto parsed = parse_time_of_day(time_of_day_to_string(m));
    ASSERT_TRUE(accepted(parsed)) << m;
    ASSERT_EQ(*parsed, m);
  }
}

// ---------------------------------------------------------------------------
// Weekdays (profile.hpp)

struct WeekdayCase {
  std::string_view name;
  std::chrono::weekday day;
  unsigned index;
};
std::ostream& operator<<(std::ostream& os, const WeekdayCase& c) { return os << c.name; }

class ParseWeekday : public ::testing::TestWithParam<WeekdayCase> {};

TEST_P(ParseWeekday, RoundTripsThroughItsName) {
  const auto& c = GetParam();
  EXPECT_EQ(weekday_name(c.day), c.name);
  EXPECT_EQ(parse_weekday(c.name), c.day);
  EXPECT_EQ(weekday_index(c.day), c.index);
}

INSTANTIATE_TEST_SUITE_P(
    Week, ParseWeekday,
    ::testing::Values(WeekdayCase{"mon", std::chrono::Monday, 0}, WeekdayCase{"tue", std::chrono::Tuesday, 1},
                      WeekdayCase{"wed", std::chrono::Wednesday, 2}, WeekdayCase{"thu", std::chrono::Thursday, 3},
                      WeekdayCase{"fri", std::chrono::Friday, 4}, WeekdayCase{"sat", std::chrono::Saturday, 5},
                      WeekdayCase{"sun", std::chrono::Sunday, 6}),
    case_name<WeekdayCase>);

TEST(ParseWeekdayNames, RejectsOtherSpellings) {
  for (const std::string_view text : {"", "Mon", "MON", "monday", "m", "mo", "sun ", "7", "0"}) {
    EXPECT_EQ(parse_weekday(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseWeekdayNames, NamesAnInvalidWeekdayWithoutReadingPastTheTable) {
  // weekday{8} is representable but not a day (ok() is false).
  EXPECT_EQ(weekday_name(std::chrono::weekday{8}), "?");
  EXPECT_EQ(weekday_name(std::chrono::weekday{255}), "?");
}

TEST(ParseWeekdayNames, AgreesWithTheCalendar) {
  // 2026-03-02 is a Monday.
  for (int i = 0; i < 7; ++i) {
    const std::chrono::weekday day{std::chrono::sys_days{add_days(ymd(2026, 3, 2), i)}};
    EXPECT_EQ(weekday_index(day), static_cast<unsigned>(i));
  }
}

TEST(NotADay, ListsEveryDayInOrder) {
  EXPECT_EQ(not_a_day("funday"), "'funday' is not a day; allowed mon|tue|wed|thu|fri|sat|sun");
  EXPECT_EQ(not_a_day("x", ","), "'x' is not a day; allowed mon,tue,wed,thu,fri,sat,sun");
}

// ---------------------------------------------------------------------------
// check_range

TEST(CheckRange, AcceptsOneDayAndDaysInOrder) {
  EXPECT_TRUE(check_range(ymd(2026, 3, 1), ymd(2026, 3, 1)).has_value());
  EXPECT_TRUE(check_range(ymd(2025, 12, 31), ymd(2026, 1, 1)).has_value());
}

TEST(CheckRange, RefusesFromAfterToNamingFromAndBothDays) {
  const auto r = check_range(ymd(2026, 3, 5), ymd(2026, 3, 1));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(r.error().field, "from");
  EXPECT_THAT(r.error().message, HasSubstr("2026-03-05"));
  EXPECT_THAT(r.error().message, HasSubstr("2026-03-01"));
}

TEST(ParseDateRange, EitherEndMayBeOpen) {
  const auto both = parse_date_range("2026-03-01", "2026-03-07");
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->from, ymd(2026, 3, 1));
  EXPECT_EQ(both->to, ymd(2026, 3, 7));
  EXPECT_TRUE(both->contains(ymd(2026, 3, 7)));
  EXPECT_FALSE(both->contains(ymd(2026, 3, 8)));
  const auto open = parse_date_range(std::nullopt, "2026-03-07");
  ASSERT_TRUE(open.has_value());
  EXPECT_FALSE(open->from.has_value());
  EXPECT_TRUE(open->contains(ymd(1990, 1, 1)));
}

TEST(ParseDateRange, NamesTheEndThatIsWrong) {
  const auto bad_to = parse_date_range("2026-03-01", "2026-02-30");
  ASSERT_FALSE(bad_to.has_value());
  EXPECT_EQ(bad_to.error().field, "to");
  const auto reversed = parse_date_range("2026-03-05", "2026-03-01", "--to");
  ASSERT_FALSE(reversed.has_value());
  EXPECT_EQ(reversed.error().field, "from");
  EXPECT_EQ(reversed.error().message, "2026-03-05 is after --to 2026-03-01");
}

}  // namespace
}  // namespace stridecare::domain
