#pragma once
/// Strength logging and the strength report (rules.md 4.2): `log strength`
/// with its STRENGTH-REST-1 warnings, and `strength` (history, this week
/// against STRENGTH-FREQ-1, the next dose of each exercise).

#include <vector>

#include "domain/activity.hpp"
#include "planner/strength.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// What to heed about one strength session (logged anyway, or about to start).
struct StrengthWarnings {
  std::vector<planner::RestWarning> rest;                  ///< STRENGTH-REST-1 with its neighbours
  std::optional<planner::LongRunEveWarning> long_run_eve;  ///< STRENGTH-HARD-1: tomorrow is the long run

  bool empty() const { return rest.empty() && !long_run_eve; }
};

/// STRENGTH-REST-1 against the strength sessions stored just before and
/// after `session` (real hours in the profile's zone), and STRENGTH-HARD-1
/// for the profile's long-run day. `session` itself may be stored or not (id 0).
Expected<StrengthWarnings> strength_warnings(Session& s, const domain::Activity& session);

struct LoggedStrength {
  domain::Activity activity;  ///< as stored, with its id
  StrengthWarnings warnings;  ///< logged anyway
};

/// Validates and stores a strength session (one transaction), then checks
/// STRENGTH-REST-1 against the sessions just before and after it and
/// STRENGTH-HARD-1. A session
/// for today without a start time has most likely just ended: it is given
/// now minus its duration, when that is still today (otherwise the 48 h
/// check compares days).
Expected<LoggedStrength> log_strength(Session& s, domain::Activity a);

/// The session as stored (`to_json(Activity)`) with its `warnings` (`to_json(StrengthWarnings)`).
Json to_json(const LoggedStrength& l);

struct StrengthReport {
  domain::Date today{};
  domain::Date week_from{};                    ///< Monday of today's ISO week
  int week_count = 0;                          ///< strength sessions this ISO week
  planner::FrequencyTarget target;             ///< STRENGTH-FREQ-1
  std::vector<domain::Activity> sessions;      ///< the last 8 weeks, by start
  std::vector<planner::RestWarning> warnings;  ///< the latest STRENGTH-REST-1 of the last 7 days, if any
  std::vector<planner::NextDose> next;         ///< per exercise, newest first
};

/// The report as of `today` (sessions after it are not read).
Expected<StrengthReport> strength_report(Session& s, domain::Date today);

/// `{"id":"STRENGTH-REST-1","hours","days","rest_hours","previous":{"id","date","time"},"session":{...}}`.
Json to_json(const planner::RestWarning& w);
/// `{"id":"STRENGTH-HARD-1","date","long_run_date","long_run_day"}`.
Json to_json(const planner::LongRunEveWarning& w);
/// The warnings as an array, REST-1 first.
Json to_json(const StrengthWarnings& w);
/// `{"week":{"from","count","target","rule","why"},"sessions":[...],"warnings":[...],"next":[...]}`.
Json to_json(const StrengthReport& r);

}  // namespace stridecare::services
