#pragma once
/// Self-care advice (rules.md 2.1) for a triage result.
///
/// Shown with stop_running, reduce and continue, and with see_clinician until
/// the runner is seen (the action is in force only until then); never with
/// emergency or urgent_care, where no exercise or home-care advice is given.
/// Ice and heat are never advised on the same day: while any active episode is
/// in its ice days, heat is withheld for all sites. Heat is withheld, and
/// said so, while the joint is swollen, warm or red. CARE-EVID-1 comes only
/// beside the ice or pain-relief advice it qualifies.

#include <string>
#include <vector>

#include "rules/rule_book.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {

struct CareAdvice {
  std::string id;         ///< CARE-*
  std::string text;       ///< from the rule book, with the sites it applies to
  bool withheld = false;  ///< CARE-HEAT-1 saying why there is no heat (swelling, warmth or redness)
  std::string brief;      ///< the same in a line or two, for a terminal
};

std::vector<CareAdvice> care_advice(const TriageResult& triage, const RuleBook& book);

}  // namespace stridecare::rules
