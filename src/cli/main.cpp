// stridecare: the command-line program. Parsing and printing only; the work
// is done by the services layer.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/allocator.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/suggest.hpp"
#include "domain/text.hpp"
#include "services/import.hpp"
#include "services/json_output.hpp"

namespace stridecare::cli {

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void report_item(const domain::Error& e, bool json) {
  // An error quotes what was typed or read: shown with its control characters escaped, on one line.
  std::cerr << (json ? services::json_text(services::to_json(e)) : "stridecare: " + domain::printable(e.message))
            << "\n";
}

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRefused = 3;

int exit_code(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::invalid_input:
      return kExitUsage;
    case domain::ErrorKind::refused:
      return kExitRefused;
    default:
      return kExitFailure;
  }
}

/// `e` as one line (text) or as the HTTP API's error document (--json) on
/// stderr. Usage errors name the flag; every other message names its file
/// or entry itself.
int report(const domain::Error& e, bool json) {
  const bool names_flag = e.kind == domain::ErrorKind::invalid_input && !e.field.empty() && e.field.front() != '-' &&
                          e.message.find(e.field + ":") != 0;
  const domain::Error shown =
      names_flag ? domain::Error{e.kind, flag_name(e.field), flag_name(e.field) + ": " + e.message} : e;
  report_item(shown, json);
  return exit_code(e.kind);
}

/// `--json` anywhere before `--`: a parse error is reported as JSON even
/// when the parser stopped before it reached the flag.
bool json_requested(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    if (arg == "--") return false;
    if (arg == "--json") return true;
  }
  return false;
}

/// The global options, on `app` and (in their own group, so every `--help`
/// page shows them) on each subcommand: they may come before or after it.
void add_global_options(CLI::App& app, GlobalOptions& options) {
  auto* group = app.get_parent() ? app.add_option_group("Global options") : nullptr;
  // A subcommand's own option of the same name wins (`profile --units` stores the units).
  const auto add = [&](const std::string& name, auto& value, const std::string& help) {
    if (group && app.get_option_no_throw(name)) return;
    group ? group->add_option(name, value, help) : app.add_option(name, value, help);
  };
  add("--db", options.db, "SQLite database file (env STRIDECARE_DB; default $XDG_DATA_HOME/stridecare/stridecare.db)");
  add("--rules", options.rules, "Rule book JSON file (env STRIDECARE_RULES; default: built in)");
  add("--date", options.date, "Day to log for or evaluate as of, YYYY-MM-DD (default: today)");
  add("--units", options.units, "metric|imperial (default: the profile's, else metric)");
  const auto flag = [&](const std::string& name, bool& value, const std::string& help) {
    group ? group->add_flag(name, value, help) : app.add_flag(name, value, help);
  };
  flag("--json", options.json, "Machine-readable JSON on stdout; errors as JSON on stderr");
  flag("--verbose", options.verbose, "Text output also prints the evidence notes behind warnings and advice");
  for (CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_name().empty(); })) {
    add_global_options(*sub, options);
  }
}

/// A word where a subcommand was expected that names none: the error with
/// the closest subcommand, or nullopt when the parse failed otherwise.
std::optional<domain::Error> unknown_command(const CLI::App& app) {
  const CLI::App* level = &app;
  std::vector<std::string> left = app.remaining();
  std::string path;
  for (;;) {
    const auto chosen = level->get_subcommands();
    if (chosen.empty()) break;
    level = chosen.front();
    path += level->get_name() + " ";
    for (const auto& arg : level->remaining()) left.push_back(arg);
  }
  if (level->get_require_subcommand_min() == 0) return std::nullopt;
  const auto word = std::find_if(left.begin(), left.end(), [](const std::string& a) { return a.rfind('-', 0) != 0; });
  if (word == left.end()) return std::nullopt;
  std::vector<std::string> names;
  for (const CLI::App* sub : level->get_subcommands([](const CLI::App* a) { return !a->get_name().empty(); })) {
    names.push_back(sub->get_name());
  }
  const auto closest = domain::closest_name(*word, names);
  std::string message = fmt::format("unknown command '{}{}'", path, *word);
  if (closest) message += fmt::format("; did you mean '{}{}'?", path, *closest);
  message += fmt::format(" (see stridecare {}--help)", path);
  return domain::Error{domain::ErrorKind::invalid_input, "", message};
}

/// A parse error of CLI11 as a usage error; `field` is the first flag its message names.
domain::Error parse_error(const CLI::ParseError& e) {
  const std::string what = e.what();
  std::string field;
  if (const auto at = what.find("--"); at != std::string::npos) {
    const auto end = what.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-", at + 2);
    field = what.substr(at, end == std::string::npos ? std::string::npos : end - at);
  }
  return {domain::ErrorKind::invalid_input, field, what + " (see stridecare --help)"};
}

int run_cli(int argc, char** argv) {
  CLI::App app{"stridecare: a pain-aware running coach", "stridecare"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  GlobalOptions options;

  CliContext ctx(options, services::process_env());
  Runner run;
  add_log_commands(app, ctx, run);
  add_query_commands(app, ctx, run);
  add_load_commands(app, ctx, run);
  add_plan_command(app, ctx, run);
  add_serve_command(app, ctx, run);
  add_routine_commands(app, ctx, run);
  add_strength_command(app, ctx, run);
  add_profile_command(app, ctx, run);
  add_backup_commands(app, ctx, run);
  add_inspect_command(app, ctx, run);
  add_import_command(app, ctx, run);
  add_explain_command(app, ctx, run);
  add_global_options(app, options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const bool json = options.json || json_requested(argc, argv);
    return report(unknown_command(app).value_or(parse_error(e)), json);
  }
  try {
    ctx.check_globals();
    if (run) run();
    return kExitOk;
  } catch (const CommandFailed& f) {
    const int code = report(f.error, options.json);
    return f.usage ? kExitUsage : code;
  }
}

}  // namespace
}  // namespace stridecare::cli

int main(int argc, char** argv) {
  stridecare::cli::tune_allocator();
  stridecare::services::use_huge_page_xml_allocator();  // before any thread or parse: process-wide
  try {
    return stridecare::cli::run_cli(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "stridecare: internal error: " << e.what() << "\n";
    return 1;
  }
}
