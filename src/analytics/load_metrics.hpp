#pragma once
/// The metrics of rules.md section 3, per day of a load history, exactly as
/// defined there. A metric whose window the history does not cover is
/// nullopt ("not enough history"), never a made-up number.
///
/// Conventions where rules.md is silent (docs/load.md explains each):
/// - history begins on the day of the first session; days before it are unknown;
/// - EWMA starts from 0 on the day before the history begins;
/// - ACWR (both kinds), chronic loads and the single-run spike need at least
///   `min_history_days` days of history; the acute loads `acute_days`;
/// - weekly change compares this ISO week so far with the whole of last week
///   (and with the week before last for the two-week change); it needs that
///   week inside the history and non-zero;
/// - monotony uses the session-RPE load (Foster's definition) and the
///   population SD of the `monotony_days` daily loads ending on the day.

#include <optional>
#include <vector>

#include "analytics/load_history.hpp"

namespace stridecare::analytics {

struct DayMetrics {
  domain::Date day{};
  int history_days = 0;  ///< days from the first session's day through this day, >= 1

  // Impact load (AU per day).
  std::optional<double> acute_ewma;       ///< lambda = 2 / (acute_days + 1)
  std::optional<double> chronic_ewma;     ///< lambda = 2 / (chronic_days + 1)
  std::optional<double> acwr_ewma;        ///< acute_ewma / chronic_ewma; nullopt when chronic is 0
  std::optional<double> acute_rolling;    ///< mean of the last acute_days days
  std::optional<double> chronic_rolling;  ///< mean of the last chronic_days days
  std::optional<double> acwr_rolling;     ///< acute_rolling / chronic_rolling (coupled)
  /// acute_rolling / mean of days acute_days+1 .. chronic_days back (uncoupled)
  std::optional<double> acwr_rolling_uncoupled;

  // Running distance (metres).
  double week_run_m = 0;                    ///< this ISO week, Monday through this day
  std::optional<double> last_week_run_m;    ///< whole of last ISO week, when in the history
  std::optional<double> week_change;        ///< week_run_m / last_week_run_m - 1
  std::optional<double> two_week_change;    ///< week_run_m / (week before last) - 1
  std::optional<double> longest_run_30d_m;  ///< longest run of the spike window before this day; nullopt when none

  // Session-RPE load over the monotony window.
  double window_srpe_load = 0;     ///< sum of the window's daily loads (the "weekly load")
  int window_sessions = 0;         ///< sessions in the window
  std::optional<double> monotony;  ///< mean / max(SD, floor); nullopt with fewer than monotony_min_sessions
  std::optional<double> strain;    ///< window_srpe_load x monotony
};

/// The single-run spike of one run: its distance over the longest run of the
/// `spike_window_days` days before its day.
struct RunSpike {
  std::size_t session = 0;      ///< index into LoadHistory::sessions
  std::optional<double> ratio;  ///< nullopt: not enough history, or no earlier run in the window
  std::optional<double> longest_before_m;
};

/// What every day's metrics are derived from, 40 bytes a day: ten years of
/// DayMetrics at once would be ~0.9 MB of fresh pages for a command that
/// reads a handful of days (page faults cost ~14 us each on our VM).
struct MetricsState {
  std::vector<double> impact_prefix;   ///< impact_prefix[i] = impact load of days [0, i)
  std::vector<double> run_prefix;      ///< the same for run distance, metres
  std::vector<double> ewma_acute;      ///< per day
  std::vector<double> ewma_chronic;    ///< per day
  std::vector<double> longest_before;  ///< longest single run of the spike window before each day, 0 when none
};

MetricsState compute_state(const LoadHistory& h, const domain::LoadParameters& p);

/// The metrics of day `i` of `h`, in O(monotony_days).
/// REQUIRES: `st` is compute_state(h, p); i < h.days.size().
DayMetrics metrics_at(const LoadHistory& h, const MetricsState& st, std::size_t i, const domain::LoadParameters& p);

/// Metrics for every day of `h.days`, in the same order. O(days + sessions).
std::vector<DayMetrics> compute_metrics(const LoadHistory& h, const domain::LoadParameters& p);

/// The spike of every run of `h`, in session order.
std::vector<RunSpike> compute_spikes(const LoadHistory& h, const MetricsState& st, const domain::LoadParameters& p);

/// The band a spike ratio falls in (the highest band whose `above` it
/// exceeds), or nullptr when it exceeds none.
const domain::SpikeBand* spike_band(double ratio, const domain::LoadParameters& p);

}  // namespace stridecare::analytics
