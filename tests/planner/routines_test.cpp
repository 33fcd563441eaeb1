// The routine builders (rules.md 4.1, 4.2) on chosen contexts: the usual
// warm-up, cool-down and strength session, and how an outer knee or hip, a
// missing gym and a pain episode change them.

#include "planner/routines.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::ExerciseKind;
using domain::Region;
using domain::Side;
using domain::Site;
using testing::book;
using testing::context;
using testing::has;
using testing::ids_of;
using testing::lib;
using testing::mentions;
using testing::no_episode;

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// ---- warm-up (ROUTINE-WARM-1) ------------------------------------------------------------

TEST(Warmup, UsualWarmUpIsTheListedDrillsInOrderWithinTheRuleBooksMinutes) {
  const Routine r = build_warmup(lib(), no_episode(false), book());
  EXPECT_EQ(r.kind, RoutineKind::warmup);
  EXPECT_EQ(r.rules, std::vector<std::string>{"ROUTINE-WARM-1"});
  EXPECT_TRUE(r.notes.empty()) << r;
  // The first round is every drill of the list, in order.
  const auto ids = ids_of(r);
  ASSERT_GE(ids.size(), lib().lists().warmup.size()) << r;
  EXPECT_EQ(std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(lib().lists().warmup.size())),
            lib().lists().warmup)
      << r;
  EXPECT_GE(r.total_s(), book().routine.warmup_min_s) << r;
  EXPECT_LE(r.total_s(), book().routine.warmup_max_s) << r;
  for (const char* id : {"knee_lifts", "leg_swings", "jumping_jacks", "jog_in_place"}) EXPECT_TRUE(has(r, id)) << id;
}

TEST(Warmup, HasNoStaticHolds) {
  for (const auto& ctx : {no_episode(false), context(Site::knee, Region::outer, true),
                          context(Site::hip, Region::back, false, {"leg_swings"})}) {
    const Routine r = build_warmup(lib(), ctx, book());
    ASSERT_FALSE(r.steps.empty()) << ctx;
    for (const auto& s : r.steps) EXPECT_EQ(testing::exercise(s.exercise).kind, ExerciseKind::dynamic) << s;
  }
}

TEST(Warmup, StepsCarryTheLibraryDoseAndTheirDuration) {
  const Routine r = build_warmup(lib(), no_episode(false), book());
  int total = 0;
  for (const auto& s : r.steps) {
    const auto& e = testing::exercise(s.exercise);
    EXPECT_EQ(s.name, e.name);
    EXPECT_EQ(s.seconds, e.dose.seconds) << s;
    EXPECT_EQ(s.reps, e.dose.reps) << s;
    EXPECT_EQ(s.duration_s, s.seconds ? *s.seconds : *s.reps * book().routine.seconds_per_rep) << s;
    EXPECT_GE(s.round, 1) << s;
    total += s.duration_s;
  }
  EXPECT_EQ(r.total_s(), total);
}

TEST(Warmup, LegSwingsAreDoneOnEachSide) {
  const Routine r = build_warmup(lib(), no_episode(false), book());
  std::set<Side> sides;
  for (const auto& s : r.steps) {
    if (s.exercise == "leg_swings") sides.insert(s.side);
    if (s.exercise == "jumping_jacks") {
      EXPECT_EQ(s.side, Side::both);
    }
  }
  EXPECT_EQ(sides, (std::set<Side>{Side::left, Side::right}));
}

TEST(Warmup, OuterKneeAddsLateralWork) {
  const Routine r = build_warmup(lib(), context(Site::knee, Region::outer, false), book());
  for (const auto& id : lib().lists().warmup_outer) EXPECT_TRUE(has(r, id)) << id << "\n" << r;
  EXPECT_TRUE(mentions(r.notes, "outer knee")) << r;
  EXPECT_LE(r.total_s(), book().routine.warmup_max_s) << r;
  EXPECT_GE(r.total_s(), book().routine.warmup_min_s) << r;
}

TEST(Warmup, OuterHipAddsLateralWork) {
  const Routine r = build_warmup(lib(), context(Site::hip, Region::outer, false), book());
  for (const auto& id : lib().lists().warmup_outer) EXPECT_TRUE(has(r, id)) << id << "\n" << r;
  EXPECT_TRUE(mentions(r.notes, "outer hip")) << r;
}

