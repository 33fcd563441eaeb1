#pragma once
/// The JSON API of `stridecare serve` (../shared/spec/api.md): each route parses its query and body, calls
/// the service the CLI calls, and writes the same document the CLI's `--json` writes. No rule, figure or
/// wording is decided here.
///
/// Errors are `{"error": {"code", "message", "field"}}` (services::to_json(Error)): 400 for a body that is
/// not JSON or not an object, 404 for an unknown id or route, 409 for a conflict, 413 for a body over the
/// limit, 422 for a value out of range (`field` names it), 403 for a state-changing request from another
/// origin, 500 for a failing database (its message, never a trace).

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "services/session.hpp"

namespace httplib {
class Server;
}

namespace stridecare::server {

/// One route as the OpenAPI description and the tests list it.
struct Route {
  std::string method;              ///< GET, POST, PUT, DELETE
  std::string path;                ///< OpenAPI form: `/api/checkins/{id}`
  std::string summary;             ///< what it does
  std::vector<std::string> query;  ///< the query parameters it reads; any other is refused (422)
};

/// Every route of the API, in the order registered.
const std::vector<Route>& routes();

/// The OpenAPI 3 description of routes() (`GET /api/openapi.json`).
std::string openapi_json();

struct ApiOptions {
  std::size_t max_body_bytes = std::size_t{64} << 20;  ///< larger bodies: 413
  /// The server's own address as a browser names it (`127.0.0.1:8080`, `localhost:8080`): a state-changing
  /// request whose Origin (or, without one, Host) names another is refused (403): DNS rebinding and
  /// cross-site requests.
  std::vector<std::string> own_hosts;
  /// The day a request without `?date=` asks about; unset: today in the athlete's time zone.
  std::optional<domain::Date> today;
};

/// Registers the routes on `http`. `session` is the one store and rule book every request uses, one
/// request at a time (`store_mutex`): SQLite's connection is not shared between threads.
void add_api(httplib::Server& http, services::Session& session, std::mutex& store_mutex, const ApiOptions& options);

}  // namespace stridecare::server
