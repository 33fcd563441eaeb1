#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "domain/quantities.hpp"
#include "domain/text.hpp"
#include "domain/wording.hpp"
#include "services/activity_files.hpp"
#include "services/import.hpp"

namespace stridecare::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kBytesPerMb = 1e6;
using domain::kMetresPerKm;
constexpr auto kProgressInterval = std::chrono::milliseconds(200);

struct ImportFlags {
  std::vector<std::string> paths;
  bool strict = false;
};

/// `12 files, 34.5/120.0 MB (29%), 41.2 MB/s, ETA 0:02` on one terminal
/// line, rewritten in place. Only on a terminal: redirected output stays clean.
class ProgressLine {
 public:
  ProgressLine() : enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}

  /// False when stderr is not a terminal: then no progress is computed at all.
  bool enabled() const { return enabled_; }

  void update(const services::ImportProgress& p) {
    const auto now = Clock::now();
    if (now - last_ < kProgressInterval) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb_per_s = seconds > 0 ? static_cast<double>(p.bytes_read) / kBytesPerMb / seconds : 0;
    std::string line =
        fmt::format("import: {}, {:.1f}/{:.1f} MB", domain::plural(static_cast<long long>(p.items_done), "file"),
                    static_cast<double>(p.bytes_read) / kBytesPerMb, static_cast<double>(p.bytes_total) / kBytesPerMb);
    if (p.bytes_total > 0 && mb_per_s > 0) {
      const double left_s =
          static_cast<double>(p.bytes_total - std::min(p.bytes_total, p.bytes_read)) / kBytesPerMb / mb_per_s;
      line += fmt::format(" ({:.0f}%), {:.1f} MB/s, ETA {}",
                          100.0 * static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total), mb_per_s,
                          domain::format_duration(std::round(left_s)));
    }
    std::fprintf(stderr, "\r%-78s", line.c_str());
    shown_ = true;
  }

  /// Wipes the line, so that what is printed next starts on a clean line.
  void clear() {
    if (shown_) std::fprintf(stderr, "\r%-78s\r", "");
    shown_ = false;
  }

  ~ProgressLine() { clear(); }

  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

 private:
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
};

std::string describe(const services::ImportReport& r, Units units) {
  std::string out;
  for (const auto& i : r.imported) {
    const auto& a = i.activity;
    out += fmt::format("#{} {} {:<10} {:>9} {:>8}  {}\n", a.id, domain::to_string(a.date), domain::name_of(a.sport),
                       a.distance_m ? domain::format_distance(*a.distance_m, units) : "-",
                       domain::format_duration(a.duration_s), domain::printable(i.path));
    for (const auto& w : i.warnings) out += cli::describe(w);
  }
  for (const auto& d : r.duplicates) {
    const std::string path = domain::printable(d.path);
    out += d.existing_id != 0 ? fmt::format("already stored as #{} ({}): {}\n", d.existing_id, d.reason, path)
                              : fmt::format("already in this import ({}): {}\n", d.reason, path);
  }
  for (const auto& w : r.warnings) {
    // Decoder warnings do not repeat the file's name; mapping notes start with it.
    out += w.warning.starts_with(w.path)
               ? fmt::format("warning: {}\n", domain::printable(w.warning))
               : fmt::format("warning: {}: {}\n", domain::printable(w.path), domain::printable(w.warning));
  }
  out += fmt::format("Imported {} from {} ({} already stored, {} failed).\n",
                     domain::plural(static_cast<long long>(r.imported.size()), "activity", "activities"),
                     domain::plural(static_cast<long long>(r.files), "file"), r.duplicates.size(), r.failed.size());
  return out;
}

}  // namespace

void add_import_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<ImportFlags>();
  auto* cmd = app.add_subcommand(
      "import",
      "Import FIT/GPX/TCX files (also .gz), folders and zip exports (Strava, Garmin); re-importing is a no-op");
  cmd->add_option("PATH", f->paths, "Files, folders or archives")->required();
  cmd->add_flag(
      "--strict", f->strict,
      "Fail a damaged file (or a FIT file whose CRC does not match) instead of keeping what decoded before the damage");
  cmd->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      std::vector<std::filesystem::path> paths(f->paths.begin(), f->paths.end());
      ProgressLine progress;
      services::ImportOptions options;
      options.strict = f->strict;
      if (progress.enabled()) {
        options.progress = [&progress](const services::ImportProgress& p) { progress.update(p); };
      }
      auto result = services::import_paths(ctx.session(), paths, options);
      progress.clear();
      const auto report = value_or_fail(std::move(result));
      // One file that failed is one line on stderr, its own error; several are listed, then counted.
      const bool one_failed_alone = report.files == 1 && report.failed.size() == 1;
      if (!one_failed_alone) {
        for (const auto& failure : report.failed) {
          report_item({domain::ErrorKind::invalid_file, failure.path, failure.error}, ctx.json());
        }
      }
      print(ctx.json() ? services::document_text(services::to_json(report)) : describe(report, ctx.units()));
      if (report.stopped) {
        // What was stored stands (listed above, whole files only); saying so is the point.
        domain::Error e = *report.stopped;
        e.message += fmt::format(
            "; the import stopped there: the {} listed above {} stored, nothing after them; run the same import "
            "again to continue (what is stored is skipped as a duplicate)",
            domain::plural(static_cast<long long>(report.imported.size()), "activity", "activities"),
            report.imported.size() == 1 ? "was" : "were");
        throw CommandFailed{e};
      }
      if (one_failed_alone) {
        throw CommandFailed{{domain::ErrorKind::invalid_file, report.failed[0].path, report.failed[0].error}};
      }
      if (!report.failed.empty()) {
        const bool all_failed = report.failed.size() == report.files;
        throw CommandFailed{{domain::ErrorKind::invalid_file, "",
                             fmt::format("{} of {} failed{}", report.failed.size(),
                                         domain::plural(static_cast<long long>(report.files), "file"),
                                         all_failed ? "" : "; the others were read")}};
      }
    };
  });
}

}  // namespace stridecare::cli
