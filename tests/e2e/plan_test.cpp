// `stridecare plan`: the week as the runner sees it (rules.md section 4),
// what changed since the plan last shown, `today`'s sessions, agreement with
// `guide`, and `plan --ics` read back by an independent iCalendar parser
// (Debian's python3-icalendar).

#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class E2ePlan : public E2eTest {
 protected:
  void restore_demo() { sc_ok({"restore", kDemoExport.string()}); }

  /// Three runs a week for four weeks before `2026-03-16` (a Monday).
  void healthy_history() {
    const char* days[] = {"2026-02-17", "2026-02-19", "2026-02-22", "2026-02-24", "2026-02-26", "2026-03-01",
                          "2026-03-03", "2026-03-05", "2026-03-08", "2026-03-10", "2026-03-12", "2026-03-15"};
    int i = 0;
    for (const char* d : days) {
      const bool long_run = (i++ % 3) == 2;
      sc_ok({"log", "run", "--date", d, "--distance", long_run ? "12km" : "7km", "--duration",
             long_run ? "70:00" : "40:00", "--rpe", "4"});
    }
  }

  Json plan_json(const std::string& date) { return sc_json({"plan", "--json", "--date", date}); }

  /// The events of an .ics file as python3-icalendar reads them.
  Json read_ics(const fs::path& file) {
    Command c{"/usr/bin/python3", {STRIDECARE_ICS_READER, file.string()}, env(), std::nullopt, {}};
    Outcome o = Process::start(c).wait();
    EXPECT_EQ(o.exit_code, 0) << o;
    if (o.exit_code != 0) return Json::object();
    return parse_json(o.out);
  }

  std::vector<std::string> uids(const Json& ics) {
    std::vector<std::string> out;
    for (const auto& e : ics["events"]) out.push_back(e["uid"]);
    return out;
  }
};

TEST_F(E2ePlan, DemoWeekIsCutBackWithRunsRefilledByLowImpactSessionsEachWithRoutinesAndRules) {
  restore_demo();
  const Json j = plan_json("2026-03-17");
  EXPECT_EQ(j["start"], "2026-03-17");
  EXPECT_EQ(j["action"], "reduce");
  EXPECT_TRUE(holds(ids_of(j["why"]), "TRIAGE-PMM-3")) << j["why"];
  EXPECT_TRUE(holds(ids_of(j["rules"]), "PLAN-CUT-1")) << j["rules"];
  ASSERT_EQ(j["days"].size(), 7U);
  int runs = 0;
  int cross = 0;
  int strength = 0;
  for (const auto& d : j["days"]) {
    ASSERT_FALSE(d["sessions"].empty()) << d;
    for (const auto& s : d["sessions"]) {
      ASSERT_FALSE(s["rules"].empty()) << s;
      if (s["kind"] == "run") {
        ++runs;
        EXPECT_FALSE(s["warmup"].empty()) << s;
        EXPECT_FALSE(s["cooldown"].empty()) << s;
        EXPECT_TRUE(holds(ids_of(s["rules"]), "PLAN-CUT-1")) << s;
      } else if (s["kind"] == "cross") {
        ++cross;
        EXPECT_TRUE(s["sport"] == "swim" || s["sport"] == "cycle" || s["sport"] == "walk") << s;
        EXPECT_TRUE(holds(ids_of(s["rules"]), "CROSS-EQUIV-1")) << s;
      } else if (s["kind"] == "strength") {
        ++strength;
        EXPECT_FALSE(s["exercises"].empty()) << s;
      }
    }
  }
  EXPECT_GE(runs, 2);
  EXPECT_GE(cross, 1);
  EXPECT_EQ(strength, 2);
  EXPECT_LE(j["run_km"].get<double>(), 18.5 + 1e-9);
  EXPECT_TRUE(j["changes"].empty());
}

