#include "cli/text_output.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/text.hpp"
#include "domain/wording.hpp"

namespace stridecare::cli {

std::string describe(const domain::StrengthExercise& e, Units units) {
  std::string out;
  if (e.per_set.empty()) {
    out = fmt::format("{} {}x{}", e.exercise, e.sets, e.reps);
    if (e.load_kg) out += fmt::format(" @ {}", domain::format_load(*e.load_kg, units));
  } else {
    out = e.exercise + " ";
    for (std::size_t i = 0; i < e.per_set.size(); ++i) {
      out += fmt::format("{}{}", i ? ", " : "", e.per_set[i].reps);
      if (e.per_set[i].load_kg) out += fmt::format(" @ {}", domain::format_load(*e.per_set[i].load_kg, units));
    }
  }
  if (e.pain) out += fmt::format(" pain {}", *e.pain);
  return out;
}

std::string describe(const domain::Activity& a, Units units) {
  std::string out = fmt::format("{:>6}  {}  {:<10}", a.id, domain::to_string(a.date), domain::name_of(a.sport));
  if (a.distance_m) out += fmt::format("  {}", format_distance(*a.distance_m, units));
  out += fmt::format("  {}", domain::format_duration(a.duration_s));
  if (a.distance_m && *a.distance_m > 0 && a.duration_s > 0) {
    // Runners and walkers think in pace, the others in speed.
    const bool pace = a.sport == domain::Sport::run || a.sport == domain::Sport::walk;
    out += "  " + (pace ? domain::format_pace(*a.distance_m, a.duration_s, units)
                        : domain::format_speed(*a.distance_m, a.duration_s, units));
  }
  if (a.rpe) out += fmt::format("  RPE {}", *a.rpe);
  if (a.time) out += fmt::format("  {}", domain::time_of_day_to_string(*a.time));
  for (const auto& e : a.exercises) out += "  " + describe(e, units);
  if (!a.note.empty()) out += fmt::format("  \"{}\"", domain::printable(a.note));
  return out;
}

std::string describe(const domain::PainCheckin& c) {
  std::string out = fmt::format("{:>6}  {} {:>5}  {:<22} pain {:>2}/10  {}", c.id, domain::to_string(c.date),
                                c.time ? domain::time_of_day_to_string(*c.time) : "",
                                domain::where(c.site, c.side, c.region), c.pain, domain::name_of(c.timing));
  std::string signs;
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
    if (c.has(sign)) signs += fmt::format(" {}", name);
  }
  if (c.persists_after_run) signs += " persists_after_run";
  if (c.cleared_by_clinician) signs += " cleared_by_clinician";
  if (!signs.empty()) out += fmt::format("  [{} ]", signs);
  if (!c.note.empty()) out += fmt::format("  \"{}\"", domain::printable(c.note));
  return out;
}

std::string describe(const domain::Profile& p, domain::UnitSystem units) {
  std::string days;
  for (unsigned i = 0; i < 7; ++i) {
    if (p.available_days[i]) {
      days += fmt::format("{}{}", days.empty() ? "" : ",", domain::weekday_name(std::chrono::weekday{(i + 1) % 7}));
    }
  }
  std::string cross;
  for (auto s : p.cross_training) cross += fmt::format("{}{}", cross.empty() ? "" : ",", domain::name_of(s));
  return fmt::format(
      "time zone          {}\navailable days     {}\nlong-run day       {}\ncross-training     {}\ngym access         "
      "{}\n"
      "strength per week  {}\nunits              {}\nweekly goal        {}\nsession time       {}\n",
      p.time_zone, days.empty() ? "none" : days, domain::weekday_name(p.long_run_day), cross.empty() ? "none" : cross,
      p.gym_access ? "yes" : "no", p.strength_per_week,
      p.units ? domain::name_of(*p.units) : "metric (not chosen; set with profile --units)",
      p.weekly_goal_m ? domain::format_distance(*p.weekly_goal_m, units)
                      : "none (set with profile --weekly-goal, e.g. 40km)",
      p.session_time
          ? fmt::format("{} (plan --ics writes timed events)", domain::time_of_day_to_string(*p.session_time))
          : "none (plan --ics writes all-day events; set with profile --session-time 07:00)");
}

namespace {
std::string session_start(const domain::Activity& a) {
  return a.time ? fmt::format("{} {}", domain::to_string(a.date), domain::time_of_day_to_string(*a.time))
                : domain::to_string(a.date);
}
}  // namespace

std::string describe(const planner::RestWarning& w) {
  std::string gap;
  if (w.hours) {
    const auto minutes = static_cast<long>(std::lround(*w.hours * 60));
    gap = fmt::format("{} h {:02} min after", minutes / 60, minutes % 60);
  } else {
    gap = w.days == 0 ? "on the same day as" : domain::plural(w.days, "day") + " after";
  }
  // id 0: a session about to start (guide strength), not stored yet.
  const std::string session =
      w.session.id == 0 ? "this session" : fmt::format("session {} ({})", w.session.id, session_start(w.session));
  return fmt::format(
      "warning {}: {} starts {} session {} ({}); leave at least {} h between the starts of two "
      "strength sessions",
      planner::kStrengthRest1, session, gap, w.previous.id, session_start(w.previous), w.rest_hours);
}

std::string describe(const planner::LongRunEveWarning& w) {
  return fmt::format(
      "warning {}: tomorrow ({} {}) is your long-run day; strength the day before the long run "
      "leaves your legs tired for it: prefer an easy-run or cross-training day",
      planner::kStrengthHard1, domain::weekday_name(w.long_run_day), domain::to_string(w.long_run));
}

std::string describe(const services::StrengthWarnings& w) {
  std::string out;
  for (const auto& r : w.rest) out += describe(r) + "\n";
  if (w.long_run_eve) out += describe(*w.long_run_eve) + "\n";
  return out;
}

std::string describe(const services::StrengthReport& r, Units units) {
  std::string out =
      fmt::format("this week (from {}): {} of {}  [{}: {}]\n", domain::to_string(r.week_from), r.week_count,
                  domain::plural(r.target.target, "strength session"), planner::kStrengthFreq1, r.target.why);
  for (const auto& w : r.warnings) out += describe(w) + "\n";
  out += "\nlast 8 weeks:\n";
  if (r.sessions.empty()) out += "  no strength sessions\n";
  for (const auto& a : r.sessions) {
    out += fmt::format("  {:>6}  {:<16}", a.id, session_start(a));
    for (const auto& e : a.exercises) out += "  " + describe(e, units);
    out += "\n";
  }
  out += "\nnext:\n";
  if (r.next.empty()) out += "  nothing logged yet\n";
  for (const auto& d : r.next) {
    out += fmt::format("  {:<20} {}x{}", d.exercise, d.sets, d.reps);
    if (d.load_kg) out += fmt::format(" @ {}", domain::format_load(*d.load_kg, units));
    out += fmt::format("  [{}: {}]\n", d.rule, d.why);
  }
  return out;
}

}  // namespace stridecare::cli
