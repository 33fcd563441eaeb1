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

  domain::DateRange parse() const { return value_or_fail(domain::parse_date_range(from, to, "--to")); }
};

CLI::App* with_range(CLI::App* cmd, RangeFlags& f) {
  cmd->add_option("--from", f.from, "First day, YYYY-MM-DD");
  cmd->add_option("--to", f.to, "Last day, YYYY-MM-DD");
  return cmd;
}

/// `NAME [--from D] [--to D]`: the entries `list` returns, one line each, or
/// their services::to_json document with --json.
template <class List, class Describe>
void add_list_command(CLI::App& app, CliContext& ctx, Runner& run, const std::string& name, const std::string& help,
                      const char* none, List list, Describe line) {
  auto range = std::make_shared<RangeFlags>();
  with_range(app.add_subcommand(name, help), *range)->callback([&ctx, &run, range, none, list, line] {
    run = [&ctx, range, none, list, line] {
      // The flags first, in a statement of their own: the order in which a call's arguments are
      // evaluated is unspecified, and clang opened (created) the database before a bad range failed.
      const domain::DateRange dates = range->parse();
      ctx.only_reads();
      const auto entries = value_or_fail(list(ctx.session(), dates));
      if (ctx.json()) {
        print(services::document_text(services::to_json(std::span(entries))));
        return;
      }
      std::string out;
      for (const auto& e : entries) out += line(e) + "\n";
      print(out.empty() ? std::string(none) + "\n" : out);
    };
  });
}

}  // namespace

void add_query_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  app.add_subcommand("today", "Triage as of today (or --date): action, reasons, self-care advice")
      ->callback([&ctx, &run] {
        run = [&ctx] {
          ctx.check_globals();
          ctx.only_reads();
          const auto report = value_or_fail(services::today(ctx.session(), ctx.date(), ctx.units()));
          if (ctx.json()) {
            print(services::document_text(services::to_json(report, ctx.session().rules)));
          } else {
            auto style = ctx.text_style();
            print(describe(report, ctx.session().rules, style));
          }
        };
      });

  add_list_command(app, ctx, run, "activities", "List runs, cross-training and strength sessions", "no activities",
                   services::list_activities, [&ctx](const domain::Activity& a) { return describe(a, ctx.units()); });
  add_list_command(app, ctx, run, "checkins", "List pain check-ins", "no check-ins", services::list_checkins,
                   [](const domain::PainCheckin& c) { return describe(c); });

  auto id = std::make_shared<std::string>();
  auto* del = app.add_subcommand("delete", "Remove an activity or check-in by id");
  del->add_option("ID", *id, "Id shown by `activities` or `checkins`")->required();
  del->callback([&ctx, &run, id] {
    run = [&ctx, id] {
      const int value = value_or_fail(parse_int(*id, "id", 1, std::numeric_limits<int>::max()));
      value_or_fail(services::remove_entry(ctx.session(), value));
      print(ctx.json() ? services::document_text(services::deleted_json(value)) : fmt::format("deleted {}\n", value));
    };
  });
}

}  // namespace stridecare::cli
