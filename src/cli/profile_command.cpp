#include <cmath>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "services/environment.hpp"
#include "services/journal.hpp"

namespace stridecare::cli {
namespace {

struct ProfileFlags {
  std::optional<std::string> tz, available, long_run_day, cross, gym, strength_per_week, units, weekly_goal,
      session_time;

  bool any() const {
    return tz || available || long_run_day || cross || gym || strength_per_week || units || weekly_goal || session_time;
  }
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

domain::Error bad(const char* field, const std::string& message) {
  return {domain::ErrorKind::invalid_input, field, message};
}

/// Applies the flags given to `p`; throws CommandFailed on a bad value.
void apply(const ProfileFlags& f, domain::Profile& p) {
  if (f.tz) {
    value_or_fail(services::check_time_zone(*f.tz));
    p.time_zone = *f.tz;
  }
  if (f.available) {
    p.available_days.fill(false);
    for (const auto& d : split(*f.available)) {
      const auto wd = domain::parse_weekday(d);
      if (!wd) {
        throw CommandFailed{bad("available", domain::not_a_day(d, ","))};
      }
      p.available_days[domain::weekday_index(*wd)] = true;
    }
  }
  if (f.long_run_day) {
    const auto wd = domain::parse_weekday(*f.long_run_day);
    if (!wd) {
      throw CommandFailed{bad("long_run_day", domain::not_a_day(*f.long_run_day))};
    }
    p.long_run_day = *wd;
  }
  if (f.cross) {
    p.cross_training.clear();
    for (const auto& s : split(*f.cross)) {
      const auto sport = domain::parse_cross_training(s);
      if (!sport) throw CommandFailed{bad("cross", domain::not_allowed(s, domain::cross_training_names(",")))};
      if (std::find(p.cross_training.begin(), p.cross_training.end(), *sport) == p.cross_training.end()) {
        p.cross_training.push_back(*sport);
      }
    }
  }
  if (f.gym) {
    if (*f.gym != "yes" && *f.gym != "no") {
      throw CommandFailed{bad("gym", domain::not_allowed(*f.gym, "yes|no"))};
    }
    p.gym_access = *f.gym == "yes";
  }
  if (f.strength_per_week) {
    p.strength_per_week = value_or_fail(parse_int(*f.strength_per_week, "strength_per_week", 2, 3));
  }
  if (f.units) {
    p.units = domain::parse_enum<domain::UnitSystem>(*f.units);
    if (!p.units) {
      throw CommandFailed{bad("units", domain::not_allowed<domain::UnitSystem>(*f.units))};
    }
  }
  if (f.weekly_goal) {
    if (*f.weekly_goal == "none") {
      p.weekly_goal_m.reset();
    } else {
      // Whole metres: the goal round-trips through the export's kilometres unchanged.
      p.weekly_goal_m = std::round(value_or_fail(domain::parse_distance_m(*f.weekly_goal, "weekly_goal")));
      value_or_fail(domain::validate(p));
    }
  }
  if (f.session_time) {
    if (*f.session_time == "none") {
      p.session_time.reset();
    } else {
      p.session_time = value_or_fail(domain::parse_time_of_day(*f.session_time, "session_time"));
    }
  }
}

}  // namespace

void add_profile_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<ProfileFlags>();
  auto* cmd = app.add_subcommand("profile", "Show or set the athlete profile");
  cmd->add_option("--tz", f->tz, "IANA time zone, e.g. Europe/London");
  cmd->add_option("--available", f->available, "Days you can train, e.g. mon,tue,thu,sat,sun");
  cmd->add_option("--long-run-day", f->long_run_day, "Day of the long run, e.g. sun");
  cmd->add_option("--cross", f->cross, "Cross-training you can do: swim,walk,cycle,elliptical,row");
  cmd->add_option("--gym", f->gym, "Gym access: yes|no");
  cmd->add_option("--strength-per-week", f->strength_per_week, "Strength sessions per week: 2 or 3");
  // After `profile`, --units is stored; the global --units before it only changes one command's display.
  cmd->add_option("--units", f->units, "Units to show figures in from now on: metric|imperial (stored)");
  cmd->add_option("--weekly-goal", f->weekly_goal,
                  "Weekly running distance to build towards within PLAN-GRAD-1, e.g. 40km or 25mi; none to clear");
  cmd->add_option("--session-time", f->session_time,
                  "Local time your sessions start, HH:MM: timed calendar events (plan --ics); none: all-day events");
  cmd->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      // Validate every flag against the defaults first, so a bad value never opens the database.
      domain::Profile probe;
      apply(*f, probe);
      auto& session = ctx.session();
      const auto profile =
          f->any() ? value_or_fail(services::update_profile(session,
                                                            [&](domain::Profile& p) -> domain::Expected<void> {
                                                              apply(*f, p);
                                                              return {};
                                                            }))
                   : value_or_fail(services::load_profile(session));
      print(ctx.json() ? services::document_text(services::to_json(profile)) : describe(profile, ctx.units()));
    };
  });
}

}  // namespace stridecare::cli
