#include "services/plan.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "planner/exercise_library.hpp"
#include "services/journal.hpp"
#include "services/routines.hpp"

namespace stridecare::services {
namespace {

constexpr int kPlanDays = 7;

/// "TRIAGE-PMM-3: pain 4/10 in the left knee ..." for the change's why.
std::string cited(const planner::PlanReason& r) { return fmt::format("{}: {}", r.id, r.why); }

/// Why the day reads as it does now: the triage when the action changed,
/// else the rule of its first session, else the rule that keeps it free.
std::string change_why(const PlanReport& r, const planner::PlanDay& day, const domain::ShownDay& was) {
  if (was.action != domain::name_of(r.plan.action) && !r.action_rules.empty()) {
    const auto& top = r.action_rules.front();
    return fmt::format("{}: {} (was {}, now {})", top.id, top.why, was.action, domain::name_of(r.plan.action));
  }
  if (!day.sessions.empty() && !day.sessions.front().rules.empty()) return cited(day.sessions.front().rules.front());
  return cited(rest_reason(r.plan, day));
}

Json reasons_json(const std::vector<planner::PlanReason>& reasons) {
  Json out = Json::array();
  for (const auto& r : reasons) out.push_back({{"id", r.id}, {"why", r.why}});
  return out;
}

/// The steps of a routine, as `guide ... --dry-run --json` lists them; [] without one.
Json steps_json(const std::optional<planner::Routine>& r) {
  if (!r) return Json::array();
  return to_json(*r)["steps"];
}

std::optional<double> rounded(std::optional<double> v, double per, int decimals) {
  if (!v) return std::nullopt;
  const double scale = std::pow(10.0, decimals);
  return std::round(*v / per * scale) / scale;
}

}  // namespace

/// "6 min: leg swings, hip circles, walking lunges" (each exercise once, in order).
std::string routine_summary(const planner::Routine& r) {
  std::vector<std::string> names;
  for (const auto& step : r.steps) {
    if (std::ranges::find(names, step.name) == names.end()) names.push_back(step.name);
  }
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  const int minutes = (r.total_s() + 59) / 60;
  return fmt::format("{} min: {}", minutes, list);
}

/// "Goblet squat 3x10 @ 20 kg, Lunge 3x8 each side, ..." from the session's steps.
std::string strength_summary(const planner::Routine& r, domain::UnitSystem units) {
  struct Entry {
    std::string name;
    int sets = 0;
    std::optional<int> reps;
    std::optional<int> seconds;
    std::optional<double> load_kg;
    bool sided = false;
  };
  std::vector<Entry> entries;
  for (const auto& step : r.steps) {
    auto it = std::ranges::find(entries, step.name, &Entry::name);
    if (it == entries.end()) {
      entries.push_back({step.name, 0, step.reps, step.seconds, step.load_kg, step.side != domain::Side::both});
      it = entries.end() - 1;
    }
    it->sets = std::max(it->sets, step.round);
  }
  std::string out;
  for (const auto& e : entries) {
    std::string dose =
        e.reps ? fmt::format("{}x{}", e.sets, *e.reps) : fmt::format("{}x{} s", e.sets, e.seconds.value_or(0));
    if (e.sided) dose += " each side";
    if (e.load_kg) dose += " @ " + domain::format_load(*e.load_kg, units);
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", e.name, dose);
  }
  return out;
}

std::string condition_text(std::string_view condition) {
  std::string out(condition);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

std::string session_headline(const planner::PlannedSession& s) {
  std::string title = s.title;
  if (s.kind == planner::SessionKind::run && s.duration_s) {
    title += fmt::format(" (about {} min)", (*s.duration_s + 59) / 60);
  }
  if (!s.effort.empty() && s.kind != planner::SessionKind::strength) title += ", " + s.effort;
  return title;
}

planner::PlanReason rest_reason(const planner::WeeklyPlan& plan, const planner::PlanDay& d) {
  if (!d.notes.empty()) return d.notes.front();
  const bool none = std::ranges::all_of(plan.days, [](const planner::PlanDay& day) { return day.sessions.empty(); });
  if (none) {
    return {std::string(planner::kPlanRest1), "nothing is planned this week under the action in force (see why above)"};
  }
  return {std::string(planner::kPlanRest1), "no session planned this day: the week's sessions are on the others"};
}

std::string day_summary(const planner::PlanDay& d) {
  if (d.sessions.empty()) return "Rest";
  std::string out;
  for (const auto& s : d.sessions) out += (out.empty() ? "" : " + ") + s.title;
  return out;
}

Expected<PlanReport> plan(Session& s, domain::Date start, domain::UnitSystem units, Remember remember) {
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  auto checkins = s.store.list_checkins({std::nullopt, start});
  if (!checkins) return std::unexpected(checkins.error());
  auto activities = s.store.list_activities({std::nullopt, start});
  if (!activities) return std::unexpected(activities.error());

  const planner::DayAssessment assessment = planner::assess_day({start, *checkins, *activities, units}, s.rules);
  domain::Profile shown = *profile;
  shown.units = units;  // the figures of the reasons in the units asked for
  PlanReport r;
  r.plan = planner::plan_week({start, &shown, &assessment, *checkins, *activities, profile->weekly_goal_m},
                              planner::default_exercise_library(), s.rules);
  r.action_rules = rules::split_by_level(assessment.triage).first;
  r.action_text = assessment.action_text;
  r.units = units;
  r.session_time = profile->session_time;
  r.time_zone = profile->time_zone;
  r.disclaimer = s.rules.disclaimer;

  const domain::Date last = domain::add_days(start, kPlanDays - 1);
  auto before = s.store.list_shown_days({start, last});
  if (!before) return std::unexpected(before.error());
  std::vector<domain::ShownDay> now;
  for (const auto& day : r.plan.days) {
    domain::ShownDay d{day.date, day_summary(day), std::string(domain::name_of(r.plan.action))};
    const auto was = std::ranges::find(*before, day.date, &domain::ShownDay::date);
    if (was != before->end() && was->summary != d.summary) {
      r.changes.push_back({day.date, was->summary, d.summary, change_why(r, day, *was)});
    }
    now.push_back(std::move(d));
  }
  // The same plan shown again is already remembered: no write, so no wait for the disk.
  const bool known = std::ranges::all_of(
      now, [&](const domain::ShownDay& d) { return std::ranges::find(*before, d) != before->end(); });
  if (remember == Remember::yes && !known) {
    if (auto ok = s.store.save_shown_days(now); !ok) return std::unexpected(ok.error());
  }
  return r;
}

Json to_json(const planner::PlannedSession& s) {
  static constexpr std::array<std::string_view, 4> kKinds{"run", "cross", "strength", "rest"};
  return {{"kind", kKinds[static_cast<std::size_t>(s.kind)]},
          {"sport", domain::name_of(s.sport)},
          {"title", s.title},
          {"distance_km", optional_json(rounded(s.distance_m, domain::kMetresPerKm, 2))},
          {"duration_min", optional_json(rounded(s.duration_s ? std::optional<double>(*s.duration_s) : std::nullopt,
                                                 domain::kSecondsPerMinute, 0))},
          {"effort", s.effort},
          {"condition", optional_json(s.condition)},
          {"long_run", s.long_run},
          {"programme", s.programme},
          {"warmup", steps_json(s.warmup)},
          {"cooldown", steps_json(s.cooldown)},
          {"exercises", steps_json(s.strength)},
          {"rules", reasons_json(s.rules)},
          // The lines `plan` and the .ics write, so that a page words the session as they do.
          {"condition_text", s.condition ? Json(condition_text(*s.condition)) : Json()},
          {"warmup_summary", s.warmup ? Json(routine_summary(*s.warmup)) : Json()},
          {"cooldown_summary", s.cooldown ? Json(routine_summary(*s.cooldown)) : Json()},
          {"exercises_summary", s.strength ? Json(strength_summary(*s.strength, domain::UnitSystem::metric)) : Json()}};
}

Json to_json(const PlanReport& r) {
  Json days = Json::array();
  for (const auto& d : r.plan.days) {
    Json sessions = Json::array();
    for (const auto& s : d.sessions) sessions.push_back(to_json(s));
    if (d.sessions.empty()) {
      planner::PlannedSession rest;
      rest.kind = planner::SessionKind::rest;
      rest.sport = domain::Sport::other;
      rest.title = "Rest";
      rest.effort = "rest";
      rest.rules = {rest_reason(r.plan, d)};
      Json j = to_json(rest);
      j["sport"] = nullptr;
      sessions.push_back(std::move(j));
    }
    days.push_back({{"date", domain::to_string(d.date)},
                    {"weekday", domain::weekday_name(std::chrono::weekday{d.date})},
                    {"available", d.available},
                    {"sessions", sessions},
                    {"notes", reasons_json(d.notes)}});
  }
  Json why = Json::array();
  for (const auto& f : r.action_rules) why.push_back({{"id", f.id}, {"why", f.why}});
  Json changes = Json::array();
  for (const auto& c : r.changes) {
    changes.push_back({{"date", domain::to_string(c.date)}, {"was", c.was}, {"now", c.now}, {"why", c.why}});
  }
  const double run_m = r.plan.run_distance_m();
  return {{"start", domain::to_string(r.plan.start)},
          {"action", domain::name_of(r.plan.action)},
          {"action_text", r.action_text},
          {"first", optional_json(r.plan.first)},
          {"why", why},
          {"rules", reasons_json(r.plan.rules)},
          {"run_km", std::round(run_m / domain::kMetresPerKm * 100) / 100},
          {"days", days},
          {"changes", changes},
          {"disclaimer", r.disclaimer}};
}

}  // namespace stridecare::services
