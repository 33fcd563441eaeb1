#pragma once
/// SAFE-LOG-1 (rules.md 2.2): a run logged or imported while stop_running or
/// a more urgent action is in force, or longer than the return-to-run
/// programme's session allows, is stored (it is what happened) with a warning
/// that names the action, the rule and what to do instead.

#include <optional>
#include <span>
#include <string>

#include "domain/activity.hpp"
#include "planner/return_to_run.hpp"
#include "rules/triage.hpp"

namespace stridecare::planner {

struct SafetyWarning {
  std::string id;                                    ///< SAFE-LOG-1
  rules::Action action = rules::Action::keep_going;  ///< the action in force at the run's start
  std::string rule;                                  ///< the rule behind it, e.g. TRIAGE-PMM-1 or PLAN-RTR-1
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  std::string message;  ///< one plain sentence: what was in force and what to do instead
};

/// The warning for `run` (any other sport gets none). `spans` and
/// `programmes` come from an assessment on or after the run's day (they are
/// causal, so a later one answers for the run's start too). The action in
/// force is the one at the run's start: check-ins of that day at or before its
/// start time count; without a time, the previous day's.
std::optional<SafetyWarning> safe_log_warning(const domain::Activity& run, std::span<const rules::StandingSpan> spans,
                                              std::span<const Programme> programmes, const rules::RuleBook& book);

}  // namespace stridecare::planner
