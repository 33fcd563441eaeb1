#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "services/backup.hpp"
#include "services/file_bytes.hpp"

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
      ctx.only_reads();
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
      std::vector<std::uint8_t> bytes;
      if (*file == "-") {
        std::ostringstream in;
        in << std::cin.rdbuf();
        const std::string piped = std::move(in).str();
        bytes.assign(piped.begin(), piped.end());
      } else {
        constexpr std::uint64_t kMaxExportBytes = std::uint64_t{4} << 30;  // ten years of tracks are ~100 MB
        auto read = services::read_file_bytes(*file, kMaxExportBytes);
        if (!read) throw CommandFailed{read.error(), /*usage=*/true};
        bytes = std::move(*read);
      }
      const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
      // A file the user names that is not a valid export is a bad argument: exit 2, as for a bad flag.
      if (auto restored = services::restore(ctx.session(), text, *file); !restored) {
        throw CommandFailed{restored.error(), restored.error().kind == domain::ErrorKind::invalid_file};
      }
      print(ctx.json() ? services::document_text(services::restored_json(*file)) : fmt::format("restored {}\n", *file));
    };
  });
}

}  // namespace stridecare::cli
