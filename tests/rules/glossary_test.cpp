// The glossary (data/glossary.json): the parser's errors name the entry, the
// shipped file parses and every placeholder in it names a rule-book number,
// and explanations show the numbers of the rule book in force.

#include "rules/glossary.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace stridecare::rules {
namespace {

std::string shipped_glossary() {
  std::ifstream in(STRIDECARE_SOURCE_DIR "/data/glossary.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A glossary with one term and one rule, with `term_fields` spliced into the term.
std::string glossary_with(const std::string& term_fields, const std::string& rule_id = "TRIAGE-RF-7") {
  return R"({"terms": [{)" + term_fields + R"(}], "rules": [{"id": ")" + rule_id +
         R"(", "title": "t", "short": "s", "text": "x", "source": "NHS"}]})";
}

const std::string kGoodTerm =
    R"("id": "ACWR", "title": "ratio", "short": "usual up to {load.acwr_elevated_min}", "text": "long", "source": "Gabbett 2016", "aliases": ["workload ratio"])";

TEST(Glossary, ShippedFileIsTheOneBuiltIntoTheProgram) { EXPECT_EQ(shipped_glossary(), default_glossary_text()); }

TEST(Glossary, ShippedFileParses) {
  const auto g = parse_glossary(shipped_glossary(), "glossary.json");
  ASSERT_TRUE(g.has_value()) << g.error().message;
  EXPECT_FALSE(g->entries.empty());
  EXPECT_NO_THROW(default_glossary());
}

TEST(Glossary, EveryPlaceholderOfTheShippedFileNamesANumberOfTheBuiltInRuleBook) {
  for (const auto& e : default_glossary().entries) {
    for (const std::string* text : {&e.title, &e.short_text, &e.text}) {
      EXPECT_TRUE(unknown_placeholders(*text, default_rule_book()).empty())
          << e.id << ": " << unknown_placeholders(*text, default_rule_book()).front();
    }
  }
}

TEST(Glossary, ParsesAValidFile) {
  const auto g = parse_glossary(glossary_with(kGoodTerm), "glossary.json");
  ASSERT_TRUE(g.has_value()) << g.error().message;
  ASSERT_EQ(g->entries.size(), 2U);
  EXPECT_EQ(g->entries[0].id, "ACWR");
  EXPECT_FALSE(g->entries[0].is_rule);
  EXPECT_EQ(g->entries[0].aliases, std::vector<std::string>{"workload ratio"});
  EXPECT_TRUE(g->entries[1].is_rule);
}

struct BadGlossary {
  std::string name;
  std::string text;
  std::string message;
};

class GlossaryErrors : public ::testing::TestWithParam<BadGlossary> {};

TEST_P(GlossaryErrors, NameTheEntryAndTheReason) {
  const auto g = parse_glossary(GetParam().text, "glossary.json");
  ASSERT_FALSE(g.has_value());
  EXPECT_EQ(g.error().message, GetParam().message);
  EXPECT_EQ(g.error().field, "glossary.json");
}

const std::string kRule = R"({"id": "TRIAGE-RF-7", "title": "t", "short": "s", "text": "x", "source": "NHS"})";

INSTANTIATE_TEST_SUITE_P(
    Table, GlossaryErrors,
    ::testing::Values(
        BadGlossary{"NotJson", "{", "glossary.json: is not a JSON object"},
        BadGlossary{"NoTerms", R"({"rules": [)" + kRule + "]}",
                    "glossary.json: terms: missing or empty (an array of entries)"},
        BadGlossary{"MissingShort", glossary_with(R"("id": "ACWR", "title": "t", "text": "x", "source": "s")"),
                    "glossary.json: terms[0].short: missing"},
        BadGlossary{"EmptySource",
                    glossary_with(R"("id": "ACWR", "title": "t", "short": "s", "text": "x", "source": "")"),
                    "glossary.json: terms[0].source: must be a non-empty string"},
        BadGlossary{"EntryNotAnObject", R"({"terms": [3], "rules": [)" + kRule + "]}",
                    "glossary.json: terms[0]: must be an object"},
        BadGlossary{"BadRuleId", glossary_with(kGoodTerm, "triage-rf-7"),
                    "glossary.json: rules[0].id: 'triage-rf-7' is not a rule ID like TRIAGE-RF-7"},
        BadGlossary{
            "AliasTwice",
            glossary_with(
                R"("id": "ACWR", "title": "t", "short": "s", "text": "x", "source": "s", "aliases": ["Triage RF 7"])"),
            "glossary.json: rules[0].id: 'TRIAGE-RF-7' already names terms[0].aliases[0]"},
        BadGlossary{
            "AliasNotAString",
            glossary_with(R"("id": "ACWR", "title": "t", "short": "s", "text": "x", "source": "s", "aliases": [1])"),
            "glossary.json: terms[0].aliases[0]: must be a non-empty string"},
        BadGlossary{
            "UnclosedPlaceholder",
            glossary_with(R"("id": "ACWR", "title": "t", "short": "up to {load.acwr", "text": "x", "source": "s")"),
            "glossary.json: terms[0].short: '{' at character 6 is not closed"},
        BadGlossary{"PlaceholderNotAPath",
                    glossary_with(R"("id": "ACWR", "title": "t", "short": "s", "text": "a {b c} d", "source": "s")"),
                    "glossary.json: terms[0].text: '{b c}' is not a rule book path like {triage.severe_pain_min}"},
        BadGlossary{"UnknownFormat",
                    glossary_with(R"("id": "ACWR", "title": "t", "short": "s", "text": "{load.x:h}", "source": "s")"),
                    "glossary.json: terms[0].text: '{load.x:h}': format 'h' is not % or min"},
        BadGlossary{"StrayBrace",
                    glossary_with(R"("id": "ACWR", "title": "t}", "short": "s", "text": "x", "source": "s")"),
                    "glossary.json: terms[0].title: '}' at character 1 has no '{'"}),
    [](const ::testing::TestParamInfo<BadGlossary>& c) { return c.param.name; });

