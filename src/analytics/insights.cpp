#include "analytics/insights.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/wording.hpp"

namespace stridecare::analytics {

using domain::kMetresPerKm;

namespace {

constexpr int kDaysPerWeek = 7;

using Days = std::chrono::sys_days;

WindowLoad window_load(const LoadAnalysis& a, domain::Date from, domain::Date to) {
  WindowLoad w;
  w.from = from;
  w.to = to;
  if (a.history.days.empty()) return w;
  w.in_history = Days{a.history.days.front().day} <= Days{from};
  // Spikes are in session order, which is by day.
  const auto first = std::lower_bound(a.spikes.begin(), a.spikes.end(), from, [&a](const RunSpike& s, domain::Date d) {
    return Days{a.run_of(s).day} < Days{d};
  });
  for (auto it = first; it != a.spikes.end() && Days{a.run_of(*it).day} <= Days{to}; ++it) {
    if (it->ratio) w.max_spike = std::max(w.max_spike.value_or(0), *it->ratio);
  }
  for (auto d = Days{from}; d <= Days{to}; d += std::chrono::days{1}) {
    const auto i = a.history.index_of(domain::Date{d});
    if (!i) continue;
    w.run_km += a.history.days[*i].run_distance_m / kMetresPerKm;
    if (const auto acwr = a.at(*i).acwr_ewma) w.max_acwr = std::max(w.max_acwr.value_or(0), *acwr);
  }
  return w;
}

bool over(const WindowLoad& w, double above) { return w.max_spike && *w.max_spike > above; }

std::string episodes_word(const std::optional<domain::Site>& site, int n) {
  const std::string noun = n == 1 ? "episode" : "episodes";
  return site ? fmt::format("{} {}", domain::name_of(*site), noun) : fmt::format("pain {}", noun);
}

SiteInsight site_insight(std::optional<domain::Site> site, std::vector<EpisodeLoad> episodes,
                         const std::vector<WindowLoad>& pain_free, const domain::LoadParameters& p) {
  SiteInsight s;
  s.site = site;
  s.episodes = std::move(episodes);
  const int n = static_cast<int>(s.episodes.size());
  const int weeks = static_cast<int>(pain_free.size());
  int acwr_count = 0;
  double acwr_sum = 0;
  for (const auto& e : s.episodes) {
    s.mean_run_km_before += e.before.run_km / n;
    if (e.before.max_acwr) {
      acwr_sum += *e.before.max_acwr;
      ++acwr_count;
    }
    if (p.spike_bands.empty() || !over(e.before, p.spike_bands.front().above)) ++s.episodes_under_first_band;
  }
  if (acwr_count > 0) s.mean_max_acwr_before = acwr_sum / acwr_count;
  for (const auto& band : p.spike_bands) {
    BandCount c{band.name, band.above, 0, 0};
    for (const auto& e : s.episodes) c.episodes += over(e.before, band.above) ? 1 : 0;
    for (const auto& w : pain_free) c.pain_free_weeks += over(w, band.above) ? 1 : 0;
    s.bands.push_back(c);
    const bool most = 2 * c.episodes >= n && c.episodes > 0;
    const bool more_often =
        weeks > 0 && static_cast<double>(c.episodes) / n > static_cast<double>(c.pain_free_weeks) / weeks;
    if (most && more_often) s.caution = c;  // the highest such band: the sharpest finding
  }

  const std::string what = episodes_word(site, n);
  if (s.caution) {
    s.text = fmt::format(
        "{} of your {} {} began within a week of a run over {:.2f}x your 30-day longest ({} spike); "
        "{} of your {} had such a run.",
        s.caution->episodes, n, what, s.caution->above, s.caution->band, s.caution->pain_free_weeks,
        domain::plural(weeks, "pain-free week"));
  } else {
    s.text = fmt::format("No spike band came before most of your {} {} more often than in your {}.", n, what,
                         domain::plural(weeks, "pain-free week"));
  }
  if (!p.spike_bands.empty()) {
    s.text += s.episodes_under_first_band == 0
                  ? fmt::format(" None began after only runs under {:.2f}x.", p.spike_bands.front().above)
                  : fmt::format(" {} of them had no run over {:.2f}x in the week before.", s.episodes_under_first_band,
                                p.spike_bands.front().above);
  }
  return s;
}

}  // namespace

Insights find_insights(const LoadAnalysis& a, std::span<const PainEpisode> episodes,
                       std::span<const domain::Date> pain_days_in, int lead_days, const domain::LoadParameters& p) {
  Insights out;
  const int n = static_cast<int>(episodes.size());
  if (n < p.insight_min_episodes || a.history.days.empty()) {
    out.message = fmt::format(
        "{} on record{}: at least {} are needed before your own data can say what came before them.",
        domain::plural(n, "pain episode"), a.history.days.empty() ? " and no training" : "", p.insight_min_episodes);
    return out;
  }

  std::vector<domain::Date> pain_days(pain_days_in.begin(), pain_days_in.end());
  std::sort(pain_days.begin(), pain_days.end());
  std::vector<domain::Date> starts;
  for (const auto& e : episodes) starts.push_back(e.start);
  std::sort(starts.begin(), starts.end());
  const auto any_in = [](const std::vector<domain::Date>& days, domain::Date from, domain::Date to) {
    const auto it = std::lower_bound(days.begin(), days.end(), from);
    return it != days.end() && Days{*it} <= Days{to};
  };

  // Pain-free ISO weeks inside the history.
  const domain::Date first = a.history.days.front().day;
  const domain::Date last = a.history.days.back().day;
  const int to_monday =
      (kDaysPerWeek + 1 - static_cast<int>(std::chrono::weekday{Days{first}}.iso_encoding())) % kDaysPerWeek;
  std::vector<WindowLoad> pain_free;
  for (domain::Date mon = domain::add_days(first, to_monday);
       Days{domain::add_days(mon, kDaysPerWeek - 1)} <= Days{last}; mon = domain::add_days(mon, kDaysPerWeek)) {
    const domain::Date sun = domain::add_days(mon, kDaysPerWeek - 1);
    if (any_in(pain_days, mon, sun) || any_in(starts, mon, domain::add_days(sun, lead_days))) continue;
    pain_free.push_back(window_load(a, mon, sun));
  }
  out.pain_free_weeks = static_cast<int>(pain_free.size());
  int acwr_count = 0;
  double acwr_sum = 0;
  for (const auto& w : pain_free) {
    out.pain_free_mean_run_km += w.run_km / static_cast<double>(pain_free.size());
    if (w.max_acwr) {
      acwr_sum += *w.max_acwr;
      ++acwr_count;
    }
  }
  if (acwr_count > 0) out.pain_free_mean_max_acwr = acwr_sum / acwr_count;

  std::vector<EpisodeLoad> all;
  for (const auto& e : episodes) all.push_back({e, window_load(a, domain::add_days(e.start, -lead_days), e.start)});
  std::sort(all.begin(), all.end(),
            [](const EpisodeLoad& x, const EpisodeLoad& y) { return Days{x.episode.start} < Days{y.episode.start}; });

  out.enough_data = true;
  out.sites.push_back(site_insight(std::nullopt, all, pain_free, p));
  for (const auto& [site, name] : domain::EnumNames<domain::Site>::table) {
    std::vector<EpisodeLoad> of_site;
    for (const auto& e : all) {
      if (e.episode.site == site) of_site.push_back(e);
    }
    if (static_cast<int>(of_site.size()) >= p.insight_min_episodes) {
      out.sites.push_back(site_insight(site, std::move(of_site), pain_free, p));
    }
  }
  out.message = out.pain_free_weeks == 0
                    ? "No pain-free week in your history yet to compare with: the counts below stand alone."
                    : fmt::format("{} against {}.", domain::plural(n, "pain episode"),
                                  domain::plural(out.pain_free_weeks, "pain-free week"));
  return out;
}

}  // namespace stridecare::analytics
