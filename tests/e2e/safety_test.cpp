// The action in force governs the rest of the program (rules.md 2 and 2.2, rules version 2): no stop
// wears off silently, a cleared red flag leads into the return-to-run programme, a run logged against
// the action is stored with a SAFE-LOG-1 warning, and `today` gives one coherent message. Each test is
// named after what a runner saw go wrong (issue 11).

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eSafety : public E2eTest {
 protected:
  void knee(const std::string& date, int pain, const std::string& timing = "at_rest", const Args& extra = {}) const {
    Args args{"log",      "pain", "--date", date, "--site", "knee", "--side", "left", "--pain", std::to_string(pain),
              "--timing", timing};
    args.insert(args.end(), extra.begin(), extra.end());
    sc_ok(args);
  }
  Json today(const std::string& date) const { return sc_json({"today", "--json", "--date", date}); }
  static std::vector<std::string> ids(const Json& list) { return ids_of(list); }
  static bool has(const std::vector<std::string>& v, const std::string& id) { return holds(v, id); }
};

TEST_F(E2eSafety, RunLoggedTheDayAfterAnEmergencyIsStoredWithASafeLog1Warning) {
  knee("2026-03-01", 3, "after_run", {"--cannot-bear-weight"});
  const Outcome o = sc({"log", "run", "--date", "2026-03-02", "--distance", "10km", "--duration", "55:00"});
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("warning SAFE-LOG-1"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("emergency"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("TRIAGE-RF-2"), std::string::npos) << o.out;
  EXPECT_EQ(activities().size(), 1u) << "the run is a record of what happened: stored";

  const Json j = sc_json({"--json", "log", "run", "--date", "2026-03-03", "--distance", "5km", "--duration", "30:00"});
  ASSERT_EQ(j["warnings"].size(), 1u) << j;
  EXPECT_EQ(j["warnings"][0]["id"], "SAFE-LOG-1");
  EXPECT_EQ(j["warnings"][0]["action"], "emergency");
  EXPECT_EQ(j["warnings"][0]["rule"], "TRIAGE-RF-2");
}

TEST_F(E2eSafety, RunDuringSeeClinicianIsWarnedToo) {
  knee("2026-03-01", 2, "after_run", {"--swelling"});
  const Json j = sc_json({"--json", "log", "run", "--date", "2026-03-02", "--distance", "5km", "--duration", "30:00"});
  ASSERT_EQ(j["warnings"].size(), 1u) << j;
  EXPECT_EQ(j["warnings"][0]["action"], "see_clinician");
}

TEST_F(E2eSafety, RunWithNothingInForceHasNoWarning) {
  knee("2026-03-01", 2);
  const Json j = sc_json({"--json", "log", "run", "--date", "2026-03-02", "--distance", "5km", "--duration", "30:00"});
  EXPECT_TRUE(j["warnings"].empty()) << j;
}

TEST_F(E2eSafety, PainSixStillStopsRunningSevenDaysLaterWithoutACheckin) {
  knee("2026-03-01", 6, "after_run");
  const Json t = today("2026-03-08");
  EXPECT_EQ(t["action"], "stop_running") << t;
  EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-PMM-1")) << t["rules"];
  ASSERT_EQ(t["checkin_due"].size(), 1u) << "SAFE-ASK-1 asks how the knee feels: " << t;
  EXPECT_EQ(t["checkin_due"][0]["site"], "knee");
  EXPECT_EQ(t["checkin_due"][0]["side"], "left");
  EXPECT_EQ(t["checkin_due"][0]["last"], "2026-03-01");
  const std::string text = sc_ok({"today", "--date", "2026-03-08"}).out;
  EXPECT_EQ(text.find("CONTINUE"), std::string::npos) << text;
  EXPECT_NE(text.find("How does your left knee feel today?"), std::string::npos) << text;
  EXPECT_LT(text.find("How does your left knee feel today?"), text.find("STOP RUNNING")) << "the question comes first";
}

TEST_F(E2eSafety, TheStopEndsIntoTheReturnToRunWalk) {
  knee("2026-03-01", 6, "after_run");
  knee("2026-03-04", 2);
  const Json t = today("2026-03-04");
  EXPECT_EQ(t["action"], "reduce") << t;
  EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-RTR-1")) << t["rules"];
  ASSERT_EQ(t["return_to_run"].size(), 1u) << t;
  const Json& p = t["return_to_run"][0];
  EXPECT_EQ(p["site"], "knee");
  EXPECT_EQ(p["side"], "left");
  EXPECT_EQ(p["stage"], 0);
  EXPECT_EQ(p["stages"], 7);
  EXPECT_EQ(p["session"], "brisk walk, 30 min, pain-free");
  EXPECT_TRUE(p["rules"].is_array());
  const std::string text = sc_ok({"today", "--date", "2026-03-04"}).out;
  EXPECT_NE(text.find("Stage 0 of 7: brisk walk, 30 min"), std::string::npos) << text;
}

TEST_F(E2eSafety, AClinicianClearedRedFlagGoesToTheProgrammeNotStraightToContinue) {
  knee("2026-03-01", 3, "after_run", {"--locking"});
  knee("2026-03-05", 1, "at_rest", {"--cleared-by-clinician"});
  const Json t = today("2026-03-05");
  EXPECT_EQ(t["action"], "reduce") << t;
  ASSERT_EQ(t["return_to_run"].size(), 1u) << t;
  EXPECT_EQ(t["return_to_run"][0]["stage"], 0);
}

TEST_F(E2eSafety, AProgrammeAdvancesOnLoggedSessionsAndCheckins) {
  knee("2026-03-01", 6, "after_run");
  knee("2026-03-04", 2);
  sc_ok({"log", "cross", "--sport", "walk", "--date", "2026-03-04", "--duration", "30:00"});
  knee("2026-03-04", 1, "after_run");
  knee("2026-03-05", 1, "next_morning");
  const Json t = today("2026-03-05");
  ASSERT_EQ(t["return_to_run"].size(), 1u) << t;
  EXPECT_EQ(t["return_to_run"][0]["stage"], 1) << t["return_to_run"];
  EXPECT_EQ(t["return_to_run"][0]["session"], "5 x (walk 4 min / run 1 min), 25 min");
  // A run longer than stage 1 allows is stored with a warning.
  const Json j = sc_json({"--json", "log", "run", "--date", "2026-03-05", "--distance", "10km", "--duration", "55:00"});
  ASSERT_EQ(j["warnings"].size(), 1u) << j;
  EXPECT_EQ(j["warnings"][0]["rule"], "PLAN-RTR-1");
}

TEST_F(E2eSafety, AnEmergencyIsNotToldToDecreaseItsRunning) {
  knee("2026-03-01", 4, "after_run");
  knee("2026-03-02", 5, "after_run", {"--cannot-bear-weight"});
  const Json t = today("2026-03-02");
  EXPECT_EQ(t["action"], "emergency");
  EXPECT_EQ(ids(t["rules"]), std::vector<std::string>{"TRIAGE-RF-2"}) << "only the action's own rules: " << t;
  EXPECT_TRUE(has(ids(t["also"]), "TRIAGE-PMM-3")) << t["also"];
  const std::string text = sc_ok({"today", "--date", "2026-03-02"}).out;
  EXPECT_EQ(text.find("decrease your running"), std::string::npos) << text;
  EXPECT_EQ(text.find("Decrease your running"), std::string::npos) << text;
  EXPECT_NE(text.find("Also noted:"), std::string::npos) << text;
  EXPECT_LT(text.find("TRIAGE-RF-2"), text.find("Also noted:"));
}

TEST_F(E2eSafety, APainFreeRunnerIsNotToldAboutRemainingPain) {
  const std::string none = sc_ok({"today", "--date", "2026-03-02"}).out;
  EXPECT_EQ(none.find("while any pain remains"), std::string::npos) << none;
  EXPECT_EQ(none.find("no increase this week"), std::string::npos) << none;
  EXPECT_NE(none.find("increase gradually"), std::string::npos) << none;
  knee("2026-03-01", 2);
  const std::string sore = sc_ok({"today", "--date", "2026-03-02"}).out;
  EXPECT_NE(sore.find("no increase this week"), std::string::npos) << sore;
}

TEST_F(E2eSafety, LogPainJsonGivesTheOverallActionAndTheRulesThisCheckinFired) {
  sc_ok({"log", "pain", "--date", "2026-03-01", "--site", "hip", "--side", "right", "--pain", "2", "--timing",
         "after_run", "--locking"});
  const Json j = sc_json({"--json", "log", "pain", "--date", "2026-03-02", "--site", "knee", "--side", "left", "--pain",
                          "4", "--timing", "after_run"});
  EXPECT_EQ(j["action"], "urgent_care") << "the hip's red flag still governs: " << j;
  EXPECT_EQ(ids(j["checkin_rules"]), std::vector<std::string>{"TRIAGE-PMM-3"}) << j["checkin_rules"];
  EXPECT_TRUE(has(ids(j["rules"]), "TRIAGE-RF-4")) << j["rules"];
  EXPECT_TRUE(j.contains("checkin")) << j;
}

TEST_F(E2eSafety, TodayJsonCarriesTheContractFields) {
  const Json t = today("2026-03-02");
  for (const char* field :
       {"date", "action", "rules", "also", "care", "warnings", "sessions", "return_to_run", "checkin_due"}) {
    EXPECT_TRUE(t.contains(field)) << field << " in " << t;
  }
}

TEST_F(E2eSafety, HeatWithheldBecauseOfSwellingIsSaid) {
  knee("2026-03-01", 3, "after_run");
  knee("2026-03-04", 2, "at_rest", {"--swelling"});
  const Json t = today("2026-03-04");
  bool said = false;
  for (const auto& c : t["care"]) {
    said |= c["id"] == "CARE-HEAT-1" && c["text"].get<std::string>().find("No heat") != std::string::npos;
  }
  EXPECT_TRUE(said) << t["care"];
}

TEST_F(E2eSafety, ACommonDayFitsA24LineTerminal) {
  knee("2026-03-01", 4, "after_run");
  knee("2026-03-02", 4, "next_morning");
  const std::string text = sc_ok({"today", "--date", "2026-03-02"}).out;
  // Rows of an 80-column terminal: the disclaimer is one line by rule and may take two rows.
  std::size_t rows = 0;
  const auto lines = lines_of(text);
  for (const auto& line : lines) rows += std::max<std::size_t>(1, (line.size() + 79) / 80);
  EXPECT_LE(rows, 24u) << text;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_LE(lines[i].size(), 80u) << lines[i];
}

TEST_F(E2eSafety, ImportedRunsCarryTheirSafeLog1Warnings) {
  knee("2017-06-10", 7, "after_run");
  const fs::path gpx = dir() / "run.gpx";
  write_bytes(gpx, R"(<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>
<trkpt lat="52.0" lon="4.0"><time>2017-06-11T08:00:00Z</time></trkpt>
<trkpt lat="52.01" lon="4.0"><time>2017-06-11T08:10:00Z</time></trkpt>
<trkpt lat="52.02" lon="4.0"><time>2017-06-11T08:20:00Z</time></trkpt>
</trkseg></trk></gpx>)");
  const Json j = sc_json({"--json", "import", gpx.string()});
  ASSERT_EQ(j["activities"].size(), 1u) << j;
  ASSERT_EQ(j["activities"][0]["warnings"].size(), 1u) << j;
  EXPECT_EQ(j["activities"][0]["warnings"][0]["id"], "SAFE-LOG-1");
}

}  // namespace
}  // namespace stridecare::e2e
