// Units and input (issue 11, item 7): --units and `profile --units` on every
// figure, exercise names checked against the library, no logging on a future
// day, the closest subcommand for a typo, JSON numbers as integers or rounded
// to their stated precision, errors as JSON with --json, and the global
// options on every --help page.

#include <chrono>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kDemoDay = "2026-03-17";

/// Today in UTC plus `days`, YYYY-MM-DD.
std::string utc_day(int days) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day d{today + std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

class E2eInput : public E2eTest {
 protected:
  Outcome log_strength(const std::string& exercise, Args extra = {}) const {
    Args args{"log", "strength", "--date", "2026-03-02", "--time", "18:00", "--exercise", exercise};
    args.insert(args.end(), extra.begin(), extra.end());
    return sc(args);
  }
};

// --- units -------------------------------------------------------------------

TEST_F(E2eInput, StrengthLoadsShowInTheChosenUnitsRoundedForDisplayAndAreStoredExactly) {
  const Outcome logged = log_strength("squat:3x10@40lb", {"--units", "imperial"});
  ASSERT_EQ(logged.exit_code, 0) << logged;
  EXPECT_THAT(logged.out, HasSubstr("squat 3x10 @ 40 lb")) << logged;

  for (const Args& metric : {Args{"activities"}, Args{"--units", "metric", "activities"}}) {
    const Outcome o = sc_ok(metric);
    EXPECT_THAT(o.out, HasSubstr("squat 3x10 @ 18 kg")) << o;
    EXPECT_THAT(o.out, Not(HasSubstr("18.14"))) << o;
  }
  const Outcome imperial = sc_ok({"--units", "imperial", "strength", "--date", "2026-03-03"});
  EXPECT_THAT(imperial.out, HasSubstr("squat 3x10 @ 40 lb")) << imperial;  // the history
  EXPECT_THAT(imperial.out, HasSubstr("3x11 @ 40 lb")) << imperial;        // the next dose
  EXPECT_THAT(imperial.out, Not(HasSubstr("kg @"))) << imperial;
  const Outcome metric = sc_ok({"strength", "--date", "2026-03-03"});
  EXPECT_THAT(metric.out, HasSubstr("3x11 @ 18 kg")) << metric;
  EXPECT_THAT(metric.out, Not(HasSubstr("18.14"))) << metric;

  // Stored exactly: the export keeps the pounds' kilograms to the last digit.
  const Json doc = sc_json({"export", "--format", "json"});
  EXPECT_DOUBLE_EQ(doc["activities"][0]["exercises"][0]["load_kg"].get<double>(), 40 * 0.45359237);
}

TEST_F(E2eInput, RunLinesShowPaceAndCrossTrainingShowsSpeedInTheChosenUnits) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "10km", "--duration", "50:00"});
  sc_ok({"log", "cross", "--sport", "cycle", "--date", "2026-03-02", "--distance", "30km", "--duration", "1:00:00"});
  const Outcome metric = sc_ok({"activities"});
  EXPECT_THAT(metric.out, HasSubstr("5:00 /km")) << metric;
  EXPECT_THAT(metric.out, HasSubstr("30.0 km/h")) << metric;
  const Outcome imperial = sc_ok({"activities", "--units", "imperial"});
  EXPECT_THAT(imperial.out, HasSubstr("8:03 /mi")) << imperial;
  EXPECT_THAT(imperial.out, HasSubstr("18.6 mph")) << imperial;
  EXPECT_THAT(imperial.out, Not(HasSubstr("km"))) << imperial;
}

TEST_F(E2eInput, ProfileUnitsApplyUnlessTheFlagSaysOtherwise) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "5mi", "--duration", "40:00"});
  const Json profile = sc_json({"profile", "--units", "imperial", "--json"});
  EXPECT_EQ(profile["units"], "imperial") << profile;
  EXPECT_THAT(sc_ok({"activities"}).out, HasSubstr("5.00 mi"));
  EXPECT_THAT(sc_ok({"activities", "--units", "metric"}).out, HasSubstr("8.05 km"));
  EXPECT_THAT(sc_ok({"profile"}).out, HasSubstr("imperial"));
  // The global --units before `profile` only changes that one display.
  sc_ok({"--units", "metric", "profile"});
  EXPECT_EQ(sc_json({"profile", "--json"})["units"], "imperial");
  expect_one_line_failure(sc({"profile", "--units", "cubits"}), 2, {"--units", "cubits"});
}

