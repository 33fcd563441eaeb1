// Text output of `load`, `load --from/--to` and `insights`.

#include <fmt/format.h>

#include "cli/text_output.hpp"

namespace stridecare::cli {

namespace {

constexpr double kPercent = 100;

std::string or_na(const std::optional<double>& v, std::string_view format_spec = "{:.2f}") {
  return v ? fmt::format(fmt::runtime(format_spec), *v) : std::string("n/a");
}

std::string percent(const std::optional<double>& change) {
  return change ? fmt::format("{:+.0f}%", *change * kPercent) : std::string("n/a");
}

}  // namespace

std::string describe(const analytics::LoadWarning& w) {
  std::string out = fmt::format("  {:<17} {}\n", domain::name_of(w.rule), analytics::summary(w));
  if (!w.evidence.empty()) out += fmt::format("  {:<17} Evidence: {}\n", "", w.evidence);
  return out;
}

std::string describe(const services::LoadReport& r, Units units) {
  std::string out;
  if (!r.metrics) {
    out = fmt::format("Load as of {}: no training recorded yet.\n", domain::to_string(r.date));
  } else {
    const auto& m = *r.metrics;
    out = fmt::format("Load as of {} ({} days of history)\n", domain::to_string(r.date), m.history_days);
    out += fmt::format("  this week so far {} (last week {}, change {}; vs the week before last {})\n",
                       format_distance(m.week_run_m, units),
                       m.last_week_run_m ? format_distance(*m.last_week_run_m, units) : std::string("n/a"),
                       percent(m.week_change), percent(m.two_week_change));
    out += fmt::format("  longest run      {} in the spike window before today\n",
                       m.longest_run_30d_m ? format_distance(*m.longest_run_30d_m, units) : std::string("none"));
    out += fmt::format("  ACWR, EWMA       {} (acute {} / chronic {}, impact load; context only)\n", or_na(m.acwr_ewma),
                       or_na(m.acute_ewma, "{:.0f}"), or_na(m.chronic_ewma, "{:.0f}"));
    out +=
        fmt::format("  ACWR, rolling    {} (uncoupled {})\n", or_na(m.acwr_rolling), or_na(m.acwr_rolling_uncoupled));
    out += fmt::format("  monotony         {} (strain {}, 7-day session load {:.0f})\n", or_na(m.monotony),
                       or_na(m.strain, "{:.0f}"), m.window_srpe_load);
  }
  if (!r.warnings.empty()) {
    out += "Warnings:\n";
    for (const auto& w : r.warnings) out += describe(w);
  } else if (r.metrics) {
    out += "No load warnings.\n";
  }
  for (const auto& n : r.notes) out += fmt::format("Note: {}\n", n);
  return out;
}

std::string describe_series(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                            const domain::LoadParameters& p, Units units) {
  std::string out = fmt::format("{:<10}  {:>10}  {:>7}  {:>6}  {:>6}  {:>8}  {}\n", "date", "run", "impact", "ACWR",
                                "mono", "week", "warnings");
  for (auto d = std::chrono::sys_days{from}; d <= std::chrono::sys_days{to}; d += std::chrono::days{1}) {
    const domain::Date day{d};
    const auto i = a.history.index_of(day);
    if (!i) {
      out += fmt::format("{:<10}  {:>10}  {:>7}  {:>6}  {:>6}  {:>8}\n", domain::to_string(day), "-", "-", "n/a", "n/a",
                         "n/a");
      continue;
    }
    const auto& load = a.history.days[*i];
    const auto m = a.at(*i);
    std::string ids;
    for (const auto& w : analytics::warnings_between(a, day, day, p))
      ids += fmt::format(" {}", domain::name_of(w.rule));
    out += fmt::format("{:<10}  {:>10}  {:>7.0f}  {:>6}  {:>6}  {:>8}{}\n", domain::to_string(day),
                       load.run_distance_m > 0 ? format_distance(load.run_distance_m, units) : std::string("-"),
                       load.impact_load, or_na(m.acwr_ewma), or_na(m.monotony), percent(m.week_change), ids);
  }
  return out;
}

std::string describe(const analytics::Insights& i) {
  std::string out = i.message + "\n";
  if (!i.enough_data) return out;
  out += fmt::format("Pain-free weeks: {}, {:.1f} km of running a week on average", i.pain_free_weeks,
                     i.pain_free_mean_run_km);
  out += i.pain_free_mean_max_acwr ? fmt::format(", highest ACWR {:.2f} on average.\n", *i.pain_free_mean_max_acwr)
                                   : std::string(".\n");
  for (const auto& s : i.sites) {
    out +=
        fmt::format("\n{}:\n  {}\n", s.site ? std::string(domain::name_of(*s.site)) : std::string("All sites"), s.text);
    out += fmt::format("  In the week before: {:.1f} km of running on average", s.mean_run_km_before);
    out += s.mean_max_acwr_before ? fmt::format(", highest ACWR {:.2f} on average.\n", *s.mean_max_acwr_before)
                                  : std::string(".\n");
    for (const auto& e : s.episodes) {
      out += fmt::format("  {} {} {}: {:.1f} km in the week before, highest spike {}\n",
                         domain::to_string(e.episode.start), domain::name_of(e.episode.side),
                         domain::name_of(e.episode.site), e.before.run_km,
                         e.before.max_spike ? fmt::format("{:.2f}x", *e.before.max_spike) : std::string("n/a"));
    }
  }
  return out;
}

}  // namespace stridecare::cli
