#pragma once
/// The exercise library and the routines (warm-up, cool-down, strength) as
/// of a day: `exercises`, `exercise ID`, `guide ... --dry-run`,
/// GET /api/exercises and /api/routines/{kind}.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/adherence.hpp"
#include "planner/routines.hpp"
#include "rules/action.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"
#include "services/strength.hpp"

namespace stridecare::services {

/// What the builders tailor to as of `date`: the place of the active pain
/// episode (an outer one first, as it adds work), the profile's gym access.
Expected<planner::RoutineContext> routine_context(Session& s, domain::Date date);

/// What `guide` may offer under the action in force on a day (rules.md 2.2).
struct GuidePermission {
  rules::Action action = rules::Action::keep_going;  ///< in force on the day (`today`'s)
  std::optional<std::string> rule;                   ///< SAFE-GUIDE-2 when it limits the routine
  std::optional<std::string> condition;              ///< shown first: the pain limit of SAFE-GUIDE-2
  bool easier_variants = false;                      ///< strength: STRENGTH-PAIN-1's variants only
};

/// The routines `action` allows, in the order warm-up, cool-down, strength: none under `emergency` and
/// `urgent_care` (SAFE-GUIDE-1), no warm-up under `see_clinician` and `stop_running` (SAFE-GUIDE-2). The one
/// answer guide_permission, `today` (its `routines`) and the pages that offer a routine go by.
std::vector<planner::RoutineKind> allowed_routines(rules::Action action);

/// SAFE-GUIDE-1: `emergency` and `urgent_care` refuse every routine;
/// SAFE-GUIDE-2: `see_clinician` and `stop_running` refuse the warm-up (it
/// prepares a run) and allow the cool-down and strength while pain stays at
/// the rule book's safe.cross_strength_pain_max or below. A refusal is an
/// error of kind `refused` (field ROUTINE) naming the action, the rule and
/// what to do instead.
Expected<GuidePermission> guide_permission(Session& s, planner::RoutineKind kind, domain::Date date);

/// The routine as of `date`, once guide_permission allows it: tailored to
/// the pain episode and gym access, strength at the next doses `strength`
/// shows, with SAFE-GUIDE-2's condition and easier variants when it applies.
Expected<planner::Routine> routine(Session& s, planner::RoutineKind kind, domain::Date date);

/// What `guide KIND` walks through and what to heed before starting.
struct Guide {
  planner::Routine routine;
  StrengthWarnings warnings;  ///< strength: STRENGTH-REST-1 and -HARD-1 for a session starting now
};

/// The routine of `date`; for strength, the warnings of a session starting
/// now (today) or on that day (another day: the days are compared).
Expected<Guide> guide(Session& s, planner::RoutineKind kind, domain::Date date);

/// Records how far the runner got through a routine (validated first).
Expected<domain::Id> record_routine(Session& s, const domain::RoutineSession& r);
Expected<std::vector<domain::RoutineSession>> list_routines(Session& s, const domain::DateRange& range);

/// The library's exercises, in file order.
const std::vector<domain::Exercise>& exercises();
/// `exercises --json` and the API's list: `{"exercises": [to_json(Exercise)...]}`, of one kind when given.
Json exercises_json(std::optional<domain::ExerciseKind> only = std::nullopt);
/// The exercise with this id, or nullptr.
const domain::Exercise* find_exercise(std::string_view id);

/// `{"kind","total_s","rules","notes","condition","steps":[{"exercise","name","side","seconds"|"reps","load_kg"?,
/// "round","duration_s"}]}` (`load_kg` only on a loaded set).
Json to_json(const planner::Routine& r);
/// The routine's document with `"warnings"`: the shape of `guide ... --dry-run --json` (product.md).
Json to_json(const Guide& g);

/// What `routines` shows: the recorded routines of a range and the weekly adherence.
struct RoutinesReport {
  domain::Date from{};
  domain::Date to{};
  std::vector<domain::RoutineSession> routines;  ///< by date and time
  struct Week {
    planner::WeekAdherence adherence;
    planner::FrequencyTarget strength_target;  ///< STRENGTH-FREQ-1 as of the week's last day in range
  };
  std::vector<Week> weeks;
};

/// The report of [from, to] (from <= to).
Expected<RoutinesReport> routines_report(Session& s, domain::Date from, domain::Date to);
/// The report of `range` as `routines` and GET /api/routines read it: `to` by default `today`, `from` by default
/// the Monday 7 weeks before `to`'s week (8 weeks of adherence). Errors: `to_name` when `to` is before `from`.
Expected<RoutinesReport> routines_report(Session& s, const domain::DateRange& range, domain::Date today,
                                         std::string_view to_name = "to");
/// `{"from","to","routines":[{"id","date","time","routine","steps_total","steps_done","steps_skipped","seconds",
/// "minutes","completed"}],"weeks":[{"week","from","to","runs","runs_with_warmup","runs_with_cooldown",
/// "strength_sessions","strength_target","strength_rule","strength_why"}]}`.
Json to_json(const RoutinesReport& r);

/// Every field of the library entry: id, name, kind, muscles, equipment,
/// sides, dose, cues, mistakes, easier, no_gym.
Json to_json(const domain::Exercise& e);

}  // namespace stridecare::services
