#pragma once
/// The warnings of rules.md section 3 (LOAD-SPIKE-1, LOAD-WEEK-1, LOAD-ACWR-1,
/// LOAD-MONO-1), each with the figures that fired it.
///
/// When a warning is "raised": LOAD-SPIKE-1 on the day of the run; the others
/// on every day their condition holds (the weekly change, ACWR or monotony as
/// of that day).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/load_metrics.hpp"
#include "domain/units.hpp"

namespace stridecare::analytics {

struct LoadWarning {
  domain::LoadRule rule = domain::LoadRule::spike;
  domain::Date date{};
  double value = 0;      ///< the figure compared: spike ratio, weekly change, EWMA ACWR, monotony
  double threshold = 0;  ///< what it exceeded
  /// spike: the band (small, moderate, large); week: one_week or two_weeks;
  /// ACWR: elevated or high; monotony: empty.
  std::string level;
  std::optional<double> hazard_ratio;                   ///< spike bands only
  domain::Id activity = 0;                              ///< the run behind a spike
  std::vector<std::pair<std::string, double>> figures;  ///< named numbers behind `value`
  std::string evidence;                                 ///< the rule's one-line evidence note
};

/// Everything a load history says, computed once; any day's metrics on demand.
struct LoadAnalysis {
  LoadHistory history;
  MetricsState state;
  std::vector<RunSpike> spikes;   ///< one per run session
  domain::LoadParameters params;  ///< what it was computed with

  /// Metrics of `day`, or nullopt outside the history.
  std::optional<DayMetrics> on(domain::Date day) const;
  /// Metrics of day `i` of `history.days`.
  DayMetrics at(std::size_t i) const { return metrics_at(history, state, i, params); }
  const SessionLoad& run_of(const RunSpike& s) const { return history.sessions[s.session]; }
};

LoadAnalysis analyse(std::span<const domain::Activity> activities, domain::Date to, const domain::LoadParameters& p);

/// Warnings raised on days in [from, to], ordered by date, then rule.
std::vector<LoadWarning> warnings_between(const LoadAnalysis& a, domain::Date from, domain::Date to,
                                          const domain::LoadParameters& p);

/// What `load` and `today` show as of `day`: the spikes of the last
/// `acute_days` days and the weekly, ACWR and monotony warnings of `day`.
std::vector<LoadWarning> warnings_as_of(const LoadAnalysis& a, domain::Date day, const domain::LoadParameters& p);

/// False for LOAD-ACWR-1: rules.md shows it as context only, never as the
/// only reason for an action (so TRIAGE-LOAD-1 does not fire on it).
constexpr bool can_drive_action(domain::LoadRule r) { return r != domain::LoadRule::acwr; }

/// The clause to print after a term the first time an output shows it
/// (" (how much more often ...)"), or "": see services::Glosses.
using Gloss = std::function<std::string(std::string_view term)>;

/// One line with the figures, distances in `units`, e.g. "14.2 km run on
/// 2026-02-15 is 1.29x your longest run of the previous 30 days (11.0 km):
/// moderate spike". `gloss`, when given, explains the terms it shows.
std::string summary(const LoadWarning& w, domain::UnitSystem units, const Gloss& gloss = {});

}  // namespace stridecare::analytics
