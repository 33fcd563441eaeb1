#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "domain/quantities.hpp"
#include "domain/text.hpp"
#include "domain/wording.hpp"
#include "services/activity_files.hpp"

namespace stridecare::cli {
namespace {

struct InspectFlags {
  std::vector<std::string> files;
  bool records = false;
  bool strict = false;
};

std::string describe(const services::Json& j, Units units) {
  // The path, a file's sport text and the warnings quoting the file are shown with control characters escaped.
  std::string out =
      fmt::format("{}: {}", domain::printable(j["path"].get<std::string>()), j["format"].get<std::string>());
  for (const auto& s : j["sessions"]) {
    out += fmt::format("\n  session {} {}",
                       s["sport"].is_null() ? "unknown sport" : domain::printable(s["sport"].get<std::string>()),
                       s["start"].is_null() ? "no start time" : s["start"].get<std::string>());
    if (!s["total_distance_m"].is_null()) {
      out += fmt::format("  {}", domain::format_distance(s["total_distance_m"].get<double>(), units));
    }
    if (!s["total_elapsed_s"].is_null()) {
      out += fmt::format("  {}", domain::format_duration(s["total_elapsed_s"].get<double>()));
    }
  }
  out += fmt::format("\n  {} records ({} with position), {} laps", j["records"].get<std::size_t>(),
                     j["records_with_position"].get<std::size_t>(), j["laps"].get<std::size_t>());
  for (const auto& w : j["warnings"]) out += fmt::format("\n  warning: {}", domain::printable(w.get<std::string>()));
  return out + "\n";
}

}  // namespace

void add_inspect_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<InspectFlags>();
  auto* cmd = app.add_subcommand("inspect", "Show what FIT/GPX/TCX files hold, without storing anything");
  cmd->add_option("FILE", f->files, "Activity files")->required();
  cmd->add_flag("--records", f->records, "With --json: every record's values");
  cmd->add_flag("--strict", f->strict,
                "Fail on a damaged file (or a FIT file whose CRC does not match) instead of keeping what decoded "
                "before the damage");
  cmd->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      services::Json all = services::Json::array();
      std::size_t failed = 0;
      for (const auto& file : f->files) {
        const auto recording = services::read_activity_file(file, {.strict = f->strict});
        if (!recording) {
          ++failed;
          // One file that cannot be read is one line: its error, as the command's failure below.
          if (f->files.size() == 1) throw CommandFailed{recording.error()};
          report_item(recording.error(), ctx.json());
          all.push_back({{"path", file}, {"error", recording.error().message}});
          continue;
        }
        auto j = services::inspect_json(file, *recording, f->records && ctx.json());
        if (!ctx.json()) print(describe(j, ctx.units_if_stored()));
        all.push_back(std::move(j));
      }
      // A file's values exactly as decoded, like an export (docs/json.md): not rounded.
      if (ctx.json()) print(services::json_text(all) + "\n");
      if (failed > 0) {
        throw CommandFailed{{domain::ErrorKind::invalid_file, "",
                             fmt::format("{} of {} could not be read", failed,
                                         domain::plural(static_cast<long long>(f->files.size()), "file"))}};
      }
    };
  });
}

}  // namespace stridecare::cli
