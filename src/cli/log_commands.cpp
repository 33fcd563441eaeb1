#include <memory>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "services/checkin_form.hpp"
#include "services/input_checks.hpp"
#include "services/journal.hpp"
#include "services/safe_log.hpp"
#include "services/strength.hpp"

namespace stridecare::cli {
namespace {

/// Flags shared by the activity log commands.
struct ActivityFlags {
  std::string distance;
  std::string duration;
  std::optional<std::string> rpe;
  std::string note;
  bool no_duplicates = false;
};

void add_common(CLI::App* cmd, ActivityFlags& f, bool needs_distance) {
  auto* d = cmd->add_option("--distance", f.distance, "Distance: 8.2km, 5mi, 800m, or a number of km");
  if (needs_distance) d->required();
  cmd->add_option("--duration", f.duration, "Elapsed time: MM:SS, HH:MM:SS, 45min, 1h30min or 90s")->required();
  cmd->add_option("--rpe", f.rpe, "Session RPE, 0-10 (CR-10 scale)");
  cmd->add_option("--note", f.note, "Free-text note");
  cmd->add_flag("--no-duplicates", f.no_duplicates,
                "Do not store a session identical (sport, day, distance, duration) to one already stored");
}

domain::Activity build(domain::Sport sport, const ActivityFlags& f) {
  domain::Activity a;
  a.sport = sport;
  if (!f.distance.empty()) a.distance_m = value_or_fail(domain::parse_distance_m(f.distance, "distance"));
  a.duration_s = value_or_fail(domain::parse_duration_s(f.duration, "duration"));
  if (f.rpe) a.rpe = value_or_fail(parse_int(*f.rpe, "rpe", domain::kScaleMin, domain::kScaleMax));
  a.note = f.note;
  return a;
}

/// Validates `item` completely, then gives it its day: `--date`, or today in
/// the athlete's time zone. Today needs the profile, so the database is
/// opened only once the input is known to be good; so does a `--date` that
/// may be today or tomorrow there (a later one is refused before).
template <class T>
T validated_with_date(CliContext& ctx, T item) {
  if (auto d = ctx.date_flag()) {
    item.date = *d;
    value_or_fail(domain::validate(item));
    value_or_fail(services::check_not_surely_future(*d));
    value_or_fail(services::check_not_future(ctx.session(), *d));
    return item;
  }
  item.date = domain::Date{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
  value_or_fail(domain::validate(item));
  item.date = ctx.date();
  return item;
}

void store_and_print(CliContext& ctx, domain::Activity a, bool no_duplicates) {
  a = validated_with_date(ctx, std::move(a));
  const auto logged = value_or_fail(services::log_session(
      ctx.session(), a, no_duplicates ? services::OnDuplicate::skip : services::OnDuplicate::store));
  if (ctx.json()) {
    print(services::document_text(services::to_json(logged)));
    return;
  }
  if (!logged.stored) {
    print(fmt::format(
        "not stored: this {} is identical to #{} of {} (the same sport, day, distance and duration; "
        "--no-duplicates)\n",
        domain::name_of(logged.activity.sport), *logged.duplicate_of, domain::to_string(logged.activity.date)));
    return;
  }
  std::string text = fmt::format("logged {}\n", describe(logged.activity, ctx.units()));
  if (logged.duplicate_of) {
    text += fmt::format(
        "warning: looks like a duplicate of #{} (the same sport, day, distance and duration); stored "
        "anyway: `stridecare delete {}` removes this one, --no-duplicates skips such a session\n",
        *logged.duplicate_of, logged.activity.id);
  }
  for (const auto& w : logged.warnings) text += describe(w);
  print(text);
}

}  // namespace

void add_log_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  auto* log = app.add_subcommand("log", "Log a run, cross-training, strength session or pain check-in");
  log->require_subcommand(1);

  auto run_flags = std::make_shared<ActivityFlags>();
  auto* log_run = log->add_subcommand("run", "Log a run by hand");
  add_common(log_run, *run_flags, true);
  log_run->callback([&ctx, &run, run_flags] {
    run = [&ctx, run_flags] { store_and_print(ctx, build(domain::Sport::run, *run_flags), run_flags->no_duplicates); };
  });

  auto cross_flags = std::make_shared<ActivityFlags>();
  auto sport = std::make_shared<std::string>();
  auto* log_cross = log->add_subcommand("cross", "Log cross-training (swim, walk, cycle, elliptical, row)");
  log_cross->add_option("--sport", *sport, domain::cross_training_names())->required();
  add_common(log_cross, *cross_flags, false);
  log_cross->callback([&ctx, &run, cross_flags, sport] {
    run = [&ctx, cross_flags, sport] {
      const auto s = domain::parse_cross_training(*sport);
      if (!s) {
        throw CommandFailed{
            {domain::ErrorKind::invalid_input, "sport", domain::not_allowed(*sport, domain::cross_training_names())}};
      }
      store_and_print(ctx, build(*s, *cross_flags), cross_flags->no_duplicates);
    };
  });

