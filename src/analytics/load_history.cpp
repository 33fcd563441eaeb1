#include "analytics/load_history.hpp"

#include <algorithm>

#include "domain/quantities.hpp"

namespace stridecare::analytics {

namespace {

constexpr double kRpeMax = 10;

/// RPE and where it came from: as logged, else from heart rate, else the default.
std::pair<double, RpeSource> session_rpe(const domain::Activity& a, std::optional<int> hr_max_bpm,
                                         const domain::LoadParameters& p) {
  if (a.rpe) return {*a.rpe, RpeSource::logged};
  if (a.recorded && a.recorded->avg_heart_rate_bpm && hr_max_bpm && *hr_max_bpm > 0) {
    return {rpe_from_heart_rate(*a.recorded->avg_heart_rate_bpm, *hr_max_bpm, p), RpeSource::heart_rate};
  }
  return {p.default_rpe, RpeSource::default_value};
}

}  // namespace

std::optional<std::size_t> LoadHistory::index_of(domain::Date day) const {
  if (days.empty()) return std::nullopt;
  const int i = domain::days_between(days.front().day, day);
  if (i < 0 || static_cast<std::size_t>(i) >= days.size()) return std::nullopt;
  return static_cast<std::size_t>(i);
}

double rpe_from_heart_rate(int avg_bpm, int hr_max_bpm, const domain::LoadParameters& p) {
  const auto& pts = p.rpe_from_hr;
  if (pts.empty()) return p.default_rpe;
  const double f = static_cast<double>(avg_bpm) / hr_max_bpm;
  if (f <= pts.front().first) return pts.front().second;
  if (f >= pts.back().first) return std::min(pts.back().second, kRpeMax);
  const auto hi = std::upper_bound(pts.begin(), pts.end(), f, [](double x, const auto& pt) { return x < pt.first; });
  const auto lo = hi - 1;
  const double t = (f - lo->first) / (hi->first - lo->first);
  return lo->second + t * (hi->second - lo->second);
}

LoadHistory build_load_history(std::span<const domain::Activity> activities, domain::Date to,
                               const domain::LoadParameters& p) {
  LoadHistory h;
  std::vector<const domain::Activity*> in;
  in.reserve(activities.size());
  for (const auto& a : activities) {
    if (std::chrono::sys_days{a.date} > std::chrono::sys_days{to}) continue;
    in.push_back(&a);
    if (a.recorded && a.recorded->max_heart_rate_bpm) {
      h.hr_max_bpm = std::max(h.hr_max_bpm.value_or(0), *a.recorded->max_heart_rate_bpm);
    }
  }
  if (in.empty()) return h;
  const auto by_day = [](const domain::Activity* x, const domain::Activity* y) { return x->date < y->date; };
  if (!std::is_sorted(in.begin(), in.end(), by_day)) std::stable_sort(in.begin(), in.end(), by_day);  // a store's are

  const domain::Date first = in.front()->date;
  h.days.resize(static_cast<std::size_t>(domain::days_between(first, to)) + 1);
  for (std::size_t i = 0; i < h.days.size(); ++i) h.days[i].day = domain::add_days(first, static_cast<int>(i));

  h.sessions.reserve(in.size());
  for (const domain::Activity* a : in) {
    SessionLoad s;
    s.activity = a->id;
    s.day = a->date;
    s.sport = a->sport;
    s.distance_m = a->distance_m.value_or(0);
    const double seconds = a->recorded && a->recorded->moving_s ? *a->recorded->moving_s : a->duration_s;
    s.minutes = seconds / domain::kSecondsPerMinute;
    std::tie(s.rpe, s.rpe_source) = session_rpe(*a, h.hr_max_bpm, p);
    s.srpe_load = s.rpe * s.minutes;
    s.impact_load = s.srpe_load * p.impact_of(a->sport);

    DayLoad& d = h.days[static_cast<std::size_t>(domain::days_between(first, a->date))];
    d.srpe_load += s.srpe_load;
    d.impact_load += s.impact_load;
    d.sessions += 1;
    d.estimated = d.estimated || s.estimated();
    if (s.is_run()) {
      d.run_distance_m += s.distance_m;
      d.run_duration_s += a->duration_s;
      d.longest_run_m = std::max(d.longest_run_m, s.distance_m);
    }
    h.sessions.push_back(s);
  }
  return h;
}

}  // namespace stridecare::analytics
