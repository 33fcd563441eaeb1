// Training load and insights through the CLI (rules.md section 3, product.md
// `load --json`): the document's fields, "not enough history", the daily
// series, load warnings in `today`, insights on the bundled demo data, and
// bad ranges that never touch the database.

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eLoad : public E2eTest {
 protected:
  void log_run(const std::string& date, const std::string& km, const std::string& duration) const {
    sc_ok({"log", "run", "--date", date, "--distance", km, "--duration", duration, "--rpe", "4"});
  }
  void knee_pain(const std::string& date, int pain) const {
    sc_ok({"log", "pain", "--date", date, "--site", "knee", "--side", "left", "--pain", std::to_string(pain),
           "--timing", "after_run"});
  }

  /// Weekly 10 km Sunday runs from 2026-01-04 to 2026-02-08, then 14 km on
  /// 2026-02-15: 1.40x the longest run of the previous 30 days (moderate).
  void spike_history() const {
    for (const char* sunday : {"2026-01-04", "2026-01-11", "2026-01-18", "2026-01-25", "2026-02-01", "2026-02-08"}) {
      log_run(sunday, "10km", "1:00:00");
    }
    log_run("2026-02-15", "14km", "1:24:00");
  }

  static const Json* find_id(const Json& list, const std::string& id) {
    for (const auto& item : list) {
      if (item.value("id", "") == id) return &item;
    }
    return nullptr;
  }
};

// ---- load --json -----------------------------------------------------------------

TEST_F(E2eLoad, LoadJsonHasEveryProductField) {
  // Week of 2026-03-02: 10 km; week of 2026-03-09 to Friday: 15 km (+50%).
  for (const char* day : {"2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-13"}) {
    log_run(day, "5km", "30:00");
  }
  const Json j = sc_json({"load", "--json", "--date", "2026-03-13"});
  for (const char* field : {"date", "acwr_ewma", "acwr_rolling", "acute_load", "chronic_load", "weekly_run_km",
                            "weekly_change", "longest_run_30d_km", "monotony", "strain", "warnings"}) {
    EXPECT_TRUE(j.contains(field)) << field << " missing: " << j;
  }
  EXPECT_EQ(j["date"], "2026-03-13");
  EXPECT_DOUBLE_EQ(j["weekly_run_km"].get<double>(), 15.0);
  EXPECT_NEAR(j["weekly_change"].get<double>(), 0.5, 1e-9);
  EXPECT_DOUBLE_EQ(j["longest_run_30d_km"].get<double>(), 5.0);
  EXPECT_TRUE(j["monotony"].is_number()) << j;
  EXPECT_TRUE(j["strain"].is_number()) << j;
  ASSERT_TRUE(j["warnings"].is_array());
  const Json* week = find_id(j["warnings"], "LOAD-WEEK-1");
  ASSERT_NE(week, nullptr) << j["warnings"];
  EXPECT_NEAR((*week)["value"].get<double>(), 0.5, 1e-9);
  for (const auto& w : j["warnings"]) {
    EXPECT_TRUE(w["id"].is_string()) << w;
    EXPECT_TRUE(w["value"].is_number()) << w;
  }
}

TEST_F(E2eLoad, LoadJsonWithUnder28DaysOfHistoryHasNullAcwrAndSaysSo) {
  log_run("2026-03-01", "5km", "30:00");
  log_run("2026-03-10", "6km", "36:00");
  const Json j = sc_json({"load", "--json", "--date", "2026-03-20"});  // 20 days of history
  EXPECT_TRUE(j["acwr_ewma"].is_null()) << j;
  EXPECT_TRUE(j["acwr_rolling"].is_null()) << j;
  EXPECT_TRUE(j["chronic_load"].is_null()) << j;
  bool said = false;
  for (const auto& note : j["notes"])
    said = said || note.get<std::string>().find("not enough history") != std::string::npos;
  EXPECT_TRUE(said) << j["notes"];

  const Outcome text = sc_ok({"load", "--date", "2026-03-20"});
  EXPECT_NE(text.out.find("not enough history"), std::string::npos) << text;
}

