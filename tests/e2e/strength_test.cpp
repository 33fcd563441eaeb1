// `log strength` with start times, per-set logging and pain, its
// STRENGTH-REST-1 warning, and `strength` (rules.md 4.2).

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class E2eStrength : public E2eTest {
 protected:
  Outcome log_at(const std::string& date, const std::string& time, const std::string& exercise = "squat:3x10@40kg") {
    return sc({"log", "strength", "--date", date, "--time", time, "--exercise", exercise});
  }
  Environment env_for(const fs::path& file) const {
    Environment e = env();
    e["STRIDECARE_DB"] = file.string();
    return e;
  }
};

TEST_F(E2eStrength, SessionStarting47h59mAfterThePreviousIsWarnedAndStored) {
  ASSERT_EQ(log_at("2026-03-02", "18:00").exit_code, 0);
  const Outcome o = log_at("2026-03-04", "17:59");
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_THAT(o.out, HasSubstr("STRENGTH-REST-1"));
  EXPECT_THAT(o.out, HasSubstr("47 h 59 min"));
  EXPECT_EQ(o.err, "");
  const Json list = activities();
  ASSERT_EQ(list.size(), 2U) << list;
  EXPECT_EQ(list[1]["time"], "17:59");
}

TEST_F(E2eStrength, SessionStartingExactly48hAfterThePreviousIsNotWarned) {
  ASSERT_EQ(log_at("2026-03-02", "18:00").exit_code, 0);
  const Outcome o = log_at("2026-03-04", "18:00");
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_THAT(o.out, Not(HasSubstr("STRENGTH-REST-1")));
  EXPECT_EQ(activities().size(), 2U);
}

TEST_F(E2eStrength, HoursBetweenStartsAreRealHoursAcrossADaylightSavingChange) {
  sc_ok({"profile", "--tz", "Europe/London"});
  // Clocks go back on 2026-10-25: 47 h 30 min on the clock is 48 h 30 min elapsed.
  ASSERT_EQ(log_at("2026-10-24", "18:00").exit_code, 0);
  EXPECT_THAT(log_at("2026-10-26", "17:30").out, Not(HasSubstr("STRENGTH-REST-1")));
  // Clocks go forward on 2026-03-29: 48 h 30 min on the clock is 47 h 30 min elapsed.
  ASSERT_EQ(log_at("2026-03-28", "18:00").exit_code, 0);
  const Outcome o = log_at("2026-03-30", "18:30");
  EXPECT_THAT(o.out, HasSubstr("STRENGTH-REST-1"));
  EXPECT_THAT(o.out, HasSubstr("47 h 30 min"));
}

TEST_F(E2eStrength, JsonLogListsTheWarningWithItsFigures) {
  sc_ok({"log", "strength", "--date", "2026-03-02", "--time", "18:00", "--exercise", "squat:3x10@40kg"});
  const Json j = sc_json({"log", "strength", "--json", "--date", "2026-03-04", "--time", "17:59", "--exercise",
                          "squat:10@40kg,10@40kg,8@42.5kg", "--exercise", "lunge:3x8,pain=2"});
  ASSERT_EQ(j["warnings"].size(), 1U) << j;
  EXPECT_EQ(j["warnings"][0]["id"], "STRENGTH-REST-1");
  EXPECT_NEAR(j["warnings"][0]["hours"].get<double>(), 47.98, 0.005);
  EXPECT_EQ(j["warnings"][0]["previous"]["date"], "2026-03-02");
  EXPECT_EQ(j["warnings"][0]["previous"]["time"], "18:00");
  EXPECT_EQ(j["time"], "17:59");
  EXPECT_EQ(j["exercises"][0]["per_set"].size(), 3U);
  EXPECT_EQ(j["exercises"][0]["sets"], 3);
  EXPECT_EQ(j["exercises"][0]["reps"], 8);
  EXPECT_EQ(j["exercises"][1]["pain"], 2);
}

TEST_F(E2eStrength, WithoutTimesTheNextDayIsWarnedAndTwoDaysLaterIsNot) {
  sc_ok({"log", "strength", "--date", "2026-03-02", "--exercise", "squat:3x10"});
  EXPECT_THAT(sc_ok({"log", "strength", "--date", "2026-03-03", "--exercise", "squat:3x10"}).out,
              HasSubstr("STRENGTH-REST-1"));
  EXPECT_THAT(sc_ok({"log", "strength", "--date", "2026-03-05", "--exercise", "squat:3x10"}).out,
              Not(HasSubstr("STRENGTH-REST-1")));
}

