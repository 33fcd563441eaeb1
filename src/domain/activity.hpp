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

/// One set of a strength exercise logged set by set, e.g. 8 reps @ 42.5 kg.
struct StrengthSet {
  int reps = 0;                   ///< >= 1
  std::optional<double> load_kg;  ///< none = body weight

  bool operator==(const StrengthSet&) const = default;
};

/// One strength exercise of a session, e.g. squat 3 x 10 @ 40 kg, or set by
/// set (`per_set`: 10 @ 40 kg, 10 @ 40 kg, 8 @ 42.5 kg).
///
/// `sets`, `reps` and `load_kg` always summarise the exercise: with `per_set`
/// empty every set was `reps` @ `load_kg`; otherwise `sets` is the number of
/// entries of `per_set`, `reps` the fewest reps of any set and `load_kg` the
/// heaviest load of any set (none when every set was body weight), so code
/// that reads only the summary stays right. `sets_of` expands both forms.
struct StrengthExercise {
  std::string exercise;              ///< library id or free name, e.g. `squat`
  int sets = 0;                      ///< >= 1
  int reps = 0;                      ///< repetitions per set (the fewest of any set), >= 1
  std::optional<double> load_kg;     ///< external load per rep (the heaviest); none = body weight
  std::vector<StrengthSet> per_set;  ///< one entry per set when logged set by set; else empty
  std::optional<int> pain;           ///< pain 0-10 during the exercise, when given

  StrengthExercise() = default;
  StrengthExercise(std::string name, int set_count, int rep_count, std::optional<double> load,
                   std::vector<StrengthSet> sets_logged = {}, std::optional<int> pain_during = std::nullopt)
      : exercise(std::move(name)),
        sets(set_count),
        reps(rep_count),
        load_kg(load),
        per_set(std::move(sets_logged)),
        pain(pain_during) {}

  bool operator==(const StrengthExercise&) const = default;
};

/// Every set of `e`: `per_set`, or `sets` copies of `reps` @ `load_kg`.
inline std::vector<StrengthSet> sets_of(const StrengthExercise& e) {
  if (!e.per_set.empty()) return e.per_set;
  return std::vector<StrengthSet>(static_cast<std::size_t>(e.sets > 0 ? e.sets : 0), StrengthSet{e.reps, e.load_kg});
}

struct Activity {
  Id id = 0;
  Sport sport = Sport::run;
  Date date{};                       ///< local day the session started
  std::optional<MinuteOfDay> time;   ///< local start time, when known (hand-logged strength sessions)
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

/// "swim|walk|cycle|elliptical|row": the cross-training sports by name, for messages and help.
inline std::string cross_training_names(std::string_view separator = "|") {
  return allowed_names<Sport>([](Sport s) { return is_cross_training(s); }, separator);
}

/// The cross-training sport named `text`; nullopt for any other name, a run's or strength's too.
inline std::optional<Sport> parse_cross_training(std::string_view text) {
  const auto s = parse_enum<Sport>(text);
  if (!s || !is_cross_training(*s)) return std::nullopt;
  return s;
}

/// Whether two recordings labelled `a` and `b` can be the same outing (import's duplicate check): the
/// same sport; both on foot (run and walk: one source calls a slow run or a hike a walk); or one of
/// them `other` (a sport the file did not name) and neither a strength session.
constexpr bool same_outing_family(Sport a, Sport b) {
  const auto on_foot = [](Sport s) { return s == Sport::run || s == Sport::walk; };
  if (a == b) return true;
  if (on_foot(a) && on_foot(b)) return true;
  return (a == Sport::other || b == Sport::other) && a != Sport::strength && b != Sport::strength;
}

}  // namespace stridecare::domain
