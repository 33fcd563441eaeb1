#pragma once
/// The routines around a run and strength work (rules.md 4.1, 4.2): a dynamic
/// warm-up of 5-10 min, a cool-down of static holds of 20-30 s (2 per side),
/// and a strength session, each tailored to the sore place of the current
/// pain episode and to the runner's gym access. Pure functions.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/checkin.hpp"
#include "domain/routine_session.hpp"
#include "planner/exercise_library.hpp"
#include "planner/strength.hpp"
#include "rules/rule_book.hpp"
#include "rules/triage.hpp"

namespace stridecare::planner {

using domain::RoutineKind;

/// What the builders tailor to.
struct RoutineContext {
  /// The place of the active pain episode; nullopt when none is active.
  std::optional<domain::Site> sore_site;
  std::optional<domain::Region> sore_region;
  bool gym_access = false;
  /// Exercises (library ids) that provoked pain above the STRENGTH-PAIN-1
  /// limit in a set of the current episode.
  std::vector<std::string> painful;
  /// The next dose of each logged exercise (next_doses over the runner's
  /// sessions, as `strength` shows them): the strength session does an
  /// exercise with one at that dose (or its STRENGTH-PAIN-1 variant), and the
  /// others at the library's STRENGTH-DOSE-1 start dose.
  std::vector<NextDose> doses;
  /// Every strength exercise that has an easier variant is replaced by it
  /// (no running is allowed: SAFE-GUIDE-2 offers only STRENGTH-PAIN-1's variants).
  bool easier_variants = false;

  bool in_episode() const { return sore_site.has_value(); }
  /// Outer knee or outer hip: IT band and hip abductor work is added.
  bool outer() const { return sore_region == domain::Region::outer; }
};

/// One step of the guided timer: an exercise, on one side or both, for a
/// time or a number of repetitions.
struct RoutineStep {
  std::string exercise;  ///< library id
  std::string name;
  domain::Side side = domain::Side::both;
  std::optional<int> seconds;  ///< s: a timed drill or a hold
  std::optional<int> reps;
  std::optional<double> load_kg;  ///< kg for this set, from the exercise's next dose; none: body weight
  int round = 0;                  ///< strength: set number from 1; cool-down: hold number from 1; warm-up: round from 1
  int duration_s = 0;             ///< how long the step takes, s (reps at the rule book's seconds_per_rep)

  bool operator==(const RoutineStep&) const = default;
};

struct Routine {
  RoutineKind kind = RoutineKind::warmup;
  std::vector<RoutineStep> steps;
  std::vector<std::string> rules;  ///< IDs of the rules it applies, e.g. ROUTINE-WARM-1
  std::vector<std::string> notes;  ///< why it differs from the usual one, e.g. "no gym: leg press -> split squat"
  /// When the routine may be done at all, shown before it (SAFE-GUIDE-2's pain
  /// limit); set by whoever knows the action in force, none: no condition.
  std::optional<std::string> condition;

  int total_s() const;
};

/// What the routines tailor to on a day: the sore place of the active pain
/// episodes (each with the region of its latest painful check-in; the first
/// episode's, unless another's region is outer) and gym access.
RoutineContext routine_context(std::span<const rules::ActiveEpisode> episodes,
                               std::span<const domain::PainCheckin> checkins, bool gym_access);

/// Every builder gives a sided exercise (`each side`) as many left as right
/// steps, each left step followed by its right one.
Routine build_warmup(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book);
Routine build_cooldown(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book);
Routine build_strength(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book);
Routine build_routine(RoutineKind kind, const ExerciseLibrary& lib, const RoutineContext& ctx,
                      const rules::RuleBook& book);

}  // namespace stridecare::planner
