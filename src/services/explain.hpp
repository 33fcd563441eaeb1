#pragma once
/// `explain TERM|RULE-ID` and the glosses of text output: the glossary
/// (rules/glossary.hpp) filled with the numbers of the rule book in force.

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/glossary.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

struct Explanation {
  std::string id;          ///< "ACWR", "TRIAGE-RF-7"
  std::string title;       ///< "Acute:chronic workload ratio (ACWR)"
  std::string text;        ///< the full explanation
  std::string source;      ///< the study or guideline
  std::string short_text;  ///< the clause shown beside a figure
  bool is_rule = false;    ///< a rule ID, else a term
};

/// The explanation of `name` (an ID or alias, any case), with the numbers of
/// `book`. An unknown name is an invalid_input error (field "TERM") naming
/// the closest entries.
domain::Expected<Explanation> explain(std::string_view name, const rules::RuleBook& book,
                                      const rules::Glossary& glossary = rules::default_glossary());

/// Every entry, terms first, then rule IDs (what `explain` alone lists).
std::vector<Explanation> explainable(const rules::RuleBook& book,
                                     const rules::Glossary& glossary = rules::default_glossary());

/// The short clause of `term` with the numbers of `book` ("this week's load
/// against your usual: 0.8-1.3 is the usual range"), or "" when the glossary
/// has no such term.
std::string gloss(std::string_view term, const rules::RuleBook& book,
                  const rules::Glossary& glossary = rules::default_glossary());

/// The glosses of one output: a term's clause is shown once, the first time
/// the term is shown (an alias counts as its term).
class Glosses {
 public:
  explicit Glosses(const rules::RuleBook& book, const rules::Glossary& glossary = rules::default_glossary())
      : book_(&book), glossary_(&glossary) {}

  /// " (this week's load against your usual: ...)" the first time `term` is
  /// asked for, "" afterwards and for a term the glossary does not know.
  std::string operator()(std::string_view term);

 private:
  const rules::RuleBook* book_;
  const rules::Glossary* glossary_;
  std::set<const rules::GlossaryEntry*> shown_;
};

/// True for advice whose text is a long evidence note (CARE-EVID-1): text
/// output shows it with --verbose only; `explain` and JSON always.
bool is_evidence_note(std::string_view rule_id);

/// `{"id","title","text","source","short"}` (and "kind": "term" or "rule").
Json to_json(const Explanation& e);
/// `explain --json` without a word, and the API's list: `{"entries": [to_json(Explanation)...]}`.
Json to_json(std::span<const Explanation> entries);

}  // namespace stridecare::services
