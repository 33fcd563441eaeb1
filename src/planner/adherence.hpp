#pragma once
/// How well the routines around the runs and the strength work were kept,
/// per ISO week (rules.md 4.1: a warm-up before and a cool-down after every
/// run; 4.2: strength sessions). Pure functions of what was recorded.

#include <span>
#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/routine_session.hpp"

namespace stridecare::planner {

/// One ISO week, counted over its days within the range asked for.
struct WeekAdherence {
  std::string week;   ///< ISO week, e.g. "2026-W10"
  domain::Date from;  ///< the week's first day within the range
  domain::Date to;    ///< its last day within the range
  int runs = 0;
  /// Runs with a warm-up recorded before them: on the same day, started
  /// before the run's start when both have a time.
  int runs_with_warmup = 0;
  /// Runs with a cool-down recorded after them: on the same day, started at
  /// or after the run's start when both have a time.
  int runs_with_cooldown = 0;
  /// Logged strength sessions, and guided strength routines on days with
  /// none logged (the guide records no activity; one per day).
  int strength_sessions = 0;
};

/// `"2026-W10"` for any day of that ISO week.
std::string iso_week(domain::Date day);

/// The weeks of [from, to] (from <= to), oldest first. A routine counts only
/// when at least one of its steps was followed (not skipped), and each
/// warm-up or cool-down counts for one run only.
std::vector<WeekAdherence> adherence(std::span<const domain::Activity> activities,
                                     std::span<const domain::RoutineSession> routines, domain::Date from,
                                     domain::Date to);

}  // namespace stridecare::planner
