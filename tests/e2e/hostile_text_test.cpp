// Text that is not UTF-8 or that would act on a terminal, typed in or named by a file (issue 14,
// items 1 and 8): refused or repaired on the way in, and never breaking an output on the way out.

#include <algorithm>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD
const fs::path kGpx = kCorpus / "gpxpy" / "test_files" / "cerknicko-jezero.gpx";

class E2eHostileText : public E2eTest {};

// Regression: `log run --note $'\xff'` was stored, and every JSON output failed on it afterwards.
TEST_F(E2eHostileText, ANoteThatIsNotUtf8IsAUsageErrorAndStoresNothing) {
  sc_ok({"log", "run", "--date", "2026-02-01", "--distance", "5", "--duration", "30:00"});
  const std::string before = read_bytes(db());
  for (const Args& args :
       {Args{"log", "run", "--date", "2026-02-02", "--distance", "5", "--duration", "30:00", "--note", "hill \xFF"},
        Args{"log", "pain", "--date", "2026-02-02", "--site", "knee", "--side", "left", "--pain", "2", "--timing",
             "after_run", "--note", "\xC3"}}) {
    const Outcome o = sc(args);
    expect_one_line_failure(o, 2, {"note", "UTF-8"});
  }
  EXPECT_TRUE(read_bytes(db()) == before) << "the database changed";
}

// Regression: a database holding such bytes (written before the check) failed `export`, `activities
// --json` and `checkins --json` with "invalid UTF-8 byte" until the row was deleted.
TEST_F(E2eHostileText, StoredBytesThatAreNotUtf8StillExportAndList) {
  sc_ok({"log", "run", "--date", "2026-02-01", "--distance", "5", "--duration", "30:00", "--note", "x"});
  sc_ok({"log", "pain", "--date", "2026-02-01", "--site", "knee", "--side", "left", "--pain", "2", "--timing",
         "after_run", "--note", "y"});
  {
    SqliteFile file(db());
    file.exec("UPDATE activity SET note = CAST(X'68696C6CFF' AS TEXT); UPDATE checkin SET note = CAST(X'C3' AS TEXT);");
  }
  const Json acts = activities();
  ASSERT_EQ(acts.size(), 1U);
  EXPECT_EQ(acts[0]["note"], "hill" + kReplacement);
  EXPECT_EQ(checkins()[0]["note"], kReplacement);
  const Outcome exported = sc({"export", "--format", "json"});
  EXPECT_EQ(exported.exit_code, 0) << exported;
  EXPECT_NE(exported.out.find("hill" + kReplacement), std::string::npos);
  const Outcome listed = sc({"activities"});
  EXPECT_EQ(listed.exit_code, 0) << listed;
  EXPECT_NE(listed.out.find("hill" + kReplacement), std::string::npos) << listed;
}

// Regression: a file named with bytes that are not UTF-8 was stored under that name, and JSON failed.
TEST_F(E2eHostileText, AFileNameThatIsNotUtf8IsStoredRepairedWithAWarning) {
  const fs::path file = dir() / "Lauf-M\xFCnchen.gpx";
  fs::copy_file(kGpx, file);
  const Json report = sc_json({"--json", "import", file.string()});
  ASSERT_EQ(report["imported"], 1) << report;
  EXPECT_NE(report.dump().find("not valid UTF-8"), std::string::npos) << report;
  const Json acts = activities();
  ASSERT_EQ(acts.size(), 1U);
  EXPECT_NE(acts[0].dump().find("Lauf-M" + kReplacement + "nchen.gpx"), std::string::npos) << acts[0];
  EXPECT_EQ(sc({"export", "--format", "json"}).exit_code, 0);
}

// Regression: a note holding ESC[2J cleared the screen of whoever listed the activities, and a
// newline split the entry's line.
TEST_F(E2eHostileText, ControlCharactersAreShownEscaped) {
  sc_ok({"log", "run", "--date", "2026-02-01", "--distance", "5", "--duration", "30:00", "--note", "\x1B[2Jeasy\nday"});
  const Outcome o = sc_ok({"activities"});
  EXPECT_EQ(o.out.find('\x1B'), std::string::npos) << "an ESC reached the terminal";
  EXPECT_NE(o.out.find("\\x1B[2Jeasy\\nday"), std::string::npos) << o;
  EXPECT_EQ(lines_of(o.out).size(), 1U) << o;
  EXPECT_EQ(activities()[0]["note"], "\x1B[2Jeasy\nday") << "JSON carries the note as it is";
}

// Regression: a newline in a file's name split the import report's line for it.
TEST_F(E2eHostileText, AFileNameWithControlCharactersIsShownEscapedOnOneLine) {
  const fs::path file = dir() / "run\n\x1B[2J.gpx";
  fs::copy_file(kGpx, file);
  const Outcome imported = sc({"import", file.string()});
  EXPECT_EQ(imported.exit_code, 0) << imported;
  EXPECT_EQ(imported.out.find('\x1B'), std::string::npos) << imported;
  EXPECT_NE(imported.out.find("run\\n\\x1B[2J.gpx"), std::string::npos) << imported;
  for (const auto& line : lines_of(imported.out)) {
    EXPECT_FALSE(line.ends_with("run")) << "the name was split: " << imported;
  }
  const Outcome inspected = sc({"inspect", file.string()});
  EXPECT_EQ(inspected.exit_code, 0) << inspected;
  EXPECT_EQ(inspected.out.find('\x1B'), std::string::npos) << inspected;
  EXPECT_NE(inspected.out.find("run\\n\\x1B[2J.gpx: gpx"), std::string::npos) << inspected;
}

TEST_F(E2eHostileText, AnErrorQuotingControlCharactersStaysOnOneLine) {
  const Outcome o = sc({"log", "pain", "--date", "2026-02-01", "--site", "kn\nee\x1B[2J", "--side", "left", "--pain",
                        "2", "--timing", "after_run"});
  expect_one_line_failure(o, 2, {"--site", "kn\\nee\\x1B[2J"});
}

}  // namespace
}  // namespace stridecare::e2e
