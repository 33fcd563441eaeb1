#include "rules/care.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/rule_ids.hpp"

namespace stridecare::rules {
namespace {

using domain::where;

std::string sites_text(const std::vector<const ActiveEpisode*>& episodes) {
  std::string out;
  for (const ActiveEpisode* e : episodes) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} (day {} of the pain)", where(e->site, e->side), e->episode_day + 1);
  }
  return out;
}

}  // namespace

std::vector<CareAdvice> care_advice(const TriageResult& triage, const RuleBook& book) {
  std::vector<CareAdvice> out;
  if (triage.action == Action::emergency || triage.action == Action::urgent_care) return out;
  const auto text = [&](std::string_view id) { return book.advice.at(std::string(id)); };
  const auto brief = [&](std::string_view id) { return book.advice_brief.at(std::string(id)); };

  std::vector<const ActiveEpisode*> ice;
  std::vector<const ActiveEpisode*> heat;
  std::vector<const ActiveEpisode*> no_heat;
  for (const ActiveEpisode& e : triage.episodes) {
    if (e.episode_day <= book.care.ice_last_episode_day) {
      ice.push_back(&e);
    } else if (e.episode_day >= book.care.heat_first_episode_day) {
      (e.inflamed ? no_heat : heat).push_back(&e);
    }
  }
  const auto advice = [&](std::string_view id, const std::vector<const ActiveEpisode*>& where) {
    return CareAdvice{std::string(id), fmt::format("{} For: {}.", text(id), sites_text(where)), false,
                      fmt::format("{} For: {}.", brief(id), sites_text(where))};
  };
  if (!ice.empty()) {
    out.push_back(advice(ids::kCareIce1, ice));
  } else if (!heat.empty()) {
    out.push_back(advice(ids::kCareHeat1, heat));
  }
  if (!no_heat.empty()) {
    const std::string withheld = fmt::format("{} For: {}.", book.heat_withheld_text, sites_text(no_heat));
    out.push_back({std::string(ids::kCareHeat1), withheld, true, withheld});
  }
  if (!triage.episodes.empty()) {
    out.push_back({std::string(ids::kCareMed1), text(ids::kCareMed1), false, brief(ids::kCareMed1)});
  }
  if (!ice.empty() || !triage.episodes.empty()) {
    out.push_back({std::string(ids::kCareEvid1), text(ids::kCareEvid1), false, brief(ids::kCareEvid1)});
  }
  const bool programme = std::any_of(triage.rules.begin(), triage.rules.end(), [&](const FiredRule& r) {
    return r.id == ids::kRtr1 && r.action == triage.action;
  });
  if (triage.action == Action::stop_running || triage.action == Action::see_clinician) {
    out.push_back({std::string(ids::kCareRun1), book.run_stop_text, false, book.run_stop_text});
  } else if (triage.action == Action::reduce) {
    const std::string run = programme ? book.run_return_text : text(ids::kCareRun1);
    out.push_back({std::string(ids::kCareRun1), run, false, programme ? run : brief(ids::kCareRun1)});
  }
  return out;
}

}  // namespace stridecare::rules
