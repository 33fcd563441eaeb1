#pragma once
/// `stridecare serve`: the JSON API (api.hpp) and the dashboard's pages (pages.hpp) on one address, until SIGINT
/// or SIGTERM.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "services/session.hpp"

namespace stridecare::server {

struct ServeOptions {
  std::string host = "127.0.0.1";  ///< only this machine, unless told otherwise
  int port = 8080;                 ///< 0: any free port (the one taken is given to `listening`)
  std::size_t max_body_bytes = std::size_t{64} << 20;
  std::optional<domain::Date> today;  ///< the day the pages and the API take as today; unset: the real one
};

/// Serves until SIGINT or SIGTERM, then stops taking connections and lets the requests in flight finish
/// (a write under way completes; nothing is left half-written). `listening` is told the URL once the port
/// is bound; `log` receives one line per request: `METHOD PATH STATUS`.
/// Errors: ErrorKind::io when the address cannot be bound ("cannot listen on HOST:PORT").
domain::Expected<void> serve(services::Session& session, const ServeOptions& options,
                             const std::function<void(const std::string& url)>& listening,
                             const std::function<void(const std::string& line)>& log);

}  // namespace stridecare::server
