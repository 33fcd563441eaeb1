#include "analytics/load_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace stridecare::analytics {

namespace {

/// Denominators at or below this are zero: a ratio over them is undefined.
constexpr double kZeroLoad = 1e-9;

std::optional<double> ratio(double num, double den) {
  if (den <= kZeroLoad) return std::nullopt;
  return num / den;
}

/// now / before - 1, computed as (now - before) / before: the subtraction is
/// exact for distances in whole metres, so the quotient is the change rounded
/// once. (now / before - 1 rounds twice: 13 / 10 - 1 is 0.30000000000000004,
/// above a threshold of 0.3, and an exact +30% fired LOAD-WEEK-1.)
std::optional<double> change(double now, double before) {
  if (before <= kZeroLoad) return std::nullopt;
  return (now - before) / before;
}

/// Longest single run of the `window` days before each day (0 when none).
std::vector<double> longest_run_before(const LoadHistory& h, int window) {
  std::vector<double> out(h.days.size(), 0.0);
  std::deque<std::size_t> max_days;  // indices of decreasing longest_run_m
  for (std::size_t i = 0; i < h.days.size(); ++i) {
    while (!max_days.empty() && static_cast<long>(max_days.front()) < static_cast<long>(i) - window) {
      max_days.pop_front();
    }
    out[i] = max_days.empty() ? 0.0 : h.days[max_days.front()].longest_run_m;
    while (!max_days.empty() && h.days[max_days.back()].longest_run_m <= h.days[i].longest_run_m) max_days.pop_back();
    max_days.push_back(i);
  }
  return out;
}

/// Sum over day indices [from, to] from a prefix-sum array; `from` is clipped at 0.
double sum_days(const std::vector<double>& prefix, long from, long to) {
  from = std::max(from, 0L);
  if (to < from) return 0;
  return prefix[static_cast<std::size_t>(to) + 1] - prefix[static_cast<std::size_t>(from)];
}

std::vector<double> prefix_of(const LoadHistory& h, double DayLoad::*field) {
  std::vector<double> prefix(h.days.size() + 1, 0.0);
  for (std::size_t i = 0; i < h.days.size(); ++i) prefix[i + 1] = prefix[i] + h.days[i].*field;
  return prefix;
}

}  // namespace

const domain::SpikeBand* spike_band(double r, const domain::LoadParameters& p) {
  const domain::SpikeBand* band = nullptr;
  for (const auto& b : p.spike_bands) {
    if (r > b.above) band = &b;
  }
  return band;
}

MetricsState compute_state(const LoadHistory& h, const domain::LoadParameters& p) {
  MetricsState st;
  if (h.days.empty()) return st;
  st.impact_prefix = prefix_of(h, &DayLoad::impact_load);
  st.run_prefix = prefix_of(h, &DayLoad::run_distance_m);
  st.longest_before = longest_run_before(h, p.spike_window_days);
  st.ewma_acute.resize(h.days.size());
  st.ewma_chronic.resize(h.days.size());
  const double lambda_a = 2.0 / (p.acute_days + 1);
  const double lambda_c = 2.0 / (p.chronic_days + 1);
  double ewma_a = 0;
  double ewma_c = 0;
  for (std::size_t i = 0; i < h.days.size(); ++i) {
    ewma_a = lambda_a * h.days[i].impact_load + (1 - lambda_a) * ewma_a;
    ewma_c = lambda_c * h.days[i].impact_load + (1 - lambda_c) * ewma_c;
    st.ewma_acute[i] = ewma_a;
    st.ewma_chronic[i] = ewma_c;
  }
  return st;
}

