#include "planner/routines.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace stridecare::planner {

namespace {

using domain::Exercise;
using domain::Side;

constexpr std::string_view kWarm1 = "ROUTINE-WARM-1";
constexpr std::string_view kCool1 = "ROUTINE-COOL-1";
constexpr std::string_view kStrengthEx1 = "STRENGTH-EX-1";

std::vector<Side> sides_of(const Exercise& e) {
  return e.sides == domain::Sides::each ? std::vector<Side>{Side::left, Side::right} : std::vector<Side>{Side::both};
}

/// A step of `e`: timed (`seconds`) or counted (`reps`, timed at seconds_per_rep).
RoutineStep step(const Exercise& e, Side side, std::optional<int> seconds, std::optional<int> reps, int round,
                 const rules::RuleBook& book) {
  const int duration = seconds ? *seconds : reps.value_or(0) * book.routine.seconds_per_rep;
  return {e.id, e.name, side, seconds, reps, std::nullopt, round, duration};
}

/// The exercises of `ids`, then of `outer_ids` when the sore place is outer.
std::vector<const Exercise*> listed(const ExerciseLibrary& lib, const std::vector<std::string>& ids,
                                    const std::vector<std::string>& outer_ids, const RoutineContext& ctx, Routine& r) {
  std::vector<const Exercise*> out;
  for (const auto& id : ids) out.push_back(lib.find(id));
  if (ctx.outer() && !outer_ids.empty()) {
    for (const auto& id : outer_ids) out.push_back(lib.find(id));
    r.notes.push_back(fmt::format("outer {}: IT band and hip abductor work added",
                                  domain::name_of(ctx.sore_site.value_or(domain::Site::knee))));
  }
  std::erase(out, nullptr);  // the library checks its lists; nothing to drop in practice
  return out;
}

const Exercise* easier_of(const ExerciseLibrary& lib, const Exercise* e) {
  return e->easier ? lib.find(*e->easier) : nullptr;
}

}  // namespace

int Routine::total_s() const {
  int total = 0;
  for (const auto& s : steps) total += s.duration_s;
  return total;
}

Routine build_warmup(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book) {
  Routine r;
  r.kind = RoutineKind::warmup;
  r.rules.emplace_back(kWarm1);
  auto drills = listed(lib, lib.lists().warmup, lib.lists().warmup_outer, ctx, r);
  if (ctx.in_episode()) {
    std::vector<const Exercise*> gentle;
    for (const Exercise* e : drills) {
      const Exercise* easy = easier_of(lib, e);
      const Exercise* use = easy ? easy : e;
      if (std::find(gentle.begin(), gentle.end(), use) == gentle.end()) gentle.push_back(use);
    }
    if (gentle != drills) r.notes.push_back("pain episode: gentler variants of the drills that load the sore joint");
    drills = std::move(gentle);
  }
  // One round of every drill, then more of them in order until the warm-up
  // lasts warmup_min_s, never past warmup_max_s. A sided drill's left and
  // right steps go in together or not at all.
  std::vector<std::vector<RoutineStep>> round;
  for (const Exercise* e : drills) {
    std::vector<RoutineStep> both_sides;
    for (Side side : sides_of(*e)) both_sides.push_back(step(*e, side, e->dose.seconds, e->dose.reps, 1, book));
    round.push_back(std::move(both_sides));
  }
  for (int n = 1; r.total_s() < book.routine.warmup_min_s; ++n) {
    bool added = false;
    for (auto drill : round) {
      if (r.total_s() >= book.routine.warmup_min_s && n > 1) break;
      int drill_s = 0;
      for (const auto& s : drill) drill_s += s.duration_s;
      if (r.total_s() + drill_s > book.routine.warmup_max_s) continue;
      for (auto& s : drill) {
        s.round = n;
        r.steps.push_back(std::move(s));
      }
      added = true;
    }
    if (!added) break;  // nothing fits any more
  }
  return r;
}

Routine build_cooldown(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book) {
  Routine r;
  r.kind = RoutineKind::cooldown;
  r.rules.emplace_back(kCool1);
  const int repetitions = book.routine.hold_repetitions;
  for (const Exercise* e : listed(lib, lib.lists().cooldown, lib.lists().cooldown_outer, ctx, r)) {
    const int hold =
        std::clamp(e->dose.hold_s.value_or(book.routine.hold_max_s), book.routine.hold_min_s, book.routine.hold_max_s);
    for (int rep = 1; rep <= repetitions; ++rep) {
      for (Side side : sides_of(*e)) r.steps.push_back(step(*e, side, hold, std::nullopt, rep, book));
    }
  }
  return r;
}

namespace {

/// The next dose of the exercise logged as `id`, or nullptr.
const NextDose* dose_of(const std::vector<NextDose>& doses, std::string_view id) {
  const auto it = std::ranges::find(doses, id, &NextDose::from);
  return it == doses.end() ? nullptr : &*it;
}

void add_rule(Routine& r, std::string_view id) {
  if (std::find(r.rules.begin(), r.rules.end(), id) == r.rules.end()) r.rules.emplace_back(id);
}

}  // namespace

