#include "services/today.hpp"

#include <algorithm>

#include "services/load.hpp"

namespace stridecare::services {

Expected<TodayReport> today(Session& s, domain::Date date) {
  auto checkins = s.store.list_checkins({std::nullopt, date});
  if (!checkins) return std::unexpected(checkins.error());
  auto activities = s.store.list_activities({std::nullopt, date});
  if (!activities) return std::unexpected(activities.error());
  std::vector<domain::Date> run_days;
  for (const auto& a : *activities) {
    if (a.kind() == domain::ActivityKind::run && (run_days.empty() || run_days.back() != a.date))
      run_days.push_back(a.date);
  }
  const analytics::LoadAnalysis load = analytics::analyse(*activities, date, s.rules.load);
  TodayReport r;
  r.date = date;
  r.triage = rules::triage({date, *checkins, run_days, triage_lookup(load, s.rules.load)}, s.rules);
  r.warnings = analytics::warnings_as_of(load, date, s.rules.load);
  r.action_text = s.rules.action_text.at(r.triage.action);
  r.care = rules::care_advice(r.triage, s.rules);
  r.disclaimer = s.rules.disclaimer;
  return r;
}

Json to_json(const TodayReport& r) {
  Json rules_json = Json::array();
  for (const auto& f : r.triage.rules) rules_json.push_back(to_json(f));
  Json care = Json::array();
  for (const auto& c : r.care) care.push_back(to_json(c));
  Json warnings = Json::array();
  for (const auto& w : r.warnings) warnings.push_back(to_json(w));
  Json episodes = Json::array();
  for (const auto& e : r.triage.episodes) {
    episodes.push_back({{"site", domain::name_of(e.site)},
                        {"side", domain::name_of(e.side)},
                        {"start", domain::to_string(e.start)},
                        {"episode_day", e.episode_day},
                        {"swelling", e.swelling}});
  }
  return {{"date", domain::to_string(r.date)},
          {"action", domain::name_of(r.triage.action)},
          {"action_text", r.action_text},
          {"rules", rules_json},
          {"care", care},
          {"warnings", warnings},
          {"sessions", Json::array()},
          {"episodes", episodes},
          {"disclaimer", r.disclaimer}};
}

}  // namespace stridecare::services
