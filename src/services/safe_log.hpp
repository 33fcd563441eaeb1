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
  domain::Activity activity;                     ///< as stored, with its id (0 when not stored)
  std::vector<planner::SafetyWarning> warnings;  ///< SAFE-LOG-1
  /// A session of the same sport stored that day with the same distance (to the metre) and duration (to the
  /// second): the same session logged twice, most likely.
  std::optional<domain::Id> duplicate_of;
  bool stored = true;  ///< false only when a duplicate was skipped
};

/// What log_session does with a session identical to one stored that day.
enum class OnDuplicate { store, skip };

/// Validates and stores a run or cross-training session (one transaction),
/// then checks SAFE-LOG-1. One identical to a session stored that day is
/// stored all the same and named in `duplicate_of`, unless `on_duplicate` is
/// skip (`log run --no-duplicates`): then nothing is stored.
Expected<LoggedActivity> log_session(Session& s, domain::Activity a, OnDuplicate on_duplicate = OnDuplicate::store);

/// `{"id":"SAFE-LOG-1","action","rule","site","side","message"}`.
Json to_json(const planner::SafetyWarning& w);
/// The activity's fields with `"warnings":[...]`, `"duplicate_of"` (an id or null) and `"stored"`.
Json to_json(const LoggedActivity& a);

}  // namespace stridecare::services
