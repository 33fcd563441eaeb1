#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "services/insights.hpp"
#include "services/load.hpp"

namespace stridecare::cli {

namespace {

struct LoadFlags {
  std::optional<std::string> from;
  std::optional<std::string> to;
};

}  // namespace

void add_load_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<LoadFlags>();
  auto* load =
      app.add_subcommand("load",
                         "Training load as of --date (ACWR, spikes, weekly change, monotony) and its warnings; "
                         "with --from/--to a daily series");
  load->add_option("--from", f->from, "First day of a daily series, YYYY-MM-DD");
  load->add_option("--to", f->to, "Last day of a daily series, YYYY-MM-DD (default: --date or today)");
  load->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      ctx.check_globals();
      ctx.only_reads();
      if (!f->from && !f->to) {
        const auto report = value_or_fail(services::load_report(ctx.session(), ctx.date()));
        if (ctx.json()) {
          print(services::document_text(services::to_json(report)));
        } else {
          auto style = ctx.text_style();
          print(describe(report, ctx.session().rules.load, style));
        }
        return;
      }
      // Both flags are parsed before ctx.date(), which may open the database
      // (today in the profile's time zone): a bad flag never touches it.
      std::optional<domain::Date> from_flag;
      if (f->from) from_flag = value_or_fail(domain::parse_date(*f->from, "from"));
      const domain::Date to = f->to ? value_or_fail(domain::parse_date(*f->to, "to")) : ctx.date();
      const domain::Date from = from_flag ? *from_flag : domain::add_days(to, -27);
      value_or_fail(domain::check_range(from, to, "--to"));
      if (ctx.json()) {
        // Streamed: ten years of days are 2.6 MB of JSON, never held whole.
        value_or_fail(services::write_load_series_json(ctx.session(), from, to, [](std::string_view piece) {
          std::fwrite(piece.data(), 1, piece.size(), stdout);
        }));
        return;
      }
      auto style = ctx.text_style();
      print(describe_series(ctx.session(), from, to, style));
    };
  });

  app.add_subcommand("insights", "What came before your pain episodes in your own training, against pain-free weeks")
      ->callback([&ctx, &run] {
        run = [&ctx] {
          ctx.check_globals();
          ctx.only_reads();
          const auto found = value_or_fail(services::insights(ctx.session(), ctx.date()));
          if (ctx.json()) {
            print(services::document_text(services::to_json(found)));
          } else {
            auto style = ctx.text_style();
            print(describe(found, style));
          }
        };
      });
}

}  // namespace stridecare::cli
