// Messages that misled (issue 14, item 10) and inputs that are not files (item 6): what the program
// now says, each checked through the real executable.

#include <algorithm>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

const fs::path kFit = kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit";

class E2eMessages : public E2eTest {};

// Regression: "'9999-12-31' is not a day of the calendar".
TEST_F(E2eMessages, ADateOutsideTheYearsAllowedSaysTheRange) {
  expect_one_line_failure(sc({"--date", "9999-12-31", "today"}), 2, {"--date", "9999-12-31", "1900-2999"});
  expect_one_line_failure(sc({"--date", "2026-02-30", "today"}), 2, {"--date", "not a day of the calendar"});
}

// Regression: `--distance 1e308km` had "an unknown unit".
TEST_F(E2eMessages, ADistanceWithAnExponentSaysSo) {
  expect_one_line_failure(sc({"log", "run", "--date", "2026-02-01", "--distance", "1e308km", "--duration", "30:00"}), 2,
                          {"--distance", "1e308km", "exponent"});
}

// Regression: `squat:99999999999x10` was refused as "1000000 sets".
TEST_F(E2eMessages, AbsurdSetsAreQuotedAsTyped) {
  expect_one_line_failure(
      sc({"log", "strength", "--date", "2026-02-01", "--time", "18:00", "--exercise", "squat:99999999999x10"}), 2,
      {"99999999999 sets is out of range; allowed 1-20"});
}

// Regression: `--rules /nonexistent` exited 1 while `--rules /etc/passwd` exited 2.
TEST_F(E2eMessages, ARulesFileThatCannotBeReadIsAUsageErrorLikeOneThatIsNotARuleBook) {
  expect_one_line_failure(sc({"--rules", (dir() / "nonexistent.json").string(), "today"}), 2,
                          {"--rules", "nonexistent.json", "no such file"});
  write_bytes(dir() / "passwd", "root:x:0:0:root:/root:/bin/bash\n");
  EXPECT_EQ(sc({"--rules", (dir() / "passwd").string(), "today"}).exit_code, 2);
}

// Regression: a restore id of 2^63 was shown as -9223372036854775808.
TEST_F(E2eMessages, AnIdBeyondTheRangeIsQuotedAsWritten) {
  std::string text = read_bytes(kDemoExport);
  const auto at = text.find("\"id\":");
  ASSERT_NE(at, std::string::npos);
  const auto end = text.find_first_of(",}", at);
  text.replace(at, end - at, "\"id\": 9223372036854775808");
  write_bytes(dir() / "big-id.json", text);
  const Outcome o = sc({"restore", (dir() / "big-id.json").string()});
  expect_one_line_failure(o, 2, {"id: 9223372036854775808 is out of range"});
}

/// A failed import of one file: exit 1, its report on stdout, and one line on stderr holding `parts`.
void expect_one_failed_file(const Outcome& o, const std::vector<std::string>& parts) {
  EXPECT_EQ(o.exit_code, 1) << o;
  EXPECT_NE(o.out.find("(0 already stored, 1 failed)"), std::string::npos) << o;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << "stderr must be exactly one line" << o;
  for (const auto& part : parts) EXPECT_NE(o.err.find(part), std::string::npos) << part << o;
}

// Regression: one file that failed printed its error and then "1 of 1 file failed": two lines.
TEST_F(E2eMessages, OneFileThatFailsIsOneLineOnStderr) {
  write_bytes(dir() / "bad.fit", "not a FIT file at all");
  expect_one_failed_file(sc({"import", (dir() / "bad.fit").string()}), {"bad.fit", "not a FIT"});
  expect_one_line_failure(sc({"inspect", (dir() / "bad.fit").string()}), 1, {"bad.fit", "not a FIT"});
}

// Regression: `inspect x.zip` said "not a FIT, GPX or TCX file".
TEST_F(E2eMessages, InspectOfAnArchiveSaysThatImportReadsArchives) {
  const fs::path zip = kCorpus / "exports" / "strava-export-sample.zip";
  expect_one_line_failure(sc({"inspect", zip.string()}), 1, {"zip archive", "stridecare import"});
}

// Regression: `mkfifo p.fit; stridecare import p.fit` blocked forever.
TEST_F(E2eMessages, AFifoIsRefusedByImportAndInspectWithoutBlocking) {
  const fs::path fifo = dir() / "p.fit";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_one_failed_file(sc({"import", fifo.string()}), {"p.fit", "named pipe (FIFO)"});
  expect_one_line_failure(sc({"inspect", fifo.string()}), 1, {"p.fit", "named pipe (FIFO)"});
}

}  // namespace
}  // namespace stridecare::e2e
