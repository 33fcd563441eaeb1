#include "analytics/load_warnings.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/wording.hpp"

namespace stridecare::analytics {

using domain::kMetresPerKm;

namespace {

constexpr double kPercent = 100;

using domain::LoadRule;

std::string evidence_of(LoadRule r, const domain::LoadParameters& p) {
  const auto e = p.evidence.find(r);
  return e == p.evidence.end() ? std::string() : e->second;
}

void spikes_on(const LoadAnalysis& a, domain::Date day, const domain::LoadParameters& p,
               std::vector<LoadWarning>& out) {
  // Spikes are in session order, which is by day: find the day's first run.
  const auto first = std::lower_bound(a.spikes.begin(), a.spikes.end(), day, [&a](const RunSpike& s, domain::Date d) {
    return std::chrono::sys_days{a.run_of(s).day} < std::chrono::sys_days{d};
  });
  for (auto it = first; it != a.spikes.end() && a.run_of(*it).day == day; ++it) {
    const SessionLoad& run = a.run_of(*it);
    if (!it->ratio) continue;
    const domain::SpikeBand* band = spike_band(*it->ratio, p);
    if (!band) continue;
    out.push_back({LoadRule::spike,
                   day,
                   *it->ratio,
                   band->above,
                   band->name,
                   band->hazard_ratio,
                   run.activity,
                   {{"distance_km", run.distance_m / kMetresPerKm},
                    {"longest_before_km", *it->longest_before_m / kMetresPerKm},
                    {"window_days", p.spike_window_days},
                    {"ratio", *it->ratio}},
                   evidence_of(LoadRule::spike, p)});
  }
}

void week_on(const DayMetrics& m, const domain::LoadParameters& p, std::vector<LoadWarning>& out) {
  const double week_km = m.week_run_m / kMetresPerKm;
  if (m.week_change && *m.week_change > p.week_change_above) {
    out.push_back(
        {LoadRule::week,
         m.day,
         *m.week_change,
         p.week_change_above,
         "one_week",
         std::nullopt,
         0,
         {{"week_km", week_km}, {"last_week_km", *m.last_week_run_m / kMetresPerKm}, {"change", *m.week_change}},
         evidence_of(LoadRule::week, p)});
  } else if (m.two_week_change && *m.two_week_change > p.two_week_change_above) {
    out.push_back({LoadRule::week,
                   m.day,
                   *m.two_week_change,
                   p.two_week_change_above,
                   "two_weeks",
                   std::nullopt,
                   0,
                   {{"week_km", week_km},
                    {"week_before_last_km", week_km / (1 + *m.two_week_change)},
                    {"change", *m.two_week_change}},
                   evidence_of(LoadRule::week, p)});
  }
}

void acwr_on(const DayMetrics& m, const domain::LoadParameters& p, std::vector<LoadWarning>& out) {
  if (!m.acwr_ewma || *m.acwr_ewma < p.acwr_elevated_min) return;
  const bool high = *m.acwr_ewma > p.acwr_high_above;
  out.push_back({LoadRule::acwr,
                 m.day,
                 *m.acwr_ewma,
                 high ? p.acwr_high_above : p.acwr_elevated_min,
                 high ? "high" : "elevated",
                 std::nullopt,
                 0,
                 {{"acute_load", *m.acute_ewma}, {"chronic_load", *m.chronic_ewma}, {"acwr", *m.acwr_ewma}},
                 evidence_of(LoadRule::acwr, p)});
}

void monotony_on(const DayMetrics& m, const domain::LoadParameters& p, std::vector<LoadWarning>& out) {
  if (!m.monotony || *m.monotony <= p.monotony_above) return;
  out.push_back({LoadRule::monotony,
                 m.day,
                 *m.monotony,
                 p.monotony_above,
                 "",
                 std::nullopt,
                 0,
                 {{"monotony", *m.monotony},
                  {"strain", *m.strain},
                  {"window_load", m.window_srpe_load},
                  {"window_days", p.monotony_days}},
                 evidence_of(LoadRule::monotony, p)});
}

}  // namespace

std::optional<DayMetrics> LoadAnalysis::on(domain::Date day) const {
  const auto i = history.index_of(day);
  if (!i) return std::nullopt;
  return at(*i);
}

LoadAnalysis analyse(std::span<const domain::Activity> activities, domain::Date to, const domain::LoadParameters& p) {
  LoadAnalysis a;
  a.history = build_load_history(activities, to, p);
  a.state = compute_state(a.history, p);
  a.spikes = compute_spikes(a.history, a.state, p);
  a.params = p;
  return a;
}

std::vector<LoadWarning> warnings_between(const LoadAnalysis& a, domain::Date from, domain::Date to,
                                          const domain::LoadParameters& p) {
  std::vector<LoadWarning> out;
  if (a.history.days.empty()) return out;
  const domain::Date first = a.history.days.front().day;
  const domain::Date last = a.history.days.back().day;
  if (std::chrono::sys_days{from} < std::chrono::sys_days{first}) from = first;
  if (std::chrono::sys_days{to} > std::chrono::sys_days{last}) to = last;
  for (auto d = std::chrono::sys_days{from}; d <= std::chrono::sys_days{to}; d += std::chrono::days{1}) {
    const DayMetrics m = *a.on(domain::Date{d});
    spikes_on(a, m.day, p, out);
    week_on(m, p, out);
    acwr_on(m, p, out);
    monotony_on(m, p, out);
  }
  return out;
}

std::vector<LoadWarning> warnings_as_of(const LoadAnalysis& a, domain::Date day, const domain::LoadParameters& p) {
  std::vector<LoadWarning> out;
  const auto m = a.on(day);
  if (!m) return out;
  for (int back = p.acute_days - 1; back >= 0; --back) spikes_on(a, domain::add_days(day, -back), p, out);
  week_on(*m, p, out);
  acwr_on(*m, p, out);
  monotony_on(*m, p, out);
  return out;
}

std::string summary(const LoadWarning& w, domain::UnitSystem units, const Gloss& gloss) {
  const auto figure = [&w](std::string_view name) {
    for (const auto& [n, v] : w.figures) {
      if (n == name) return v;
    }
    return 0.0;
  };
  const auto distance = [units](double km) { return domain::format_distance(km * kMetresPerKm, units, 1); };
  const auto glossed = [&gloss](std::string_view term) { return gloss ? gloss(term) : std::string(); };
  const auto days = [](double n) { return domain::plural(std::lround(n), "day"); };
  switch (w.rule) {
    case LoadRule::spike:
      return fmt::format(
          "{} run on {} is {:.2f}x your longest run of the previous {} ({}): {} spike, over {:.2f}x; "
          "hazard ratio {:.2f}{}",
          distance(figure("distance_km")), domain::to_string(w.date), w.value, days(figure("window_days")),
          distance(figure("longest_before_km")), w.level, w.threshold, w.hazard_ratio.value_or(0),
          glossed("hazard ratio"));
    case LoadRule::week:
      if (w.level == "one_week") {
        return fmt::format("{} this week (to {}) is {:+.1f}% on last week's {} (over +{:.0f}% in one week)",
                           distance(figure("week_km")), domain::to_string(w.date), w.value * kPercent,
                           distance(figure("last_week_km")), w.threshold * kPercent);
      }
      return fmt::format(
          "{} this week (to {}) is {:+.1f}% on the {} of the week before last (over +{:.0f}% in two weeks)",
          distance(figure("week_km")), domain::to_string(w.date), w.value * kPercent,
          distance(figure("week_before_last_km")), w.threshold * kPercent);
    case LoadRule::acwr:
      return fmt::format("ACWR {:.2f} on {}{}: {} (from {:.2f}), on the impact load{}; context only", w.value,
                         domain::to_string(w.date), glossed("ACWR"), w.level, w.threshold, glossed("impact load"));
    case LoadRule::monotony:
      return fmt::format("training monotony {:.2f}{} over the {} to {} (over {:.1f}): strain {:.0f}{}", w.value,
                         glossed("monotony"), days(figure("window_days")), domain::to_string(w.date), w.threshold,
                         figure("strain"), glossed("strain"));
  }
  return {};
}

}  // namespace stridecare::analytics