TEST_F(E2ePlan, TextShowsEachDayWithItsSessionsAndTheRulesBehindThem) {
  restore_demo();
  const Outcome o = sc_ok({"plan", "--date", "2026-03-17"});
  for (const char* part : {"Plan 2026-03-17 to 2026-03-23", "REDUCE", "PLAN-CUT-1", "CROSS-SWAP-1", "Wed 2026-03-18",
                           "Easy run", "warm-up", "cool-down", "Strength", "Rest", "PLAN-REST-1"}) {
    EXPECT_THAT(o.out, HasSubstr(part)) << o;
  }
  EXPECT_THAT(o.out, Not(HasSubstr("Changed since"))) << "first plan shown: nothing to compare with";
}

TEST_F(E2ePlan, APainCheckinChangesThePlanAndThePlanSaysWhatChangedAndWhy) {
  healthy_history();
  const Json before = plan_json("2026-03-16");
  EXPECT_EQ(before["action"], "continue");
  sc_ok({"log", "pain", "--date", "2026-03-16", "--site", "knee", "--side", "left", "--pain", "4", "--timing",
         "after_run"});
  const Outcome o = sc_ok({"plan", "--date", "2026-03-16"});
  EXPECT_THAT(o.out, HasSubstr("Changed since the plan you last saw:")) << o;
  EXPECT_THAT(o.out, HasSubstr("->")) << o;
  EXPECT_THAT(o.out, HasSubstr("TRIAGE-PMM-3")) << o;
  // Told once: the same plan again has nothing new.
  const Json again = plan_json("2026-03-16");
  EXPECT_TRUE(again["changes"].empty()) << again["changes"];
}

TEST_F(E2ePlan, ChangesInJsonNameTheDayWhatItWasWhatItIsAndTheRule) {
  healthy_history();
  plan_json("2026-03-16");
  sc_ok({"log", "pain", "--date", "2026-03-16", "--site", "knee", "--side", "left", "--pain", "4", "--timing",
         "after_run"});
  const Json j = plan_json("2026-03-16");
  ASSERT_FALSE(j["changes"].empty()) << j;
  for (const auto& c : j["changes"]) {
    EXPECT_NE(c["was"], c["now"]) << c;
    EXPECT_THAT(c["why"].get<std::string>(), HasSubstr("TRIAGE-PMM-3")) << c;
    EXPECT_GE(c["date"].get<std::string>(), "2026-03-16");
  }
}

TEST_F(E2ePlan, TodaysSessionsAreThePlansFirstDay) {
  restore_demo();
  const Json plan = plan_json("2026-03-18");
  const Json today = sc_json({"today", "--json", "--date", "2026-03-18"});
  ASSERT_FALSE(plan["days"][0]["sessions"].empty());
  ASSERT_FALSE(today["sessions"].empty()) << today;
  EXPECT_EQ(today["sessions"], plan["days"][0]["sessions"]);
  bool run = false;
  for (const auto& s : today["sessions"]) {
    if (s["kind"] != "run") continue;
    run = true;
    EXPECT_FALSE(s["warmup"].empty());
    EXPECT_FALSE(s["cooldown"].empty());
  }
  EXPECT_TRUE(run) << today["sessions"];
  EXPECT_THAT(sc_ok({"today", "--date", "2026-03-18"}).out, HasSubstr("Today's sessions (as in stridecare plan):"));
}

TEST_F(E2ePlan, TodayAfterTodaysTrainingIsLoggedSaysNoMoreSession) {
  restore_demo();
  // The demo runner cycled 40 min on 2026-03-17.
  const Json today = sc_json({"today", "--json", "--date", "2026-03-17"});
  EXPECT_TRUE(today["sessions"].empty()) << today;
  EXPECT_THAT(sc_ok({"today", "--date", "2026-03-17"}).out, HasSubstr("no session"));
}