TEST_F(E2eInput, ProfileUnitsSurviveExportAndRestoreAndOlderExportsStillRestore) {
  sc_ok({"profile", "--tz", "Europe/London"});
  const std::string without = sc_ok({"export", "--format", "json"}).out;
  EXPECT_FALSE(parse_json(without)["profile"].contains("units")) << without;
  const fs::path older = dir() / "older.json";
  write_bytes(older, without);
  const fs::path second = dir() / "second.db";
  ASSERT_EQ(sc({"--db", second.string(), "restore", older.string()}).exit_code, 0);
  EXPECT_EQ(sc_ok({"--db", second.string(), "export", "--format", "json"}).out, without);

  sc_ok({"profile", "--units", "imperial"});
  const std::string with = sc_ok({"export", "--format", "json"}).out;
  EXPECT_EQ(parse_json(with)["profile"]["units"], "imperial") << with;
  const fs::path file = dir() / "with.json";
  write_bytes(file, with);
  const fs::path third = dir() / "third.db";
  ASSERT_EQ(sc({"--db", third.string(), "restore", file.string()}).exit_code, 0);
  EXPECT_EQ(sc_ok({"--db", third.string(), "export", "--format", "json"}).out, with);
}

// --- exercise names ----------------------------------------------------------

struct NameCase {
  std::string typed;
  std::string suggestion;  ///< "" when none is close
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << c.typed; }

class E2eExerciseNames : public E2eInput, public ::testing::WithParamInterface<NameCase> {};

TEST_P(E2eExerciseNames, AreRefusedOutsideTheLibraryWithTheClosestSuggested) {
  const NameCase& c = GetParam();
  const Outcome o = log_strength(c.typed + ":3x10");
  std::vector<std::string> parts{"'" + c.typed + "' is not in the exercise library", "custom:NAME"};
  if (!c.suggestion.empty()) parts.push_back("did you mean " + c.suggestion + "?");
  expect_one_line_failure(o, 2, parts);
  if (c.suggestion.empty()) {
    EXPECT_THAT(o.err, Not(HasSubstr("did you mean"))) << o;
  }
  EXPECT_FALSE(fs::exists(db())) << "a refused name created the database";
}

INSTANTIATE_TEST_SUITE_P(Typos, E2eExerciseNames,
                         ::testing::Values(NameCase{"squats", "squat"}, NameCase{"lunges", "lunge"},
                                           NameCase{"dead lift", "romanian_deadlift"}, NameCase{"bench_press", ""}),
                         [](const auto& param_info) {
                           std::string name;
                           for (char ch : param_info.param.typed)
                             name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

TEST_F(E2eInput, RefusedNameLeavesAnExistingDatabaseUntouched) {
  ASSERT_EQ(log_strength("squat:3x10").exit_code, 0);
  const std::string before = read_bytes(db());
  expect_one_line_failure(log_strength("squats:3x10"), 2, {"did you mean squat?"});
  EXPECT_EQ(read_bytes(db()), before);
}

TEST_F(E2eInput, CustomExercisesAreStoredUnderTheirOwnNameAndProgressOnIt) {
  const Outcome first = log_strength("custom:hip_thrust:3x12@60kg");
  ASSERT_EQ(first.exit_code, 0) << first;
  const Json a = activities();
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]["exercises"][0]["exercise"], "custom:hip_thrust");
  const Json report = sc_json({"strength", "--json", "--date", "2026-03-03"});
  ASSERT_EQ(report["next"].size(), 1u) << report;
  EXPECT_EQ(report["next"][0]["exercise"], "custom:hip_thrust") << report;
  EXPECT_EQ(report["next"][0]["load_kg"], 63) << report;  // +5%: every set reached 12 reps
  expect_one_line_failure(log_strength("custom::3x10"), 2, {"is not an exercise"});
}

// --- future days -------------------------------------------------------------

TEST_F(E2eInput, LoggingOnAFarFutureDayIsAUsageErrorThatNeverOpensTheDatabase) {
  const std::vector<Args> commands{
      {"log", "run", "--distance", "10km", "--duration", "50:00"},
      {"log", "cross", "--sport", "swim", "--duration", "30:00"},
      {"log", "strength", "--exercise", "squat:3x10"},
      {"log", "pain", "--site", "knee", "--side", "left", "--pain", "3", "--timing", "after_run"},
  };
  for (Args args : commands) {
    args.insert(args.begin(), {"--date", "2027-06-01"});
    expect_one_line_failure(sc(args), 2, {"--date", "2027-06-01 is in the future", "today is " + utc_day(0)});
    EXPECT_FALSE(fs::exists(db())) << args[2];
  }
}

