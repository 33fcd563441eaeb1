// Logging runs, cross-training, strength and pain through the real program,
// and reading them back with `activities`, `checkins` and `delete`.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eLogging : public E2eTest {};

TEST_F(E2eLogging, LoggedRunIsListedWithDistanceInMetresAndKilometresAndDurationInSeconds) {
  const Outcome logged = sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00",
                                "--rpe", "5", "--note", "T"});
  EXPECT_NE(logged.out.find("8.20 km"), std::string::npos) << logged;

  const Json list = activities();
  ASSERT_EQ(list.size(), 1u) << list;
  const Json& run = list[0];
  EXPECT_EQ(run["sport"], "run");
  EXPECT_EQ(run["kind"], "run");
  EXPECT_EQ(run["date"], "2026-03-01");
  EXPECT_DOUBLE_EQ(run["distance_m"].get<double>(), 8200.0);
  EXPECT_DOUBLE_EQ(run["distance_km"].get<double>(), 8.2);
  EXPECT_DOUBLE_EQ(run["duration_s"].get<double>(), 2700.0);
  EXPECT_EQ(run["rpe"], 5);
  EXPECT_EQ(run["note"], "T");
  EXPECT_TRUE(run["id"].is_number_integer()) << run;
}

TEST_F(E2eLogging, LogRunJsonPrintsTheStoredActivity) {
  const Json run = sc_json({"--json", "log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"});
  EXPECT_EQ(run["sport"], "run");
  EXPECT_DOUBLE_EQ(run["distance_m"].get<double>(), 5000.0);
  const Json list = activities();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], run["id"]);
}

TEST_F(E2eLogging, DistanceSuffixesKmMiMAndBareNumbersAreConvertedToMetres) {
  const std::vector<std::pair<std::string, double>> cases = {
      {"8.2km", 8200.0}, {"5mi", 5 * 1609.344}, {"800m", 800.0}, {"3", 3000.0}, {"10.5", 10500.0}};
  for (const auto& [text, metres] : cases) {
    sc_ok({"log", "run", "--date", "2026-03-01", "--distance", text, "--duration", "1h", "--note", text});
  }
  const Json list = activities();
  ASSERT_EQ(list.size(), cases.size()) << list;
  for (const auto& [text, metres] : cases) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const Json& a) { return a["note"] == text; });
    ASSERT_NE(it, list.end()) << text;
    EXPECT_NEAR((*it)["distance_m"].get<double>(), metres, 1e-6) << text;
    EXPECT_NEAR((*it)["distance_km"].get<double>(), metres / 1000, 1e-9) << text;
  }
}

TEST_F(E2eLogging, DurationFormsMinutesSecondsHoursAndUnitsAreConvertedToSeconds) {
  const std::vector<std::pair<std::string, double>> cases = {{"45:00", 2700}, {"01:02:03", 3723}, {"1:02:03", 3723},
                                                             {"45min", 2700}, {"1h30min", 5400},  {"90s", 90}};
  for (const auto& [text, seconds] : cases) {
    sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "0.5km", "--duration", text, "--note", text});
  }
  const Json list = activities();
  ASSERT_EQ(list.size(), cases.size()) << list;
  for (const auto& [text, seconds] : cases) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const Json& a) { return a["note"] == text; });
    ASSERT_NE(it, list.end()) << text;
    EXPECT_DOUBLE_EQ((*it)["duration_s"].get<double>(), seconds) << text;
  }
}