TEST_F(E2eStrength, ASessionTheDayBeforeTheLongRunIsWarnedAndStored) {
  sc_ok({"profile", "--long-run-day", "sun"});
  // Saturday 2026-03-07.
  const Outcome text = log_at("2026-03-07", "10:00");
  ASSERT_EQ(text.exit_code, 0) << text;
  EXPECT_THAT(text.out, HasSubstr("STRENGTH-HARD-1"));
  EXPECT_THAT(text.out, HasSubstr("tomorrow (sun 2026-03-08) is your long-run day"));
  const Json j =
      sc_json({"log", "strength", "--json", "--date", "2026-03-14", "--time", "10:00", "--exercise", "lunge:3x8"});
  ASSERT_EQ(j["warnings"].size(), 1U) << j;
  EXPECT_EQ(j["warnings"][0]["id"], "STRENGTH-HARD-1");
  EXPECT_EQ(j["warnings"][0]["long_run_date"], "2026-03-15");
  EXPECT_EQ(j["warnings"][0]["long_run_day"], "sun");
  EXPECT_EQ(activities().size(), 2U);
  // Any other day: no STRENGTH-HARD-1.
  EXPECT_THAT(log_at("2026-03-11", "10:00").out, Not(HasSubstr("STRENGTH-HARD-1")));
}

TEST_F(E2eStrength, LoggedForTodayWithoutATimeStartedItsDurationAgo) {
  const Json first = sc_json({"log", "strength", "--json", "--duration", "1min", "--exercise", "squat:3x10"});
  if (first["time"].is_null()) GTEST_SKIP() << "logged in the first minute of the day: no start today to give it";
  EXPECT_THAT(first["time"].get<std::string>(), ::testing::MatchesRegex("[0-2][0-9]:[0-5][0-9]"));
  // Both just ended: their starts are minutes apart, so the warning gives hours, not days.
  const Json second = sc_json({"log", "strength", "--json", "--duration", "1min", "--exercise", "squat:3x10"});
  ASSERT_GE(second["warnings"].size(), 1U) << second;
  ASSERT_EQ(second["warnings"][0]["id"], "STRENGTH-REST-1") << second;
  ASSERT_TRUE(second["warnings"][0]["hours"].is_number()) << second;
  EXPECT_LT(second["warnings"][0]["hours"].get<double>(), 1.0);
}

TEST_F(E2eStrength, StrengthJsonShowsWeekSessionsWarningsAndNextLoads) {
  sc_ok({"profile", "--strength-per-week", "3"});
  sc_ok({"log", "strength", "--date", "2026-03-02", "--time", "18:00", "--exercise",
         "squat:12@40kg,12@40kg,12@40kg,pain=2", "--exercise", "lunge:3x8"});
  sc_ok({"log", "strength", "--date", "2026-03-03", "--time", "18:00", "--exercise", "romanian_deadlift:3x10@30kg"});
  const Json j = sc_json({"strength", "--json", "--date", "2026-03-04"});
  EXPECT_EQ(j["week"]["count"], 2);
  EXPECT_EQ(j["week"]["rule"], "STRENGTH-FREQ-1");
  EXPECT_EQ(j["week"]["target"], 2) << "first weeks of history: sessions_min";
  ASSERT_EQ(j["sessions"].size(), 2U) << j;
  EXPECT_EQ(j["sessions"][0]["time"], "18:00");
  ASSERT_EQ(j["warnings"].size(), 1U) << j;
  EXPECT_EQ(j["warnings"][0]["id"], "STRENGTH-REST-1");
  EXPECT_EQ(j["warnings"][0]["hours"], 24.0);
  ASSERT_EQ(j["next"].size(), 3U) << j;
  EXPECT_EQ(j["next"][0]["exercise"], "romanian_deadlift");
  EXPECT_EQ(j["next"][0]["load_kg"], 30.0);
  EXPECT_EQ(j["next"][0]["reps"], 11);
  EXPECT_EQ(j["next"][1]["exercise"], "squat");
  EXPECT_EQ(j["next"][1]["load_kg"], 42.0);
  EXPECT_EQ(j["next"][1]["rule"], "STRENGTH-DOSE-1");
  EXPECT_THAT(j["next"][1]["why"].get<std::string>(), HasSubstr("40 kg"));
  EXPECT_EQ(j["next"][2]["exercise"], "lunge");

  const Outcome text = sc_ok({"strength", "--date", "2026-03-04"});
  EXPECT_THAT(text.out, HasSubstr("2 of 2 strength sessions"));
  EXPECT_THAT(text.out, HasSubstr("STRENGTH-REST-1"));
  EXPECT_THAT(text.out, HasSubstr("squat"));
}