  struct StrengthFlags {
    std::vector<std::string> exercises;
    std::optional<std::string> time;
    std::string duration;
    std::optional<std::string> rpe;
    std::string note;
  };
  auto sf = std::make_shared<StrengthFlags>();
  auto* log_strength = log->add_subcommand("strength", "Log a strength session");
  log_strength
      ->add_option("--exercise", sf->exercises,
                   "NAME:SETSxREPS[@LOAD] or one entry per set NAME:REPS[@LOAD],REPS[@LOAD],..., then optionally "
                   ",pain=0-10; e.g. squat:3x10@40kg, squat:10@40kg,8@42.5kg, lunge:3x8,pain=2 (repeatable)")
      ->required();
  log_strength->add_option("--time", sf->time,
                           "Start time, HH:MM (for the 48 h between sessions, STRENGTH-REST-1); logged for today "
                           "without it: now minus --duration");
  log_strength->add_option("--duration", sf->duration, "Session length (default 45min)");
  log_strength->add_option("--rpe", sf->rpe, "Session RPE, 0-10");
  log_strength->add_option("--note", sf->note, "Free-text note");
  log_strength->callback([&ctx, &run, sf] {
    run = [&ctx, sf] {
      ActivityFlags f{"", sf->duration.empty() ? "45min" : sf->duration, sf->rpe, sf->note};
      auto a = build(domain::Sport::strength, f);
      for (const auto& text : sf->exercises) {
        // The name first: `dead lift:3x10` is a name to correct, not a malformed entry.
        if (const auto name = domain::exercise_name_of(text); !name.empty()) {
          value_or_fail(services::check_exercise_name(name));
        }
        a.exercises.push_back(value_or_fail(domain::parse_exercise(text, "exercise")));
      }
      if (sf->time) a.time = value_or_fail(domain::parse_time_of_day(*sf->time, "time"));
      a = validated_with_date(ctx, std::move(a));
      const auto logged = value_or_fail(services::log_strength(ctx.session(), a));
      if (ctx.json()) {
        print(services::document_text(services::to_json(logged)));
      } else {
        print(fmt::format("logged {}\n", describe(logged.activity, ctx.units())) + describe(logged.warnings));
      }
    };
  });

  struct PainFlags {
    std::optional<std::string> time, region, note;
    std::string site, side, pain, timing;
    std::array<bool, domain::kSignCount> signs{};
    bool persists = false;
    bool cleared = false;
  };
  auto pf = std::make_shared<PainFlags>();
  auto* log_pain = log->add_subcommand("pain", "Log a pain check-in and see the triage at once");
  log_pain->add_option("--time", pf->time, "Time of day, HH:MM");
  log_pain->add_option("--site", pf->site, "knee|hip")->required();
  log_pain->add_option("--region", pf->region, "front|outer|inner|back (hip: front|outer|back)");
  log_pain->add_option("--side", pf->side, "left|right|both")->required();
  log_pain->add_option("--pain", pf->pain, "Pain 0-10 (0 none, 10 worst imaginable)")->required();
  log_pain->add_option("--timing", pf->timing, "during_run|after_run|next_morning|at_rest")->required();
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
    std::string flag = "--" + std::string(name);
    std::replace(flag.begin(), flag.end(), '_', '-');
    log_pain->add_flag(flag, pf->signs[static_cast<std::size_t>(sign)], std::string(services::wording(sign).statement));
  }
  log_pain->add_flag("--persists-after-run", pf->persists,
                     std::string(services::persists_after_run_wording().statement));
  log_pain->add_flag("--cleared-by-clinician", pf->cleared,
                     std::string(services::cleared_by_clinician_wording().statement));
  log_pain->add_option("--note", pf->note, "Free-text note");
  log_pain->callback([&ctx, &run, pf] {
    run = [&ctx, pf] {
      domain::PainCheckin c;
      const auto parse = [](auto tag, const std::string& text, const char* field) {
        using E = decltype(tag);
        if (auto v = domain::parse_enum<E>(text)) return *v;
        throw CommandFailed{{domain::ErrorKind::invalid_input, field, domain::not_allowed<E>(text)}};
      };
      c.site = parse(domain::Site{}, pf->site, "site");
      c.side = parse(domain::Side{}, pf->side, "side");
      c.timing = parse(domain::Timing{}, pf->timing, "timing");
      if (pf->region) c.region = parse(domain::Region{}, *pf->region, "region");
      c.pain = value_or_fail(parse_int(pf->pain, "pain", domain::kScaleMin, domain::kScaleMax));
      if (pf->time) c.time = value_or_fail(domain::parse_time_of_day(*pf->time, "time"));
      for (std::size_t i = 0; i < pf->signs.size(); ++i) c.signs.set(i, pf->signs[i]);
      c.persists_after_run = pf->persists;
      c.cleared_by_clinician = pf->cleared;
      c.note = pf->note.value_or("");
      c = validated_with_date(ctx, std::move(c));
      const auto logged = value_or_fail(services::log_checkin(ctx.session(), c));
      if (ctx.json()) {
        print(services::document_text(services::to_json(logged, ctx.session().rules)));
      } else {
        auto style = ctx.text_style();
        print(fmt::format("logged check-in {}\n\n{}", logged.checkin.id,
                          describe(logged.report, ctx.session().rules, style)));
      }
    };
  });
}

}  // namespace stridecare::cli
