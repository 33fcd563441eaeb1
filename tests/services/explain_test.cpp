// `explain` and the glosses: every rule ID of rules.md and of the code has
// an explanation, lookups by alias and in any case, suggestions for an
// unknown term, and each gloss shown once per output.

#include "services/explain.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/load_parameters.hpp"
#include "planner/strength.hpp"
#include "rules/rule_ids.hpp"

namespace stridecare::services {
namespace {

using ::testing::HasSubstr;

const rules::RuleBook& book() { return rules::default_rule_book(); }

TEST(Explain, EveryRuleIdOfRulesMdHasAnExplanation) {
  const std::filesystem::path spec = STRIDECARE_SOURCE_DIR "/../shared/spec/rules.md";
  if (!std::filesystem::exists(spec)) GTEST_SKIP() << spec << " is not here";
  std::ifstream in(spec);
  std::stringstream text;
  text << in.rdbuf();
  const std::string md = text.str();
  const std::regex id(R"(\b(TRIAGE|CARE|SAFE|LOAD|ROUTINE|STRENGTH|PLAN|CROSS)-[A-Z]+-[0-9]+\b)");
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(md.begin(), md.end(), id); it != std::sregex_iterator(); ++it)
    found.insert(it->str());
  EXPECT_GE(found.size(), 50U) << "rules.md names the rule IDs";
  for (const auto& rule : found) {
    const auto e = explain(rule, book());
    ASSERT_TRUE(e.has_value()) << rule << ": " << e.error().message;
    EXPECT_EQ(e->id, rule);
    EXPECT_TRUE(e->is_rule) << rule;
  }
}

TEST(Explain, EveryRuleIdTheCodeNamesHasAnExplanation) {
  namespace ids = rules::ids;
  std::vector<std::string_view> named{ids::kRf1,
                                      ids::kRf2,
                                      ids::kRf3,
                                      ids::kRf4,
                                      ids::kRf5,
                                      ids::kRf6,
                                      ids::kSeed1,
                                      ids::kSeed2,
                                      ids::kSeed3,
                                      ids::kPersist1,
                                      ids::kPmm1,
                                      ids::kPmm2,
                                      ids::kPmm3,
                                      ids::kPmm4,
                                      ids::kLoad1,
                                      ids::kOk1,
                                      planner::kStrengthFreq1,
                                      planner::kStrengthRest1,
                                      planner::kStrengthDose1,
                                      planner::kStrengthPain1};
  for (auto care : rules::kCareRuleIds) named.push_back(care);
  for (const auto& [rule, name] : domain::EnumNames<domain::LoadRule>::table) named.push_back(name);
  for (auto rule : named) {
    const auto e = explain(rule, book());
    EXPECT_TRUE(e.has_value()) << rule;
  }
}

TEST(Explain, EveryEntryHasEveryFieldFilled) {
  for (const auto& e : explainable(book())) {
    EXPECT_FALSE(e.title.empty()) << e.id;
    EXPECT_FALSE(e.short_text.empty()) << e.id;
    EXPECT_FALSE(e.text.empty()) << e.id;
    EXPECT_FALSE(e.source.empty()) << e.id;
    EXPECT_EQ(e.text.find('{'), std::string::npos) << e.id << ": a placeholder was not filled: " << e.text;
  }
}

TEST(Explain, ShowsTheThresholdOfTheRuleBookInForce) {
  rules::RuleBook tuned = book();
  tuned.numbers["triage.severe_pain_min"] = 8;
  EXPECT_THAT(explain("TRIAGE-SEED-2", book())->text, HasSubstr("pain of 7 or more"));
  EXPECT_THAT(explain("TRIAGE-SEED-2", tuned)->text, HasSubstr("pain of 8 or more"));
  EXPECT_THAT(explain("ACWR", book())->short_text, HasSubstr("0.8-1.3 is the usual range"));
}

TEST(Explain, FindsATermByAliasInAnyCase) {
  EXPECT_EQ(explain("hazard RATIO", book())->id, "hazard ratio");
  EXPECT_EQ(explain("acute:chronic workload ratio", book())->id, "ACWR");
  EXPECT_EQ(explain("ibuprofen", book())->id, "NSAID");
  EXPECT_EQ(explain("triage-rf-7", book())->id, "TRIAGE-RF-7");
}

TEST(Explain, AnUnknownTermIsAUsageErrorNamingTheClosest) {
  const auto e = explain("acwrr", book());
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().kind, domain::ErrorKind::invalid_input);
  EXPECT_EQ(e.error().field, "TERM");
  EXPECT_THAT(e.error().message, HasSubstr("did you mean ACWR"));
  EXPECT_THAT(explain("monotonny", book()).error().message, HasSubstr("monotony"));
  EXPECT_THAT(explain("TRIAGE-RF-9", book()).error().message, HasSubstr("TRIAGE-RF-"));
  EXPECT_THAT(explain("zzzzzzzzzzzzzzzz", book()).error().message, ::testing::Not(HasSubstr("did you mean")));
}

TEST(Glosses, AreShownOncePerOutputTheFirstTime) {
  Glosses g(book());
  EXPECT_EQ(g("ACWR"), " (" + gloss("ACWR", book()) + ")");
  EXPECT_EQ(g("ACWR"), "");
  EXPECT_EQ(g("workload ratio"), "") << "an alias is the same term";
  EXPECT_NE(g("monotony"), "");
  EXPECT_EQ(g("no such term"), "");
  Glosses next(book());
  EXPECT_NE(next("ACWR"), "") << "a new output explains again";
}

TEST(Explain, JsonHasTheProductFields) {
  const Json j = to_json(*explain("ACWR", book()));
  for (const char* field : {"id", "title", "text", "source", "short"}) EXPECT_TRUE(j.contains(field)) << field;
  EXPECT_EQ(j["id"], "ACWR");
}

}  // namespace
}  // namespace stridecare::services