TEST(Glossary, FindsByIdOrAliasIgnoringCaseAndDashes) {
  const auto& g = default_glossary();
  ASSERT_NE(g.find("acwr"), nullptr);
  EXPECT_EQ(g.find("acwr")->id, "ACWR");
  EXPECT_EQ(g.find("  Workload_Ratio ")->id, "ACWR");
  EXPECT_EQ(g.find("triage rf 7")->id, "TRIAGE-RF-7");
  EXPECT_EQ(g.find("cr-10")->id, "RPE");
  EXPECT_EQ(g.find("no such thing"), nullptr);
  EXPECT_EQ(g.find(""), nullptr);
}

TEST(Glossary, FillShowsTheNumbersOfTheRuleBookInForce) {
  RuleBook tuned = default_rule_book();
  tuned.numbers["triage.severe_pain_min"] = 8;
  const std::string text = "pain of {triage.severe_pain_min} or more";
  EXPECT_EQ(fill(text, default_rule_book()), "pain of 7 or more");
  EXPECT_EQ(fill(text, tuned), "pain of 8 or more");
}

TEST(Glossary, FillFormatsPercentagesAndMinutes) {
  const auto& book = default_rule_book();
  EXPECT_EQ(fill("+{load.week_change_above:%} in a week", book), "+20% in a week");
  EXPECT_EQ(fill("{routine.warmup_min_s:min}-{routine.warmup_max_s:min} minutes", book), "5-10 minutes");
  EXPECT_EQ(fill("over {load.spike_bands[1].above}x (HR {load.spike_bands[1].hazard_ratio})", book),
            "over 1.3x (HR 1.52)");
  EXPECT_EQ(fill("run {load.impact_factor.run}, walk {load.impact_factor.walk}", book), "run 1, walk 0.5");
}

TEST(Glossary, FillLeavesAPathTheBookDoesNotHoldAsWritten) {
  EXPECT_EQ(fill("a {triage.no_such_key} b", default_rule_book()), "a {triage.no_such_key} b");
  EXPECT_EQ(unknown_placeholders("a {triage.no_such_key} b", default_rule_book()),
            std::vector<std::string>{"triage.no_such_key"});
}

TEST(RuleBookNumbers, HoldEveryThresholdByItsPathInTheFile) {
  const auto& n = default_rule_book().numbers;
  EXPECT_EQ(n.at("triage.severe_pain_min"), 7);
  EXPECT_EQ(n.at("load.acwr_high_above"), 1.5);
  EXPECT_EQ(n.at("load.spike_bands[2].hazard_ratio"), 2.28);
  EXPECT_EQ(n.at("load.impact_factor.swim"), 0);
  EXPECT_EQ(n.at("strength.progress_load_fraction"), 0.05);
}

RC_GTEST_PROP(Glossary, FillChangesNothingInATextWithoutBraces, (std::string text)) {
  RC_PRE(text.find_first_of("{}") == std::string::npos);
  RC_ASSERT(fill(text, default_rule_book()) == text);
}

RC_GTEST_PROP(Glossary, LookupKeyIsStable, (std::string name)) {
  const std::string key = lookup_key(name);
  RC_ASSERT(lookup_key(key) == key);
  RC_ASSERT(key.find("  ") == std::string::npos);
}

}  // namespace
}  // namespace stridecare::rules