TEST(Warmup, InnerOrFrontKneeAddsNoLateralWork) {
  for (auto region : {Region::inner, Region::front, Region::back}) {
    const Routine r = build_warmup(lib(), context(Site::knee, region, false), book());
    for (const auto& id : lib().lists().warmup_outer) EXPECT_FALSE(has(r, id)) << id << "\n" << r;
  }
}

TEST(Warmup, InAPainEpisodeUsesGentlerDrillsAndStillLastsFiveToTenMinutes) {
  const Routine r = build_warmup(lib(), context(Site::knee, Region::front, false), book());
  EXPECT_FALSE(has(r, "jumping_jacks")) << r;
  EXPECT_TRUE(has(r, "step_jacks")) << r;
  EXPECT_TRUE(has(r, "marching_in_place")) << r;
  EXPECT_FALSE(r.notes.empty());
  EXPECT_GE(r.total_s(), book().routine.warmup_min_s) << r;
  EXPECT_LE(r.total_s(), book().routine.warmup_max_s) << r;
}

TEST(Warmup, LengthFollowsTheRuleBook) {
  rules::RuleBook longer = book();
  longer.routine.warmup_min_s = 480;
  longer.routine.warmup_max_s = 540;
  const Routine r = build_warmup(lib(), no_episode(false), longer);
  EXPECT_GE(r.total_s(), 480) << r;
  EXPECT_LE(r.total_s(), 540) << r;
}

// ---- cool-down (ROUTINE-COOL-1) ----------------------------------------------------------

TEST(Cooldown, UsualCoolDownHoldsEveryStretchTwicePerSide) {
  const Routine r = build_cooldown(lib(), no_episode(false), book());
  EXPECT_EQ(r.kind, RoutineKind::cooldown);
  EXPECT_EQ(r.rules, std::vector<std::string>{"ROUTINE-COOL-1"});
  EXPECT_EQ(ids_of(r), lib().lists().cooldown);
  const auto per_side = testing::steps_per_side(r);
  for (const auto& id : lib().lists().cooldown) {
    for (Side side : testing::sides_for(testing::exercise(id))) {
      EXPECT_EQ(per_side.at({id, side}), book().routine.hold_repetitions) << id << " " << domain::name_of(side);
    }
  }
  for (const auto& s : r.steps) {
    ASSERT_TRUE(s.seconds) << s;
    EXPECT_FALSE(s.reps) << s;
    EXPECT_GE(*s.seconds, book().routine.hold_min_s) << s;
    EXPECT_LE(*s.seconds, book().routine.hold_max_s) << s;
    EXPECT_EQ(s.duration_s, *s.seconds);
    EXPECT_EQ(testing::exercise(s.exercise).kind, ExerciseKind::static_stretch) << s;
  }
  EXPECT_FALSE(has(r, "it_band_stretch"));
}

TEST(Cooldown, HoldsAreClampedToTheRuleBooksRange) {
  rules::RuleBook shorter = book();
  shorter.routine.hold_min_s = 20;
  shorter.routine.hold_max_s = 22;
  shorter.routine.hold_repetitions = 3;
  const Routine r = build_cooldown(lib(), no_episode(false), shorter);
  for (const auto& s : r.steps) {
    EXPECT_GE(*s.seconds, 20) << s;
    EXPECT_LE(*s.seconds, 22) << s;
  }
  for (const auto& [key, n] : testing::steps_per_side(r)) EXPECT_EQ(n, 3) << key.first;
}

TEST(Cooldown, OuterKneeAddsTheItBandStretch) {
  const Routine r = build_cooldown(lib(), context(Site::knee, Region::outer, false), book());
  EXPECT_EQ(ids_of(r), concat(lib().lists().cooldown, lib().lists().cooldown_outer));
  EXPECT_TRUE(has(r, "it_band_stretch")) << r;
  EXPECT_EQ(testing::steps_per_side(r).at({"it_band_stretch", Side::left}), book().routine.hold_repetitions);
  EXPECT_EQ(testing::steps_per_side(r).at({"it_band_stretch", Side::right}), book().routine.hold_repetitions);
  EXPECT_TRUE(mentions(r.notes, "outer knee")) << r;
}

