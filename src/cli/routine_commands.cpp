// `exercises`, `exercise ID`, `guide warmup|cooldown|strength [--dry-run]` and `routines`.

#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/guide_timer.hpp"
#include "cli/text_output.hpp"
#include "services/environment.hpp"
#include "services/journal.hpp"
#include "services/routines.hpp"
#include "services/strength.hpp"

namespace stridecare::cli {

namespace {

std::string dose_text(const domain::Exercise& e) {
  const auto& d = e.dose;
  const std::string per_side = e.sides == domain::Sides::each ? " each side" : "";
  if (d.seconds) return fmt::format("{} s", *d.seconds);
  if (d.hold_s && d.repetitions) return fmt::format("hold {} s x {}{}", *d.hold_s, *d.repetitions, per_side);
  if (d.sets && d.reps) return fmt::format("{} x {}{}", *d.sets, *d.reps, per_side);
  if (d.sets && d.hold_s) return fmt::format("{} x {} s hold", *d.sets, *d.hold_s);
  if (d.reps) return fmt::format("{} reps{}", *d.reps, per_side);
  return "";
}

std::string describe_exercise(const domain::Exercise& e) {
  std::string muscles;
  for (auto m : e.muscles) muscles += (muscles.empty() ? "" : ", ") + std::string(domain::name_of(m));
  std::string out = fmt::format("{} ({})\n  kind       {}\n  muscles    {}\n  equipment  {}\n  dose       {}\n", e.name,
                                e.id, domain::name_of(e.kind), muscles, domain::name_of(e.equipment), dose_text(e));
  out += "How:\n";
  for (const auto& c : e.cues) out += fmt::format("  - {}\n", c);
  out += "Common mistakes:\n";
  for (const auto& m : e.mistakes) out += fmt::format("  - {}\n", m);
  if (e.easier) out += fmt::format("Easier (pain-friendly): {}\n", *e.easier);
  if (e.no_gym) out += fmt::format("Without a gym: {}\n", *e.no_gym);
  return out;
}

/// The condition and warnings to heed before starting, then the routine's heading and notes.
std::string before_start(const services::Guide& g) {
  const planner::Routine& r = g.routine;
  std::string out = r.condition ? fmt::format("{}\n", *r.condition) : "";
  out += describe(g.warnings);
  std::string rules;
  for (const auto& id : r.rules) rules += (rules.empty() ? "" : ", ") + id;
  out += fmt::format("{} ({} steps), about {}:{:02} ({})\n", domain::name_of(r.kind), r.steps.size(), r.total_s() / 60,
                     r.total_s() % 60, rules);
  for (const auto& n : r.notes) out += fmt::format("  note: {}\n", n);
  return out;
}

std::string describe_routine(const services::Guide& g, Units units) {
  std::string out = before_start(g);
  int i = 0;
  for (const auto& s : g.routine.steps) {
    std::string dose = s.seconds ? fmt::format("{} s", *s.seconds) : fmt::format("{} reps", s.reps.value_or(0));
    if (s.load_kg) dose += " @ " + domain::format_load(*s.load_kg, units);
    out += fmt::format("{:>3}. {:<40} {:<5} {}\n", ++i, s.name, domain::name_of(s.side), dose);
  }
  return out;
}

std::string describe(const services::RoutinesReport& r) {
  auto count = [](int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string out = fmt::format("Routines from {} to {}:\n", domain::to_string(r.from), domain::to_string(r.to));
  if (r.routines.empty()) out += "  none recorded (stridecare guide warmup|cooldown|strength records them)\n";
  for (const auto& x : r.routines) {
    const std::string time = x.time ? domain::time_of_day_to_string(*x.time) : "     ";
    const auto seconds = static_cast<int>(x.seconds);
    out += fmt::format("  {} {}  {:<9} {} of {} done{}, took {}:{:02}{}\n", domain::to_string(x.date), time,
                       domain::name_of(x.routine), x.steps_followed(), count(x.steps_total, "step", "steps"),
                       x.steps_skipped > 0 ? fmt::format(" ({} skipped)", x.steps_skipped) : "", seconds / 60,
                       seconds % 60, x.completed() ? ", completed" : "");
  }
  out +=
      "\nEach week: warm-up before and cool-down after every run (ROUTINE-WARM-1, ROUTINE-COOL-1), strength "
      "sessions against STRENGTH-FREQ-1:\n";
  for (const auto& [w, target] : r.weeks) {
    out += fmt::format(
        "  {} ({} to {}): {}, {} with a warm-up before, {} with a cool-down after; strength {} of {} "
        "({})\n",
        w.week, domain::to_string(w.from), domain::to_string(w.to), count(w.runs, "run", "runs"), w.runs_with_warmup,
        w.runs_with_cooldown, w.strength_sessions, count(target.target, "session", "sessions"), target.why);
  }
  return out;
}

/// STRIDECARE_GUIDE_SPEED: routine seconds per real second (tests); 1 when unset.
double guide_speed() {
  const char* text = std::getenv("STRIDECARE_GUIDE_SPEED");
  if (!text || *text == '\0') return 1;
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  constexpr double kMaxSpeed = 1e6;
  if (*end != '\0' || !(v >= 1 && v <= kMaxSpeed)) {
    throw CommandFailed{{domain::ErrorKind::invalid_input, "STRIDECARE_GUIDE_SPEED",
                         fmt::format("STRIDECARE_GUIDE_SPEED: '{}' is not a number from 1 to {:g}", text, kMaxSpeed)}};
  }
  return v;
}

/// The commands for what a refusal of `guide` advises instead: the routines the action in force still allows, or
/// the check-in that ends a clinician's action.
std::string refusal_commands(CliContext& ctx, domain::Date day) {
  const auto report = value_or_fail(services::today(ctx.session(), day));
  std::string commands;
  for (const auto kind : services::allowed_routines(report.triage.action)) {
    commands += fmt::format("{}stridecare guide {}", commands.empty() ? "" : ", ", domain::name_of(kind));
  }
  return commands.empty() ? " (then: stridecare log pain ... --cleared-by-clinician)" : " (" + commands + ")";
}

/// Stores how far the runner got (nothing when no step was done) and says so.
void record(CliContext& ctx, const planner::Routine& r, const GuideProgress& p, domain::Date day) {
  const int total = static_cast<int>(r.steps.size());
  const std::string how = fmt::format("{} of {} steps{}, {}:{:02}", p.steps_done, total,
                                      p.steps_skipped > 0 ? fmt::format(" ({} skipped)", p.steps_skipped) : "",
                                      static_cast<int>(p.seconds) / 60, static_cast<int>(p.seconds) % 60);
  if (p.steps_done == 0) {
    print(fmt::format("{} stopped before the first step ended: nothing recorded.\n", domain::name_of(r.kind)));
    return;
  }
  domain::RoutineSession session;
  session.date = day;
  if (!ctx.date_flag()) {
    session.time = services::minute_now_in(value_or_fail(services::load_profile(ctx.session())).time_zone);
  }
  session.routine = r.kind;
  session.steps_total = total;
  session.steps_done = p.steps_done;
  session.steps_skipped = p.steps_skipped;
  session.seconds = std::round(p.seconds);
  value_or_fail(services::record_routine(ctx.session(), session));
  print(fmt::format("{} {}: {}. Recorded{}.\n", domain::name_of(r.kind), p.quit ? "stopped" : "done", how,
                    session.completed() ? "" : ", not completed (a step was skipped or not reached)"));
}

}  // namespace

void add_routine_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  auto kind = std::make_shared<std::optional<std::string>>();
  auto* list = app.add_subcommand("exercises", "The exercise library: warm-up drills, stretches, strength exercises");
  list->add_option("--kind", *kind, "dynamic|static|strength");
  list->callback([&ctx, &run, kind] {
    run = [&ctx, kind] {
      std::optional<domain::ExerciseKind> only;
      if (*kind) {
        only = domain::parse_enum<domain::ExerciseKind>(**kind);
        if (!only) {
          throw CommandFailed{
              {domain::ErrorKind::invalid_input, "kind",
               fmt::format("'{}' is not one of {}", **kind, domain::allowed_names<domain::ExerciseKind>())}};
        }
      }
      if (ctx.json()) {
        print(services::document_text(services::exercises_json(only)));
        return;
      }
      std::string text;
      for (const auto& e : services::exercises()) {
        if (only && e.kind != *only) continue;
        text += fmt::format("{:<26} {:<9} {:<26} {}\n", e.id, domain::name_of(e.kind), dose_text(e), e.name);
      }
      print(text);
    };
  });