TEST_F(E2eLoad, LoadJsonAfter28DaysHasNumbersForAcwr) {
  spike_history();
  const Json j = sc_json({"load", "--json", "--date", "2026-02-15"});
  EXPECT_TRUE(j["acwr_ewma"].is_number()) << j;
  EXPECT_TRUE(j["acwr_rolling"].is_number()) << j;
  EXPECT_TRUE(j["acute_load"].is_number()) << j;
  EXPECT_TRUE(j["chronic_load"].is_number()) << j;
  EXPECT_DOUBLE_EQ(j["longest_run_30d_km"].get<double>(), 10.0);
  const Json* spike = find_id(j["warnings"], "LOAD-SPIKE-1");
  ASSERT_NE(spike, nullptr) << j["warnings"];
  EXPECT_NEAR((*spike)["value"].get<double>(), 1.4, 1e-9);
  EXPECT_EQ((*spike)["level"], "moderate");
}

// ---- load --from --to ---------------------------------------------------------------

TEST_F(E2eLoad, LoadSeriesHasOneEntryPerDayWithZerosOnRestDays) {
  log_run("2026-03-03", "5km", "30:00");
  log_run("2026-03-05", "8km", "48:00");
  const Json j = sc_json({"load", "--json", "--from", "2026-03-01", "--to", "2026-03-10"});
  EXPECT_EQ(j["from"], "2026-03-01");
  EXPECT_EQ(j["to"], "2026-03-10");
  const Json& days = j["days"];
  ASSERT_EQ(days.size(), 10u) << j;
  const std::vector<std::string> expected{"2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05",
                                          "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"};
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Json& day = days[i];
    EXPECT_EQ(day["date"], expected[i]);
    const bool run_day = expected[i] == "2026-03-03" || expected[i] == "2026-03-05";
    if (run_day) {
      EXPECT_GT(day["run_km"].get<double>(), 0) << day;
      EXPECT_GT(day["impact_load"].get<double>(), 0) << day;
      EXPECT_EQ(day["sessions"], 1) << day;
    } else {
      EXPECT_EQ(day["run_km"].get<double>(), 0) << day;
      EXPECT_EQ(day["impact_load"].get<double>(), 0) << day;
      EXPECT_EQ(day["srpe_load"].get<double>(), 0) << day;
      EXPECT_EQ(day["sessions"], 0) << day;
    }
    EXPECT_TRUE(day["warnings"].is_array()) << day;
  }
  EXPECT_DOUBLE_EQ(days[2]["run_km"].get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(days[4]["run_km"].get<double>(), 8.0);
  EXPECT_DOUBLE_EQ(days[5]["weekly_run_km"].get<double>(), 13.0) << "Tue + Thu of the ISO week";
}

// ---- today ---------------------------------------------------------------------------

TEST_F(E2eLoad, TodayShowsTheSpikeWarningAfterASpikeRun) {
  spike_history();
  const Json t = sc_json({"today", "--json", "--date", "2026-02-16"});
  const Json* spike = find_id(t["warnings"], "LOAD-SPIKE-1");
  ASSERT_NE(spike, nullptr) << t;
  EXPECT_EQ((*spike)["date"], "2026-02-15");
  EXPECT_NEAR((*spike)["value"].get<double>(), 1.4, 1e-9);
  EXPECT_EQ(t["action"], "continue") << "a warning alone, without pain, changes no action";

  const Outcome text = sc_ok({"today", "--date", "2026-02-16"});
  EXPECT_NE(text.out.find("LOAD-SPIKE-1"), std::string::npos) << text;
}