TEST_F(E2eLogging, LogCrossStoresEverySportWithOrWithoutDistance) {
  sc_ok({"log", "cross", "--date", "2026-03-02", "--sport", "swim", "--duration", "30:00", "--rpe", "3"});
  sc_ok({"log", "cross", "--date", "2026-03-02", "--sport", "cycle", "--duration", "1h", "--distance", "25km"});
  for (const char* sport : {"walk", "elliptical", "row"}) {
    sc_ok({"log", "cross", "--date", "2026-03-03", "--sport", sport, "--duration", "20min"});
  }
  const Json list = activities();
  ASSERT_EQ(list.size(), 5u) << list;
  std::vector<std::string> sports;
  for (const auto& a : list) {
    EXPECT_EQ(a["kind"], "cross") << a;
    sports.push_back(a["sport"]);
  }
  std::sort(sports.begin(), sports.end());
  EXPECT_EQ(sports, (std::vector<std::string>{"cycle", "elliptical", "row", "swim", "walk"}));

  const auto find = [&](const char* sport) {
    return *std::find_if(list.begin(), list.end(), [&](const Json& a) { return a["sport"] == sport; });
  };
  const Json swim = find("swim");
  EXPECT_TRUE(swim["distance_m"].is_null()) << swim;
  EXPECT_DOUBLE_EQ(swim["duration_s"].get<double>(), 1800.0);
  EXPECT_EQ(swim["rpe"], 3);
  EXPECT_EQ(swim["date"], "2026-03-02");
  const Json cycle = find("cycle");
  EXPECT_DOUBLE_EQ(cycle["distance_m"].get<double>(), 25000.0);
  EXPECT_TRUE(cycle["rpe"].is_null()) << cycle;
}

TEST_F(E2eLogging, LogStrengthStoresEveryExerciseWithAndWithoutLoad) {
  sc_ok({"log", "strength", "--date", "2026-03-04", "--exercise", "squat:3x10@40kg", "--exercise", "lunge:3x8"});
  const Json list = activities();
  ASSERT_EQ(list.size(), 1u) << list;
  const Json& s = list[0];
  EXPECT_EQ(s["kind"], "strength");
  EXPECT_EQ(s["sport"], "strength");
  EXPECT_EQ(s["date"], "2026-03-04");
  EXPECT_TRUE(s["distance_m"].is_null());
  EXPECT_GT(s["duration_s"].get<double>(), 0.0);
  ASSERT_EQ(s["exercises"].size(), 2u) << s;
  EXPECT_EQ(s["exercises"][0]["exercise"], "squat");
  EXPECT_EQ(s["exercises"][0]["sets"], 3);
  EXPECT_EQ(s["exercises"][0]["reps"], 10);
  EXPECT_DOUBLE_EQ(s["exercises"][0]["load_kg"].get<double>(), 40.0);
  EXPECT_EQ(s["exercises"][1]["exercise"], "lunge");
  EXPECT_EQ(s["exercises"][1]["sets"], 3);
  EXPECT_EQ(s["exercises"][1]["reps"], 8);
  EXPECT_TRUE(s["exercises"][1]["load_kg"].is_null()) << s;
}

TEST_F(E2eLogging, LogPainJsonPrintsTheActionAndTheRulesWithReasons) {
  const Json j = sc_json({"log", "pain", "--json", "--date", "2026-03-05", "--site", "knee", "--side", "left", "--pain",
                          "8", "--timing", "after_run"});
  EXPECT_EQ(j["action"], "see_clinician") << j;
  ASSERT_TRUE(j["rules"].is_array()) << j;
  ASSERT_FALSE(j["rules"].empty()) << j;
  bool seed2 = false;
  for (const auto& rule : j["rules"]) {
    ASSERT_TRUE(rule["id"].is_string()) << rule;
    ASSERT_TRUE(rule["why"].is_string()) << rule;
    EXPECT_FALSE(rule["why"].get<std::string>().empty()) << rule;
    seed2 = seed2 || rule["id"] == "TRIAGE-SEED-2";
  }
  EXPECT_TRUE(seed2) << "pain 8 is severe (TRIAGE-SEED-2): " << j;
}

TEST_F(E2eLogging, LogPainTextShowsTheTriageAndEndsWithTheDisclaimer) {
  const Outcome o = sc_ok({"log", "pain", "--date", "2026-03-05", "--site", "hip", "--side", "right", "--pain", "4",
                           "--timing", "during_run"});
  EXPECT_NE(o.out.find("REDUCE"), std::string::npos) << o;
  EXPECT_NE(o.out.find("TRIAGE-PMM-3"), std::string::npos) << o;
  const auto lines = lines_of(o.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().find("does not diagnose"), std::string::npos) << o;
}

