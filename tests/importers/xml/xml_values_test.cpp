#include "importers/xml/xml_values.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "xml_test_support.hpp"

namespace stridecare::importers::xml {
namespace {

using testing_support::epoch_ms;

TEST(ParseDecimal, AcceptsWholeDecimalNumbersWithOptionalSignFractionAndExponent) {
  const struct {
    std::string_view text;
    double value;
  } cases[] = {
      {"12", 12.0},   {"-3.5", -3.5},    {"+4", 4.0}, {" 7.25\n", 7.25}, {"\t-0.5 ", -0.5},
      {"1e-5", 1e-5}, {"2.5E3", 2500.0}, {".5", 0.5}, {"-.5", -0.5},     {"0.000091697", 0.000091697},
      {"007", 7.0},   {"5.", 5.0},
  };
  for (const auto& c : cases) {
    const std::optional<double> v = parse_decimal(c.text);
    ASSERT_TRUE(v.has_value()) << '"' << c.text << '"';
    EXPECT_DOUBLE_EQ(*v, c.value) << '"' << c.text << '"';
  }
}

TEST(ParseDecimal, RejectsGarbageThatPugixmlAsDoubleWouldRead) {
  for (std::string_view text : {"",     " ",        "12abc", "abc",  "undefined", "no",     "nan", "NaN", "inf",
                                "-inf", "Infinity", "INF",   "0x1A", "1e400",     "-1e400", "--1", "+-1", "-+1",
                                "++1",  "1 2",      "1,5",   "+",    "-",         ".",      "e5",  "1e",  "12\x01"}) {
    EXPECT_FALSE(parse_decimal(text).has_value()) << '"' << text << '"';
  }
}

TEST(TrimXmlSpace, RemovesOnlyXmlWhitespaceAtBothEnds) {
  EXPECT_EQ(trim_xml_space(" \t\r\n a b \n"), "a b");
  EXPECT_EQ(trim_xml_space("\v x"), "\v x");  // vertical tab is not XML whitespace
  EXPECT_EQ(trim_xml_space("   "), "");
}

TEST(AsciiLowerTrimmed, LowerCasesAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower_trimmed(" Running\n"), "running");
  EXPECT_EQ(ascii_lower_trimmed("BIKING"), "biking");
  EXPECT_EQ(ascii_lower_trimmed("Ski\xC3\x89"), "ski\xC3\x89");  // É stays
}

TEST(ShortenForMessage, CutsLongTextOnACodePointBoundaryAndBlanksControlCharacters) {
  EXPECT_EQ(shorten_for_message("a\nb\tc"), "a b c");
  EXPECT_EQ(shorten_for_message(std::string(50, 'x'), 10), std::string(10, 'x') + "...");
  // "aé" is 3 bytes; cutting at 2 would split the é.
  EXPECT_EQ(shorten_for_message("a\xC3\xA9zz", 2), "a...");
}

TEST(ParseXsdDateTime, ReadsUtcTimes) {
  const auto t = parse_xsd_datetime("2026-01-05T10:00:00Z");
  ASSERT_TRUE(t.has_value()) << t.error();
  EXPECT_EQ(epoch_ms(t->utc), 1767607200000LL);
  EXPECT_EQ(t->zone, Zone::utc);
  EXPECT_EQ(t->offset_s, 0);
}

TEST(ParseXsdDateTime, KeepsFractionalSecondsToTheMillisecondAndTruncatesFinerDigits) {
  const struct {
    std::string_view text;
    long long ms_of_second;
  } cases[] = {{"2026-01-05T10:00:00.5Z", 500},    {"2026-01-05T10:00:00.25Z", 250},
               {"2026-01-05T10:00:00.692Z", 692},  {"2026-01-05T10:00:00.2073437Z", 207},
               {"2026-01-05T10:00:00.9999Z", 999}, {"2026-01-05T10:00:00.000Z", 0}};
  for (const auto& c : cases) {
    const auto t = parse_xsd_datetime(c.text);
    ASSERT_TRUE(t.has_value()) << c.text << ": " << t.error();
    EXPECT_EQ(epoch_ms(t->utc) - 1767607200000LL, c.ms_of_second) << c.text;
  }
}

TEST(ParseXsdDateTime, AppliesNumericOffsetsAndKeepsThem) {
  const auto plus = parse_xsd_datetime("2026-01-05T12:00:00+02:00");
  ASSERT_TRUE(plus.has_value());
  EXPECT_EQ(epoch_ms(plus->utc), 1767607200000LL);  // 10:00Z
  EXPECT_EQ(plus->zone, Zone::offset);
  EXPECT_EQ(plus->offset_s, 7200);

  const auto minus = parse_xsd_datetime("2026-01-05T04:30:00.000-05:30");
  ASSERT_TRUE(minus.has_value());
  EXPECT_EQ(epoch_ms(minus->utc), 1767607200000LL);
  EXPECT_EQ(minus->offset_s, -19800);

  const auto zero = parse_xsd_datetime("2026-01-05T10:00:00+00:00");
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(zero->zone, Zone::offset);  // written as an offset, unlike Z
  EXPECT_EQ(zero->offset_s, 0);

  const auto previous_day = parse_xsd_datetime("2026-01-01T01:00:00+14:00");
  ASSERT_TRUE(previous_day.has_value());
  EXPECT_EQ(epoch_ms(previous_day->utc), 1767178800000LL);  // 2025-12-31T11:00Z
}

TEST(ParseXsdDateTime, ReadsTimesWithoutZoneAsUtcAndSaysSo) {
  const auto t = parse_xsd_datetime("2026-01-05T10:00:00");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(epoch_ms(t->utc), 1767607200000LL);
  EXPECT_EQ(t->zone, Zone::none);
}

TEST(ParseXsdDateTime, AcceptsLeapDaysAndTheEndOfDayAndSurroundingWhitespace) {
  EXPECT_TRUE(parse_xsd_datetime("2024-02-29T00:00:00Z").has_value());
  EXPECT_TRUE(parse_xsd_datetime("2000-02-29T00:00:00Z").has_value());
  const auto end_of_day = parse_xsd_datetime("2026-01-04T24:00:00Z");
  ASSERT_TRUE(end_of_day.has_value());
  EXPECT_EQ(epoch_ms(end_of_day->utc), epoch_ms(parse_xsd_datetime("2026-01-05T00:00:00Z")->utc));
  EXPECT_TRUE(parse_xsd_datetime("\n  2026-01-05T10:00:00Z \n").has_value());
  // Times before 1970 are valid instants (a device clock at its epoch).
  const auto old = parse_xsd_datetime("1901-12-13T20:45:52.207Z");
  ASSERT_TRUE(old.has_value());
  EXPECT_LT(epoch_ms(old->utc), 0);
}

TEST(ParseXsdDateTime, RejectsImpossibleDatesAndTimesNamingTheField) {
  const struct {
    std::string_view text;
    std::string_view reason;
  } cases[] = {
      {"2026-13-01T00:00:00Z", "month out of range"},
      {"2026-00-01T00:00:00Z", "month out of range"},
      {"2026-02-29T00:00:00Z", "day out of range"},
      {"2026-04-31T00:00:00Z", "day out of range"},
      {"1900-02-29T00:00:00Z", "day out of range"},
      {"2026-01-00T00:00:00Z", "day out of range"},
      {"2026-01-01T25:00:00Z", "hour out of range"},
      {"2026-01-01T24:00:01Z", "hour out of range"},
      {"2026-01-01T24:00:00.5Z", "hour out of range"},
      {"2026-01-01T10:60:00Z", "minutes out of range"},
      {"2026-01-01T10:00:60Z", "seconds out of range"},
      {"2026-01-01T10:00:99Z", "seconds out of range"},
      {"0000-01-01T10:00:00Z", "year out of range"},
      {"2026-01-01T10:00:00+14:01", "zone offset out of range"},
      {"2026-01-01T10:00:00+02:60", "zone offset out of range"},
  };
  for (const auto& c : cases) {
    const auto t = parse_xsd_datetime(c.text);
    ASSERT_FALSE(t.has_value()) << c.text;
    EXPECT_EQ(t.error(), c.reason) << c.text;
  }
}

TEST(ParseXsdDateTime, RejectsOtherSpellings) {
  for (std::string_view text :
       {"", "garbage", "2026-1-01T00:00:00Z", "26-01-01T00:00:00Z", "2026-01-01 10:00:00Z", "2026-01-01t10:00:00Z",
        "2026-01-01T10:00:00z", "2026-01-01T10:00Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00+1:00",
        "2026-01-01T10:00:00+0100", "2026-01-01T10:00:00Zjunk", "2026-01-01T10:00:00 Z", "-2026-01-01T10:00:00Z",
        "20260-01-01T10:00:00Z", "2026-01-01", "Aug  6 2007, 20:16:30", "2026-01-01T10:00:00+01:00:00"}) {
    EXPECT_FALSE(parse_xsd_datetime(text).has_value()) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace stridecare::importers::xml
