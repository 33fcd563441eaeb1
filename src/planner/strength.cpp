#include "planner/strength.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "domain/chronology.hpp"
#include "domain/units.hpp"

namespace stridecare::planner {
namespace {

constexpr int kMinutesPerHour = 60;
constexpr int kHoursPerDay = 24;

/// Shown as the runner sees loads: to the nearest 0.5 kg (never `18.1437 kg` for 40 lb).
std::string kg(double v) { return domain::format_load(v, domain::UnitSystem::metric); }

}  // namespace

std::vector<const domain::Activity*> strength_session_order(std::span<const domain::Activity> activities) {
  std::vector<const domain::Activity*> out;
  for (const auto& a : activities) {
    if (a.sport == domain::Sport::strength) out.push_back(&a);
  }
  domain::sort_by_moment(std::span(out));
  return out;
}

std::vector<domain::Activity> strength_sessions(std::span<const domain::Activity> activities) {
  std::vector<domain::Activity> out;
  for (const domain::Activity* a : strength_session_order(activities)) out.push_back(*a);
  return out;
}

std::optional<RestWarning> rest_warning(const domain::Activity& earlier, const domain::Activity& later,
                                        const rules::StrengthThresholds& t, const domain::UtcMinutesOf& utc) {
  RestWarning w{earlier, later, std::nullopt, domain::days_between(earlier.date, later.date), t.rest_hours};
  if (earlier.time && later.time) {
    const long minutes =
        utc ? static_cast<long>(utc(later.date, *later.time) - utc(earlier.date, *earlier.time))
            : static_cast<long>(w.days) * kHoursPerDay * kMinutesPerHour + (*later.time - *earlier.time);
    if (std::labs(minutes) >= static_cast<long>(t.rest_hours) * kMinutesPerHour) return std::nullopt;
    w.hours = static_cast<double>(std::labs(minutes)) / kMinutesPerHour;
    return w;
  }
  if (std::abs(w.days) * kHoursPerDay >= t.rest_hours) return std::nullopt;
  return w;
}

std::vector<RestWarning> rest_warnings(std::span<const domain::Activity> sessions, const rules::StrengthThresholds& t,
                                       const domain::UtcMinutesOf& utc) {
  const auto sorted = strength_sessions(sessions);
  std::vector<RestWarning> out;
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (auto w = rest_warning(sorted[i - 1], sorted[i], t, utc)) out.push_back(std::move(*w));
  }
  return out;
}

std::vector<RestWarning> rest_warnings_around(std::span<const domain::Activity> sessions,
                                              const domain::Activity& session, const rules::StrengthThresholds& t,
                                              const domain::UtcMinutesOf& utc) {
  std::vector<domain::Activity> others;
  for (const auto& a : sessions) {
    if (a.id != session.id || session.id == 0) others.push_back(a);
  }
  auto sorted = strength_sessions(others);
  // Where `session` goes among the others.
  const auto next = std::ranges::upper_bound(sorted, session, domain::happened_before<domain::Activity>);
  std::vector<RestWarning> out;
  if (next != sorted.begin()) {
    if (auto w = rest_warning(*std::prev(next), session, t, utc)) out.push_back(std::move(*w));
  }
  if (next != sorted.end()) {
    if (auto w = rest_warning(session, *next, t, utc)) out.push_back(std::move(*w));
  }
  return out;
}

std::optional<LongRunEveWarning> long_run_eve_warning(domain::Date day, std::chrono::weekday long_run_day) {
  const domain::Date next = domain::add_days(day, 1);
  if (std::chrono::weekday{std::chrono::sys_days{next}} != long_run_day) return std::nullopt;
  return LongRunEveWarning{day, next, long_run_day};
}

FrequencyTarget frequency_target(int per_week, bool in_episode, std::optional<int> history_weeks,
                                 const rules::StrengthThresholds& t) {
  if (in_episode) {
    return {t.sessions_min, fmt::format("a pain episode is active: {} sessions a week", t.sessions_min)};
  }
  if (!history_weeks || *history_weeks < t.new_athlete_weeks) {
    return {t.sessions_min,
            fmt::format("first {} weeks of training logged: {} sessions a week", t.new_athlete_weeks, t.sessions_min)};
  }
  const int target = std::clamp(per_week, t.sessions_min, t.sessions_max);
  return {target, fmt::format("your profile's {} sessions a week", target)};
}

