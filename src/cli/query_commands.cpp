#include <memory>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "services/journal.hpp"
#include "services/today.hpp"

namespace stridecare::cli {
namespace {

struct RangeFlags {
  std::optional<std::string> from;
  std::optional<std::string> to;

  storage::DateRange parse() const {
    storage::DateRange r;
    if (from) r.from = value_or_fail(domain::parse_date(*from, "from"));
    if (to) r.to = value_or_fail(domain::parse_date(*to, "to"));
    if (r.from && r.to && *r.from > *r.to) {
      throw CommandFailed{{domain::ErrorKind::invalid_input, "from", fmt::format("{} is after --to {}", *from, *to)}};
    }
    return r;
  }
};

CLI::App* with_range(CLI::App* cmd, RangeFlags& f) {
  cmd->add_option("--from", f.from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", f.to, "Last day, YYYY-MM-DD");
  return cmd;
}

}  // namespace

void add_query_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  app.add_subcommand("today", "Triage as of today (or --date): action, reasons, self-care advice")
      ->callback([&ctx, &run] {
        run = [&ctx] {
          ctx.check_globals();
          const auto report = value_or_fail(services::today(ctx.session(), ctx.date()));
          print(ctx.json() ? services::to_json(report).dump() + "\n" : describe(report));
        };
      });

  auto activity_range = std::make_shared<RangeFlags>();
  with_range(app.add_subcommand("activities", "List runs, cross-training and strength sessions"), *activity_range)
      ->callback([&ctx, &run, activity_range] {
        run = [&ctx, activity_range] {
          const auto range = activity_range->parse();
          const auto list = value_or_fail(services::list_activities(ctx.session(), range));
          if (ctx.json()) {
            services::Json j = services::Json::array();
            for (const auto& a : list) j.push_back(services::to_json(a));
            print(services::Json{{"activities", j}}.dump() + "\n");
            return;
          }
          std::string out;
          for (const auto& a : list) out += describe(a, ctx.units()) + "\n";
          print(out.empty() ? "no activities\n" : out);
        };
      });

  auto checkin_range = std::make_shared<RangeFlags>();
  with_range(app.add_subcommand("checkins", "List pain check-ins"), *checkin_range)
      ->callback([&ctx, &run, checkin_range] {
        run = [&ctx, checkin_range] {
          const auto range = checkin_range->parse();
          const auto list = value_or_fail(services::list_checkins(ctx.session(), range));
          if (ctx.json()) {
            services::Json j = services::Json::array();
            for (const auto& c : list) j.push_back(services::to_json(c));
            print(services::Json{{"checkins", j}}.dump() + "\n");
            return;
          }
          std::string out;
          for (const auto& c : list) out += describe(c) + "\n";
          print(out.empty() ? "no check-ins\n" : out);
        };
      });

  auto id = std::make_shared<std::string>();
  auto* del = app.add_subcommand("delete", "Remove an activity or check-in by id");
  del->add_option("ID", *id, "Id shown by `activities` or `checkins`")->required();
  del->callback([&ctx, &run, id] {
    run = [&ctx, id] {
      const int value = value_or_fail(parse_int(*id, "id", 1, std::numeric_limits<int>::max()));
      value_or_fail(services::remove_entry(ctx.session(), value));
      print(ctx.json() ? services::Json{{"deleted", value}}.dump() + "\n" : fmt::format("deleted {}\n", value));
    };
  });
}

}  // namespace stridecare::cli