TEST_F(E2ePlan, GuideRunsThePlannedDaysWarmupCooldownAndStrength) {
  restore_demo();
  const Json day = plan_json("2026-03-18")["days"][0];
  Json run;
  Json strength;
  for (const auto& s : day["sessions"]) {
    if (s["kind"] == "run") run = s;
    if (s["kind"] == "strength") strength = s;
  }
  ASSERT_TRUE(run.is_object() && strength.is_object()) << day;
  const auto guided = [&](const char* routine) {
    return sc_json({"guide", routine, "--dry-run", "--json", "--date", "2026-03-18"})["steps"];
  };
  EXPECT_EQ(guided("warmup"), run["warmup"]);
  EXPECT_EQ(guided("cooldown"), run["cooldown"]);
  EXPECT_EQ(guided("strength"), strength["exercises"]);
}

TEST_F(E2ePlan, ARedFlagPlansSeeingAClinicianFirstAndNoRun) {
  healthy_history();
  sc_ok({"log", "pain", "--date", "2026-03-16", "--site", "knee", "--side", "left", "--pain", "2", "--timing",
         "after_run", "--swelling"});
  const Json j = plan_json("2026-03-16");
  EXPECT_EQ(j["action"], "see_clinician");
  ASSERT_TRUE(j["first"].is_string()) << j;
  for (const auto& d : j["days"]) {
    for (const auto& s : d["sessions"]) {
      EXPECT_NE(s["kind"], "run") << s;
      if (s["kind"] == "cross" || s["kind"] == "strength") {
        EXPECT_TRUE(s["condition"].is_string()) << s;
      }
    }
  }
  const Outcome o = sc_ok({"plan", "--date", "2026-03-16"});
  EXPECT_THAT(o.out, HasSubstr("clinician")) << o;
}

TEST_F(E2ePlan, UrgentCarePlansNoExerciseAtAll) {
  healthy_history();
  sc_ok({"log", "pain", "--date", "2026-03-16", "--site", "knee", "--side", "left", "--pain", "3", "--timing",
         "after_run", "--giving-way"});
  const Json j = plan_json("2026-03-16");
  EXPECT_EQ(j["action"], "urgent_care");
  ASSERT_TRUE(j["first"].is_string());
  for (const auto& d : j["days"]) {
    for (const auto& s : d["sessions"]) EXPECT_EQ(s["kind"], "rest") << s;
  }
}

TEST_F(E2ePlan, WeekOfPlansMondayToSundayAndIsRefusedTogetherWithDate) {
  restore_demo();
  const Json j = sc_json({"plan", "--json", "--week-of", "2026-03-18"});
  EXPECT_EQ(j["start"], "2026-03-16");
  EXPECT_EQ(j["days"][6]["date"], "2026-03-22");
  expect_one_line_failure(sc({"plan", "--week-of", "2026-03-18", "--date", "2026-03-17"}), 2, {"--week-of", "--date"});
  expect_one_line_failure(sc({"plan", "--week-of", "2026-02-30"}), 2, {"--week-of", "2026-02-30"});
}

TEST_F(E2ePlan, IcsIsReadByAnIndependentParserWithOneEventPerSessionAndTheWhy) {
  restore_demo();
  const fs::path file = dir() / "plan.ics";
  const Outcome o = sc_ok({"plan", "--date", "2026-03-17", "--ics", file.string()});
  EXPECT_THAT(o.out, HasSubstr("Wrote the plan for 2026-03-17 to 2026-03-23")) << o;
  const Json ics = read_ics(file);
  EXPECT_EQ(ics["version"], "2.0");
  const Json plan = plan_json("2026-03-17");
  std::size_t sessions = 0;
  for (const auto& d : plan["days"]) {
    for (const auto& s : d["sessions"]) sessions += s["kind"] == "rest" ? 0 : 1;
  }
  ASSERT_EQ(ics["events"].size(), sessions) << ics;
  const std::vector<std::string> ids = uids(ics);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "UIDs are unique";
  bool swim = false;
  for (const auto& e : ics["events"]) {
    EXPECT_EQ(e["sequence"], 0);
    EXPECT_EQ(e["status"], "CONFIRMED");
    EXPECT_EQ(e["dtstart"].get<std::string>().size(), 10U) << "all day without a session time: " << e;
    EXPECT_THAT(e["description"].get<std::string>(), HasSubstr("Why:")) << e;
    const std::string summary = e["summary"];
    if (summary.starts_with("Easy run")) {
      EXPECT_THAT(e["description"].get<std::string>(), HasSubstr("warm-up")) << e;
      EXPECT_THAT(e["description"].get<std::string>(), HasSubstr("cool-down")) << e;
    }
    if (summary.starts_with("Swim")) {
      swim = true;
      EXPECT_THAT(summary, HasSubstr("(replaces")) << e;
    }
  }
  EXPECT_TRUE(swim) << ics;
}

