// `strength`: strength history, this week against STRENGTH-FREQ-1, the next loads.

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "services/strength.hpp"

namespace stridecare::cli {

void add_strength_command(CLI::App& app, CliContext& ctx, Runner& run) {
  app.add_subcommand("strength", "Strength history (8 weeks), sessions this week and the next load per exercise")
      ->callback([&ctx, &run] {
        run = [&ctx] {
          ctx.only_reads();
          const auto report = value_or_fail(services::strength_report(ctx.session(), ctx.date()));
          print(ctx.json() ? services::document_text(services::to_json(report)) : describe(report, ctx.units()));
        };
      });
}

}  // namespace stridecare::cli