Routine build_strength(const ExerciseLibrary& lib, const RoutineContext& ctx, const rules::RuleBook& book) {
  Routine r;
  r.kind = RoutineKind::strength;
  r.rules = {std::string(kStrengthEx1), std::string(kStrengthDose1)};
  const auto& t = book.strength;
  std::vector<const Exercise*> used;
  bool start_doses = false;
  for (const Exercise* e : listed(lib, lib.lists().strength, lib.lists().strength_outer, ctx, r)) {
    const NextDose* dose = dose_of(ctx.doses, e->id);
    const Exercise* swapped = dose && dose->exercise != e->id ? lib.find(dose->exercise) : nullptr;
    const NextDose* explained = swapped ? dose : nullptr;  // its note is the swap's
    const bool painful = std::find(ctx.painful.begin(), ctx.painful.end(), e->id) != ctx.painful.end();
    if (swapped) {
      // The logged pain already chose the variant (next_doses, as `strength` shows it).
      r.notes.push_back(fmt::format("{}: {} -> {} ({})", dose->rule, e->name, swapped->name, dose->why));
      add_rule(r, dose->rule);
      e = swapped;
    } else if ((painful && ctx.in_episode()) || ctx.easier_variants) {
      if (const Exercise* easy = easier_of(lib, e)) {
        const std::string why = painful && ctx.in_episode()
                                    ? fmt::format("it hurt above {}/10 in a set", t.pain_swap_above)
                                    : std::string("the easier variant while running is stopped");
        r.notes.push_back(fmt::format("{}: {} -> {} ({})", kStrengthPain1, e->name, easy->name, why));
        add_rule(r, kStrengthPain1);
        e = easy;
      }
    }
    if (!ctx.gym_access && domain::needs_gym(e->equipment)) {
      const Exercise* home = e->no_gym ? lib.find(*e->no_gym) : nullptr;
      if (!home) {
        r.notes.push_back(fmt::format("no gym: {} left out (no home variant)", e->name));
        continue;
      }
      r.notes.push_back(fmt::format("no gym: {} -> {}", e->name, home->name));
      e = home;
      dose = nullptr;  // a machine's load says nothing about its home variant
    }
    // The variant's own history, when newer, is what the runner did last.
    if (const NextDose* own = dose_of(ctx.doses, e->id); own && (!dose || own->last >= dose->last)) dose = own;
    // Two entries may end up as the same exercise (both step down to the glute bridge): do it once.
    if (std::find(used.begin(), used.end(), e) != used.end()) continue;
    used.push_back(e);
    int sets = ctx.in_episode() ? t.sets_min : std::clamp(e->dose.sets.value_or(t.sets_min), t.sets_min, t.sets_max);
    std::optional<int> reps =
        e->dose.reps ? std::optional(std::clamp(*e->dose.reps, t.reps_min, t.reps_max)) : std::nullopt;
    std::optional<double> load;
    if (dose) {
      sets = dose->sets;
      if (reps) reps = dose->reps;  // a hold keeps its time
      if (dose->load_kg && *dose->load_kg > 0) load = dose->load_kg;
      if (dose != explained) r.notes.push_back(fmt::format("{}: {} ({})", e->name, dose->why, dose->rule));
    } else {
      start_doses = true;
    }
    for (int set = 1; set <= sets; ++set) {
      for (Side side : sides_of(*e)) {
        RoutineStep s = step(*e, side, e->dose.hold_s, reps, set, book);
        s.load_kg = load;
        r.steps.push_back(std::move(s));
      }
    }
  }
  if (ctx.in_episode() && start_doses) {
    r.notes.push_back(fmt::format("pain episode: {} sets of each exercise{}", t.sets_min,
                                  ctx.doses.empty() ? "" : " not logged before"));
  }
  return r;
}

Routine build_routine(RoutineKind kind, const ExerciseLibrary& lib, const RoutineContext& ctx,
                      const rules::RuleBook& book) {
  switch (kind) {
    case RoutineKind::warmup:
      return build_warmup(lib, ctx, book);
    case RoutineKind::cooldown:
      return build_cooldown(lib, ctx, book);
    case RoutineKind::strength:
      return build_strength(lib, ctx, book);
  }
  return {};
}

RoutineContext routine_context(std::span<const rules::ActiveEpisode> episodes,
                               std::span<const domain::PainCheckin> checkins, bool gym_access) {
  RoutineContext ctx;
  ctx.gym_access = gym_access;
  for (const auto& e : episodes) {
    std::optional<domain::Region> region;  // of the episode's latest painful check-in
    const domain::PainCheckin* latest = nullptr;
    for (const auto& c : checkins) {
      const bool counts = c.site == e.site && (c.side == e.side || c.side == domain::Side::both);
      if (!counts || c.pain <= 0 || c.date < e.start || !c.region) continue;
      if (!latest || std::tuple(latest->date, latest->time.value_or(-1), latest->id) <
                         std::tuple(c.date, c.time.value_or(-1), c.id)) {
        latest = &c;
        region = c.region;
      }
    }
    if (!ctx.sore_site || (region == domain::Region::outer && !ctx.outer())) {
      ctx.sore_site = e.site;
      ctx.sore_region = region;
    }
  }
  return ctx;
}

}  // namespace stridecare::planner
