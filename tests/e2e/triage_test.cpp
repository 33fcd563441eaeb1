// Triage through the CLI (rules.md sections 2 and 2.1): red flags, what may
// and may not clear them, the `today` document, and ice-then-heat advice.

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eTriage : public E2eTest {
 protected:
  /// Logs a left-knee check-in on `date` with `pain` and the extra flags.
  void checkin(const std::string& date, int pain, const Args& extra = {}) const {
    Args args{"log",      "pain",   "--date", date, "--site", "knee", "--side", "left", "--pain", std::to_string(pain),
              "--timing", "at_rest"};
    args.insert(args.end(), extra.begin(), extra.end());
    sc_ok(args);
  }

  Json today(const std::string& date) const { return sc_json({"today", "--json", "--date", date}); }

  static std::vector<std::string> ids(const Json& list) { return ids_of(list); }

  static bool has(const std::vector<std::string>& v, const std::string& id) { return holds(v, id); }
};

TEST_F(E2eTriage, SwellingWithFeverIsAnEmergencyByRuleRf1) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  const Json t = today("2026-03-01");
  EXPECT_EQ(t["action"], "emergency") << t;
  EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-RF-1")) << t["rules"];
}

TEST_F(E2eTriage, LogPainReportsTheSameActionAsToday) {
  const Json logged = sc_json({"--json", "log", "pain", "--date", "2026-03-01", "--site", "hip", "--side", "right",
                               "--pain", "3", "--timing", "after_run", "--redness", "--fever-or-unwell"});
  EXPECT_EQ(logged["action"], "emergency") << logged;
  EXPECT_TRUE(has(ids(logged["rules"]), "TRIAGE-RF-1")) << logged["rules"];
  EXPECT_EQ(today("2026-03-01")["action"], logged["action"]);
}

TEST_F(E2eTriage, EmergencyGivesNoSelfCareAdvice) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  const Json t = today("2026-03-01");
  ASSERT_EQ(t["action"], "emergency") << t;
  EXPECT_TRUE(t["care"].empty()) << "no exercise or self-care advice with an emergency: " << t["care"];
}

TEST_F(E2eTriage, LaterBenignCheckinDoesNotDowngradeARedFlag) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  checkin("2026-03-02", 1);
  for (const char* day : {"2026-03-02", "2026-03-03", "2026-03-20", "2026-06-01"}) {
    const Json t = today(day);
    EXPECT_EQ(t["action"], "emergency") << day << ": " << t;
    EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-RF-1")) << day << ": " << t["rules"];
  }
}

TEST_F(E2eTriage, ClearanceByAClinicianWithLowPainAndNoSignsClearsARedFlag) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  checkin("2026-03-02", 1);
  checkin("2026-03-04", 3, {"--cleared-by-clinician"});
  const Json t = today("2026-03-04");
  EXPECT_NE(t["action"], "emergency") << t;
  EXPECT_FALSE(has(ids(t["rules"]), "TRIAGE-RF-1")) << t["rules"];
  // ... and the day before the clearance it was still in force.
  EXPECT_EQ(today("2026-03-03")["action"], "emergency");
}

TEST_F(E2eTriage, ClearanceWithPainAbove3DoesNotClearARedFlag) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  checkin("2026-03-03", 4, {"--cleared-by-clinician"});
  const Json t = today("2026-03-03");
  EXPECT_EQ(t["action"], "emergency") << t;
  EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-RF-1")) << t["rules"];
}

TEST_F(E2eTriage, ClearanceWhileARedFlagSignRemainsDoesNotClearIt) {
  checkin("2026-03-01", 5, {"--swelling", "--fever-or-unwell"});
  checkin("2026-03-03", 2, {"--cleared-by-clinician", "--fever-or-unwell"});
  EXPECT_EQ(today("2026-03-03")["action"], "emergency");
}

