// `explain TERM|RULE-ID` through the real program: a term, a rule, an alias,
// an unknown term (exit 2 with suggestions), the list, --json, and the
// numbers of a tuned rule book; and the grammar of counts in the demo tour.

#include <regex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kRulesFile = fs::path(STRIDECARE_SOURCE_DIR) / "data" / "rules.json";

class E2eExplain : public E2eTest {};

TEST_F(E2eExplain, ExplainsAcwrInPlainWordsWithItsSource) {
  const Outcome o = sc_ok({"explain", "ACWR"});
  EXPECT_THAT(o.out, HasSubstr("Acute:chronic workload ratio"));
  EXPECT_THAT(o.out, HasSubstr("this week's load against your usual: 0.8-1.3 is the usual range"));
  EXPECT_THAT(o.out, HasSubstr("context only"));
  EXPECT_THAT(o.out, HasSubstr("Source: Gabbett"));
  EXPECT_FALSE(fs::exists(db())) << "explain needs no database";
}

TEST_F(E2eExplain, ExplainsARuleIdWithWhenItFiresAndItsSource) {
  const Outcome o = sc_ok({"explain", "TRIAGE-RF-7"});
  EXPECT_THAT(o.out, HasSubstr("TRIAGE-RF-7: Very severe pain"));
  EXPECT_THAT(o.out, HasSubstr("pain of 9 or more"));
  EXPECT_THAT(o.out, HasSubstr("urgent care"));
  EXPECT_THAT(o.out, HasSubstr("Source: NHS knee pain"));
}

TEST_F(E2eExplain, FindsAnAliasInAnyCase) {
  const Outcome o = sc_ok({"explain", "IBUProfen"});
  EXPECT_THAT(o.out, HasSubstr("NSAID: NSAID (non-steroidal anti-inflammatory drug)"));
  const Outcome words = sc_ok({"explain", "hazard", "RATIO"});
  EXPECT_THAT(words.out, HasSubstr("hazard ratio: Hazard ratio"));
  EXPECT_EQ(sc_ok({"explain", "triage-rf-7"}).out, sc_ok({"explain", "TRIAGE-RF-7"}).out);
}

TEST_F(E2eExplain, AnUnknownTermIsAUsageErrorWithTheClosestSuggestions) {
  const Outcome o = sc({"explain", "acwrr"});
  expect_one_line_failure(o, 2, {"acwrr", "did you mean ACWR"});
  EXPECT_TRUE(o.out.empty()) << o.out;
  expect_one_line_failure(sc({"explain", "monotonny"}), 2, {"did you mean monotony"});
}

TEST_F(E2eExplain, JsonGivesTheProductFields) {
  const Json j = sc_json({"explain", "--json", "monotony"});
  EXPECT_EQ(j["id"], "monotony");
  for (const char* field : {"id", "title", "text", "source", "short"}) {
    ASSERT_TRUE(j.contains(field)) << field << ": " << j;
    EXPECT_FALSE(j[field].get<std::string>().empty()) << field;
  }
}

TEST_F(E2eExplain, AloneListsEveryTermAndRule) {
  const Outcome o = sc_ok({"explain"});
  for (const char* id : {"ACWR", "monotony", "RPE", "hazard ratio", "TRIAGE-RF-7", "TRIAGE-BONE-1", "SAFE-LOG-1",
                         "CROSS-EQUIV-1", "LOAD-SPIKE-1"}) {
    EXPECT_THAT(o.out, HasSubstr(std::string("  ") + id + " ")) << id;
  }
  const Json j = sc_json({"explain", "--json"});
  EXPECT_GE(j["entries"].size(), 80U);
}

TEST_F(E2eExplain, ShowsTheThresholdsOfATunedRuleBook) {
  std::string rules = read_bytes(kRulesFile);
  const std::string from = R"("severe_pain_min": 7)";
  ASSERT_NE(rules.find(from), std::string::npos);
  rules.replace(rules.find(from), from.size(), R"("severe_pain_min": 8)");
  const fs::path tuned = dir() / "tuned.json";
  write_bytes(tuned, rules);
  EXPECT_THAT(sc_ok({"explain", "TRIAGE-SEED-2"}).out, HasSubstr("pain of 7 or more"));
  const Outcome o = sc_ok({"--rules", tuned.string(), "explain", "TRIAGE-SEED-2"});
  EXPECT_THAT(o.out, HasSubstr("pain of 8 or more"));
  EXPECT_THAT(o.out, Not(HasSubstr("pain of 7")));
}

// The demo tour of scripts/run.sh: no "1 days", "1 weeks" or "day(s)" anywhere.
TEST_F(E2eExplain, TheDemoTourCountsWithCorrectGrammar) {
  sc_ok({"restore", kDemoExport.string()});
  const std::regex wrong(R"(\b1 (days|weeks|sessions|files|activities|episodes|check-ins|hours|minutes|runs)\b|\(s\))");
  const std::vector<Args> tour{{"profile"},
                               {"activities", "--from", "2026-03-01"},
                               {"checkins"},
                               {"today", "--date", "2026-03-17"},
                               {"load", "--date", "2026-03-17"},
                               {"insights", "--date", "2026-03-17"},
                               {"strength", "--date", "2026-03-17"},
                               {"explain"}};
  for (const auto& args : tour) {
    const Outcome o = sc_ok(args);
    std::smatch m;
    EXPECT_FALSE(std::regex_search(o.out, m, wrong)) << args.front() << ": '" << m.str() << "' in\n" << o.out;
  }
}

}  // namespace
}  // namespace stridecare::e2e
