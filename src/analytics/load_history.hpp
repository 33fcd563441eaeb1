#pragma once
/// The daily load series of one athlete (rules.md section 3): what each
/// session contributes, summed per local day, with days without sessions as
/// zeros. A pure function of the activities.
///
/// Local days: `Activity::date` is the local day the session started (for
/// imported files, the file's own UTC offset when it records one, else the
/// profile's time zone with its daylight-saving rules, resolved at import), so
/// a run at 23:30 local time counts for that day whatever its UTC date.

#include <optional>
#include <span>
#include <vector>

#include "domain/activity.hpp"
#include "domain/load_parameters.hpp"

namespace stridecare::analytics {

/// Where a session's RPE came from. Only `logged` is a measured value.
enum class RpeSource { logged, heart_rate, default_value };

/// What one session adds to its day. Loads are in arbitrary units (AU):
/// RPE (CR-10) x minutes.
struct SessionLoad {
  domain::Id activity = 0;
  domain::Date day{};
  domain::Sport sport = domain::Sport::run;
  double distance_m = 0;  ///< metres; 0 when the session has none
  double minutes = 0;     ///< moving time when the file has it, else elapsed time
  double rpe = 0;         ///< 0-10, as logged or estimated
  RpeSource rpe_source = RpeSource::logged;
  double srpe_load = 0;    ///< rpe x minutes
  double impact_load = 0;  ///< srpe_load x the sport's impact factor

  bool estimated() const { return rpe_source != RpeSource::logged; }
  bool is_run() const { return sport == domain::Sport::run; }
};

/// One local day. All zero on a day without sessions.
struct DayLoad {
  domain::Date day{};
  double run_distance_m = 0;  ///< metres, runs only
  double run_duration_s = 0;  ///< seconds, runs only
  double longest_run_m = 0;   ///< metres, the longest single run of the day
  double srpe_load = 0;       ///< AU, every sport
  double impact_load = 0;     ///< AU, every sport
  int sessions = 0;
  bool estimated = false;  ///< some session's RPE was estimated
};

struct LoadHistory {
  std::vector<SessionLoad> sessions;  ///< by day, then in the order given
  /// One entry per local day from the first session's day through the `to`
  /// day given to build_load_history; empty when there is no session.
  std::vector<DayLoad> days;
  std::optional<int> hr_max_bpm;  ///< the highest heart rate in the files, used to estimate RPE

  /// Index of `day` in `days`, or nullopt when outside.
  std::optional<std::size_t> index_of(domain::Date day) const;
};

/// RPE (CR-10) from a session's mean heart rate as a fraction of HRmax, along
/// the points of `p.rpe_from_hr` (clamped at both ends).
/// REQUIRES: hr_max_bpm > 0.
double rpe_from_heart_rate(int avg_bpm, int hr_max_bpm, const domain::LoadParameters& p);

/// The load history of `activities` (any order) through local day `to`;
/// sessions after `to` are left out.
LoadHistory build_load_history(std::span<const domain::Activity> activities, domain::Date to,
                               const domain::LoadParameters& p);

}  // namespace stridecare::analytics