TEST_F(E2eStrength, PainfulExerciseInAnEpisodeSuggestsTheEasierVariant) {
  sc_ok({"log", "pain", "--date", "2026-03-02", "--site", "knee", "--side", "left", "--pain", "4", "--timing",
         "during_run"});
  sc_ok({"log", "strength", "--date", "2026-03-02", "--exercise", "squat:3x10@40kg,pain=5"});
  const Json j = sc_json({"strength", "--json", "--date", "2026-03-03"});
  ASSERT_EQ(j["next"].size(), 1U) << j;
  EXPECT_EQ(j["next"][0]["rule"], "STRENGTH-PAIN-1");
  EXPECT_EQ(j["next"][0]["exercise"], "partial_squat");
}

TEST_F(E2eStrength, EmptyHistoryIsAReportToo) {
  const Json j = sc_json({"strength", "--json", "--date", "2026-03-04"});
  EXPECT_EQ(j["week"]["count"], 0);
  EXPECT_TRUE(j["sessions"].empty());
  EXPECT_TRUE(j["next"].empty());
}

TEST_F(E2eStrength, BadExerciseSpecsAndTimesExitTwoLeavingTheDatabaseByteIdentical) {
  sc_ok({"log", "strength", "--date", "2026-03-02", "--exercise", "squat:3x10@40kg"});
  const std::string before = read_bytes(db());
  const auto tree = list_tree(dir());
  for (const std::string bad :
       {"squat:10@40kg", "squat:10,,10", "squat:3x10,pain=11", "squat:3x10,pain=", "squat", "squat:10@40,10"}) {
    const Outcome o = sc({"log", "strength", "--date", "2026-03-03", "--exercise", bad});
    expect_one_line_failure(o, 2, {"--exercise", bad});
  }
  expect_one_line_failure(
      sc({"log", "strength", "--date", "2026-03-03", "--time", "24:00", "--exercise", "squat:3x10"}), 2,
      {"--time", "24:00"});
  EXPECT_TRUE(read_bytes(db()) == before);
  EXPECT_EQ(list_tree(dir()), tree);
}

TEST_F(E2eStrength, ExportRestoreExportIsIdenticalWithPerSetDataAndTimes) {
  sc_ok({"log", "strength", "--date", "2026-03-02", "--time", "07:05", "--exercise",
         "squat:10@40kg,10@40kg,8@42.5kg,pain=1", "--exercise", "lunge:3x8"});
  sc_ok({"log", "strength", "--date", "2026-03-05", "--exercise", "step_up:12,12@5kg"});
  const Outcome first = sc_ok({"export", "--format", "json"});
  const Json doc = parse_json(first.out);
  ASSERT_EQ(doc["activities"].size(), 2U);
  EXPECT_EQ(doc["activities"][0]["exercises"][0]["per_set"][2]["load_kg"], 42.5);
  const fs::path file = dir() / "backup.json";
  write_bytes(file, first.out);
  const fs::path restored = dir() / "restored.db";
  const Outcome r = sc({"restore", file.string()}, env_for(restored));
  ASSERT_EQ(r.exit_code, 0) << r;
  const Outcome second = sc({"export", "--format", "json"}, env_for(restored));
  EXPECT_TRUE(second.out == first.out) << first.out << "\n---\n" << second.out;

  const Outcome csv = sc_ok({"export", "--format", "csv"});
  EXPECT_THAT(csv.out, HasSubstr("2026-03-02,07:05,strength"));
  EXPECT_THAT(csv.out, HasSubstr("squat:10@40kg,10@40kg,8@42.5kg,pain=1;lunge:3x8"));
}

}  // namespace
}  // namespace stridecare::e2e