TEST_F(E2eLogging, CheckinsListsEveryFieldOfALoggedCheckin) {
  sc_ok({"log",    "pain",  "--date",   "2026-03-06",   "--time",   "07:30",
         "--site", "knee",  "--region", "front",        "--side",   "both",
         "--pain", "2",     "--timing", "next_morning", "--warmth", "--persists-after-run",
         "--note", "stairs"});
  const Json list = checkins();
  ASSERT_EQ(list.size(), 1u) << list;
  const Json& c = list[0];
  EXPECT_EQ(c["date"], "2026-03-06");
  EXPECT_EQ(c["time"], "07:30");
  EXPECT_EQ(c["site"], "knee");
  EXPECT_EQ(c["region"], "front");
  EXPECT_EQ(c["side"], "both");
  EXPECT_EQ(c["pain"], 2);
  EXPECT_EQ(c["timing"], "next_morning");
  EXPECT_EQ(c["warmth"], true);
  EXPECT_EQ(c["swelling"], false);
  EXPECT_EQ(c["persists_after_run"], true);
  EXPECT_EQ(c["cleared_by_clinician"], false);
  EXPECT_EQ(c["note"], "stairs");

  const Outcome text = sc_ok({"checkins"});
  EXPECT_NE(text.out.find("2026-03-06"), std::string::npos) << text;
  EXPECT_NE(text.out.find("warmth"), std::string::npos) << text;
}

TEST_F(E2eLogging, DeleteRemovesAnActivityOrACheckinAndNothingElse) {
  const Json first =
      sc_json({"--json", "log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"});
  const Json second =
      sc_json({"--json", "log", "run", "--date", "2026-03-02", "--distance", "6", "--duration", "36:00"});
  const Json pain = sc_json({"--json", "log", "pain", "--date", "2026-03-02", "--site", "knee", "--side", "left",
                             "--pain", "1", "--timing", "at_rest"});
  const int run_id = first["id"];
  const int checkin_id = pain["checkin"]["id"];

  sc_ok({"delete", std::to_string(run_id)});
  Json list = activities();
  ASSERT_EQ(list.size(), 1u) << list;
  EXPECT_EQ(list[0]["id"], second["id"]);
  EXPECT_EQ(checkins().size(), 1u);

  const Json deleted = sc_json({"delete", std::to_string(checkin_id), "--json"});
  EXPECT_EQ(deleted["deleted"], checkin_id);
  EXPECT_TRUE(checkins().empty());
  EXPECT_EQ(activities().size(), 1u);
}

TEST_F(E2eLogging, DeletingAnUnknownIdFailsWithExitCode1AndChangesNothing) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"});
  const std::string before = read_bytes(db());
  const Outcome o = sc({"delete", "9999"});
  expect_one_line_failure(o, 1, {"9999"});
  EXPECT_EQ(read_bytes(db()), before) << "the database changed";
  EXPECT_EQ(activities().size(), 1u);
}

TEST_F(E2eLogging, DeletingAnAlreadyDeletedIdFailsWithExitCode1) {
  const Json run = sc_json({"--json", "log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00"});
  const std::string id = std::to_string(run["id"].get<int>());
  sc_ok({"delete", id});
  expect_one_line_failure(sc({"delete", id}), 1, {id});
}