TEST_F(E2ePlan, IcsLinesEndInCrlfAndFoldAt75Octets) {
  restore_demo();
  const fs::path file = dir() / "plan.ics";
  sc_ok({"plan", "--date", "2026-03-17", "--ics", file.string()});
  const std::string bytes = read_bytes(file);
  ASSERT_TRUE(bytes.ends_with("END:VCALENDAR\r\n"));
  std::size_t at = 0;
  bool folded = false;
  while (at < bytes.size()) {
    const std::size_t end = bytes.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    const std::string line = bytes.substr(at, end - at);
    EXPECT_LE(line.size(), 75U) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in " << line;
    folded = folded || line.starts_with(" ");
    at = end + 2;
  }
  EXPECT_TRUE(folded) << "the descriptions are long enough to be folded";
}

TEST_F(E2ePlan, UidsStayAcrossExportsAndSequenceRisesWhenASessionChanges) {
  healthy_history();
  const fs::path first = dir() / "first.ics";
  const fs::path second = dir() / "second.ics";
  const fs::path third = dir() / "third.ics";
  sc_ok({"plan", "--date", "2026-03-16", "--ics", first.string()});
  sc_ok({"plan", "--date", "2026-03-16", "--ics", second.string()});
  const Json a = read_ics(first);
  const Json b = read_ics(second);
  EXPECT_EQ(uids(a), uids(b));
  for (const auto& e : b["events"]) EXPECT_EQ(e["sequence"], 0) << e;

  sc_ok({"log", "pain", "--date", "2026-03-16", "--site", "knee", "--side", "left", "--pain", "4", "--timing",
         "after_run"});
  const Json report = sc_json({"plan", "--date", "2026-03-16", "--ics", third.string(), "--json"});
  EXPECT_EQ(report["ics"], third.string());
  EXPECT_GT(report["changed"].get<int>() + report["cancelled"].get<int>(), 0) << report;
  const Json c = read_ics(third);
  int raised = 0;
  for (const auto& e : c["events"]) {
    const std::vector<std::string> before = uids(a);
    const bool known = std::find(before.begin(), before.end(), e["uid"].get<std::string>()) != before.end();
    if (e["status"] == "CANCELLED") {
      EXPECT_TRUE(known) << "only a sent event is cancelled: " << e;
    }
    if (e["sequence"] == 1) {
      ++raised;
      EXPECT_TRUE(known) << e;
    } else {
      EXPECT_EQ(e["sequence"], 0) << e;
    }
  }
  EXPECT_EQ(raised, report["changed"].get<int>() + report["cancelled"].get<int>());
  // Every event of the first export is in the third, changed, kept or cancelled: none is left behind.
  for (const auto& uid : uids(a)) EXPECT_THAT(uids(c), ::testing::Contains(uid));
}