TEST_F(E2eLoad, KneePainAfterTheSpikeIsReduceByTriageLoad1) {
  spike_history();
  knee_pain("2026-02-17", 2);
  const Json t = sc_json({"today", "--json", "--date", "2026-02-17"});
  EXPECT_EQ(t["action"], "reduce") << t;
  const Json* load = find_id(t["rules"], "TRIAGE-LOAD-1");
  ASSERT_NE(load, nullptr) << t["rules"];
  const std::string why = (*load)["why"];
  EXPECT_NE(why.find("LOAD-SPIKE-1"), std::string::npos) << why;
  EXPECT_NE(why.find("2026-02-15"), std::string::npos) << why;
}

// ---- insights ------------------------------------------------------------------------

TEST_F(E2eLoad, InsightsOnTheDemoDataFindTheKneeCautionFromTwoEpisodes) {
  sc_ok({"restore", kDemoExport.string()});
  const Json j = sc_json({"insights", "--json", "--date", "2026-03-17"});
  EXPECT_EQ(j["enough_data"], true) << j;
  EXPECT_GE(j["pain_free_weeks"].get<int>(), 4) << j;
  const Json* knee = nullptr;
  for (const auto& s : j["insights"]) {
    if (s["site"] == "knee") knee = &s;
  }
  ASSERT_NE(knee, nullptr) << j;
  EXPECT_EQ((*knee)["episodes"], 2) << *knee;
  ASSERT_TRUE((*knee)["caution"].is_object()) << *knee;
  EXPECT_EQ((*knee)["caution"]["episodes"], 2) << *knee;
  EXPECT_EQ((*knee)["caution"]["pain_free_weeks"], 0) << *knee;
  EXPECT_EQ((*knee)["text"].get<std::string>().rfind("2 of your 2 knee episodes", 0), 0u) << (*knee)["text"];
  // Both episodes began within a week of a moderate spike (> 1.30x).
  ASSERT_EQ((*knee)["episode_details"].size(), 2u);
  for (const auto& e : (*knee)["episode_details"]) {
    EXPECT_EQ(e["site"], "knee");
    EXPECT_EQ(e["side"], "left");
    EXPECT_GT(e["max_spike"].get<double>(), 1.30) << e;
  }
  EXPECT_EQ((*knee)["episode_details"][1]["start"], "2026-03-15");

  const Outcome text = sc_ok({"insights", "--date", "2026-03-17"});
  EXPECT_NE(text.out.find("2 of your 2 knee episodes"), std::string::npos) << text;
}

TEST_F(E2eLoad, TodayOnTheDemoDayNamesTheTwentyKilometreSpike) {
  sc_ok({"restore", kDemoExport.string()});
  const Json t = sc_json({"today", "--json", "--date", "2026-03-17"});
  EXPECT_EQ(t["action"], "reduce") << t;
  const Json* load = find_id(t["rules"], "TRIAGE-LOAD-1");
  ASSERT_NE(load, nullptr) << t["rules"];
  EXPECT_NE((*load)["why"].get<std::string>().find("LOAD-SPIKE-1 on 2026-03-15"), std::string::npos) << *load;
  const Json* spike = find_id(t["warnings"], "LOAD-SPIKE-1");
  ASSERT_NE(spike, nullptr) << t["warnings"];
  EXPECT_GT((*spike)["value"].get<double>(), 1.30) << "the 20 km run is a moderate spike";
}

TEST_F(E2eLoad, InsightsWithOneEpisodeSayThereIsNotEnoughData) {
  spike_history();
  knee_pain("2026-02-17", 3);
  const Json j = sc_json({"insights", "--json", "--date", "2026-02-20"});
  EXPECT_EQ(j["enough_data"], false) << j;
  const std::string message = j["message"];
  EXPECT_NE(message.find("1 pain episode"), std::string::npos) << message;
  EXPECT_NE(message.find("at least 2"), std::string::npos) << message;
  EXPECT_TRUE(j["insights"].empty()) << j;

  const Outcome text = sc_ok({"insights", "--date", "2026-02-20"});
  EXPECT_NE(text.out.find("at least 2"), std::string::npos) << text;
}

