#pragma once
/// Training sessions: runs, cross-training and strength work.

#include <optional>
#include <string>
#include <vector>

#include "domain/box.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/ids.hpp"
#include "domain/recorded.hpp"

namespace stridecare::domain {

/// What was done. `run` is running (road, trail, treadmill); `strength` is a
/// gym or body-weight session; the rest are the article's low-impact
/// alternatives to running; `other` is an imported activity of any other sport
/// (skiing, climbing...), kept for the record and the load, never planned.
enum class Sport { run, swim, walk, cycle, elliptical, row, strength, other };

/// The three kinds of session the plan and the load model distinguish.
enum class ActivityKind { run, cross, strength };

constexpr ActivityKind kind_of(Sport s) {
  switch (s) {
    case Sport::run:
      return ActivityKind::run;
    case Sport::strength:
      return ActivityKind::strength;
    default:
      return ActivityKind::cross;
  }
}

/// One strength exercise of a session, e.g. squat 3 x 10 @ 40 kg.
struct StrengthExercise {
  std::string exercise;           ///< library id or free name, e.g. `squat`
  int sets = 0;                   ///< >= 1
  int reps = 0;                   ///< repetitions per set, >= 1
  std::optional<double> load_kg;  ///< external load per rep; none = body weight

  bool operator==(const StrengthExercise&) const = default;
};

struct Activity {
  Id id = 0;
  Sport sport = Sport::run;
  Date date{};                       ///< local day the session started
  std::optional<double> distance_m;  ///< metres; runs always have one
  double duration_s = 0;             ///< elapsed seconds, > 0
  std::optional<int> rpe;            ///< session RPE, CR-10 scale 0-10
  std::string note;
  std::vector<StrengthExercise> exercises;  ///< strength sessions only
  Box<Recorded> recorded;                   ///< imported activities only

  ActivityKind kind() const { return kind_of(sport); }
  bool operator==(const Activity&) const = default;
};

template <>
struct EnumNames<Sport> {
  static constexpr std::array<std::pair<Sport, std::string_view>, 8> table{{
      {Sport::run, "run"},
      {Sport::swim, "swim"},
      {Sport::walk, "walk"},
      {Sport::cycle, "cycle"},
      {Sport::elliptical, "elliptical"},
      {Sport::row, "row"},
      {Sport::strength, "strength"},
      {Sport::other, "other"},
  }};
};

template <>
struct EnumNames<ActivityKind> {
  static constexpr std::array<std::pair<ActivityKind, std::string_view>, 3> table{{
      {ActivityKind::run, "run"},
      {ActivityKind::cross, "cross"},
      {ActivityKind::strength, "strength"},
  }};
};

/// True for the sports that can replace a run (rules.md 4.4); `other` cannot.
constexpr bool is_cross_training(Sport s) { return kind_of(s) == ActivityKind::cross && s != Sport::other; }

}  // namespace stridecare::domain
