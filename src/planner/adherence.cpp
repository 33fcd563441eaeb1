#include "planner/adherence.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "planner/strength.hpp"

namespace stridecare::planner {
namespace {

constexpr int kDaysPerWeek = 7;
constexpr int kThursday = 3;  ///< days from Monday: the ISO week's year is its Thursday's

bool in_range(domain::Date d, domain::Date from, domain::Date to) { return !(d < from) && !(to < d); }

/// The routines of `kind` that count, oldest start first.
std::vector<const domain::RoutineSession*> counted(std::span<const domain::RoutineSession> routines,
                                                   domain::RoutineKind kind) {
  std::vector<const domain::RoutineSession*> out;
  for (const auto& r : routines) {
    if (r.routine == kind && r.steps_followed() > 0) out.push_back(&r);
  }
  std::ranges::sort(out, {}, [](const auto* r) { return std::tuple(r->date, r->time.value_or(-1), r->id); });
  return out;
}

/// Takes the first unused routine of `pool` on the run's day that `fits`; true when one was found.
template <class Fits>
bool take(std::vector<const domain::RoutineSession*>& pool, const domain::Activity& run, Fits fits) {
  const auto it = std::ranges::find_if(pool, [&](const auto* r) {
    return r && r->date == run.date && (!r->time || !run.time || fits(*r->time, *run.time));
  });
  if (it == pool.end()) return false;
  *it = nullptr;
  return true;
}

}  // namespace

std::string iso_week(domain::Date day) {
  const domain::Date thursday = domain::add_days(week_start(day), kThursday);
  const std::chrono::year_month_day ymd{std::chrono::sys_days{thursday}};
  const domain::Date new_year{ymd.year() / std::chrono::January / 1};
  const int week = domain::days_between(new_year, thursday) / kDaysPerWeek + 1;
  return fmt::format("{}-W{:02}", static_cast<int>(ymd.year()), week);
}

std::vector<WeekAdherence> adherence(std::span<const domain::Activity> activities,
                                     std::span<const domain::RoutineSession> routines, domain::Date from,
                                     domain::Date to) {
  std::vector<WeekAdherence> weeks;
  for (domain::Date monday = week_start(from); !(to < monday); monday = domain::add_days(monday, kDaysPerWeek)) {
    WeekAdherence w;
    w.week = iso_week(monday);
    w.from = std::max(monday, from);
    w.to = std::min(domain::add_days(monday, kDaysPerWeek - 1), to);
    weeks.push_back(std::move(w));
  }
  auto week_of = [&](domain::Date d) -> WeekAdherence* {
    if (!in_range(d, from, to)) return nullptr;
    return &weeks[static_cast<std::size_t>(domain::days_between(week_start(from), d) / kDaysPerWeek)];
  };

  std::vector<domain::Activity> runs;
  std::set<domain::Date> strength_days;
  for (const auto& a : activities) {
    WeekAdherence* w = week_of(a.date);
    if (!w) continue;
    if (a.kind() == domain::ActivityKind::run) runs.push_back(a);
    if (a.kind() == domain::ActivityKind::strength) {
      ++w->strength_sessions;
      strength_days.insert(a.date);
    }
  }
  std::ranges::sort(runs, {}, [](const auto& a) { return std::tuple(a.date, a.time.value_or(-1), a.id); });
  auto warmups = counted(routines, domain::RoutineKind::warmup);
  auto cooldowns = counted(routines, domain::RoutineKind::cooldown);
  // The latest warm-up before a run is the one for it: look from the newest.
  std::ranges::reverse(warmups);
  for (const auto& run : runs) {
    WeekAdherence* w = week_of(run.date);
    if (!w) continue;  // runs were taken from the range: never
    ++w->runs;
    if (take(warmups, run, [](int routine, int start) { return routine < start; })) ++w->runs_with_warmup;
    if (take(cooldowns, run, [](int routine, int start) { return routine >= start; })) ++w->runs_with_cooldown;
  }
  for (const auto* r : counted(routines, domain::RoutineKind::strength)) {
    WeekAdherence* w = week_of(r->date);
    if (w && strength_days.insert(r->date).second) ++w->strength_sessions;
  }
  return weeks;
}

}  // namespace stridecare::planner