DayMetrics metrics_at(const LoadHistory& h, const MetricsState& st, std::size_t idx, const domain::LoadParameters& p) {
  const auto& impact = st.impact_prefix;
  const auto& run_m = st.run_prefix;
  const int min_chronic = std::max(p.chronic_days, p.min_history_days);
  const long i = static_cast<long>(idx);
  const DayLoad& d = h.days[idx];
  DayMetrics m;
  m.day = d.day;
  m.history_days = static_cast<int>(i) + 1;

  if (m.history_days >= p.acute_days) {
    m.acute_ewma = st.ewma_acute[idx];
    m.acute_rolling = sum_days(impact, i - p.acute_days + 1, i) / p.acute_days;
  }
  if (m.history_days >= p.min_history_days) {
    m.chronic_ewma = st.ewma_chronic[idx];
    m.acwr_ewma = ratio(st.ewma_acute[idx], st.ewma_chronic[idx]);
  }
  if (m.history_days >= min_chronic) {
    const double chronic_sum = sum_days(impact, i - p.chronic_days + 1, i);
    const double acute_sum = sum_days(impact, i - p.acute_days + 1, i);
    m.chronic_rolling = chronic_sum / p.chronic_days;
    m.acwr_rolling = ratio(*m.acute_rolling, *m.chronic_rolling);
    m.acwr_rolling_uncoupled = ratio(*m.acute_rolling, (chronic_sum - acute_sum) / (p.chronic_days - p.acute_days));
  }

  const long since_monday = static_cast<long>(std::chrono::weekday{std::chrono::sys_days{d.day}}.iso_encoding()) - 1;
  const long monday = i - since_monday;
  m.week_run_m = sum_days(run_m, monday, i);
  if (monday - 7 >= 0) {
    m.last_week_run_m = sum_days(run_m, monday - 7, monday - 1);
    m.week_change = change(m.week_run_m, *m.last_week_run_m);
  }
  if (monday - 14 >= 0) m.two_week_change = change(m.week_run_m, sum_days(run_m, monday - 14, monday - 8));
  if (st.longest_before[idx] > 0) m.longest_run_30d_m = st.longest_before[idx];

  const long w = p.monotony_days;
  double sum = 0;
  for (long j = std::max(0L, i - w + 1); j <= i; ++j) {
    sum += h.days[static_cast<std::size_t>(j)].srpe_load;
    m.window_sessions += h.days[static_cast<std::size_t>(j)].sessions;
  }
  m.window_srpe_load = sum;
  if (m.history_days >= w && m.window_sessions >= p.monotony_min_sessions) {
    const double mean = sum / static_cast<double>(w);
    double var = 0;
    for (long j = i - w + 1; j <= i; ++j) {
      const double dev = h.days[static_cast<std::size_t>(j)].srpe_load - mean;
      var += dev * dev;
    }
    const double sd = std::max(std::sqrt(var / static_cast<double>(w)), p.monotony_sd_floor);
    m.monotony = mean / sd;
    m.strain = sum * *m.monotony;
  }
  return m;
}

std::vector<DayMetrics> compute_metrics(const LoadHistory& h, const domain::LoadParameters& p) {
  const MetricsState st = compute_state(h, p);
  std::vector<DayMetrics> out;
  out.reserve(h.days.size());
  for (std::size_t i = 0; i < h.days.size(); ++i) out.push_back(metrics_at(h, st, i, p));
  return out;
}

std::vector<RunSpike> compute_spikes(const LoadHistory& h, const MetricsState& st, const domain::LoadParameters& p) {
  std::vector<RunSpike> out;
  if (h.days.empty()) return out;
  out.reserve(h.sessions.size());
  for (std::size_t k = 0; k < h.sessions.size(); ++k) {
    const SessionLoad& s = h.sessions[k];
    if (!s.is_run()) continue;
    RunSpike r;
    r.session = k;
    const auto i = static_cast<std::size_t>(domain::days_between(h.days.front().day, s.day));
    const double longest = st.longest_before[i];
    if (longest > 0) r.longest_before_m = longest;
    if (static_cast<int>(i) + 1 >= p.min_history_days && longest > 0) r.ratio = s.distance_m / longest;
    out.push_back(r);
  }
  return out;
}

}  // namespace stridecare::analytics
