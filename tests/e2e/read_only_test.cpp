// Commands that only read (issue 14, item 9): they read a database the user may not write, and
// create nothing where there is no database yet.

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eReadOnly : public E2eTest {};

// Regression: `today` on a read-only database failed with "attempt to write a readonly database".
TEST_F(E2eReadOnly, ADatabaseOnReadOnlyMediaIsReadByEveryReadingCommand) {
  SmallDisk disk(dir() / "ro", std::size_t{16} << 20);
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs needs root (CI runs as root)";
  Environment e = env();
  e["STRIDECARE_DB"] = (dir() / "ro" / "stridecare.db").string();
  ASSERT_EQ(sc({"log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00", "--note", "kept"}, e)
                .exit_code,
            0);
  ASSERT_TRUE(disk.make_read_only());
  for (const Args& args : {Args{"--date", "2026-03-02", "today"}, Args{"activities"}, Args{"checkins"},
                           Args{"export", "--format", "json"}, Args{"--date", "2026-03-02", "load"},
                           Args{"--date", "2026-03-02", "strength"}, Args{"--date", "2026-03-02", "routines"}}) {
    const Outcome o = sc(args, e);
    EXPECT_EQ(o.exit_code, 0) << o;
    EXPECT_EQ(o.err, "") << o;
  }
  EXPECT_NE(sc({"activities"}, e).out.find("kept"), std::string::npos);
  const Outcome write = sc({"log", "run", "--date", "2026-03-02", "--distance", "5", "--duration", "30:00"}, e);
  EXPECT_EQ(write.exit_code, 1) << write;
  EXPECT_NE(write.err.find("stridecare.db"), std::string::npos) << write;
}

// Regression: `--db` in a missing folder was created by commands that write nothing.
TEST_F(E2eReadOnly, AReadingCommandOnAMissingDatabaseCreatesNothing) {
  Environment e = env();
  e["STRIDECARE_DB"] = (dir() / "new" / "stridecare.db").string();
  const auto before = list_tree(dir());
  for (const Args& args : {Args{"--date", "2026-03-02", "today"}, Args{"activities"}, Args{"checkins"},
                           Args{"export", "--format", "json"}, Args{"--date", "2026-03-02", "load"}}) {
    const Outcome o = sc(args, e);
    EXPECT_EQ(o.exit_code, 0) << o;
  }
  EXPECT_EQ(sc({"activities"}, e).out, "no activities\n");
  EXPECT_EQ(list_tree(dir()), before) << "a reading command created files";
  ASSERT_EQ(sc({"log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"}, e).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir() / "new" / "stridecare.db")) << "a writing command creates the folder and the file";
}

}  // namespace
}  // namespace stridecare::e2e