TEST_F(E2ePlan, IcsEventsAreTimedAtTheProfilesSessionTime) {
  restore_demo();
  sc_ok({"profile", "--tz", "Europe/London", "--session-time", "18:30"});
  const fs::path file = dir() / "plan.ics";
  sc_ok({"plan", "--date", "2026-03-25", "--ics", file.string()});
  const Json ics = read_ics(file);
  ASSERT_FALSE(ics["events"].empty());
  for (const auto& e : ics["events"]) {
    const std::string start = e["dtstart"];
    ASSERT_EQ(start.size(), 20U) << e;
    // British Summer Time begins on 2026-03-29: 18:30 local is 18:30Z before, 17:30Z from then.
    EXPECT_EQ(start.substr(11), start.substr(0, 10) < "2026-03-29" ? "18:30:00Z" : "17:30:00Z") << e;
    EXPECT_GT(e["dtend"].get<std::string>(), start);
  }
}

TEST_F(E2ePlan, IcsToAFolderThatDoesNotExistFailsNamingTheFileAndRemembersNothing) {
  restore_demo();
  const fs::path bad = dir() / "missing" / "plan.ics";
  expect_one_line_failure(sc({"plan", "--date", "2026-03-17", "--ics", bad.string()}), 1, {bad.string()});
  EXPECT_FALSE(fs::exists(bad));
  const Json j = sc_json({"plan", "--date", "2026-03-17", "--ics", (dir() / "plan.ics").string(), "--json"});
  EXPECT_EQ(j["changed"], 0);
  EXPECT_EQ(j["cancelled"], 0);
  EXPECT_GT(j["events"].get<int>(), 0);
}

TEST_F(E2ePlan, WeeklyGoalAndSessionTimeAreSetShownAndCleared) {
  sc_ok({"profile", "--weekly-goal", "40km", "--session-time", "07:30"});
  Json p = sc_json({"profile", "--json"});
  EXPECT_EQ(p["weekly_goal_km"], 40.0) << p;
  EXPECT_EQ(p["session_time"], "07:30") << p;
  const Outcome text = sc_ok({"profile"});
  EXPECT_THAT(text.out, HasSubstr("weekly goal")) << text;
  EXPECT_THAT(text.out, HasSubstr("07:30")) << text;
  sc_ok({"profile", "--weekly-goal", "none", "--session-time", "none"});
  p = sc_json({"profile", "--json"});
  EXPECT_FALSE(p.contains("weekly_goal_km")) << p;
  EXPECT_FALSE(p.contains("session_time")) << p;
  expect_one_line_failure(sc({"profile", "--weekly-goal", "0km"}), 2, {"weekly"});
  expect_one_line_failure(sc({"profile", "--weekly-goal", "900km"}), 2, {"weekly"});
  expect_one_line_failure(sc({"profile", "--session-time", "25:00"}), 2, {"session"});
}

TEST_F(E2ePlan, AWeeklyGoalIsApproachedWithinGradualIncrease) {
  healthy_history();  // 26 km a week
  sc_ok({"profile", "--weekly-goal", "60km"});
  const Json j = plan_json("2026-03-16");
  EXPECT_EQ(j["action"], "continue");
  // PLAN-GRAD-1: at most 110% of the 4-week mean (26 km).
  EXPECT_LE(j["run_km"].get<double>(), 26.0 * 1.1 + 0.05) << j["rules"];
  EXPECT_GT(j["run_km"].get<double>(), 26.0) << "the goal is above: the week grows" << j["rules"];
  EXPECT_THAT(j["rules"].dump(), HasSubstr("towards your weekly goal of 60.0 km"));
}

TEST_F(E2ePlan, AWeeklyGoalReachedIsHeld) {
  healthy_history();  // 26 km a week
  sc_ok({"profile", "--weekly-goal", "20km"});
  const Json j = plan_json("2026-03-16");
  EXPECT_LE(j["run_km"].get<double>(), 20.0 + 1e-9) << j["rules"];
  EXPECT_GE(j["run_km"].get<double>(), 19.0) << j["rules"];
  EXPECT_THAT(j["rules"].dump(), HasSubstr("held at your weekly goal of 20.0 km"));
}

}  // namespace
}  // namespace stridecare::e2e
