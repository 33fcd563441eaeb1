#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "services/calendar.hpp"
#include "services/file_bytes.hpp"
#include "services/plan.hpp"

namespace stridecare::cli {
namespace {

struct PlanFlags {
  std::optional<std::string> week_of;
  std::optional<std::string> ics;
};

domain::Date monday_of(domain::Date d) {
  const auto back = static_cast<int>(domain::weekday_index(std::chrono::weekday{d}));
  return domain::add_days(d, -back);
}

std::int64_t now_utc_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

void add_plan_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<PlanFlags>();
  auto* cmd = app.add_subcommand(
      "plan",
      "The plan for the 7 days from today (or --date), or Monday to Sunday of --week-of: runs, cross-training, "
      "strength and rest, each with the rules behind it; --ics FILE writes it to your calendar");
  cmd->add_option("--week-of", f->week_of, "A day of the week to plan, YYYY-MM-DD: the plan runs Monday to Sunday");
  cmd->add_option("--ics", f->ics,
                  "Write the plan as an iCalendar file (RFC 5545) to FILE for your calendar; importing a newer file "
                  "updates the same events");
  cmd->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      ctx.check_globals();
      if (f->week_of && ctx.date_flag()) {
        throw CommandFailed{{domain::ErrorKind::invalid_input, "week_of",
                             "give --date (7 days from that day) or --week-of (Monday to Sunday), not both"}};
      }
      const domain::Date start =
          f->week_of ? monday_of(value_or_fail(domain::parse_date(*f->week_of, "week_of"))) : ctx.date();
      auto& session = ctx.session();
      const auto report = value_or_fail(services::plan(session, start, ctx.units(), services::Remember::yes));
      if (!f->ics) {
        if (ctx.json()) {
          print(services::document_text(services::to_json(report)));
        } else {
          auto style = ctx.text_style();
          print(describe(report, style));
        }
        return;
      }
      const std::string path = *f->ics;
      const auto file =
          value_or_fail(services::export_calendar(session, report, now_utc_s(), [&](const std::string& text) {
            return services::write_file_atomically(path, text);
          }));
      if (ctx.json()) {
        print(services::document_text(services::to_json(file, path, start)));
      } else {
        print(fmt::format(
            "Wrote the plan for {} to {} to {}: {} events ({} changed since the last export, {} "
            "cancelled). Import it again after a change: the same events are updated.\n",
            domain::to_string(report.plan.days.front().date), domain::to_string(report.plan.days.back().date), path,
            file.events, file.changed, file.cancelled));
      }
    };
  });
}

}  // namespace stridecare::cli
