#pragma once
/// Self-care advice (rules.md 2.1) for a triage result.
///
/// Shown with stop_running, reduce and continue, and with see_clinician until
/// the runner is seen (the action is in force only until then); never with
/// emergency or urgent_care, where no exercise or home-care advice is given.
/// Ice and heat are never advised on the same day: while any active episode is
/// in its ice days, heat is withheld for all sites.

#include <string>
#include <vector>

#include "rules/rule_book.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {

struct CareAdvice {
  std::string id;    ///< CARE-*
  std::string text;  ///< from the rule book, with the sites it applies to
};

std::vector<CareAdvice> care_advice(const TriageResult& triage, const RuleBook& book);

}  // namespace stridecare::rules