TEST(Cooldown, OuterHipAddsTheItBandStretch) {
  const Routine r = build_cooldown(lib(), context(Site::hip, Region::outer, true), book());
  EXPECT_TRUE(has(r, "it_band_stretch")) << r;
}

TEST(Cooldown, InnerOrFrontKneeDoesNotAddTheItBandStretch) {
  for (auto region : {Region::inner, Region::front, Region::back}) {
    const Routine r = build_cooldown(lib(), context(Site::knee, region, false), book());
    EXPECT_EQ(ids_of(r), lib().lists().cooldown) << domain::name_of(region);
  }
  const Routine hip_front = build_cooldown(lib(), context(Site::hip, Region::front, false), book());
  EXPECT_FALSE(has(hip_front, "it_band_stretch"));
  const Routine unknown_region = build_cooldown(lib(), context(Site::knee, std::nullopt, false), book());
  EXPECT_FALSE(has(unknown_region, "it_band_stretch"));
}

// ---- strength (STRENGTH-EX-1, -DOSE-1, -PAIN-1) ----------------------------------------------

TEST(Strength, WithAGymHasTheArticlesExercisesIncludingLegPressAndExtension) {
  const Routine r = build_strength(lib(), no_episode(true), book());
  EXPECT_EQ(r.kind, RoutineKind::strength);
  EXPECT_EQ(ids_of(r), lib().lists().strength) << r;
  EXPECT_TRUE(has(r, "leg_press"));
  EXPECT_TRUE(has(r, "leg_extension"));
  EXPECT_TRUE(std::find(r.rules.begin(), r.rules.end(), "STRENGTH-EX-1") != r.rules.end());
  EXPECT_TRUE(std::find(r.rules.begin(), r.rules.end(), "STRENGTH-DOSE-1") != r.rules.end());
  EXPECT_TRUE(r.notes.empty()) << r;
}

TEST(Strength, WithoutAGymNeverUsesLegPressOrLegExtension) {
  const Routine r = build_strength(lib(), no_episode(false), book());
  EXPECT_FALSE(has(r, "leg_press")) << r;
  EXPECT_FALSE(has(r, "leg_extension")) << r;
  EXPECT_TRUE(has(r, *testing::exercise("leg_press").no_gym)) << r;
  EXPECT_TRUE(has(r, *testing::exercise("leg_extension").no_gym)) << r;
  for (const auto& s : r.steps) EXPECT_FALSE(domain::needs_gym(testing::exercise(s.exercise).equipment)) << s;
  EXPECT_TRUE(mentions(r.notes, "no gym")) << r;
  EXPECT_TRUE(mentions(r.notes, "Leg press")) << r;
}

TEST(Strength, WithoutAGymAPainfulLegPressInAnEpisodeBecomesAHomeVariantOfItsEasierOne) {
  const Routine r =
      build_strength(lib(), context(Site::knee, Region::front, false, {"leg_press", "leg_extension"}), book());
  EXPECT_FALSE(has(r, "leg_press")) << r;
  EXPECT_FALSE(has(r, "partial_leg_press")) << r;
  EXPECT_FALSE(has(r, "leg_extension")) << r;
  for (const auto& s : r.steps) EXPECT_FALSE(domain::needs_gym(testing::exercise(s.exercise).equipment)) << s;
}

TEST(Strength, SetsAndRepsFollowStrengthDose1) {
  const auto& t = book().strength;
  const Routine r = build_strength(lib(), no_episode(true), book());
  for (const auto& s : r.steps) {
    EXPECT_NE(s.seconds.has_value(), s.reps.has_value()) << s;
    if (s.reps) {
      EXPECT_GE(*s.reps, t.reps_min) << s;
      EXPECT_LE(*s.reps, t.reps_max) << s;
    }
    EXPECT_GE(s.round, 1) << s;
    EXPECT_LE(s.round, t.sets_max) << s;
  }
  for (const auto& [key, n] : testing::steps_per_side(r)) {
    EXPECT_GE(n, t.sets_min) << key.first;
    EXPECT_LE(n, t.sets_max) << key.first;
    EXPECT_EQ(n, *testing::exercise(key.first).dose.sets) << key.first;
  }
}

