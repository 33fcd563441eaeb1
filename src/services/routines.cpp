#include "services/routines.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "planner/day_assessment.hpp"
#include "planner/strength.hpp"
#include "rules/rule_ids.hpp"
#include "rules/triage.hpp"
#include "services/environment.hpp"
#include "services/journal.hpp"
#include "services/today.hpp"

namespace stridecare::services {

Expected<planner::RoutineContext> routine_context(Session& s, domain::Date date) {
  auto profile = s.store.load_profile();
  if (!profile) return std::unexpected(profile.error());
  const bool gym_access = profile->has_value() && (*profile)->gym_access;
  auto checkins = s.store.list_checkins({std::nullopt, date});
  if (!checkins) return std::unexpected(checkins.error());
  auto activities = s.store.list_activities({std::nullopt, date});
  if (!activities) return std::unexpected(activities.error());
  // The episodes as `today` sees them: held open by stops and return-to-run programmes.
  const auto state = planner::standing_state({date, *checkins, *activities}, s.rules);
  return planner::routine_context(state.episodes, *checkins, gym_access);
}

namespace {

/// "warm-up", "cool-down", "strength routine".
std::string routine_name(planner::RoutineKind kind) {
  switch (kind) {
    case planner::RoutineKind::warmup:
      return "warm-up";
    case planner::RoutineKind::cooldown:
      return "cool-down";
    case planner::RoutineKind::strength:
      return "strength routine";
  }
  return "routine";
}

/// "stop running" for stop_running.
std::string action_words(rules::Action a) {
  std::string out(domain::name_of(a));
  std::ranges::replace(out, '_', ' ');
  return out;
}

}  // namespace

std::vector<planner::RoutineKind> allowed_routines(rules::Action action) {
  using planner::RoutineKind;
  switch (action) {
    case rules::Action::emergency:
    case rules::Action::urgent_care:
      return {};
    case rules::Action::see_clinician:
    case rules::Action::stop_running:
      return {RoutineKind::cooldown, RoutineKind::strength};
    case rules::Action::reduce:
    case rules::Action::keep_going:
      break;
  }
  return {RoutineKind::warmup, RoutineKind::cooldown, RoutineKind::strength};
}

Expected<GuidePermission> guide_permission(Session& s, planner::RoutineKind kind, domain::Date date) {
  auto report = today(s, date);
  if (!report) return std::unexpected(report.error());
  GuidePermission p;
  p.action = report->triage.action;
  const std::string& what_to_do = s.rules.action_text.at(p.action);
  const int pain_max = s.rules.safe.cross_strength_pain_max;
  auto refused = [&](std::string message) {
    return std::unexpected(domain::Error{domain::ErrorKind::refused, "ROUTINE", std::move(message)});
  };
  const auto allowed = allowed_routines(p.action);
  if (allowed.empty()) {
    return refused(fmt::format(
        "no {} now: the action in force is {} ({}: no exercise guidance at all). {} Exercise guidance returns "
        "once a check-in records that a clinician has cleared you.",
        routine_name(kind), action_words(p.action), rules::ids::kSafeGuide1, what_to_do));
  }
  if (std::ranges::find(allowed, kind) == allowed.end()) {
    return refused(
        fmt::format("no warm-up now: the action in force is {} ({}: no running, and a warm-up prepares a run). {} "
                    "Instead: the cool-down or the strength routine, only while pain stays at {}/10 or below.",
                    action_words(p.action), rules::ids::kSafeGuide2, what_to_do, pain_max));
  }
  if (p.action == rules::Action::see_clinician || p.action == rules::Action::stop_running) {
    p.rule = std::string(rules::ids::kSafeGuide2);
    p.condition =
        fmt::format("Only while pain stays at {}/10 or below; stop if it rises above {}.", pain_max, pain_max);
    p.easier_variants = kind == planner::RoutineKind::strength;
  }
  return p;
}

Expected<planner::Routine> routine(Session& s, planner::RoutineKind kind, domain::Date date) {
  auto permission = guide_permission(s, kind, date);
  if (!permission) return std::unexpected(permission.error());
  auto ctx = routine_context(s, date);
  if (!ctx) return std::unexpected(ctx.error());
  ctx->easier_variants = permission->easier_variants;
  if (kind == planner::RoutineKind::strength) {
    // The doses `strength` shows, so that the guide and the report agree.
    auto report = strength_report(s, date);
    if (!report) return std::unexpected(report.error());
    ctx->doses = std::move(report->next);
  }
  auto r = planner::build_routine(kind, planner::default_exercise_library(), *ctx, s.rules);
  r.condition = permission->condition;
  if (permission->rule) r.rules.push_back(*permission->rule);
  return r;
}

Expected<Guide> guide(Session& s, planner::RoutineKind kind, domain::Date date) {
  auto r = routine(s, kind, date);
  if (!r) return std::unexpected(r.error());
  Guide g{std::move(*r), {}};
  if (kind != planner::RoutineKind::strength) return g;
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  domain::Activity session;
  session.sport = domain::Sport::strength;
  session.date = date;
  if (date == today_in(profile->time_zone)) session.time = minute_now_in(profile->time_zone);
  auto warnings = strength_warnings(s, session);
  if (!warnings) return std::unexpected(warnings.error());
  // Only what came before: a session logged later that day is not this one's concern.
  std::erase_if(warnings->rest, [](const planner::RestWarning& w) { return w.session.id != 0; });
  g.warnings = std::move(*warnings);
  return g;
}

Expected<domain::Id> record_routine(Session& s, const domain::RoutineSession& r) {
  if (auto ok = domain::validate(r); !ok) return std::unexpected(ok.error());
  return s.store.add_routine(r);
}

Expected<std::vector<domain::RoutineSession>> list_routines(Session& s, const domain::DateRange& range) {
  return s.store.list_routines(range);
}

const std::vector<domain::Exercise>& exercises() { return planner::default_exercise_library().all(); }

const domain::Exercise* find_exercise(std::string_view id) { return planner::default_exercise_library().find(id); }

Json to_json(const planner::Routine& r) {
  Json steps = Json::array();
  for (const auto& step : r.steps) {
    Json j = {{"exercise", step.exercise}, {"name", step.name}, {"side", domain::name_of(step.side)}};
    if (step.seconds) j["seconds"] = *step.seconds;
    if (step.reps) j["reps"] = *step.reps;
    if (step.load_kg) j["load_kg"] = *step.load_kg;
    j["round"] = step.round;
    j["duration_s"] = step.duration_s;
    steps.push_back(std::move(j));
  }
  return {{"kind", domain::name_of(r.kind)},         {"total_s", r.total_s()}, {"rules", r.rules}, {"notes", r.notes},
          {"condition", optional_json(r.condition)}, {"steps", steps}};
}

Json to_json(const Guide& g) {
  Json j = to_json(g.routine);
  j["warnings"] = to_json(g.warnings);
  return j;
}

Expected<RoutinesReport> routines_report(Session& s, domain::Date from, domain::Date to) {
  RoutinesReport r{from, to, {}, {}};
  auto routines = s.store.list_routines({from, to});
  if (!routines) return std::unexpected(routines.error());
  std::ranges::sort(*routines, {}, [](const auto& x) { return std::tuple(x.date, x.time.value_or(-1), x.id); });
  auto activities = s.store.list_activities({std::nullopt, to});
  if (!activities) return std::unexpected(activities.error());
  auto checkins = s.store.list_checkins({std::nullopt, to});
  if (!checkins) return std::unexpected(checkins.error());
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  constexpr int kDaysPerWeek = 7;
  for (auto& week : planner::adherence(*activities, *routines, from, to)) {
    // Read once above: each week's assessment ignores what comes after its end.
    const bool in_episode = !planner::standing_state({week.to, *checkins, *activities}, s.rules).episodes.empty();
    std::optional<int> history_weeks;
    if (!activities->empty() && !(week.to < activities->front().date)) {
      history_weeks = domain::days_between(activities->front().date, week.to) / kDaysPerWeek;
    }
    auto target = planner::frequency_target(profile->strength_per_week, in_episode, history_weeks, s.rules.strength);
    r.weeks.push_back({std::move(week), std::move(target)});
  }
  r.routines = std::move(*routines);
  return r;
}

Expected<RoutinesReport> routines_report(Session& s, const domain::DateRange& range, domain::Date today,
                                         std::string_view to_name) {
  constexpr int kWeeksBefore = 7;
  constexpr int kDaysPerWeek = 7;
  const domain::Date to = range.to.value_or(today);
  const domain::Date from =
      range.from.value_or(domain::add_days(planner::week_start(to), -kWeeksBefore * kDaysPerWeek));
  if (auto ok = domain::check_range(from, to, to_name); !ok) return std::unexpected(ok.error());
  return routines_report(s, from, to);
}

Json to_json(const RoutinesReport& r) {
  Json routines = Json::array();
  for (const auto& x : r.routines) {
    Json j = to_json(x);
    constexpr double kTenths = 10;
    j["minutes"] = std::round(x.seconds / domain::kSecondsPerMinute * kTenths) / kTenths;
    routines.push_back(std::move(j));
  }
  Json weeks = Json::array();
  for (const auto& [w, target] : r.weeks) {
    weeks.push_back({{"week", w.week},
                     {"from", domain::to_string(w.from)},
                     {"to", domain::to_string(w.to)},
                     {"runs", w.runs},
                     {"runs_with_warmup", w.runs_with_warmup},
                     {"runs_with_cooldown", w.runs_with_cooldown},
                     {"strength_sessions", w.strength_sessions},
                     {"strength_target", target.target},
                     {"strength_rule", planner::kStrengthFreq1},
                     {"strength_why", target.why}});
  }
  return {
      {"from", domain::to_string(r.from)}, {"to", domain::to_string(r.to)}, {"routines", routines}, {"weeks", weeks}};
}

Json to_json(const domain::Exercise& e) {
  Json muscles = Json::array();
  for (auto m : e.muscles) muscles.push_back(domain::name_of(m));
  Json dose = Json::object();
  const std::pair<const char*, const std::optional<int>*> fields[] = {{"seconds", &e.dose.seconds},
                                                                      {"reps", &e.dose.reps},
                                                                      {"hold_s", &e.dose.hold_s},
                                                                      {"repetitions", &e.dose.repetitions},
                                                                      {"sets", &e.dose.sets}};
  for (const auto& [name, value] : fields) {
    if (*value) dose[name] = **value;
  }
  return {{"id", e.id},
          {"name", e.name},
          {"kind", domain::name_of(e.kind)},
          {"muscles", muscles},
          {"equipment", domain::name_of(e.equipment)},
          {"sides", domain::name_of(e.sides)},
          {"dose", dose},
          {"cues", e.cues},
          {"mistakes", e.mistakes},
          {"easier", optional_json(e.easier)},
          {"no_gym", optional_json(e.no_gym)}};
}

Json exercises_json(std::optional<domain::ExerciseKind> only) {
  Json list = Json::array();
  for (const auto& e : exercises()) {
    if (!only || e.kind == *only) list.push_back(to_json(e));
  }
  return Json{{"exercises", std::move(list)}};
}
}  // namespace stridecare::services
