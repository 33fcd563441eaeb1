#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "services/backup.hpp"

namespace stridecare::cli {

void add_backup_commands(CLI::App& app, CliContext& ctx, Runner& run) {
  auto format = std::make_shared<std::string>("json");
  auto* exp = app.add_subcommand("export", "Write all data to stdout as JSON (for restore) or CSV");
  exp->add_option("--format", *format, "json|csv");
  exp->callback([&ctx, &run, format] {
    run = [&ctx, format] {
      if (*format != "json" && *format != "csv") {
        throw CommandFailed{{domain::ErrorKind::invalid_input, "format", domain::not_allowed(*format, "json|csv")}};
      }
      if (*format == "csv") {
        print(value_or_fail(services::export_csv(ctx.session())));
      } else {
        print(services::json_text(value_or_fail(services::export_json(ctx.session())), 2) + "\n");
      }
    };
  });

  auto file = std::make_shared<std::string>();
  auto* res = app.add_subcommand("restore", "Load a JSON export into an empty database");
  res->add_option("FILE", *file, "A file written by `stridecare export --format json` (- for stdin)")->required();
  res->callback([&ctx, &run, file] {
    run = [&ctx, file] {
      std::ostringstream text;
      if (*file == "-") {
        text << std::cin.rdbuf();
      } else {
        std::ifstream in(*file, std::ios::binary);
        if (!in) throw CommandFailed{{domain::ErrorKind::io, *file, fmt::format("{}: cannot read the file", *file)}};
        text << in.rdbuf();
      }
      value_or_fail(services::restore(ctx.session(), text.str(), *file));
      print(ctx.json() ? services::document_text(services::Json{{"restored", *file}})
                       : fmt::format("restored {}\n", *file));
    };
  });
}

}  // namespace stridecare::cli
