// Text output of `load`, `load --from/--to` and `insights`.

#include <functional>

#include <fmt/format.h>

#include "cli/text_output.hpp"
#include "domain/quantities.hpp"
#include "domain/wording.hpp"

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

std::string describe(const analytics::LoadWarning& w, TextStyle& style) {
  std::string out = fmt::format("  {:<17} {}\n", domain::name_of(w.rule),
                                analytics::summary(w, style.units, std::ref(style.glosses)));
  if (style.verbose && !w.evidence.empty()) out += fmt::format("  {:<17} Evidence: {}\n", "", w.evidence);
  return out;
}

std::string evidence_hint(const TextStyle& style) {
  return style.verbose ? std::string()
                       : "(The evidence behind each rule: stridecare explain RULE-ID, or add --verbose.)\n";
}

std::string describe(const services::LoadReport& r, const domain::LoadParameters& p, TextStyle& style) {
  auto& gloss = style.glosses;
  std::string out;
  if (!r.metrics) {
    out = fmt::format("Load as of {}: no training recorded yet.\n", domain::to_string(r.date));
  } else {
    const auto& m = *r.metrics;
    const auto distance = [&style](double metres) { return format_distance(metres, style.units); };
    out = fmt::format("Load as of {} ({} of history)\n", domain::to_string(r.date),
                      domain::plural(m.history_days, "day"));
    out += fmt::format("  this week so far {} (last week {}, change {}; vs the week before last {})\n",
                       distance(m.week_run_m), m.last_week_run_m ? distance(*m.last_week_run_m) : std::string("n/a"),
                       percent(m.week_change), percent(m.two_week_change));
    out += fmt::format("  longest run      {} in the {} before today\n",
                       m.longest_run_30d_m ? distance(*m.longest_run_30d_m) : std::string("none"),
                       domain::plural(p.spike_window_days, "day"));
    out += fmt::format("  ACWR             {}{}; context only\n", or_na(m.acwr_ewma), gloss("ACWR"));
    out += fmt::format("  acute load       {}{}\n", or_na(m.acute_ewma, "{:.0f}"), gloss("acute load"));
    out += fmt::format("  chronic load     {}{}\n", or_na(m.chronic_ewma, "{:.0f}"), gloss("chronic load"));
    out += fmt::format("  rolling ACWR     {}{}; uncoupled {}\n", or_na(m.acwr_rolling), gloss("rolling ACWR"),
                       or_na(m.acwr_rolling_uncoupled));
    out += fmt::format("  monotony         {}{}\n", or_na(m.monotony), gloss("monotony"));
    out += fmt::format("  strain           {}{}\n", or_na(m.strain, "{:.0f}"), gloss("strain"));
    out += fmt::format("  session load     {:.0f} over the last {}{}\n", m.window_srpe_load,
                       domain::plural(p.monotony_days, "day"), gloss("session RPE load"));
  }
  if (!r.warnings.empty()) {
    out += "Warnings:\n";
    for (const auto& w : r.warnings) out += describe(w, style);
    out += evidence_hint(style);
  } else if (r.metrics) {
    out += "No load warnings.\n";
  }
  for (const auto& n : r.notes) out += fmt::format("Note: {}\n", n);
  return out;
}

std::string describe_series(services::Session& s, domain::Date from, domain::Date to, TextStyle& style) {
  std::string out = fmt::format("{:<10}  {:>10}  {:>7}  {:>6}  {:>6}  {:>8}  {}\n", "date", "run", "impact", "ACWR",
                                "mono", "week", "warnings");
  value_or_fail(services::for_each_load_day(s, from, to, [&](const services::LoadSeriesDay& d) {
    if (d.load == nullptr || d.metrics == nullptr) {
      out += fmt::format("{:<10}  {:>10}  {:>7}  {:>6}  {:>6}  {:>8}\n", domain::to_string(d.date), "-", "-", "n/a",
                         "n/a", "n/a");
      return;
    }
    const auto& load = *d.load;
    const auto& m = *d.metrics;
    std::string ids;
    for (const auto& w : d.warnings) ids += fmt::format(" {}", domain::name_of(w.rule));
    out += fmt::format("{:<10}  {:>10}  {:>7.0f}  {:>6}  {:>6}  {:>8}{}\n", domain::to_string(d.date),
                       load.run_distance_m > 0 ? format_distance(load.run_distance_m, style.units) : std::string("-"),
                       load.impact_load, or_na(m.acwr_ewma), or_na(m.monotony), percent(m.week_change), ids);
  }));
  // What the columns mean, once under the table.
  auto& gloss = style.glosses;
  out += fmt::format("impact: the day's impact load{}\nACWR{}\nmono: monotony{}\nweek: the weekly change{}\n",
                     gloss("impact load"), gloss("ACWR"), gloss("monotony"), gloss("weekly change"));
  return out;
}

std::string describe(const analytics::Insights& i, TextStyle& style) {
  auto& gloss = style.glosses;
  const auto distance = [&style](double km) { return format_distance(km * domain::kMetresPerKm, style.units, 1); };
  std::string out = i.message + "\n";
  if (!i.enough_data) return out;
  out += fmt::format("Pain-free weeks: {}, {} of running a week on average", i.pain_free_weeks,
                     distance(i.pain_free_mean_run_km));
  out += i.pain_free_mean_max_acwr
             ? fmt::format(", highest ACWR {:.2f}{} on average.\n", *i.pain_free_mean_max_acwr, gloss("ACWR"))
             : std::string(".\n");
  for (const auto& s : i.sites) {
    out +=
        fmt::format("\n{}:\n  {}\n", s.site ? std::string(domain::name_of(*s.site)) : std::string("All sites"), s.text);
    out += fmt::format("  In the week before: {} of running on average", distance(s.mean_run_km_before));
    out += s.mean_max_acwr_before
               ? fmt::format(", highest ACWR {:.2f}{} on average.\n", *s.mean_max_acwr_before, gloss("ACWR"))
               : std::string(".\n");
    for (const auto& e : s.episodes) {
      out += fmt::format("  {} {} {}: {} in the week before, highest spike {}{}\n", domain::to_string(e.episode.start),
                         domain::name_of(e.episode.side), domain::name_of(e.episode.site), distance(e.before.run_km),
                         e.before.max_spike ? fmt::format("{:.2f}x", *e.before.max_spike) : std::string("n/a"),
                         gloss("single-run spike"));
    }
  }
  return out;
}

}  // namespace stridecare::cli
