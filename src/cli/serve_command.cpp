// `stridecare serve`: the local web API over the same database as every other command. The one command
// that reaches into the server layer: the executable is where the CLI and the server meet.

#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "domain/text.hpp"
#include "server/server.hpp"

namespace stridecare::cli {
namespace {

constexpr int kMaxPort = 65535;
constexpr int kMaxBodyMiB = 1024;

struct ServeFlags {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  std::string max_body_mib = "64";
  std::optional<std::string> date;
};

}  // namespace

void add_serve_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto f = std::make_shared<ServeFlags>();
  auto* cmd =
      app.add_subcommand("serve", "Serve the web dashboard and its JSON API on this machine (127.0.0.1) until Ctrl-C");
  cmd->add_option("--host", f->host, "Address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", f->port, "Port (default 8080; 0: any free port, printed when listening)");
  cmd->add_option("--max-body", f->max_body_mib, "Largest request body accepted, in MiB (default 64)");
  cmd->add_option("--date", f->date,
                  "The day the dashboard and the API take as today, YYYY-MM-DD (default: today in your time zone)");
  cmd->callback([&ctx, &run, f] {
    run = [&ctx, f] {
      server::ServeOptions options;
      options.host = f->host;
      options.port = value_or_fail(parse_int(f->port, "port", 0, kMaxPort));
      options.max_body_bytes =
          static_cast<std::size_t>(value_or_fail(parse_int(f->max_body_mib, "max_body", 1, kMaxBodyMiB))) << 20U;
      if (f->date) options.today = value_or_fail(domain::parse_date(*f->date, "date"));
      value_or_fail(server::serve(
          ctx.session(), options,
          [](const std::string& url) {
            std::fprintf(stderr, "stridecare: the dashboard is at %s/ (Ctrl-C stops)\n", url.c_str());
            std::fflush(stderr);
          },
          [](const std::string& line) {
            std::fprintf(stderr, "%s\n", domain::printable(line).c_str());
            std::fflush(stderr);
          }));
    };
  });
}

}  // namespace stridecare::cli
