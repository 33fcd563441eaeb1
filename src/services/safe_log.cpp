#include "services/safe_log.hpp"

#include <algorithm>

#include "domain/validate.hpp"
#include "planner/day_assessment.hpp"
#include "services/journal.hpp"

namespace stridecare::services {

Expected<std::vector<std::vector<planner::SafetyWarning>>> safe_log_warnings(Session& s,
                                                                             std::span<const domain::Activity> stored) {
  std::vector<std::vector<planner::SafetyWarning>> out(stored.size());
  const auto last =
      std::max_element(stored.begin(), stored.end(),
                       [](const domain::Activity& a, const domain::Activity& b) { return a.date < b.date; });
  const bool any_run = std::any_of(stored.begin(), stored.end(),
                                   [](const domain::Activity& a) { return a.sport == domain::Sport::run; });
  if (last == stored.end() || !any_run) return out;
  auto checkins = s.store.list_checkins({std::nullopt, last->date});
  if (!checkins) return std::unexpected(checkins.error());
  if (checkins->empty()) return out;  // no check-in, nothing in force
  auto activities = s.store.list_activities({std::nullopt, last->date});
  if (!activities) return std::unexpected(activities.error());
  const auto state = planner::standing_state({last->date, *checkins, *activities}, s.rules);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (auto w = planner::safe_log_warning(stored[i], state.spans, state.programmes, s.rules)) {
      out[i].push_back(std::move(*w));
    }
  }
  return out;
}

Expected<LoggedActivity> log_session(Session& s, domain::Activity a, OnDuplicate on_duplicate) {
  if (auto ok = domain::validate(a); !ok) return std::unexpected(ok.error());
  auto duplicate = identical_that_day(s.store, a);
  if (!duplicate) return std::unexpected(duplicate.error());
  if (*duplicate && on_duplicate == OnDuplicate::skip) return LoggedActivity{std::move(a), {}, *duplicate, false};
  auto stored = log_activity(s, std::move(a));
  if (!stored) return std::unexpected(stored.error());
  LoggedActivity out{std::move(*stored), {}, *duplicate, true};
  auto warnings = safe_log_warnings(s, std::span(&out.activity, 1));
  if (!warnings) return std::unexpected(warnings.error());
  out.warnings = std::move(warnings->front());
  return out;
}

Json to_json(const planner::SafetyWarning& w) {
  return {{"id", w.id},
          {"action", domain::name_of(w.action)},
          {"rule", w.rule},
          {"site", domain::name_of(w.site)},
          {"side", domain::name_of(w.side)},
          {"message", w.message}};
}

Json to_json(const LoggedActivity& a) {
  Json j = to_json(a.activity);
  if (!a.stored) j.erase("id");
  j["warnings"] = Json::array();
  for (const auto& w : a.warnings) j["warnings"].push_back(to_json(w));
  j["duplicate_of"] = a.duplicate_of ? Json(*a.duplicate_of) : Json(nullptr);
  j["stored"] = a.stored;
  return j;
}

}  // namespace stridecare::services