  auto id = std::make_shared<std::string>();
  auto* one = app.add_subcommand("exercise", "One exercise: how to do it, common mistakes, dose and variants");
  one->add_option("ID", *id, "Id shown by `exercises`")->required();
  one->callback([&ctx, &run, id] {
    run = [&ctx, id] {
      const auto* e = services::find_exercise(*id);
      if (!e) {
        throw CommandFailed{{domain::ErrorKind::invalid_input, "ID",
                             fmt::format("ID: no exercise '{}' (see `stridecare exercises`)", *id)}};
      }
      print(ctx.json() ? services::document_text(services::to_json(*e)) : describe_exercise(*e));
    };
  });

  auto routine = std::make_shared<std::string>();
  auto dry_run = std::make_shared<bool>(false);
  auto* guide = app.add_subcommand("guide", "A routine step by step: warmup, cooldown or strength");
  guide->add_option("ROUTINE", *routine, "warmup|cooldown|strength")->required();
  guide->add_flag("--dry-run", *dry_run, "Print the steps without timing them (with --json: the steps as JSON)");
  guide->callback([&ctx, &run, routine, dry_run] {
    run = [&ctx, routine, dry_run] {
      const auto k = domain::parse_enum<planner::RoutineKind>(*routine);
      if (!k) {
        throw CommandFailed{
            {domain::ErrorKind::invalid_input, "ROUTINE",
             fmt::format("ROUTINE: '{}' is not one of {}", *routine, domain::allowed_names<planner::RoutineKind>())}};
      }
      const GuideOptions options{guide_speed()};
      ctx.check_globals();
      const domain::Date day = ctx.date();
      auto guided = services::guide(ctx.session(), *k, day);
      if (!guided && guided.error().kind == domain::ErrorKind::refused) {
        // The refusal says what to do in words; here, also the commands that do it.
        guided.error().message += refusal_commands(ctx, day);
      }
      const auto g = value_or_fail(std::move(guided));
      if (*dry_run) {
        print(ctx.json() ? services::document_text(services::to_json(g)) : describe_routine(g, ctx.units()));
        return;
      }
      const planner::Routine& r = g.routine;
      if (r.steps.empty()) {
        throw CommandFailed{{domain::ErrorKind::invalid_input, "ROUTINE", "the routine has no steps"}};
      }
      if (r.condition || !g.warnings.empty()) print(before_start(g));
      const bool terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1;
      const GuideProgress p =
          terminal ? guide_on_terminal(r, options, STDIN_FILENO, STDOUT_FILENO) : guide_plain(r, options, stdout);
      record(ctx, r, p, day);
    };
  });

  struct Range {
    std::optional<std::string> from, to;
  };
  auto range = std::make_shared<Range>();
  auto* done = app.add_subcommand(
      "routines", "Recorded warm-ups, cool-downs and strength routines, with adherence per week (default 8 weeks)");
  done->add_option("--from", range->from, "First day, YYYY-MM-DD (default: the Monday 7 weeks before --to's week)");
  done->add_option("--to", range->to, "Last day, YYYY-MM-DD (default: --date, today)");
  done->callback([&ctx, &run, range] {
    run = [&ctx, range] {
      ctx.only_reads();
      domain::DateRange days;
      if (range->from) days.from = value_or_fail(domain::parse_date(*range->from, "from"));
      if (range->to) days.to = value_or_fail(domain::parse_date(*range->to, "to"));
      const auto report = value_or_fail(services::routines_report(ctx.session(), days, ctx.date(), "--to"));
      print(ctx.json() ? services::document_text(services::to_json(report)) : describe(report));
    };
  });
}

}  // namespace stridecare::cli
