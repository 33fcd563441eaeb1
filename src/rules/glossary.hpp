#pragma once
/// The glossary: a plain-language explanation of every term a runner meets in
/// the output (ACWR, monotony, RPE...) and of every rule ID of rules.md, read
/// from `data/glossary.json` (compiled in). Texts may quote the rule book:
/// `{triage.severe_pain_min}` is filled from the RuleBook in force when shown,
/// so a physiotherapist's tuned book is explained with its own numbers.

#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::rules {

struct GlossaryEntry {
  std::string id;                    ///< "ACWR", "TRIAGE-RF-7"
  std::string title;                 ///< "Acute:chronic workload ratio (ACWR)"
  std::string short_text;            ///< `short`: one clause shown beside a figure, placeholders unfilled
  std::string text;                  ///< the full explanation, placeholders unfilled
  std::string source;                ///< the study or guideline
  std::vector<std::string> aliases;  ///< other names it is looked up by
  bool is_rule = false;              ///< from the `rules` array (a rule ID), else a term
};

struct Glossary {
  std::vector<GlossaryEntry> entries;  ///< terms first, then rules, in file order

  /// The entry whose ID or alias is `name`, ignoring case, spaces around it
  /// and the difference between '-', '_' and ' '; nullptr when none.
  const GlossaryEntry* find(std::string_view name) const;
};

/// Parses and validates a glossary: every entry has a non-empty id, title,
/// short, text and source; rule IDs look like `AREA-NAME-1`; no name (ID or
/// alias) is given twice; every `{...}` is a well-formed placeholder. Errors
/// name the entry: "glossary.json: terms[3].short: missing". Pure.
domain::Expected<Glossary> parse_glossary(std::string_view json_text, std::string_view source);

/// The glossary compiled into the program from data/glossary.json.
const Glossary& default_glossary();
std::string_view default_glossary_text();

/// `text` with each `{path}` replaced by the rule book's number at that path
/// (RuleBook::numbers): `{path}` as written in the book (7, 1.3, 0.05),
/// `{path:%}` as a percentage (0.2 -> 20%), `{path:min}` seconds as minutes.
/// A path the book does not hold is left as written (the tests check that
/// the built-in glossary has none).
std::string fill(std::string_view text, const RuleBook& book);

/// The placeholder paths of `text` the book does not hold.
std::vector<std::string> unknown_placeholders(std::string_view text, const RuleBook& book);

/// A name as lookups compare it: lower case, '-' and '_' as ' ', trimmed.
std::string lookup_key(std::string_view name);

}  // namespace stridecare::rules
