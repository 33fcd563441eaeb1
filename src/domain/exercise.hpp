#pragma once
/// Exercises of the warm-up, the cool-down and strength work (rules.md 4.1 and
/// 4.2), as the library file `data/exercises.json` describes them.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enum_names.hpp"

namespace stridecare::domain {

/// `dynamic`: moving warm-up drills (never held); `static_stretch`: held
/// stretches for after the run; `strength`: sets of repetitions or holds.
enum class ExerciseKind { dynamic, static_stretch, strength };

enum class Muscle { quadriceps, hamstrings, glutes, hip_flexors, calves, it_band_hip_abductors };

/// What an exercise needs. `bench` is anything knee-high and stable (a step,
/// a chair): available without a gym, unlike the rest.
enum class Equipment { none, bench, barbell_dumbbells, leg_press, leg_extension_machine };

/// `each`: done once per side (left, then right); `both`: both sides at once.
enum class Sides { each, both };

/// The default dose; which fields are set depends on the kind:
/// dynamic: `seconds` or `reps`; static: `hold_s` and `repetitions` (per
/// side); strength: `sets` with `reps` or `hold_s` (isometric).
struct Dose {
  std::optional<int> seconds;      ///< s, a timed drill
  std::optional<int> reps;         ///< repetitions (per side when Sides::each; per set for strength)
  std::optional<int> hold_s;       ///< s, one hold
  std::optional<int> repetitions;  ///< holds per side
  std::optional<int> sets;

  bool operator==(const Dose&) const = default;
};

struct Exercise {
  std::string id;  ///< [a-z0-9_]+, unique in the library, e.g. `leg_swings`
  std::string name;
  ExerciseKind kind = ExerciseKind::dynamic;
  std::vector<Muscle> muscles;  ///< at least one
  Equipment equipment = Equipment::none;
  Sides sides = Sides::both;
  Dose dose;
  std::vector<std::string> cues;      ///< how to do it: 3-5 short sentences
  std::vector<std::string> mistakes;  ///< common mistakes, at least one
  std::optional<std::string> easier;  ///< id of a lower-range, pain-friendly variant (STRENGTH-PAIN-1)
  std::optional<std::string> no_gym;  ///< id of a variant without gym equipment (STRENGTH-EX-1)

  bool works(Muscle m) const {
    for (Muscle x : muscles) {
      if (x == m) return true;
    }
    return false;
  }
  bool operator==(const Exercise&) const = default;
};

/// True for equipment only a gym has (what a no-gym profile never gets).
constexpr bool needs_gym(Equipment e) { return e != Equipment::none && e != Equipment::bench; }

template <>
struct EnumNames<ExerciseKind> {
  static constexpr std::array<std::pair<ExerciseKind, std::string_view>, 3> table{{
      {ExerciseKind::dynamic, "dynamic"},
      {ExerciseKind::static_stretch, "static"},
      {ExerciseKind::strength, "strength"},
  }};
};

template <>
struct EnumNames<Muscle> {
  static constexpr std::array<std::pair<Muscle, std::string_view>, 6> table{{
      {Muscle::quadriceps, "quadriceps"},
      {Muscle::hamstrings, "hamstrings"},
      {Muscle::glutes, "glutes"},
      {Muscle::hip_flexors, "hip_flexors"},
      {Muscle::calves, "calves"},
      {Muscle::it_band_hip_abductors, "it_band_hip_abductors"},
  }};
};

template <>
struct EnumNames<Equipment> {
  static constexpr std::array<std::pair<Equipment, std::string_view>, 5> table{{
      {Equipment::none, "none"},
      {Equipment::bench, "bench"},
      {Equipment::barbell_dumbbells, "barbell_dumbbells"},
      {Equipment::leg_press, "leg_press"},
      {Equipment::leg_extension_machine, "leg_extension_machine"},
  }};
};

template <>
struct EnumNames<Sides> {
  static constexpr std::array<std::pair<Sides, std::string_view>, 2> table{{
      {Sides::each, "each"},
      {Sides::both, "both"},
  }};
};

}  // namespace stridecare::domain
