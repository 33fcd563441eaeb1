#include "services/today.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "planner/exercise_library.hpp"
#include "rules/rule_ids.hpp"
#include "services/journal.hpp"
#include "services/load.hpp"
#include "services/plan.hpp"
#include "services/routines.hpp"

namespace stridecare::services {

Expected<TodayReport> today(Session& s, domain::Date date, domain::UnitSystem units) {
  auto checkins = s.store.list_checkins({std::nullopt, date});
  if (!checkins) return std::unexpected(checkins.error());
  auto activities = s.store.list_activities({std::nullopt, date});
  if (!activities) return std::unexpected(activities.error());
  planner::DayAssessment a = planner::assess_day({date, *checkins, *activities, units}, s.rules);
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  profile->units = units;
  TodayReport r;
  r.date = date;
  // The day's sessions are the first day of the plan from it: `today` and `plan` agree.
  auto week = planner::plan_week({date, &*profile, &a, *checkins, *activities, profile->weekly_goal_m},
                                 planner::default_exercise_library(), s.rules);
  r.sessions = std::move(week.days.front().sessions);
  r.session_notes = std::move(week.days.front().notes);
  for (const planner::Programme* p : a.active_programmes()) r.programmes.push_back(*p);
  r.triage = std::move(a.triage);
  r.action_text = std::move(a.action_text);
  r.care = std::move(a.care);
  r.warnings = std::move(a.warnings);
  r.pain_in_last_week = a.pain_in_last_week;
  r.disclaimer = s.rules.disclaimer;
  return r;
}

std::string checkin_question(const rules::CheckinDue& due) {
  return fmt::format("How does your {} feel today?", domain::where(due.site, due.side));
}

std::string programme_checkin_advice(const rules::RuleBook& book) {
  return fmt::format(
      "Check in after it and the next morning; it counts when the pain stays at {}/10 or below that day and {}/10 or "
      "below the next morning.",
      book.return_to_run.session_pain_max, book.return_to_run.next_morning_pain_max);
}

Json to_json(const planner::Programme& p, const rules::RuleBook& book) {
  const auto& t = book.return_to_run;
  const auto& stage = t.stages[static_cast<std::size_t>(p.stage)];
  static constexpr std::array<std::string_view, 4> kOffers{"session", "rest_day", "waiting", "done"};
  Json events = Json::array();
  for (const auto& e : p.events) events.push_back({{"date", domain::to_string(e.date)}, {"what", e.what}});
  return {{"site", domain::name_of(p.site)},
          {"side", domain::name_of(p.side)},
          {"stage", p.stage},
          {"stages", static_cast<int>(t.stages.size()) - 1},
          {"session", planner::session_text(stage)},
          {"stage_text", planner::stage_text(p.stage, t)},
          {"checkin_advice", p.offer == planner::Offer::session ? Json(programme_checkin_advice(book)) : Json()},
          {"session_min", stage.minutes()},
          {"walk_only", stage.walk_only()},
          {"done", p.done},
          {"repeats", stage.repeats},
          {"today", kOffers[static_cast<std::size_t>(p.offer)]},
          {"note", p.offer_note},
          {"since", domain::to_string(p.from)},
          {"started_by", p.started_by},
          {"rules", Json::array({std::string(rules::ids::kRtr1), std::string(planner::kPlanRtr1)})},
          {"events", events}};
}

Json to_json(const TodayReport& r, const rules::RuleBook& book) {
  const auto [at_level, also] = rules::split_by_level(r.triage);
  Json rules_json = Json::array();
  for (const auto& f : at_level) rules_json.push_back(to_json(f));
  Json also_json = Json::array();
  for (const auto& f : also) also_json.push_back(to_json(f));
  Json care = Json::array();
  for (const auto& c : r.care) care.push_back(to_json(c));
  Json warnings = Json::array();
  for (const auto& w : r.warnings) warnings.push_back(to_json(w));
  Json programmes = Json::array();
  for (const auto& p : r.programmes) programmes.push_back(to_json(p, book));
  Json due = Json::array();
  for (const auto& d : r.triage.checkin_due) {
    due.push_back({{"site", domain::name_of(d.site)},
                   {"side", domain::name_of(d.side)},
                   {"last", domain::to_string(d.last)},
                   {"question", checkin_question(d)},
                   {"rule", std::string(rules::ids::kSafeAsk1)}});
  }
  Json sessions = Json::array();
  for (const auto& s : r.sessions) sessions.push_back(to_json(s));
  Json session_notes = Json::array();
  for (const auto& n : r.session_notes) session_notes.push_back({{"id", n.id}, {"why", n.why}});
  Json routines_json = Json::array();  // the guided routines the action allows (SAFE-GUIDE-1/-2)
  for (const auto kind : allowed_routines(r.triage.action)) routines_json.push_back(domain::name_of(kind));
  Json episodes = Json::array();
  for (const auto& e : r.triage.episodes) {
    episodes.push_back({{"site", domain::name_of(e.site)},
                        {"side", domain::name_of(e.side)},
                        {"start", domain::to_string(e.start)},
                        {"episode_day", e.episode_day},
                        {"inflamed", e.inflamed}});
  }
  return {{"date", domain::to_string(r.date)},
          {"action", domain::name_of(r.triage.action)},
          {"action_text", r.action_text},
          {"rules", rules_json},
          {"also", also_json},
          {"care", care},
          {"warnings", warnings},
          {"sessions", sessions},
          {"session_notes", session_notes},
          {"return_to_run", programmes},
          {"checkin_due", due},
          {"episodes", episodes},
          {"pain_in_last_week", r.pain_in_last_week},
          {"routines", routines_json},
          {"disclaimer", r.disclaimer}};
}

}  // namespace stridecare::services
