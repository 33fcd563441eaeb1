#pragma once
// What the planner tests share: the built-in rule book and exercise library,
// contexts built tersely, and questions asked of a routine's steps.

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/checkin.hpp"
#include "domain/exercise.hpp"
#include "planner/exercise_library.hpp"
#include "planner/routines.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::planner {

/// Shown by GoogleTest and RapidCheck when an expectation on a context fails.
inline std::ostream& operator<<(std::ostream& os, const RoutineContext& c) {
  os << "{site=" << (c.sore_site ? domain::name_of(*c.sore_site) : "none")
     << " region=" << (c.sore_region ? domain::name_of(*c.sore_region) : "none")
     << " gym=" << (c.gym_access ? "yes" : "no") << " painful=[";
  for (std::size_t i = 0; i < c.painful.size(); ++i) os << (i ? "," : "") << c.painful[i];
  return os << "]}";
}

inline std::ostream& operator<<(std::ostream& os, const RoutineStep& s) {
  os << s.exercise << "/" << domain::name_of(s.side) << " round " << s.round;
  if (s.seconds) os << " " << *s.seconds << " s";
  if (s.reps) os << " " << *s.reps << " reps";
  return os << " (" << s.duration_s << " s)";
}

inline std::ostream& operator<<(std::ostream& os, const Routine& r) {
  os << domain::name_of(r.kind) << " total " << r.total_s() << " s, rules [";
  for (const auto& id : r.rules) os << id << " ";
  os << "], notes [";
  for (const auto& n : r.notes) os << "\"" << n << "\" ";
  os << "], steps:\n";
  for (const auto& s : r.steps) os << "  " << s << "\n";
  return os;
}

namespace testing {

inline const rules::RuleBook& book() { return rules::default_rule_book(); }
inline const ExerciseLibrary& lib() { return default_exercise_library(); }

inline domain::Date day(int y, unsigned m, unsigned d) {
  return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// Minutes after local midnight.
constexpr int at(int h, int m) { return h * 60 + m; }

inline RoutineContext context(std::optional<domain::Site> site, std::optional<domain::Region> region, bool gym,
                              std::vector<std::string> painful = {}) {
  RoutineContext c;
  c.sore_site = site;
  c.sore_region = region;
  c.gym_access = gym;
  c.painful = std::move(painful);
  return c;
}

inline RoutineContext no_episode(bool gym) { return context(std::nullopt, std::nullopt, gym); }

inline const domain::Exercise& exercise(std::string_view id) {
  const domain::Exercise* e = lib().find(id);
  if (!e) throw std::logic_error("no exercise " + std::string(id) + " in the built-in library");
  return *e;
}

/// The distinct exercise ids of the routine's steps, in order of first appearance.
inline std::vector<std::string> ids_of(const Routine& r) {
  std::vector<std::string> out;
  for (const auto& s : r.steps) {
    if (std::find(out.begin(), out.end(), s.exercise) == out.end()) out.push_back(s.exercise);
  }
  return out;
}

inline bool has(const Routine& r, std::string_view id) {
  return std::any_of(r.steps.begin(), r.steps.end(), [&](const RoutineStep& s) { return s.exercise == id; });
}

/// How many steps each (exercise, side) pair has.
inline std::map<std::pair<std::string, domain::Side>, int> steps_per_side(const Routine& r) {
  std::map<std::pair<std::string, domain::Side>, int> out;
  for (const auto& s : r.steps) ++out[{s.exercise, s.side}];
  return out;
}

/// The sides a step of `e` may be on: left and right when done per side, else both.
inline std::set<domain::Side> sides_for(const domain::Exercise& e) {
  if (e.sides == domain::Sides::each) return {domain::Side::left, domain::Side::right};
  return {domain::Side::both};
}

inline bool mentions(const std::vector<std::string>& texts, std::string_view part) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

}  // namespace testing
}  // namespace stridecare::planner