TEST_F(E2eInput, LoggingTomorrowInTheProfilesTimeZoneIsRefusedAndTodayIsNot) {
  sc_ok({"profile", "--tz", "UTC"});
  const std::string tomorrow = utc_day(1);
  expect_one_line_failure(sc({"log", "run", "--date", tomorrow, "--distance", "5km", "--duration", "30:00"}), 2,
                          {"--date", tomorrow + " is in the future (today is " + utc_day(0) + ")"});
  expect_one_line_failure(
      sc({"log", "pain", "--date", tomorrow, "--site", "knee", "--side", "left", "--pain", "2", "--timing", "at_rest"}),
      2, {"in the future"});
  EXPECT_EQ(activities().size(), 0u);
  EXPECT_EQ(checkins().size(), 0u);
  sc_ok({"log", "run", "--date", utc_day(0), "--distance", "5km", "--duration", "30:00"});
  EXPECT_EQ(activities().size(), 1u);
}

// --- unknown subcommands -----------------------------------------------------

TEST_F(E2eInput, AnUnknownCommandNamesTheClosestOne) {
  const Outcome o = sc({"todya"});
  EXPECT_EQ(o.exit_code, 2) << o;
  EXPECT_EQ(o.err, "stridecare: unknown command 'todya'; did you mean 'today'? (see stridecare --help)\n");
  EXPECT_EQ(o.out, "");

  const Outcome log = sc({"log", "rn", "--distance", "5km"});
  EXPECT_EQ(log.exit_code, 2) << log;
  EXPECT_EQ(log.err, "stridecare: unknown command 'log rn'; did you mean 'log run'? (see stridecare log --help)\n");

  const Outcome far = sc({"--db", db().string(), "frobnicate"});
  expect_one_line_failure(far, 2, {"unknown command 'frobnicate'", "stridecare --help"});
  EXPECT_THAT(far.err, Not(HasSubstr("did you mean")));
  EXPECT_FALSE(fs::exists(db()));
}

// --- JSON numbers ------------------------------------------------------------

/// Fails for each float whose text has more decimals than `most` allows for
/// its field (the table of docs/json.md) and for each float that is a whole
/// number (it must be written as an integer).
void expect_tidy_numbers(const Json& j, const std::string& where, const std::string& key = "") {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) expect_tidy_numbers(v, where + "." + k, k);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) expect_tidy_numbers(j[i], where + "[" + std::to_string(i) + "]", key);
  } else if (j.is_number_float()) {
    const std::string text = j.dump();
    const auto dot = text.find('.');
    const std::size_t decimals = dot == std::string::npos ? 0 : text.size() - dot - 1;
    const std::size_t most = key.ends_with("_deg") ? 7 : key.ends_with("_km") ? 5 : key.ends_with("_m") ? 2 : 3;
    EXPECT_LE(decimals, most) << where << " = " << text;
    EXPECT_NE(text.find_first_of(".eE"), std::string::npos) << where;
    EXPECT_NE(j.get<double>(), std::trunc(j.get<double>())) << where << " = " << text << " is a whole number";
  }
}

TEST_F(E2eInput, JsonDocumentsWriteWholeNumbersAsIntegersAndRoundMeasuredValues) {
  ASSERT_EQ(sc({"restore", kDemoExport.string()}).exit_code, 0);
  sc_ok({"log", "strength", "--date", kDemoDay, "--time", "07:00", "--exercise", "squat:3x10@40lb"});
  for (const Args& args :
       {Args{"today", "--json"}, Args{"load", "--json"}, Args{"strength", "--json"}, Args{"activities", "--json"},
        Args{"load", "--json", "--from", "2026-01-01"}, Args{"insights", "--json"}, Args{"checkins", "--json"}}) {
    Args full = args;
    full.insert(full.end(), {"--date", kDemoDay});
    const Outcome o = sc_ok(full);
    EXPECT_THAT(o.out, Not(HasSubstr(".0,"))) << full[0];
    EXPECT_THAT(o.out, Not(HasSubstr("99999"))) << full[0];
    expect_tidy_numbers(parse_json(o.out), full[0]);
  }
  // Sets and reps are integers.
  const Json strength = sc_json({"strength", "--json", "--date", kDemoDay});
  EXPECT_TRUE(strength["next"][0]["sets"].is_number_integer()) << strength;
  EXPECT_TRUE(strength["next"][0]["reps"].is_number_integer()) << strength;
  EXPECT_THAT(strength.dump(), HasSubstr("\"load_kg\":18.1,")) << strength;  // 40 lb, to 0.1 kg
  const Json load = sc_json({"load", "--json", "--date", kDemoDay});
  EXPECT_TRUE(load["weekly_run_km"].is_number()) << load;
}