TEST(Strength, WallSitIsHeldNotCounted) {
  const Routine r = build_strength(lib(), no_episode(false), book());
  ASSERT_TRUE(has(r, "wall_sit")) << r;
  for (const auto& s : r.steps) {
    if (s.exercise != "wall_sit") continue;
    EXPECT_EQ(s.seconds, testing::exercise("wall_sit").dose.hold_s) << s;
    EXPECT_FALSE(s.reps) << s;
  }
}

TEST(Strength, InAnEpisodeEveryExerciseHasTheFewestSets) {
  const Routine r = build_strength(lib(), context(Site::hip, Region::front, true), book());
  for (const auto& [key, n] : testing::steps_per_side(r)) EXPECT_EQ(n, book().strength.sets_min) << key.first;
  EXPECT_FALSE(r.notes.empty());
}

TEST(Strength, InAnEpisodeAPainfulExerciseIsReplacedByItsEasierVariant) {
  const Routine r = build_strength(lib(), context(Site::knee, Region::front, true, {"squat", "lunge"}), book());
  EXPECT_FALSE(has(r, "squat")) << r;
  EXPECT_FALSE(has(r, "lunge")) << r;
  EXPECT_TRUE(has(r, "partial_squat")) << r;
  EXPECT_TRUE(has(r, "short_reverse_lunge")) << r;
  EXPECT_TRUE(mentions(r.notes, "STRENGTH-PAIN-1")) << r;
  EXPECT_TRUE(std::find(r.rules.begin(), r.rules.end(), "STRENGTH-PAIN-1") != r.rules.end()) << r;
  // The others stay.
  EXPECT_TRUE(has(r, "leg_press")) << r;
  EXPECT_TRUE(has(r, "romanian_deadlift")) << r;
}

TEST(Strength, OutsideAnEpisodeAPainfulExerciseStays) {
  RoutineContext ctx = no_episode(true);
  ctx.painful = {"squat", "lunge"};
  const Routine r = build_strength(lib(), ctx, book());
  EXPECT_TRUE(has(r, "squat")) << r;
  EXPECT_TRUE(has(r, "lunge")) << r;
  EXPECT_FALSE(has(r, "partial_squat")) << r;
  EXPECT_FALSE(mentions(r.notes, "STRENGTH-PAIN-1")) << r;
  EXPECT_TRUE(std::find(r.rules.begin(), r.rules.end(), "STRENGTH-PAIN-1") == r.rules.end()) << r;
}

TEST(Strength, TwoPainfulExercisesSharingAnEasierVariantDoNotDoubleIt) {
  // Romanian deadlift and good morning both step down to the glute bridge.
  const Routine r =
      build_strength(lib(), context(Site::hip, Region::back, true, {"romanian_deadlift", "good_morning"}), book());
  EXPECT_TRUE(has(r, "glute_bridge")) << r;
  for (const auto& [key, n] : testing::steps_per_side(r)) EXPECT_EQ(n, book().strength.sets_min) << key.first;
}

TEST(Strength, OuterKneeAddsHipAbductorWork) {
  const Routine r = build_strength(lib(), context(Site::knee, Region::outer, false), book());
  for (const auto& id : lib().lists().strength_outer) EXPECT_TRUE(has(r, id)) << id << "\n" << r;
  const Routine inner = build_strength(lib(), context(Site::knee, Region::inner, false), book());
  for (const auto& id : lib().lists().strength_outer) EXPECT_FALSE(has(inner, id)) << id << "\n" << inner;
}

TEST(Routine, BuildRoutineDispatchesOnTheKind) {
  const auto ctx = context(Site::knee, Region::outer, false, {"squat"});
  EXPECT_EQ(build_routine(RoutineKind::warmup, lib(), ctx, book()).steps, build_warmup(lib(), ctx, book()).steps);
  EXPECT_EQ(build_routine(RoutineKind::cooldown, lib(), ctx, book()).steps, build_cooldown(lib(), ctx, book()).steps);
  EXPECT_EQ(build_routine(RoutineKind::strength, lib(), ctx, book()).steps, build_strength(lib(), ctx, book()).steps);
}

}  // namespace
}  // namespace stridecare::planner
