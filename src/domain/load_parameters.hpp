#pragma once
/// The numbers of the training-load model (rules.md section 3), as read from
/// the `load` section of data/rules.json. A plain value type: the rule book
/// parses it (rules/), the load analytics apply it (analytics/).

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/activity.hpp"

namespace stridecare::domain {

/// The warnings of rules.md section 3, spelled once.
enum class LoadRule { spike, week, acwr, monotony };

template <>
struct EnumNames<LoadRule> {
  static constexpr std::array<std::pair<LoadRule, std::string_view>, 4> table{{
      {LoadRule::spike, "LOAD-SPIKE-1"},
      {LoadRule::week, "LOAD-WEEK-1"},
      {LoadRule::acwr, "LOAD-ACWR-1"},
      {LoadRule::monotony, "LOAD-MONO-1"},
  }};
};

/// One band of the single-run spike (LOAD-SPIKE-1), e.g. "moderate" above 1.30.
struct SpikeBand {
  std::string name;         ///< small, moderate, large
  double above = 0;         ///< fires when run distance / 30-day longest > this
  double hazard_ratio = 0;  ///< what the study found for this band (shown, not computed)
};

struct LoadParameters {
  /// CR-10 RPE assumed when a session has none and no heart rate to estimate from.
  double default_rpe = 0;
  /// Impact factor per sport (index: `static_cast<size_t>(Sport)`), applied to
  /// the session-RPE load to give the impact load.
  std::array<double, 8> impact_factor{};
  /// Points (fraction of HRmax, CR-10 RPE), increasing in both, joined by
  /// straight lines: RPE estimated from a session's mean heart rate.
  std::vector<std::pair<double, double>> rpe_from_hr;

  int acute_days = 0;         ///< N of the acute EWMA and rolling window (7)
  int chronic_days = 0;       ///< N of the chronic EWMA and rolling window (28)
  int min_history_days = 0;   ///< fewer days of history: ACWR and chronic load are null
  int spike_window_days = 0;  ///< single-run spike compares with the longest run of this many previous days

  std::vector<SpikeBand> spike_bands;  ///< increasing `above`
  double week_change_above = 0;        ///< LOAD-WEEK-1: this ISO week / last week - 1 > this
  double two_week_change_above = 0;    ///< LOAD-WEEK-1: this ISO week / the week before last - 1 > this
  double acwr_elevated_min = 0;        ///< LOAD-ACWR-1 "elevated": EWMA ACWR in [this, acwr_high_above]
  double acwr_high_above = 0;          ///< LOAD-ACWR-1 "high": EWMA ACWR > this
  int monotony_days = 0;               ///< monotony and strain over this many days (7)
  double monotony_above = 0;           ///< LOAD-MONO-1: monotony > this
  double monotony_sd_floor = 0;        ///< SD below this counts as this (no division by zero)
  int monotony_min_sessions = 0;       ///< fewer sessions in the window: monotony is "n/a"

  int insight_min_episodes = 0;  ///< `insights` says nothing with fewer pain episodes

  /// One-line evidence note per warning.
  std::map<LoadRule, std::string> evidence;

  double impact_of(Sport s) const { return impact_factor[static_cast<std::size_t>(s)]; }
};

}  // namespace stridecare::domain
