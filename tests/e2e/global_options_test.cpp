// The global options of product.md: where the database is (--db,
// STRIDECARE_DB, the XDG and HOME defaults), --units, and options accepted
// before or after the subcommand.

#include <string>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eGlobalOptions : public E2eTest {
 protected:
  static Args a_run() { return {"log", "run", "--date", "2026-03-01", "--distance", "5mi", "--duration", "40:00"}; }

  fs::path xdg_default() const { return dir() / "xdg" / "stridecare" / "stridecare.db"; }
  fs::path home_default() const { return dir() / "home" / ".local" / "share" / "stridecare" / "stridecare.db"; }

  /// How many activities the database at `file` holds, asked through --db.
  std::size_t count_in(const fs::path& file) const {
    const Outcome o = sc({"--db", file.string(), "activities", "--json"}, bare_env());
    EXPECT_EQ(o.exit_code, 0) << o;
    const Json j = parse_json(o.out);
    return j.is_object() && j.contains("activities") ? j["activities"].size() : 0;
  }
};

TEST_F(E2eGlobalOptions, DbFlagChoosesTheDatabaseFile) {
  const fs::path file = dir() / "chosen.db";
  Args args{"--db", file.string()};
  for (auto& a : a_run()) args.push_back(a);
  const Outcome o = sc(args, bare_env());
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(xdg_default()));
  EXPECT_FALSE(fs::exists(home_default()));
  EXPECT_EQ(count_in(file), 1u);
}

TEST_F(E2eGlobalOptions, DbFlagWinsOverTheEnvironmentVariable) {
  const fs::path flagged = dir() / "flag.db";
  Args args{"--db", flagged.string()};
  for (auto& a : a_run()) args.push_back(a);
  const Outcome o = sc(args);  // env() sets STRIDECARE_DB=db()
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::exists(flagged));
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(E2eGlobalOptions, EnvironmentVariableChoosesTheDatabaseFile) {
  const fs::path file = dir() / "from-env.db";
  Environment e = bare_env();
  e["STRIDECARE_DB"] = file.string();
  const Outcome o = sc(a_run(), e);
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(xdg_default()));
  EXPECT_EQ(count_in(file), 1u);
}

TEST_F(E2eGlobalOptions, DefaultDatabaseIsCreatedUnderXdgDataHomeWithItsParentDirectories) {
  ASSERT_FALSE(fs::exists(dir() / "xdg"));
  const Outcome o = sc(a_run(), bare_env());
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::is_regular_file(xdg_default())) << "no " << xdg_default();
  EXPECT_FALSE(fs::exists(dir() / "home"));
  // ... and used again by the next command.
  const Outcome list = sc({"activities", "--json"}, bare_env());
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_EQ(parse_json(list.out)["activities"].size(), 1u) << list;
}

TEST_F(E2eGlobalOptions, DefaultDatabaseIsUnderHomeLocalShareWhenXdgDataHomeIsUnset) {
  Environment e = bare_env();
  e.erase("XDG_DATA_HOME");
  const Outcome o = sc(a_run(), e);
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::is_regular_file(home_default())) << "no " << home_default();
  EXPECT_FALSE(fs::exists(dir() / "xdg"));
}

TEST_F(E2eGlobalOptions, EmptyXdgDataHomeCountsAsUnset) {
  // The XDG base directory specification: "If $XDG_DATA_HOME is either not set or empty, a default ... should be used".
  Environment e = bare_env();
  e["XDG_DATA_HOME"] = "";
  const Outcome o = sc(a_run(), e);
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(fs::is_regular_file(home_default())) << "no " << home_default();
}

TEST_F(E2eGlobalOptions, ImperialUnitsShowMilesAndMetricShowsKilometres) {
  sc_ok(a_run());
  const Outcome imperial = sc_ok({"--units", "imperial", "activities"});
  EXPECT_NE(imperial.out.find("5.00 mi"), std::string::npos) << imperial;
  EXPECT_EQ(imperial.out.find(" km"), std::string::npos) << imperial;
  const Outcome metric = sc_ok({"activities", "--units", "metric"});
  EXPECT_NE(metric.out.find("8.05 km"), std::string::npos) << metric;
  const Outcome by_default = sc_ok({"activities"});
  EXPECT_EQ(by_default.out, metric.out);
  const Outcome logged =
      sc_ok({"log", "run", "--date", "2026-03-02", "--distance", "10km", "--duration", "50:00", "--units", "imperial"});
  EXPECT_NE(logged.out.find("6.21 mi"), std::string::npos) << logged;
}

TEST_F(E2eGlobalOptions, UnknownUnitsAreAUsageError) {
  expect_one_line_failure(sc({"--units", "furlongs", "activities"}), 2, {"--units", "furlongs"});
}

TEST_F(E2eGlobalOptions, GlobalOptionsAreAcceptedBeforeAndAfterTheSubcommand) {
  const fs::path file = dir() / "anywhere.db";
  const Outcome before = sc({"--db", file.string(), "--json", "--date", "2026-03-01", "--units", "imperial", "log",
                             "run", "--distance", "5", "--duration", "30:00"},
                            bare_env());
  ASSERT_EQ(before.exit_code, 0) << before;
  EXPECT_EQ(parse_json(before.out)["date"], "2026-03-01");

  const Outcome after = sc({"log", "run", "--distance", "6", "--duration", "36:00", "--db", file.string(), "--json",
                            "--date", "2026-03-02", "--units", "imperial"},
                           bare_env());
  ASSERT_EQ(after.exit_code, 0) << after;
  EXPECT_EQ(parse_json(after.out)["date"], "2026-03-02");

  const Outcome mixed = sc({"--db", file.string(), "today", "--json", "--date", "2026-03-02"}, bare_env());
  ASSERT_EQ(mixed.exit_code, 0) << mixed;
  EXPECT_EQ(parse_json(mixed.out)["date"], "2026-03-02");

  EXPECT_EQ(count_in(file), 2u);
  EXPECT_FALSE(fs::exists(xdg_default()));
}

TEST_F(E2eGlobalOptions, UnknownSubcommandOrFlagIsAUsageError) {
  const Outcome sub = sc({"jog"});
  EXPECT_EQ(sub.exit_code, 2) << sub;
  const Outcome flag = sc({"log", "run", "--distance", "5", "--duration", "30:00", "--speed", "fast"});
  EXPECT_EQ(flag.exit_code, 2) << flag;
  EXPECT_FALSE(fs::exists(db()));
}

}  // namespace
}  // namespace stridecare::e2e
