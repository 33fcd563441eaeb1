#include "services/insights.hpp"

#include "rules/episodes.hpp"

namespace stridecare::services {

namespace {

Json to_json(const analytics::BandCount& b) {
  return {{"band", b.band}, {"above", b.above}, {"episodes", b.episodes}, {"pain_free_weeks", b.pain_free_weeks}};
}

Json to_json(const analytics::SiteInsight& s) {
  Json bands = Json::array();
  for (const auto& b : s.bands) bands.push_back(to_json(b));
  Json details = Json::array();
  for (const auto& e : s.episodes) {
    details.push_back({{"site", domain::name_of(e.episode.site)},
                       {"side", domain::name_of(e.episode.side)},
                       {"start", domain::to_string(e.episode.start)},
                       {"window_from", domain::to_string(e.before.from)},
                       {"max_spike", optional_json(e.before.max_spike)},
                       {"run_km_before", e.before.run_km},
                       {"max_acwr_before", optional_json(e.before.max_acwr)},
                       {"in_history", e.before.in_history}});
  }
  return {{"site", s.site ? Json(domain::name_of(*s.site)) : Json(nullptr)},
          {"episodes", s.episodes.size()},
          {"text", s.text},
          {"caution", s.caution ? to_json(*s.caution) : Json(nullptr)},
          {"bands", bands},
          {"episodes_under_first_band", s.episodes_under_first_band},
          {"mean_run_km_before", s.mean_run_km_before},
          {"mean_max_acwr_before", optional_json(s.mean_max_acwr_before)},
          {"episode_details", details}};
}

}  // namespace

Expected<analytics::Insights> insights(Session& s, domain::Date as_of) {
  auto checkins = s.store.list_checkins({std::nullopt, as_of});
  if (!checkins) return std::unexpected(checkins.error());
  auto activities = s.store.list_activities({std::nullopt, as_of});
  if (!activities) return std::unexpected(activities.error());
  const auto analysis = analytics::analyse(*activities, as_of, s.rules.load);
  std::vector<analytics::PainEpisode> episodes;
  for (const auto& e : rules::all_episodes(*checkins, s.rules.episode)) episodes.push_back({e.site, e.side, e.start});
  std::vector<domain::Date> pain_days;
  for (const auto& c : *checkins) {
    if (c.pain > 0) pain_days.push_back(c.date);
  }
  return analytics::find_insights(analysis, episodes, pain_days, s.rules.triage.load_warning_lead_days, s.rules.load);
}

Json to_json(const analytics::Insights& i) {
  Json sites = Json::array();
  for (const auto& s : i.sites) sites.push_back(to_json(s));
  return {{"enough_data", i.enough_data},
          {"message", i.message},
          {"pain_free_weeks", i.pain_free_weeks},
          {"pain_free_mean_run_km", i.pain_free_mean_run_km},
          {"pain_free_mean_max_acwr", optional_json(i.pain_free_mean_max_acwr)},
          {"insights", sites}};
}

}  // namespace stridecare::services
