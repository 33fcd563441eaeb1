// A full disk in the middle of an import (issue 14, item 7): what was stored is said, it stays whole
// and readable, and the same import run again continues. The database lives on a small tmpfs.

#include <algorithm>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eFullDisk : public E2eTest {};

// Regression: "'COMMIT' failed: database or disk is full" with 51 of 79 files stored and nothing on
// stdout: the runner could not tell what was kept.
TEST_F(E2eFullDisk, AnImportThatFillsTheDiskSaysWhatWasStoredAndTheSameImportContinues) {
  // 200 runs: four transactions of 64 files; the small disk holds the database and about one of them.
  const fs::path runs = dir() / "runs";
  write_runs(runs, 200, 1800);
  constexpr std::size_t kSmall = std::size_t{1} << 20;
  SmallDisk disk(dir() / "small", kSmall);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  Environment e = env();
  const fs::path db = dir() / "small" / "stridecare.db";
  e["STRIDECARE_DB"] = db.string();

  const Outcome first = sc({"import", runs.string()}, e);
  ASSERT_EQ(first.exit_code, 1) << first;
  EXPECT_EQ(std::count(first.err.begin(), first.err.end(), '\n'), 1) << first;
  EXPECT_NE(first.err.find("full"), std::string::npos) << first;
  EXPECT_NE(first.err.find("run the same import again to continue"), std::string::npos) << first;
  const std::vector<std::string> lines = lines_of(first.out);
  const auto listed = static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("#"); }));
  ASSERT_GT(listed, 0U) << "the disk should hold a few files: " << first;

  ASSERT_TRUE(disk.grow(std::size_t{256} << 20));
  {
    SqliteFile file(db);
    EXPECT_EQ(file.column("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_EQ(file.column("SELECT count(*) FROM activity"), std::vector<std::string>{std::to_string(listed)})
        << "what the import listed is what was stored";
  }
  const Json again = parse_json(sc({"--json", "import", runs.string()}, e).out);
  EXPECT_GE(again["duplicates"].size(), listed) << again;
  EXPECT_TRUE(again["stopped"].is_null()) << again;

  // The same as one import on a disk with room.
  Environment roomy = env();
  roomy["STRIDECARE_DB"] = (dir() / "roomy.db").string();
  const Json whole = parse_json(sc({"--json", "import", runs.string()}, roomy).out);
  EXPECT_EQ(listed + again["imported"].get<std::size_t>(), whole["imported"].get<std::size_t>());
}

}  // namespace
}  // namespace stridecare::e2e
