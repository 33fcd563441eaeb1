#pragma once
/// The assessment of one day: what `today`, the guide, logging and (later)
/// the weekly planner all ask. Triage (rules.md 2) over the whole history
/// with the return-to-run programmes it starts (PLAN-RTR-1), the load
/// warnings of the day (rules.md 3, TRIAGE-LOAD-1 fed by them), and the
/// self-care advice (2.1). A pure function of its inputs.

#include <span>
#include <string>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/units.hpp"
#include "planner/return_to_run.hpp"
#include "rules/care.hpp"
#include "rules/triage.hpp"

namespace stridecare::planner {

struct AssessmentInput {
  domain::Date as_of{};                                   ///< the end of this local day
  std::span<const domain::PainCheckin> checkins;          ///< any order; later ones are ignored
  std::span<const domain::Activity> activities;           ///< any order; later ones are ignored
  domain::UnitSystem units = domain::UnitSystem::metric;  ///< of the distances quoted in reasons
};

struct DayAssessment {
  domain::Date date{};
  rules::TriageResult triage;                    ///< TRIAGE-RTR-1 included
  std::vector<Programme> programmes;             ///< every return-to-run programme so far, ended ones too
  std::vector<analytics::LoadWarning> warnings;  ///< load warnings as of the day
  std::vector<rules::CareAdvice> care;
  std::string action_text;         ///< what the action means, worded for the day (pain this week, a programme)
  bool pain_in_last_week = false;  ///< a check-in with pain > 0 in the last window_days days

  /// The programmes in force on the day.
  std::vector<const Programme*> active_programmes() const;
};

DayAssessment assess_day(const AssessmentInput& in, const rules::RuleBook& book);

/// What stays in force over the history up to `in.as_of`: the standing
/// rules' spans, the return-to-run programmes and the pain episodes active at
/// its end (no load analysis), for SAFE-LOG-1 and the routines.
struct StandingState {
  std::vector<rules::StandingSpan> spans;
  std::vector<Programme> programmes;
  std::vector<rules::ActiveEpisode> episodes;  ///< held open by stops and programmes, as in `today`
};
StandingState standing_state(const AssessmentInput& in, const rules::RuleBook& book);

/// TRIAGE-LOAD-1's view of `a`: the warnings that may drive an action, the
/// strongest evidence first (spike, week, monotony; then the latest). The
/// lookup refers to `a`, which must outlive it.
rules::LoadWarningLookup triage_lookup(const analytics::LoadAnalysis& a, const domain::LoadParameters& p,
                                       domain::UnitSystem units);

}  // namespace stridecare::planner