domain::Date week_start(domain::Date day) {
  const std::chrono::weekday wd{std::chrono::sys_days{day}};
  const int from_monday = static_cast<int>((wd.c_encoding() + 6) % 7);
  return domain::add_days(day, -from_monday);
}

double round_load_kg(double kg) { return std::round(kg * 2.0) / 2.0; }

std::vector<NextDose> next_doses(std::span<const domain::Activity> sessions, bool in_episode,
                                 const ExerciseLibrary& lib, const rules::StrengthThresholds& t) {
  const auto sorted = strength_session_order(sessions);
  std::vector<NextDose> out;
  std::set<std::string, std::less<>> seen;
  for (auto it = sorted.rbegin(); it != sorted.rend(); ++it) {
    for (const auto& ex : (*it)->exercises) {
      if (!seen.insert(ex.exercise).second) continue;
      const auto sets = domain::sets_of(ex);
      if (sets.empty()) continue;
      NextDose d;
      d.exercise = ex.exercise;
      d.from = ex.exercise;
      d.last = (*it)->date;
      d.rule = std::string(kStrengthDose1);
      const int set_count = static_cast<int>(sets.size());
      d.sets = std::clamp(set_count, t.sets_min, t.sets_max);
      d.load_kg = ex.load_kg;
      const bool loaded = ex.load_kg && *ex.load_kg > 0;
      const std::string pain_text = ex.pain ? fmt::format(", pain {}", *ex.pain) : "";

      const auto* known = lib.find(ex.exercise);
      if (in_episode && ex.pain && *ex.pain > t.pain_swap_above && known && known->easier) {
        d.exercise = *known->easier;
        d.reps = std::clamp(ex.reps, t.reps_min, t.reps_max);
        d.rule = std::string(kStrengthPain1);
        d.why = fmt::format("pain {} during {} is above {} in a pain episode: do {} instead", *ex.pain, ex.exercise,
                            t.pain_swap_above, d.exercise);
        out.push_back(std::move(d));
        continue;
      }
      const bool all_at_max = std::ranges::all_of(sets, [&](const auto& s) { return s.reps >= t.reps_max; });
      const bool pain_ok = !ex.pain || *ex.pain <= t.progress_pain_max;
      if (all_at_max && pain_ok) {
        if (loaded) {
          const double next = std::max(round_load_kg(*ex.load_kg * (1 + t.progress_load_fraction)), *ex.load_kg + 0.5);
          d.load_kg = next;
          d.reps = t.reps_min;
          d.why =
              fmt::format("all {} sets reached {} reps{}: load {} + {:g}% = {}, back to {} reps", set_count, t.reps_max,
                          pain_text, kg(*ex.load_kg), t.progress_load_fraction * 100, kg(next), t.reps_min);
        } else if (set_count < t.sets_max) {
          d.sets = std::max(set_count + 1, t.sets_min);
          d.reps = t.reps_max;
          d.why = fmt::format("all {} sets reached {} reps{} at body weight: add a set ({} sets)", set_count,
                              t.reps_max, pain_text, d.sets);
        } else {
          d.reps = t.reps_max;
          d.why =
              fmt::format("all {} sets reached {} reps{} at body weight: add load", set_count, t.reps_max, pain_text);
        }
      } else {
        const std::string load_text = loaded ? "keep " + kg(*ex.load_kg) : "keep body weight";
        if (!pain_ok) {
          // Progression of any kind waits until the exercise is comfortable again.
          d.reps = std::clamp(ex.reps, t.reps_min, t.reps_max);
          d.why = fmt::format("pain {} is above {}: {} and stay at {} reps per set until it is {} or less", *ex.pain,
                              t.progress_pain_max, load_text, d.reps, t.progress_pain_max);
        } else {
          d.reps = std::min(ex.reps + 1, t.reps_max);
          d.why = fmt::format("not every set reached {} reps (fewest {}): {}, aim for {} reps per set", t.reps_max,
                              ex.reps, load_text, d.reps);
        }
      }
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace stridecare::planner
