#include "services/routines.hpp"

#include <algorithm>

#include "domain/validate.hpp"
#include "rules/triage.hpp"

namespace stridecare::services {

Expected<planner::RoutineContext> routine_context(Session& s, domain::Date date) {
  planner::RoutineContext ctx;
  auto profile = s.store.load_profile();
  if (!profile) return std::unexpected(profile.error());
  ctx.gym_access = profile->has_value() && (*profile)->gym_access;

  auto checkins = s.store.list_checkins({std::nullopt, date});
  if (!checkins) return std::unexpected(checkins.error());
  const auto episodes = rules::triage({date, *checkins, {}, {}, {}}, s.rules).episodes;
  for (const auto& e : episodes) {
    // The region of the episode's latest painful check-in.
    std::optional<domain::Region> region;
    for (const auto& c : *checkins) {
      const bool in_episode = std::chrono::sys_days{c.date} >= std::chrono::sys_days{e.start};
      if (c.site == e.site && c.side == e.side && c.pain > 0 && c.region && in_episode) region = c.region;
    }
    const bool first = !ctx.sore_site;
    if (first || (region == domain::Region::outer && !ctx.outer())) {
      ctx.sore_site = e.site;
      ctx.sore_region = region;
    }
  }
  return ctx;
}

Expected<planner::Routine> routine(Session& s, planner::RoutineKind kind, domain::Date date) {
  auto ctx = routine_context(s, date);
  if (!ctx) return std::unexpected(ctx.error());
  return planner::build_routine(kind, planner::default_exercise_library(), *ctx, s.rules);
}

Expected<domain::Id> record_routine(Session& s, const domain::RoutineSession& r) {
  if (auto ok = domain::validate(r); !ok) return std::unexpected(ok.error());
  return s.store.add_routine(r);
}

Expected<std::vector<domain::RoutineSession>> list_routines(Session& s, const storage::DateRange& range) {
  return s.store.list_routines(range);
}

const std::vector<domain::Exercise>& exercises() { return planner::default_exercise_library().all(); }

const domain::Exercise* find_exercise(std::string_view id) { return planner::default_exercise_library().find(id); }

Json to_json(const planner::Routine& r) {
  Json steps = Json::array();
  for (const auto& step : r.steps) {
    Json j = {{"exercise", step.exercise}, {"name", step.name}, {"side", domain::name_of(step.side)}};
    if (step.seconds) j["seconds"] = *step.seconds;
    if (step.reps) j["reps"] = *step.reps;
    j["round"] = step.round;
    j["duration_s"] = step.duration_s;
    steps.push_back(std::move(j));
  }
  return {{"kind", domain::name_of(r.kind)},
          {"total_s", r.total_s()},
          {"rules", r.rules},
          {"notes", r.notes},
          {"steps", steps}};
}

Json to_json(const domain::Exercise& e) {
  Json muscles = Json::array();
  for (auto m : e.muscles) muscles.push_back(domain::name_of(m));
  Json dose = Json::object();
  const std::pair<const char*, const std::optional<int>*> fields[] = {{"seconds", &e.dose.seconds},
                                                                      {"reps", &e.dose.reps},
                                                                      {"hold_s", &e.dose.hold_s},
                                                                      {"repetitions", &e.dose.repetitions},
                                                                      {"sets", &e.dose.sets}};
  for (const auto& [name, value] : fields) {
    if (*value) dose[name] = **value;
  }
  return {{"id", e.id},
          {"name", e.name},
          {"kind", domain::name_of(e.kind)},
          {"muscles", muscles},
          {"equipment", domain::name_of(e.equipment)},
          {"sides", domain::name_of(e.sides)},
          {"dose", dose},
          {"cues", e.cues},
          {"mistakes", e.mistakes},
          {"easier", optional_json(e.easier)},
          {"no_gym", optional_json(e.no_gym)}};
}

}  // namespace stridecare::services
