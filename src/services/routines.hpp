#pragma once
/// The exercise library and the routines (warm-up, cool-down, strength) as
/// of a day: `exercises`, `exercise ID`, `guide ... --dry-run`,
/// GET /api/exercises and /api/routines/{kind}.

#include "planner/routines.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// What the builders tailor to as of `date`: the place of the active pain
/// episode (an outer one first, as it adds work), the profile's gym access.
Expected<planner::RoutineContext> routine_context(Session& s, domain::Date date);

Expected<planner::Routine> routine(Session& s, planner::RoutineKind kind, domain::Date date);

/// Records how far the runner got through a routine (validated first).
Expected<domain::Id> record_routine(Session& s, const domain::RoutineSession& r);
Expected<std::vector<domain::RoutineSession>> list_routines(Session& s, const storage::DateRange& range);

/// The library's exercises, in file order.
const std::vector<domain::Exercise>& exercises();
/// The exercise with this id, or nullptr.
const domain::Exercise* find_exercise(std::string_view id);

/// `{"kind","total_s","rules","notes","steps":[{"exercise","name","side","seconds"|"reps","round","duration_s"}]}`:
/// the shape of `guide ... --dry-run --json` (product.md).
Json to_json(const planner::Routine& r);

/// Every field of the library entry: id, name, kind, muscles, equipment,
/// sides, dose, cues, mistakes, easier, no_gym.
Json to_json(const domain::Exercise& e);

}  // namespace stridecare::services
