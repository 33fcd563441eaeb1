// stridecare: the command-line program. Parsing and printing only; the work
// is done by the services layer.

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/allocator.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"

namespace stridecare::cli {

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRefused = 3;

/// One line on stderr that names the flag (or file) and the reason.
int report(const domain::Error& e) {
  // Usage errors name the flag; every other message names its file or entry itself.
  if (e.kind == domain::ErrorKind::invalid_input && !e.field.empty() && e.message.find(e.field + ":") != 0) {
    std::cerr << "stridecare: " << flag_name(e.field) << ": " << e.message << "\n";
  } else {
    std::cerr << "stridecare: " << e.message << "\n";
  }
  switch (e.kind) {
    case domain::ErrorKind::invalid_input:
      return kExitUsage;
    case domain::ErrorKind::refused:
      return kExitRefused;
    default:
      return kExitFailure;
  }
}

int run_cli(int argc, char** argv) {
  CLI::App app{"stridecare: a pain-aware running coach", "stridecare"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  GlobalOptions options;
  app.add_option("--db", options.db,
                 "SQLite database file (env STRIDECARE_DB; default $XDG_DATA_HOME/stridecare/stridecare.db)");
  app.add_option("--rules", options.rules, "Rule book JSON file (env STRIDECARE_RULES; default: built in)");
  app.add_option("--date", options.date, "Day to log for or evaluate as of, YYYY-MM-DD (default: today)");
  app.add_option("--units", options.units, "metric|imperial (display)");
  app.add_flag("--json", options.json, "Machine-readable JSON on stdout");
  app.add_flag("--verbose", options.verbose, "Text output also prints the evidence notes behind warnings and advice");

  CliContext ctx(options, services::process_env());
  Runner run;
  add_log_commands(app, ctx, run);
  add_query_commands(app, ctx, run);
  add_load_commands(app, ctx, run);
  add_routine_commands(app, ctx, run);
  add_strength_command(app, ctx, run);
  add_profile_command(app, ctx, run);
  add_backup_commands(app, ctx, run);
  add_inspect_command(app, ctx, run);
  add_import_command(app, ctx, run);
  add_explain_command(app, ctx, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "stridecare: " << e.what() << " (see stridecare --help)\n";
    return kExitUsage;
  }
  try {
    ctx.check_globals();
    if (run) run();
    return kExitOk;
  } catch (const CommandFailed& f) {
    return report(f.error);
  }
}

}  // namespace
}  // namespace stridecare::cli

int main(int argc, char** argv) {
  stridecare::cli::tune_allocator();
  try {
    return stridecare::cli::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "stridecare: internal error: " << e.what() << "\n";
    return 1;
  }
}