TEST_F(E2eInput, ExportKeepsExactValues) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "3.1mi", "--duration", "31:07"});
  const Json doc = sc_json({"export", "--format", "json"});
  EXPECT_DOUBLE_EQ(doc["activities"][0]["distance_m"].get<double>(), 3.1 * 1609.344);
  EXPECT_NE(doc["activities"][0]["distance_m"].dump(), "4988.9");
}

// --- errors as JSON ----------------------------------------------------------

/// The one JSON error document on stderr.
Json error_of(const Outcome& o) {
  EXPECT_EQ(lines_of(o.err).size(), 1u) << o;
  const Json j = parse_json(o.err);
  EXPECT_TRUE(j.contains("error")) << o;
  for (const char* field : {"code", "message", "field"}) EXPECT_TRUE(j["error"].contains(field)) << field << "\n" << o;
  return j["error"];
}

TEST_F(E2eInput, WithJsonEveryErrorIsAJsonDocumentOnStderr) {
  const Outcome bad_value = sc({"--json", "log", "pain", "--date", "2026-03-01", "--site", "knee", "--side", "left",
                                "--pain", "11", "--timing", "at_rest"});
  EXPECT_EQ(bad_value.exit_code, 2);
  EXPECT_EQ(bad_value.out, "");
  Json e = error_of(bad_value);
  EXPECT_EQ(e["code"], "invalid_input");
  EXPECT_EQ(e["field"], "--pain");
  EXPECT_THAT(e["message"].get<std::string>(), HasSubstr("out of range"));
  EXPECT_FALSE(fs::exists(db()));

  const Outcome missing = sc({"log", "run", "--duration", "30:00", "--json"});
  EXPECT_EQ(missing.exit_code, 2);
  e = error_of(missing);
  EXPECT_EQ(e["code"], "invalid_input");
  EXPECT_EQ(e["field"], "--distance");

  const Outcome typo = sc({"--json", "todya"});
  EXPECT_EQ(typo.exit_code, 2);
  e = error_of(typo);
  EXPECT_THAT(e["message"].get<std::string>(), HasSubstr("did you mean 'today'?"));
  EXPECT_TRUE(e["field"].is_null());

  const Outcome absent = sc({"delete", "99", "--json"});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_EQ(error_of(absent)["code"], "not_found");

  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "5km", "--duration", "30:00"});
  const fs::path backup = dir() / "backup.json";
  write_bytes(backup, sc_ok({"export", "--format", "json"}).out);
  const Outcome conflict = sc({"--json", "restore", backup.string()});
  EXPECT_EQ(conflict.exit_code, 1) << conflict;
  EXPECT_EQ(error_of(conflict)["code"], "conflict");

  const Outcome unreadable = sc({"--json", "restore", (dir() / "missing.json").string()});
  e = error_of(unreadable);
  EXPECT_EQ(e["code"], "io");
  EXPECT_EQ(e["field"], (dir() / "missing.json").string());
}

TEST_F(E2eInput, WithoutJsonErrorsStayOnePlainLine) {
  expect_one_line_failure(sc({"log", "pain", "--date", "2026-03-01", "--site", "knee", "--side", "left", "--pain", "11",
                              "--timing", "at_rest"}),
                          2, {"stridecare: --pain: 11 is out of range"});
}

// --- help ----------------------------------------------------------------------

TEST_F(E2eInput, EverySubcommandsHelpShowsTheGlobalOptions) {
  for (const Args& args : {Args{"log", "run", "--help"}, Args{"log", "--help"}, Args{"today", "--help"},
                           Args{"profile", "--help"}, Args{"guide", "--help"}, Args{"import", "--help"}}) {
    const Outcome o = sc(args);
    EXPECT_EQ(o.exit_code, 0) << o;
    for (const char* option : {"--db", "--rules", "--date", "--units", "--json"}) {
      EXPECT_THAT(o.out, HasSubstr(option)) << args[0] << " " << args[1];
    }
  }
}

}  // namespace
}  // namespace stridecare::e2e
