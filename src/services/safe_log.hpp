#pragma once
/// SAFE-LOG-1 (rules.md 2.2) for stored runs: `log run`, `import`, and later
/// POST /api/activities. The runs are stored either way; the warnings say
/// which action was in force at their start and what to do instead.

#include <span>
#include <vector>

#include "domain/activity.hpp"
#include "planner/safety.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// The SAFE-LOG-1 warning of each of `stored` (already in the store, in any
/// order), from one look at the history up to the latest of their days;
/// empty where none applies or for other sports.
Expected<std::vector<std::vector<planner::SafetyWarning>>> safe_log_warnings(Session& s,
                                                                             std::span<const domain::Activity> stored);

struct LoggedActivity {
  domain::Activity activity;                     ///< as stored, with its id
  std::vector<planner::SafetyWarning> warnings;  ///< SAFE-LOG-1
};

/// Validates and stores a run or cross-training session (one transaction),
/// then checks SAFE-LOG-1.
Expected<LoggedActivity> log_session(Session& s, domain::Activity a);

/// `{"id":"SAFE-LOG-1","action","rule","site","side","message"}`.
Json to_json(const planner::SafetyWarning& w);
/// The activity's fields with `"warnings":[...]`.
Json to_json(const LoggedActivity& a);

}  // namespace stridecare::services