// ---- bad input -----------------------------------------------------------------------

TEST_F(E2eLoad, BadRangesAreUsageErrorsThatLeaveTheDatabaseByteIdentical) {
  log_run("2026-03-01", "5km", "30:00");
  const std::string before = read_bytes(db());
  const auto tree_before = list_tree(dir());
  ASSERT_FALSE(before.empty());

  expect_one_line_failure(sc({"load", "--from", "2026-03-10", "--to", "2026-03-01"}), 2, {"--from", "2026-03-10"});
  expect_one_line_failure(sc({"load", "--json", "--from", "2026-03-10", "--to", "2026-03-01"}), 2, {"--from"});
  expect_one_line_failure(sc({"load", "--from", "2026-02-30"}), 2, {"--from", "2026-02-30"});
  expect_one_line_failure(sc({"load", "--from", "2026-03-01", "--to", "2026-02-30"}), 2, {"--to", "2026-02-30"});
  EXPECT_TRUE(read_bytes(db()) == before) << "the database file changed";
  EXPECT_EQ(list_tree(dir()), tree_before) << "files were created or removed";
}

TEST_F(E2eLoad, BadRangesDoNotCreateADatabase) {
  for (const Args& args :
       {Args{"load", "--from", "2026-03-10", "--to", "2026-03-01"}, Args{"load", "--from", "2026-02-30"}}) {
    const Outcome o = sc(args);
    EXPECT_EQ(o.exit_code, 2) << o;
    EXPECT_FALSE(fs::exists(db())) << "a usage error created the database";
  }
}

// ---- plain words: glosses, units, evidence notes ---------------------------------

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

TEST_F(E2eLoad, LoadTextGlossesAcwrOnceBesideItsFigure) {
  spike_history();
  const Outcome o = sc_ok({"load", "--date", "2026-02-15"});
  const std::string gloss = "(this week's load against your usual: 0.8-1.3 is the usual range)";
  EXPECT_EQ(count_of(o.out, gloss), 1U) << o.out;
  EXPECT_NE(o.out.find("ACWR             1."), std::string::npos) << o.out;
  EXPECT_LT(o.out.find("ACWR"), o.out.find(gloss)) << "the gloss follows the first ACWR";
  for (const char* term : {"acute load", "chronic load", "monotony", "strain", "hazard ratio 1.52 (how much more"}) {
    EXPECT_NE(o.out.find(term), std::string::npos) << term << " in\n" << o.out;
  }
}

TEST_F(E2eLoad, LoadWarningsInImperialUnitsShowMiles) {
  spike_history();  // 14 km = 8.7 mi after a longest run of 10 km = 6.2 mi
  const Outcome o = sc_ok({"load", "--date", "2026-02-15", "--units", "imperial"});
  const auto warnings = o.out.substr(o.out.find("Warnings:"));
  EXPECT_NE(warnings.find("8.7 mi run on 2026-02-15 is 1.40x"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("(6.2 mi)"), std::string::npos) << warnings;
  EXPECT_EQ(o.out.find(" km"), std::string::npos) << o.out;
}

TEST_F(E2eLoad, EvidenceNotesAreShownWithVerboseOnly) {
  spike_history();
  const Outcome plain = sc_ok({"load", "--date", "2026-02-15"});
  EXPECT_EQ(plain.out.find("Evidence: Frandsen"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("stridecare explain RULE-ID, or add --verbose"), std::string::npos) << plain.out;
  const Outcome verbose = sc_ok({"load", "--date", "2026-02-15", "--verbose"});
  EXPECT_NE(verbose.out.find("Evidence: Frandsen"), std::string::npos) << verbose.out;
  const Json j = sc_json({"load", "--date", "2026-02-15", "--json"});
  EXPECT_FALSE(j["warnings"][0]["evidence"].get<std::string>().empty()) << "JSON keeps the evidence";
}

}  // namespace
}  // namespace stridecare::e2e
