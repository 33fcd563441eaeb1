// Bad input never half-writes (product.md, quality bar): a bad flag value is
// a usage error (exit 2) with one line naming the flag and the value, and the
// database is left byte for byte as it was (or not created at all). A file
// that is not a stridecare database is refused (exit 1) and left untouched.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

struct BadFlag {
  std::string name;                  ///< the test's name suffix
  Args args;                         ///< the whole command line
  std::vector<std::string> mention;  ///< what the one stderr line must contain
};

void PrintTo(const BadFlag& b, std::ostream* os) { *os << b.name; }

Args pain_with(const std::string& flag, const std::string& value) {
  Args args{"log",    "pain", "--date", "2026-03-01", "--site",   "knee",
            "--side", "left", "--pain", "3",          "--timing", "after_run"};
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == flag) {
      args[i + 1] = value;
      return args;
    }
  }
  args.push_back(flag);
  args.push_back(value);
  return args;
}

Args run_with(const std::string& distance, const std::string& duration, Args extra = {},
              const std::string& date = "2026-03-01") {
  Args args{"log", "run", "--date", date, "--distance", distance, "--duration", duration};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

const std::vector<BadFlag> kBadFlags = {
    {"Pain11", pain_with("--pain", "11"), {"--pain", "11"}},
    {"PainMinus1", pain_with("--pain", "-1"), {"--pain", "-1"}},
    {"PainNotANumber", pain_with("--pain", "abc"), {"--pain", "abc"}},
    {"PainFraction", pain_with("--pain", "3.5"), {"--pain", "3.5"}},
    {"Rpe11", run_with("5", "30:00", {"--rpe", "11"}), {"--rpe", "11"}},
    {"UnknownSite", pain_with("--site", "elbow"), {"--site", "elbow"}},
    {"UnknownSide", pain_with("--side", "middle"), {"--side", "middle"}},
    {"UnknownTiming", pain_with("--timing", "sometimes"), {"--timing", "sometimes"}},
    {"UnknownRegion", pain_with("--region", "top"), {"--region", "top"}},
    {"InnerIsNoHipRegion",
     [] {
       Args a = pain_with("--site", "hip");
       a.insert(a.end(), {"--region", "inner"});
       return a;
     }(),
     {"--region", "inner"}},
    {"UnknownSport",
     {"log", "cross", "--date", "2026-03-01", "--sport", "ski", "--duration", "30:00"},
     {"--sport", "ski"}},
    {"RunIsNoCrossSport",
     {"log", "cross", "--date", "2026-03-01", "--sport", "run", "--duration", "30:00"},
     {"--sport", "run"}},
    {"February30", run_with("5", "30:00", {}, "2026-02-30"), {"--date", "2026-02-30"}},
    {"Month13", {"today", "--date", "2026-13-01"}, {"--date", "2026-13-01"}},
    {"Time2500", pain_with("--time", "25:00"), {"--time", "25:00"}},
    {"DistanceZero", run_with("0", "30:00"), {"--distance", "0"}},
    {"DistanceNegative", run_with("-5", "30:00"), {"--distance", "-5"}},
    {"DistanceUnknownUnit", run_with("8furlongs", "30:00"), {"--distance", "8furlongs"}},
    {"DurationZero", run_with("5", "0:00"), {"--duration", "0:00"}},
    {"DurationOver24Hours", run_with("5", "25:00:00"), {"--duration", "25:00:00"}},
    {"DurationGarbage", run_with("5", "half an hour"), {"--duration", "half an hour"}},
    {"RunFasterThan2MinPerKm", run_with("10km", "19:59"), {"--distance", "19:59"}},
    {"ExerciseWithoutSetsAndReps",
     {"log", "strength", "--date", "2026-03-01", "--exercise", "squat"},
     {"--exercise", "squat"}},
    {"ExerciseWithoutReps",
     {"log", "strength", "--date", "2026-03-01", "--exercise", "squat:3x"},
     {"--exercise", "squat:3x"}},
    {"ExerciseBadLoadUnit",
     {"log", "strength", "--date", "2026-03-01", "--exercise", "squat:3x10@40stone"},
     {"--exercise", "squat:3x10@40stone"}},
    {"TimeZoneOnMars", {"profile", "--tz", "Mars/Olympus"}, {"--tz", "Mars/Olympus"}},
    {"FiveStrengthSessionsPerWeek", {"profile", "--strength-per-week", "5"}, {"--strength-per-week", "5"}},
    {"UnknownWeekday", {"profile", "--available", "mon,funday"}, {"--available", "funday"}},
    {"GymMaybe", {"profile", "--gym", "maybe"}, {"--gym", "maybe"}},
    {"UnknownUnits", {"--units", "furlongs", "activities"}, {"--units", "furlongs"}},
    {"ExportFormatXml", {"export", "--format", "xml"}, {"--format", "xml"}},
    {"NoteOver4000Bytes", run_with("5", "30:00", {"--note", std::string(4001, 'x')}), {"--note", "4001"}},
    {"FromAfterTo", {"activities", "--from", "2026-03-05", "--to", "2026-03-01"}, {"--from", "2026-03-05"}},
    {"EmptyDbPath", {"--db", "", "activities"}, {"--db"}},
    {"MissingPain",
     {"log", "pain", "--date", "2026-03-01", "--site", "knee", "--side", "left", "--timing", "at_rest"},
     {"--pain"}},
};

class E2eBadInput : public E2eTest, public ::testing::WithParamInterface<BadFlag> {};

TEST_P(E2eBadInput, IsAUsageErrorNamingFlagAndValueAndLeavesTheDatabaseByteIdentical) {
  // A database with one entry, so "unchanged" means something.
  sc_ok({"log", "run", "--date", "2026-02-01", "--distance", "5", "--duration", "30:00"});
  const std::string before = read_bytes(db());
  const auto tree_before = list_tree(dir());
  ASSERT_FALSE(before.empty());

  const Outcome o = sc(GetParam().args);
  expect_one_line_failure(o, 2, GetParam().mention);
  EXPECT_TRUE(read_bytes(db()) == before) << "the database file changed";
  EXPECT_EQ(list_tree(dir()), tree_before) << "files were created or removed";
}

// One test for every case (not one per case): this needs no database first,
// and a process per case would cost more than the checks.
class E2eBadInputOnANewPath : public E2eTest {};

TEST_F(E2eBadInputOnANewPath, NoBadInputCreatesTheDatabaseOrItsDirectory) {
  const fs::path fresh = dir() / "new" / "fresh.db";
  Environment e = env();
  e["STRIDECARE_DB"] = fresh.string();
  for (const auto& bad : kBadFlags) {
    const Outcome o = sc(bad.args, e);
    EXPECT_EQ(o.exit_code, 2) << bad.name << o;
    EXPECT_FALSE(fs::exists(fresh)) << bad.name << ": a usage error created the database";
    EXPECT_FALSE(fs::exists(dir() / "new")) << bad.name << ": a usage error created the database's directory";
    fs::remove_all(dir() / "new");
  }
}

INSTANTIATE_TEST_SUITE_P(Flags, E2eBadInput, ::testing::ValuesIn(kBadFlags),
                         [](const ::testing::TestParamInfo<BadFlag>& param_info) { return param_info.param.name; });

// ---- files that are not stridecare databases ----------------------------------

class E2eForeignFile : public E2eTest {
 protected:
  /// Runs a reading and a writing command on `file`; both must fail with exit
  /// 1 and one line naming the file, and leave it (and its directory) as it was.
  void expect_refused_untouched(const fs::path& file, const std::string& reason_part = "") const {
    const std::string before = read_bytes(file);
    const auto tree_before = list_tree(dir());
    for (const Args& args :
         {Args{"--db", file.string(), "activities"}, Args{"--db", file.string(), "log", "run", "--date", "2026-03-01",
                                                          "--distance", "5", "--duration", "30:00"}}) {
      const Outcome o = sc(args);
      if (reason_part.empty()) {
        expect_one_line_failure(o, 1, {file.string()});
      } else {
        expect_one_line_failure(o, 1, {file.string(), reason_part});
      }
      EXPECT_TRUE(read_bytes(file) == before) << "the file changed";
      EXPECT_EQ(list_tree(dir()), tree_before) << "files were created or removed";
    }
  }
};

TEST_F(E2eForeignFile, TextFileIsRefusedAndLeftByteIdentical) {
  const fs::path file = dir() / "notes.txt";
  write_bytes(file, "Monday: 5 km easy, knee fine.\nTuesday: rest.\n");
  expect_refused_untouched(file);
}

TEST_F(E2eForeignFile, OtherProgramsSqliteDatabaseIsRefusedAndLeftByteIdentical) {
  const fs::path file = dir() / "other.db";
  write_bytes(file, "");  // an empty file is an empty SQLite database
  {
    SqliteFile other(file);
    other.exec("CREATE TABLE recipes (name TEXT, minutes INTEGER); INSERT INTO recipes VALUES ('soup', 30);");
  }
  expect_refused_untouched(file);
}

TEST_F(E2eForeignFile, StridecareDatabaseWithANewerSchemaVersionIsRefusedAndLeftByteIdentical) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"});
  {
    SqliteFile file(db());
    file.exec("PRAGMA user_version = 99");
  }
  expect_refused_untouched(db(), "99");
}

TEST_F(E2eForeignFile, RefusalOfAFileWithAPlainRelativeNameDoesNotCallItAFlag) {
  // `--db journal` from the directory holding it: the message names the file
  // `journal`, not a flag `--journal` (there is no such flag).
  write_bytes(dir() / "journal", "not a database\n");
  Command c = command({"--db", "journal", "activities"});
  c.cwd = dir();
  const Outcome o = run(c);
  expect_one_line_failure(o, 1, {"journal"});
  EXPECT_EQ(o.err.find("--journal"), std::string::npos) << "the file name is shown as a flag" << o;
  EXPECT_EQ(read_bytes(dir() / "journal"), "not a database\n");
}

TEST_F(E2eForeignFile, DirectoryAsDatabaseIsARuntimeFailureNamingIt) {
  fs::create_directories(dir() / "adir");
  const Outcome o = sc({"--db", (dir() / "adir").string(), "activities"});
  expect_one_line_failure(o, 1, {(dir() / "adir").string()});
}

}  // namespace
}  // namespace stridecare::e2e
