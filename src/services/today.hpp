#pragma once
/// The triage report for one day: action, the rules that fired, self-care
/// advice and the disclaimer (`today`, `log pain`, GET /api/today).

#include <string>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "rules/care.hpp"
#include "rules/triage.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

struct TodayReport {
  domain::Date date{};
  rules::TriageResult triage;
  std::string action_text;  ///< what the action means to the user
  std::vector<rules::CareAdvice> care;
  std::vector<analytics::LoadWarning> warnings;  ///< load warnings as of the day (rules.md section 3)
  std::string disclaimer;
};

/// Triage as of `date` over the athlete's whole history (red flags never
/// expire on their own, so no window may cut them off), with the load
/// warnings of the day and TRIAGE-LOAD-1 fed by them.
Expected<TodayReport> today(Session& s, domain::Date date);

/// `{"date","action","action_text","rules","care","warnings","sessions","episodes","disclaimer"}`.
Json to_json(const TodayReport& r);

}  // namespace stridecare::services
