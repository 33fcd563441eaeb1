#include "domain/text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace stridecare::domain {
namespace {

TEST(FirstInvalidUtf8, IsAbsentForValidText) {
  EXPECT_FALSE(first_invalid_utf8(""));
  EXPECT_FALSE(first_invalid_utf8("knee sore after hills"));
  EXPECT_FALSE(first_invalid_utf8("Lauf M\xC3\xBCnchen \xE2\x9C\x93 \xF0\x9F\x8F\x83"));  // ü, ✓, 🏃
}

TEST(FirstInvalidUtf8, NamesTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("\xFF"), 0U);
  EXPECT_EQ(first_invalid_utf8("ok \xFF"), 3U);
  EXPECT_EQ(first_invalid_utf8("ab\xC3"), 2U);              // cut short
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0U);            // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1U);       // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("xy\xF4\x90\x80\x80"), 2U);  // beyond U+10FFFF
  EXPECT_EQ(first_invalid_utf8("M\xFCnchen"), 1U);          // Latin-1, as an old zip names it
}

TEST(ValidUtf8, KeepsValidTextAndReplacesEachBadSequence) {
  EXPECT_EQ(valid_utf8("M\xC3\xBCnchen"), "M\xC3\xBCnchen");
  EXPECT_EQ(valid_utf8("M\xFCnchen"), "M\xEF\xBF\xBDnchen");
  EXPECT_EQ(valid_utf8("\xFF\xFE"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_FALSE(first_invalid_utf8(valid_utf8("a\xC3")));
}

// Regression: a note holding ESC[2J cleared the terminal of whoever listed the activities.
TEST(Printable, EscapesWhatWouldActOnTheTerminal) {
  EXPECT_EQ(printable("\x1B[2J"), "\\x1B[2J");
  EXPECT_EQ(printable("two\nlines"), "two\\nlines");
  EXPECT_EQ(printable("a\tb\rc"), "a\\tb\\rc");
  EXPECT_EQ(printable(std::string("nul\0x", 5)), "nul\\x00x");
  EXPECT_EQ(printable("del\x7F"), "del\\x7F");
  EXPECT_EQ(printable("c1\xC2\x9B"), "c1\\u{009B}");  // CSI as one code point
  EXPECT_EQ(printable("\xE2\x80\xAE"
                      "evil"),
            "\\u{202E}evil");                                                // right-to-left override
  EXPECT_EQ(printable("\xE2\x81\xA6x\xE2\x81\xA9"), "\\u{2066}x\\u{2069}");  // isolates
}

TEST(Printable, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(printable("Lauf M\xC3\xBCnchen, 10 km \xE2\x80\x94 easy \\ slow"),
            "Lauf M\xC3\xBCnchen, 10 km \xE2\x80\x94 easy \\ slow");
  EXPECT_EQ(printable("M\xFCnchen"), "M\xEF\xBF\xBDnchen");
}

}  // namespace
}  // namespace stridecare::domain