TEST_F(E2eLogging, ActivitiesAndCheckinsCanBeListedForARangeOfDays) {
  for (const char* day : {"2026-03-01", "2026-03-05", "2026-03-09"}) {
    sc_ok({"log", "run", "--date", day, "--distance", "5", "--duration", "30:00"});
    sc_ok({"log", "pain", "--date", day, "--site", "knee", "--side", "left", "--pain", "1", "--timing", "at_rest"});
  }
  const Json some = sc_json({"activities", "--json", "--from", "2026-03-02", "--to", "2026-03-09"});
  ASSERT_EQ(some["activities"].size(), 2u) << some;
  EXPECT_EQ(some["activities"][0]["date"], "2026-03-05");
  EXPECT_EQ(some["activities"][1]["date"], "2026-03-09");
  const Json one = sc_json({"checkins", "--json", "--from", "2026-03-05", "--to", "2026-03-05"});
  ASSERT_EQ(one["checkins"].size(), 1u) << one;
  EXPECT_EQ(one["checkins"][0]["date"], "2026-03-05");
}

/// Today's date in the IANA zone `tz`, by the system's own `date`.
std::string today_in(const std::string& tz) {
  const Outcome o = run(Command{"/bin/date", {"+%F"}, {{"TZ", tz}}, std::nullopt, {}});
  EXPECT_EQ(o.exit_code, 0) << o;
  return o.out.substr(0, o.out.find('\n'));
}

TEST_F(E2eLogging, EntriesWithoutADateGetTodayInTheProfilesTimeZone) {
  // UTC+14 and UTC-11: their calendar days differ at every moment.
  for (const std::string tz : {"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
    sc_ok({"profile", "--tz", tz});
    const std::string before = today_in(tz);
    const Json run = sc_json({"--json", "log", "run", "--distance", "5", "--duration", "30:00"});
    const Json pain =
        sc_json({"--json", "log", "pain", "--site", "knee", "--side", "left", "--pain", "0", "--timing", "at_rest"});
    const Json today = sc_json({"today", "--json"});
    const std::string after = today_in(tz);  // the day may turn meanwhile
    for (const Json* date : {&run["date"], &pain["checkin"]["date"], &today["date"]}) {
      EXPECT_TRUE(*date == before || *date == after) << tz << ": " << *date << ", expected " << before;
    }
  }
}

}  // namespace
}  // namespace stridecare::e2e

namespace stridecare::e2e {
namespace {

class E2eLogDuplicate : public E2eTest {};

TEST_F(E2eLogDuplicate, AnIdenticalRunOnTheSameDayIsStoredWithAWarningNamingTheFirst) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  const Outcome o = sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  EXPECT_NE(o.out.find("warning: looks like a duplicate of #1"), std::string::npos) << o;
  EXPECT_EQ(activities().size(), 2U);
  const Json j =
      sc_json({"log", "run", "--json", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  EXPECT_EQ(j["duplicate_of"], 1) << j;
  EXPECT_EQ(j["stored"], true);
}

TEST_F(E2eLogDuplicate, NoDuplicatesSkipsItAndStoresNothing) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  const Outcome o =
      sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00", "--no-duplicates"});
  EXPECT_EQ(o.out,
            "not stored: this run is identical to #1 of 2026-03-01 (the same sport, day, distance and "
            "duration; --no-duplicates)\n");
  EXPECT_EQ(activities().size(), 1U);
  const Json j = sc_json({"log", "run", "--json", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00",
                          "--no-duplicates"});
  EXPECT_EQ(j["stored"], false);
  EXPECT_FALSE(j.contains("id"));
}

TEST_F(E2eLogDuplicate, AnotherDistanceDurationOrDayIsNoDuplicate) {
  sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  for (const Args& other : {Args{"--date", "2026-03-01", "--distance", "8.3km", "--duration", "45:00"},
                            Args{"--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:01"},
                            Args{"--date", "2026-03-02", "--distance", "8.2km", "--duration", "45:00"}}) {
    Args args{"log", "run"};
    args.insert(args.end(), other.begin(), other.end());
    EXPECT_EQ(sc_ok(args).out.find("duplicate"), std::string::npos);
  }
  const Outcome cross =
      sc_ok({"log", "cross", "--sport", "walk", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00"});
  EXPECT_EQ(cross.out.find("duplicate"), std::string::npos) << "a walk is not the same session as a run";
}

}  // namespace
}  // namespace stridecare::e2e
