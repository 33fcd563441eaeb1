#pragma once
/// The report for one day: the action with the rules at its level and the
/// less urgent ones apart, self-care advice, load warnings, the return-to-run
/// programme, the check-ins that are due, and the disclaimer (`today`,
/// `log pain`, GET /api/today). The decisions are planner::assess_day's; this
/// reads the data and spells the document.

#include <string>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "planner/day_assessment.hpp"
#include "planner/weekly_plan.hpp"
#include "rules/care.hpp"
#include "rules/rule_ids.hpp"
#include "rules/triage.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

struct TodayReport {
  domain::Date date{};
  rules::TriageResult triage;  ///< the action, every rule that fired, episodes, SAFE-ASK-1
  std::string action_text;     ///< what the action means to the user, worded for the day
  std::vector<rules::CareAdvice> care;
  std::vector<analytics::LoadWarning> warnings;  ///< load warnings as of the day (rules.md section 3)
  std::vector<planner::Programme> programmes;    ///< return-to-run programmes in force on the day
  /// The day's sessions as `plan` from the day has them (planner::plan_week), each run with its warm-up and
  /// cool-down; none on a rest day and under emergency and urgent care.
  std::vector<planner::PlannedSession> sessions;
  std::vector<planner::PlanReason> session_notes;  ///< why the day holds what it holds: a rest day, training done
  bool pain_in_last_week = false;
  std::string disclaimer;
};

/// The report as of `date` over the athlete's whole history (standing rules
/// never expire on their own, so no window may cut them off).
/// `units`: of the distances quoted in the rules' reasons (TRIAGE-LOAD-1).
Expected<TodayReport> today(Session& s, domain::Date date, domain::UnitSystem units = domain::UnitSystem::metric);

/// "How does your left knee feel today?" (SAFE-ASK-1).
std::string checkin_question(const rules::CheckinDue& due);
/// What makes a return-to-run session count (PLAN-RTR-1), said with the session offered today: "Check in after
/// it and the next morning; it counts when the pain stays at 3/10 or below that day and 3/10 or below the next
/// morning."
std::string programme_checkin_advice(const rules::RuleBook& book);

/// product.md's `today --json`: `{"date","action","action_text","rules","also","care","warnings","sessions",
/// "return_to_run","checkin_due","episodes","disclaimer"}`.
Json to_json(const TodayReport& r, const rules::RuleBook& book);

/// One `return_to_run` entry: `{"site","side","stage","stages","session","rules",...}`.
Json to_json(const planner::Programme& p, const rules::RuleBook& book);

}  // namespace stridecare::services
