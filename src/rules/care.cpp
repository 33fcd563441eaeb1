#include "rules/care.hpp"

#include <fmt/format.h>

#include "rules/rule_ids.hpp"

namespace stridecare::rules {
namespace {

using domain::where;

std::string sites_text(const std::vector<const ActiveEpisode*>& episodes) {
  std::string out;
  for (const ActiveEpisode* e : episodes) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} (day {} of this episode)", where(e->site, e->side), e->episode_day);
  }
  return out;
}

}  // namespace

std::vector<CareAdvice> care_advice(const TriageResult& triage, const RuleBook& book) {
  std::vector<CareAdvice> out;
  if (triage.action == Action::emergency || triage.action == Action::urgent_care) return out;
  const auto text = [&](std::string_view id) { return book.advice.at(std::string(id)); };

  std::vector<const ActiveEpisode*> ice;
  std::vector<const ActiveEpisode*> heat;
  for (const ActiveEpisode& e : triage.episodes) {
    if (e.episode_day <= book.care.ice_last_episode_day) {
      ice.push_back(&e);
    } else if (e.episode_day >= book.care.heat_first_episode_day && !e.swelling) {
      heat.push_back(&e);
    }
  }
  if (!ice.empty()) {
    out.push_back({std::string(ids::kCareIce1), fmt::format("{} For: {}.", text(ids::kCareIce1), sites_text(ice))});
  } else if (!heat.empty()) {
    out.push_back({std::string(ids::kCareHeat1), fmt::format("{} For: {}.", text(ids::kCareHeat1), sites_text(heat))});
  }
  if (!triage.episodes.empty()) {
    out.push_back({std::string(ids::kCareMed1), text(ids::kCareMed1)});
    out.push_back({std::string(ids::kCareEvid1), text(ids::kCareEvid1)});
  }
  if (triage.action == Action::stop_running || triage.action == Action::reduce) {
    out.push_back({std::string(ids::kCareRun1), text(ids::kCareRun1)});
  }
  return out;
}

}  // namespace stridecare::rules