TEST_F(E2eTriage, TodayJsonHasEveryContractKey) {
  checkin("2026-03-01", 4);
  for (const char* day : {"2026-03-01", "2026-04-15"}) {
    const Json t = today(day);
    ASSERT_TRUE(t.is_object()) << t;
    for (const char* key : {"date", "action", "rules", "care", "warnings", "sessions"}) {
      EXPECT_TRUE(t.contains(key)) << key << " missing: " << t;
    }
    EXPECT_EQ(t["date"], day);
    const std::set<std::string> actions{"emergency",    "urgent_care", "see_clinician",
                                        "stop_running", "reduce",      "continue"};
    EXPECT_TRUE(t["action"].is_string() && actions.count(t["action"].get<std::string>()) == 1) << t["action"];
    ASSERT_TRUE(t["rules"].is_array());
    EXPECT_FALSE(t["rules"].empty()) << "every action is explained by a rule: " << t;
    for (const auto& r : t["rules"]) {
      EXPECT_TRUE(r["id"].is_string() && r["why"].is_string()) << r;
    }
    ASSERT_TRUE(t["care"].is_array());
    for (const auto& c : t["care"]) {
      EXPECT_TRUE(c["id"].is_string() && c["text"].is_string()) << c;
    }
    EXPECT_TRUE(t["warnings"].is_array());
    EXPECT_TRUE(t["sessions"].is_array());
  }
  EXPECT_EQ(today("2026-03-01")["action"], "reduce");
  EXPECT_EQ(today("2026-04-15")["action"], "continue");
}

TEST_F(E2eTriage, TodayOnAnEmptyDatabaseIsContinue) {
  const Json t = today("2026-03-01");
  EXPECT_EQ(t["action"], "continue") << t;
  EXPECT_TRUE(has(ids(t["rules"]), "TRIAGE-OK-1")) << t["rules"];
}

TEST_F(E2eTriage, CareAdviceIsIceOnEpisodeDays0And1AndHeatFromDay2NeverBoth) {
  checkin("2026-03-01", 2);
  checkin("2026-03-03", 2);
  const std::vector<std::pair<std::string, std::string>> expected = {{"2026-03-01", "CARE-ICE-1"},
                                                                     {"2026-03-02", "CARE-ICE-1"},
                                                                     {"2026-03-03", "CARE-HEAT-1"},
                                                                     {"2026-03-04", "CARE-HEAT-1"},
                                                                     {"2026-03-05", "CARE-HEAT-1"}};
  for (const auto& [day, advice] : expected) {
    const auto care = ids(today(day)["care"]);
    EXPECT_TRUE(has(care, advice)) << day << " should advise " << advice
                                   << "; care: " << ::testing::PrintToString(care);
    EXPECT_FALSE(has(care, "CARE-ICE-1") && has(care, "CARE-HEAT-1"))
        << day << ": ice and heat at once: " << ::testing::PrintToString(care);
  }
}

TEST_F(E2eTriage, TodayTextEndsWithTheDisclaimerLine) {
  const Outcome empty = sc_ok({"today", "--date", "2026-03-01"});
  checkin("2026-03-01", 4);
  const Outcome reduce = sc_ok({"today", "--date", "2026-03-01"});
  checkin("2026-03-02", 5, {"--swelling", "--fever-or-unwell"});
  const Outcome emergency = sc_ok({"today", "--date", "2026-03-02"});
  const std::string disclaimer = today("2026-03-02").value("disclaimer", "");
  for (const Outcome* o : {&empty, &reduce, &emergency}) {
    const auto lines = lines_of(o->out);
    ASSERT_FALSE(lines.empty()) << *o;
    EXPECT_NE(lines.back().find("does not diagnose"), std::string::npos) << *o;
    EXPECT_NE(lines.back().find("doctor or physiotherapist"), std::string::npos) << *o;
    if (!disclaimer.empty()) {
      EXPECT_EQ(lines.back(), disclaimer) << *o;
    }
    EXPECT_EQ(o->out.back(), '\n');
  }
  EXPECT_NE(reduce.out.find("CARE-ICE-1"), std::string::npos) << reduce;
  EXPECT_NE(emergency.out.find("TRIAGE-RF-1"), std::string::npos) << emergency;
}

}  // namespace
}  // namespace stridecare::e2e
