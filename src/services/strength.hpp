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

struct LoggedStrength {
  domain::Activity activity;                   ///< as stored, with its id
  std::vector<planner::RestWarning> warnings;  ///< STRENGTH-REST-1 with its neighbours; logged anyway
};

/// Validates and stores a strength session (one transaction), then checks
/// STRENGTH-REST-1 against the sessions just before and after it. A session
/// for today without a start time has most likely just ended: it is given
/// now minus its duration, when that is still today (otherwise the 48 h
/// check compares days).
Expected<LoggedStrength> log_strength(Session& s, domain::Activity a);

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
/// `{"week":{"from","count","target","rule","why"},"sessions":[...],"warnings":[...],"next":[...]}`.
Json to_json(const StrengthReport& r);

}  // namespace stridecare::services
