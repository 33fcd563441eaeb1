#pragma once
/// Registration of the subcommands. Each `add_*` adds its subcommands to
/// `app`; a subcommand's callback stores in `run` the work to do once the
/// whole command line is parsed.

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"
#include "services/json_output.hpp"

namespace stridecare::cli {

using Runner = std::function<void()>;

void add_log_commands(CLI::App& app, CliContext& ctx, Runner& run);
void add_query_commands(CLI::App& app, CliContext& ctx, Runner& run);
void add_profile_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_backup_commands(CLI::App& app, CliContext& ctx, Runner& run);
void add_inspect_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_import_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_load_commands(CLI::App& app, CliContext& ctx, Runner& run);
void add_plan_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_routine_commands(CLI::App& app, CliContext& ctx, Runner& run);
void add_strength_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_explain_command(CLI::App& app, CliContext& ctx, Runner& run);
void add_serve_command(CLI::App& app, CliContext& ctx, Runner& run);

/// Writes `text` to stdout.
void print(const std::string& text);

/// One failed item of a batch on stderr, as a line or (`json`) an error document;
/// the batch goes on.
void report_item(const domain::Error& e, bool json);

}  // namespace stridecare::cli
