#include "services/strength.hpp"

#include <cmath>

#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "services/environment.hpp"
#include "services/input_checks.hpp"
#include "services/journal.hpp"
#include "services/routines.hpp"

namespace stridecare::services {
namespace {

/// The report's history: this many weeks back.
constexpr int kHistoryWeeks = 8;
/// The report shows a STRENGTH-REST-1 warning this many days back.
constexpr int kWarningDays = 7;
constexpr int kDaysPerWeek = 7;
constexpr int kHoursPerDay = 24;

Json session_ref(const domain::Activity& a) {
  return {{"id", a.id},
          {"date", domain::to_string(a.date)},
          {"time", a.time ? Json(domain::time_of_day_to_string(*a.time)) : Json(nullptr)}};
}

}  // namespace

Expected<LoggedStrength> log_strength(Session& s, domain::Activity a) {
  if (a.sport != domain::Sport::strength) {
    return domain::invalid("sport", "a strength session must have sport strength");
  }
  if (auto ok = domain::validate(a); !ok) return std::unexpected(ok.error());
  for (const auto& ex : a.exercises) {
    if (auto known = check_exercise_name(ex.exercise); !known) return std::unexpected(known.error());
  }
  a.id = 0;
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  if (!a.time && a.date == today_in(profile->time_zone)) {
    const int start =
        minute_now_in(profile->time_zone) - static_cast<int>(std::ceil(a.duration_s / domain::kSecondsPerMinute));
    if (start >= 0) a.time = start;
  }
  LoggedStrength out;
  auto done = s.store.transact([&]() -> Expected<void> {
    auto id = s.store.add_activity(a);
    if (!id) return std::unexpected(id.error());
    a.id = *id;
    auto warnings = strength_warnings(s, a);
    if (!warnings) return std::unexpected(warnings.error());
    out.warnings = std::move(*warnings);
    return {};
  });
  if (!done) return std::unexpected(done.error());
  out.activity = std::move(a);
  return out;
}

Expected<StrengthWarnings> strength_warnings(Session& s, const domain::Activity& session) {
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  // Neighbours closer than rest_hours are within this many days.
  const int reach = s.rules.strength.rest_hours / kHoursPerDay + 1;
  auto near = s.store.list_activities({domain::add_days(session.date, -reach), domain::add_days(session.date, reach)});
  if (!near) return std::unexpected(near.error());
  StrengthWarnings w;
  w.rest = planner::rest_warnings_around(*near, session, s.rules.strength, utc_minutes_in(profile->time_zone));
  w.long_run_eve = planner::long_run_eve_warning(session.date, profile->long_run_day);
  return w;
}

Expected<StrengthReport> strength_report(Session& s, domain::Date today) {
  StrengthReport r;
  r.today = today;
  r.week_from = planner::week_start(today);
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  auto context = routine_context(s, today);
  if (!context) return std::unexpected(context.error());
  auto all = s.store.list_activities({std::nullopt, today});
  if (!all) return std::unexpected(all.error());

  std::optional<int> history_weeks;
  if (!all->empty()) history_weeks = domain::days_between(all->front().date, today) / kDaysPerWeek;
  const auto& t = s.rules.strength;
  r.target = planner::frequency_target(profile->strength_per_week, context->in_episode(), history_weeks, t);

  const auto sessions = planner::strength_sessions(*all);
  const auto from = domain::add_days(today, -kHistoryWeeks * kDaysPerWeek + 1);
  for (const auto& a : sessions) {
    if (a.date >= r.week_from) ++r.week_count;
    if (a.date >= from) r.sessions.push_back(a);
  }
  const auto warnings = planner::rest_warnings(sessions, t, utc_minutes_in(profile->time_zone));
  const auto recent = domain::add_days(today, -kWarningDays + 1);
  if (!warnings.empty() && warnings.back().session.date >= recent) r.warnings.push_back(warnings.back());
  r.next = planner::next_doses(sessions, context->in_episode(), planner::default_exercise_library(), t);
  return r;
}

Json to_json(const planner::RestWarning& w) {
  return {{"id", planner::kStrengthRest1},
          {"hours", w.hours ? Json(std::round(*w.hours * 100) / 100) : Json(nullptr)},
          {"days", w.days},
          {"rest_hours", w.rest_hours},
          {"previous", session_ref(w.previous)},
          {"session", session_ref(w.session)}};
}

Json to_json(const planner::LongRunEveWarning& w) {
  return {{"id", planner::kStrengthHard1},
          {"date", domain::to_string(w.session)},
          {"long_run_date", domain::to_string(w.long_run)},
          {"long_run_day", domain::weekday_name(w.long_run_day)}};
}

Json to_json(const StrengthWarnings& w) {
  Json out = Json::array();
  for (const auto& r : w.rest) out.push_back(to_json(r));
  if (w.long_run_eve) out.push_back(to_json(*w.long_run_eve));
  return out;
}

Json to_json(const LoggedStrength& l) {
  Json j = to_json(l.activity);
  j["warnings"] = to_json(l.warnings);
  return j;
}

Json to_json(const StrengthReport& r) {
  Json sessions = Json::array();
  for (const auto& a : r.sessions) sessions.push_back(to_json(a));
  Json warnings = Json::array();
  for (const auto& w : r.warnings) warnings.push_back(to_json(w));
  Json next = Json::array();
  for (const auto& d : r.next) {
    next.push_back({{"exercise", d.exercise},
                    {"from", d.from},
                    {"sets", d.sets},
                    {"reps", d.reps},
                    {"load_kg", optional_json(d.load_kg)},
                    {"rule", d.rule},
                    {"why", d.why},
                    {"last", domain::to_string(d.last)}});
  }
  return {{"date", domain::to_string(r.today)},
          {"week",
           {{"from", domain::to_string(r.week_from)},
            {"count", r.week_count},
            {"target", r.target.target},
            {"rule", planner::kStrengthFreq1},
            {"why", r.target.why}}},
          {"sessions", sessions},
          {"warnings", warnings},
          {"next", next}};
}

}  // namespace stridecare::services
