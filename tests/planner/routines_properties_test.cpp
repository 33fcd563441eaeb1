// RapidCheck properties of the routine builders (rules.md 4.1, 4.2) over
// random contexts: no sore place, or a knee or hip with any region (or none);
// a gym or not; exercises logged as painful drawn from the library's ids.
// Every threshold comes from the built-in rule book.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::Exercise;
using domain::ExerciseKind;
using domain::Region;
using domain::Side;
using domain::Site;
using testing::book;
using testing::has;
using testing::lib;
using testing::mentions;

std::vector<std::string> library_ids() {
  std::vector<std::string> ids;
  for (const auto& e : lib().all()) ids.push_back(e.id);
  return ids;
}

/// Any context: no episode, or an episode at the knee (any region or none)
/// or the hip (no `inner`, which is not a hip region); any gym access; a few
/// painful exercises, mostly of the strength list.
rc::Gen<RoutineContext> any_context() {
  return rc::gen::exec([] {
    RoutineContext c;
    c.sore_site = *rc::gen::element<std::optional<Site>>(std::nullopt, Site::knee, Site::hip);
    if (c.sore_site) {
      c.sore_region = *rc::gen::element<std::optional<Region>>(std::nullopt, Region::front, Region::outer,
                                                               Region::inner, Region::back);
      if (c.sore_site == Site::hip && c.sore_region == Region::inner) c.sore_region = Region::outer;
    }
    c.gym_access = *rc::gen::arbitrary<bool>();
    static const std::vector<std::string> ids = library_ids();
    const auto& l = lib().lists();
    std::vector<std::string> strength = l.strength;
    strength.insert(strength.end(), l.strength_outer.begin(), l.strength_outer.end());
    const int n = *rc::gen::inRange(0, 7);
    for (int i = 0; i < n; ++i) {
      c.painful.push_back(*rc::gen::inRange(0, 3) == 0 ? *rc::gen::elementOf(ids) : *rc::gen::elementOf(strength));
    }
    return c;
  });
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// Every step names a library exercise of `kind`, on a side that exercise
/// allows, with exactly one of seconds and reps and the duration that implies.
void check_steps(const Routine& r, ExerciseKind kind) {
  RC_ASSERT(!r.steps.empty());
  int total = 0;
  for (const auto& s : r.steps) {
    const Exercise* e = lib().find(s.exercise);
    RC_ASSERT(e != nullptr);
    RC_ASSERT(e->kind == kind);
    RC_ASSERT(s.name == e->name);
    RC_ASSERT(testing::sides_for(*e).count(s.side) == 1u);
    RC_ASSERT(s.seconds.has_value() != s.reps.has_value());
    RC_ASSERT(s.duration_s == (s.seconds ? *s.seconds : *s.reps * book().routine.seconds_per_rep));
    RC_ASSERT(s.duration_s > 0);
    RC_ASSERT(s.round >= 1);
    total += s.duration_s;
  }
  RC_ASSERT(r.total_s() == total);
}

// ---- cool-down -------------------------------------------------------------------------------

RC_GTEST_PROP(RoutineProperties, CoolDownHoldsEveryStretchWithinTheRangeAndTheRepetitionsPerSide, ()) {
  const auto ctx = *any_context();
  const Routine r = build_cooldown(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::static_stretch);
  const auto& rt = book().routine;
  for (const auto& s : r.steps) {
    RC_ASSERT(s.seconds.has_value());
    RC_ASSERT(*s.seconds >= rt.hold_min_s);
    RC_ASSERT(*s.seconds <= rt.hold_max_s);
  }
  const auto per_side = testing::steps_per_side(r);
  for (const auto& id : testing::ids_of(r)) {
    for (Side side : testing::sides_for(testing::exercise(id))) {
      RC_ASSERT(per_side.count({id, side}) == 1u);
      RC_ASSERT(per_side.at({id, side}) == rt.hold_repetitions);
    }
  }
  for (const auto& id : lib().lists().cooldown) RC_ASSERT(has(r, id));
  RC_ASSERT(std::find(r.rules.begin(), r.rules.end(), "ROUTINE-COOL-1") != r.rules.end());
}

RC_GTEST_PROP(RoutineProperties, OnlyAnOuterKneeOrHipAddsItBandWorkToTheCoolDown, ()) {
  const auto ctx = *any_context();
  const Routine r = build_cooldown(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  const bool outer = ctx.sore_site && ctx.sore_region == Region::outer;
  RC_ASSERT(has(r, "it_band_stretch") == outer);
  for (const auto& id : lib().lists().cooldown_outer) RC_ASSERT(has(r, id) == outer);
}

// ---- warm-up -----------------------------------------------------------------------------------

RC_GTEST_PROP(RoutineProperties, WarmUpIsDynamicOnlyAndLastsTheRuleBooksMinutes, ()) {
  const auto ctx = *any_context();
  const Routine r = build_warmup(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::dynamic);  // no static holds before running
  RC_ASSERT(r.total_s() >= book().routine.warmup_min_s);
  RC_ASSERT(r.total_s() <= book().routine.warmup_max_s);
  RC_ASSERT(std::find(r.rules.begin(), r.rules.end(), "ROUTINE-WARM-1") != r.rules.end());
}

RC_GTEST_PROP(RoutineProperties, OnlyAnOuterKneeOrHipAddsLateralWorkToTheWarmUp, ()) {
  const auto ctx = *any_context();
  const Routine r = build_warmup(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  const bool outer = ctx.sore_site && ctx.sore_region == Region::outer;
  for (const auto& id : lib().lists().warmup_outer) RC_ASSERT(has(r, id) == outer);
}

RC_GTEST_PROP(RoutineProperties, WarmUpAndCoolDownDoNotDependOnTheGymOrThePainfulExercises, ()) {
  auto ctx = *any_context();
  auto other = ctx;
  other.gym_access = !ctx.gym_access;
  other.painful.clear();
  RC_LOG() << ctx;
  RC_ASSERT(build_warmup(lib(), ctx, book()).steps == build_warmup(lib(), other, book()).steps);
  RC_ASSERT(build_cooldown(lib(), ctx, book()).steps == build_cooldown(lib(), other, book()).steps);
}

// ---- strength ----------------------------------------------------------------------------------

RC_GTEST_PROP(RoutineProperties, WithoutAGymNoStepNeedsGymEquipment, ()) {
  auto ctx = *any_context();
  ctx.gym_access = false;
  const Routine r = build_strength(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::strength);
  for (const auto& s : r.steps) RC_ASSERT(!domain::needs_gym(testing::exercise(s.exercise).equipment));
  RC_ASSERT(!has(r, "leg_press"));
  RC_ASSERT(!has(r, "leg_extension"));
  // Nothing is dropped: every gym exercise has a home variant.
  RC_ASSERT(!mentions(r.notes, "left out"));
}

RC_GTEST_PROP(RoutineProperties, WithAGymAndNoEpisodeLegPressAndLegExtensionAreThere, ()) {
  auto ctx = *any_context();
  ctx.gym_access = true;
  ctx.sore_site.reset();
  ctx.sore_region.reset();
  const Routine r = build_strength(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::strength);
  RC_ASSERT(has(r, "leg_press"));
  RC_ASSERT(has(r, "leg_extension"));
}

RC_GTEST_PROP(RoutineProperties, SetsAndRepsStayWithinStrengthDose1AndAnEpisodeGetsTheFewestSets, ()) {
  const auto ctx = *any_context();
  const Routine r = build_strength(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::strength);
  const auto& t = book().strength;
  for (const auto& s : r.steps) {
    if (s.reps) {
      RC_ASSERT(*s.reps >= t.reps_min);
      RC_ASSERT(*s.reps <= t.reps_max);
    }
    RC_ASSERT(s.round <= t.sets_max);
  }
  // Each exercise once, with its sets numbered 1..n on every side it uses.
  std::map<std::pair<std::string, Side>, std::vector<int>> rounds;
  for (const auto& s : r.steps) rounds[{s.exercise, s.side}].push_back(s.round);
  for (const auto& [key, seen] : rounds) {
    const int n = static_cast<int>(seen.size());
    RC_ASSERT(n >= t.sets_min);
    RC_ASSERT(n <= t.sets_max);
    if (ctx.in_episode()) RC_ASSERT(n == t.sets_min);
    for (int i = 0; i < n; ++i) RC_ASSERT(seen[static_cast<std::size_t>(i)] == i + 1);
  }
}

RC_GTEST_PROP(RoutineProperties, InAnEpisodeAPainfulExerciseIsReplacedByItsEasierVariant, ()) {
  const auto ctx = *any_context();
  const Routine r = build_strength(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  const auto& l = lib().lists();
  std::vector<std::string> session = l.strength;
  if (ctx.outer()) session.insert(session.end(), l.strength_outer.begin(), l.strength_outer.end());
  // What another entry of the session may turn into (so may appear anyway).
  std::set<std::string> targets;
  for (const auto& id : session) {
    const Exercise& e = testing::exercise(id);
    for (const auto& v : {e.easier, e.no_gym}) {
      if (!v) continue;
      targets.insert(*v);
      const Exercise& ve = testing::exercise(*v);
      if (ve.no_gym) targets.insert(*ve.no_gym);
    }
  }
  bool swapped = false;
  for (const auto& id : session) {
    const Exercise& e = testing::exercise(id);
    if (!listed(ctx.painful, id) || !e.easier) continue;
    if (ctx.in_episode()) {
      swapped = true;
      if (!targets.count(id)) RC_ASSERT(!has(r, id));
      const Exercise& easy = testing::exercise(*e.easier);
      const std::string expected = !ctx.gym_access && domain::needs_gym(easy.equipment) ? *easy.no_gym : easy.id;
      RC_ASSERT(has(r, expected));
      RC_ASSERT(mentions(r.notes, "STRENGTH-PAIN-1"));
      RC_ASSERT(mentions(r.notes, e.name));
    } else {
      const std::string expected = !ctx.gym_access && domain::needs_gym(e.equipment) ? *e.no_gym : e.id;
      RC_ASSERT(has(r, expected));
    }
  }
  RC_ASSERT(swapped == mentions(r.notes, "STRENGTH-PAIN-1"));
  RC_ASSERT(swapped == (std::find(r.rules.begin(), r.rules.end(), "STRENGTH-PAIN-1") != r.rules.end()));
}

// ---- every builder ------------------------------------------------------------------------------

/// Next doses for a few exercises of the strength lists (or of the whole
/// library), as next_doses gives them, and the SAFE-GUIDE-2 switch.
RoutineContext with_doses(RoutineContext c) {
  static const std::vector<std::string> ids = library_ids();
  const auto& t = book().strength;
  const int n = *rc::gen::inRange(0, 5);
  for (int i = 0; i < n; ++i) {
    NextDose d;
    d.from = *rc::gen::elementOf(ids);
    const Exercise& e = testing::exercise(d.from);
    d.exercise = e.easier && *rc::gen::arbitrary<bool>() ? *e.easier : d.from;
    d.rule = d.exercise == d.from ? "STRENGTH-DOSE-1" : "STRENGTH-PAIN-1";
    d.sets = *rc::gen::inRange(t.sets_min, t.sets_max + 1);
    d.reps = *rc::gen::inRange(t.reps_min, t.reps_max + 1);
    if (*rc::gen::arbitrary<bool>()) d.load_kg = *rc::gen::inRange(1, 200) / 2.0;
    d.last = domain::Date{std::chrono::year{2026}, std::chrono::month{3},
                          std::chrono::day{static_cast<unsigned>(*rc::gen::inRange(1, 29))}};
    c.doses.push_back(std::move(d));
  }
  c.easier_variants = *rc::gen::arbitrary<bool>();
  return c;
}

RC_GTEST_PROP(RoutineProperties, EverySidedExerciseHasAsManyLeftAsRightStepsEachLeftFollowedByItsRight, ()) {
  const auto ctx = with_doses(*any_context());
  for (auto kind : {RoutineKind::warmup, RoutineKind::cooldown, RoutineKind::strength}) {
    const Routine r = build_routine(kind, lib(), ctx, book());
    RC_LOG() << ctx << "\n" << r;
    const auto per_side = testing::steps_per_side(r);
    for (const auto& id : testing::ids_of(r)) {
      if (testing::exercise(id).sides != domain::Sides::each) continue;
      RC_ASSERT(per_side.count({id, Side::left}) == 1u);
      RC_ASSERT(per_side.at({id, Side::left}) == per_side.at({id, Side::right}));
    }
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      if (r.steps[i].side != Side::left) continue;
      RC_ASSERT(i + 1 < r.steps.size());
      RC_ASSERT(r.steps[i + 1].exercise == r.steps[i].exercise);
      RC_ASSERT(r.steps[i + 1].side == Side::right);
    }
  }
}

RC_GTEST_PROP(RoutineProperties, StrengthStepsCarryTheirExercisesNextDose, ()) {
  const auto ctx = with_doses(*any_context());
  const Routine r = build_strength(lib(), ctx, book());
  RC_LOG() << ctx << "\n" << r;
  check_steps(r, ExerciseKind::strength);
  for (const auto& s : r.steps) {
    // A load only ever comes from a dose, and it is a dose's load.
    if (!s.load_kg) continue;
    RC_ASSERT(
        std::any_of(ctx.doses.begin(), ctx.doses.end(), [&](const NextDose& d) { return d.load_kg == s.load_kg; }));
  }
}

RC_GTEST_PROP(RoutineProperties, BuildersAreDeterministic, ()) {
  const auto ctx = *any_context();
  for (auto kind : {RoutineKind::warmup, RoutineKind::cooldown, RoutineKind::strength}) {
    const Routine a = build_routine(kind, lib(), ctx, book());
    const Routine b = build_routine(kind, lib(), ctx, book());
    RC_ASSERT(a.steps == b.steps);
    RC_ASSERT(a.notes == b.notes);
    RC_ASSERT(a.rules == b.rules);
    RC_ASSERT(a.kind == kind);
  }
}

}  // namespace
}  // namespace stridecare::planner
