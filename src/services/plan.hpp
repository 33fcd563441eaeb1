#pragma once
/// The weekly plan as the runner sees it (`plan`, `today`'s sessions,
/// GET /api/plan): planner::plan_week over the stored data, and what changed
/// since the last plan shown. The decisions are the planner's; this reads the
/// data, remembers what was shown and spells the document.

#include <optional>
#include <string>
#include <vector>

#include "planner/weekly_plan.hpp"
#include "rules/triage.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// A day whose sessions differ from what the last plan shown had on it.
struct PlanChange {
  domain::Date date{};
  std::string was;  ///< e.g. "Easy run 8 km"
  std::string now;  ///< e.g. "Swim 45 min (replaces 8.0 km of running)"
  std::string why;  ///< the rule behind the new day, e.g. "TRIAGE-PMM-3: pain 4/10 ..."
};

struct PlanReport {
  planner::WeeklyPlan plan;
  std::vector<rules::FiredRule> action_rules;  ///< why the action: the triage's rules at its level
  std::string action_text;                     ///< what the action means, worded for the day
  std::vector<PlanChange> changes;             ///< against the last plan shown; none the first time
  domain::UnitSystem units = domain::UnitSystem::metric;
  std::optional<domain::MinuteOfDay> session_time;  ///< the profile's: timed calendar events
  std::string time_zone;                            ///< the profile's
  std::string disclaimer;
};

/// Whether `plan` stores what it built as the plan shown (the next one's
/// changes are told against it). `today` looks without remembering.
enum class Remember { no, yes };

/// The plan for the seven days from `start` over the whole history up to
/// `start`, figures in `units`.
Expected<PlanReport> plan(Session& s, domain::Date start, domain::UnitSystem units, Remember remember);

/// The day's sessions as one line: "Easy run 6 km + Strength: 5 exercises", or "Rest".
std::string day_summary(const planner::PlanDay& d);

/// product.md's `plan --json`: `{"start","action","days":[{"date","sessions":[{"kind","sport","distance_km",
/// "duration_min","warmup","cooldown","exercises","rules"}]}],"changes":[{"date","was","now","why"}]}`, with
/// `action_text`, `first`, `why` (the action's rules), `rules` (the week's), each day's `weekday`,
/// `available` and `notes`, and each session's `title`, `effort`, `condition`, `long_run`, `programme`.
/// A day without sessions holds one session of kind `rest` with the rule that keeps it free.
Json to_json(const PlanReport& r);

/// One planned session, as in `plan --json` and `today --json`'s `sessions`.
Json to_json(const planner::PlannedSession& s);

/// The session's title with its time and effort: "Easy run 6 km (about 42 min), easy".
std::string session_headline(const planner::PlannedSession& s);
/// A session's condition as a sentence: "Only while pain stays at or below 2/10; ...".
std::string condition_text(std::string_view condition);
/// A routine in one line: "6 min: leg swings, hip circles, walking lunges" (each exercise once, in order).
std::string routine_summary(const planner::Routine& r);
/// A strength session in one line: "Goblet squat 3x10 @ 20 kg, Lunge 3x8 each side, ...".
std::string strength_summary(const planner::Routine& r, domain::UnitSystem units);

/// Why a day of `plan` has no session: PLAN-REST-1, not one of the profile's training days, or a week with no
/// session at all under the action in force.
planner::PlanReason rest_reason(const planner::WeeklyPlan& plan, const planner::PlanDay& d);

}  // namespace stridecare::services
