#include "server/api.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include <httplib.h>

#include "domain/validate.hpp"
#include "services/activity_request.hpp"
#include "services/backup.hpp"
#include "services/calendar.hpp"
#include "services/checkin_form.hpp"
#include "services/environment.hpp"
#include "services/explain.hpp"
#include "services/import.hpp"
#include "services/input_checks.hpp"
#include "services/insights.hpp"
#include "services/journal.hpp"
#include "services/json_output.hpp"
#include "services/load.hpp"
#include "services/plan.hpp"
#include "services/routines.hpp"
#include "services/safe_log.hpp"
#include "services/strength.hpp"
#include "services/today.hpp"

namespace stridecare::server {
namespace {

using services::Json;

constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kNoContent = 204;
constexpr int kBadRequest = 400;
constexpr int kForbidden = 403;
constexpr int kNotFound = 404;
constexpr int kConflict = 409;
constexpr int kTooLarge = 413;
constexpr int kUnprocessable = 422;
constexpr int kInternal = 500;

constexpr std::string_view kJsonType = "application/json";

int status_of(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::invalid_input:
    case domain::ErrorKind::invalid_file:
      return kUnprocessable;
    case domain::ErrorKind::not_found:
      return kNotFound;
    case domain::ErrorKind::conflict:
    case domain::ErrorKind::refused:  // code refused_by_action
      return kConflict;
    case domain::ErrorKind::storage:
    case domain::ErrorKind::io:
      return kInternal;
  }
  return kInternal;
}

void send(httplib::Response& res, int status, const Json& doc) {
  res.status = status;
  res.set_content(services::document_text(doc), std::string(kJsonType));
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string message,
                const std::string& field = {}) {
  send(res, status,
       Json{{"error",
             {{"code", code}, {"message", std::move(message)}, {"field", field.empty() ? Json() : Json(field)}}}});
}

/// A failure a handler reports: the error document, and its status (0: the error kind's).
struct Failed {
  domain::Error error;
  int status = 0;
};

void send_error(httplib::Response& res, const Failed& f) {
  Json doc = services::to_json(f.error);
  if (f.status == kBadRequest) doc["error"]["code"] = "malformed";
  send(res, f.status != 0 ? f.status : status_of(f.error.kind), doc);
}

template <class T>
T value_or_throw(domain::Expected<T> v) {
  if (!v) throw Failed{std::move(v.error())};
  return std::move(*v);
}

inline void value_or_throw(domain::Expected<void> v) {
  if (!v) throw Failed{std::move(v.error())};
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

/// The body, which must be one JSON object holding only keys of `known`, each once: a misspelled key (a
/// warning sign above all) is an error, never a value left out.
Json body_object(const httplib::Request& req, const std::vector<std::string>& known) {
  std::set<std::string> seen;
  std::string twice;
  const auto keys = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (depth == 1 && event == Json::parse_event_t::key && !seen.insert(parsed.get<std::string>()).second &&
        twice.empty()) {
      twice = parsed.get<std::string>();
    }
    return true;
  };
  Json j = Json::parse(req.body, keys, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    throw Failed{{domain::ErrorKind::invalid_input, "body", "the request body is not JSON"}, kBadRequest};
  }
  if (!j.is_object()) {
    throw Failed{{domain::ErrorKind::invalid_input, "body", "the request body is not a JSON object"}, kBadRequest};
  }
  if (!twice.empty()) throw Failed{{domain::ErrorKind::invalid_input, twice, twice + ": is given twice"}};
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw Failed{{domain::ErrorKind::invalid_input, key, key + ": is not a field of this request (" + list + ")"}};
  }
  return j;
}

domain::Id id_in_path(const httplib::Request& req) {
  const std::string text = req.matches[1];
  domain::Id id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
    throw Failed{{domain::ErrorKind::not_found, "id", "no entry has id " + text}};
  }
  return id;
}

/// The request's context: the session, the profile, and the day asked about.
class Call {
 public:
  Call(services::Session& s, const httplib::Request& req, std::optional<domain::Date> today)
      : s_(s), req_(req), today_(today) {}

  services::Session& session() { return s_; }
  const domain::Profile& profile() {
    if (!profile_) profile_ = value_or_throw(services::load_profile(s_));
    return *profile_;
  }
  domain::UnitSystem units() { return profile().units.value_or(domain::UnitSystem::metric); }
  /// `?date=`, or today: the server's (`serve --date`) or in the profile's time zone.
  domain::Date date() {
    if (const auto text = param(req_, "date")) return value_or_throw(domain::parse_date(*text, "date"));
    return today_ ? *today_ : services::today_in(profile().time_zone);
  }
  /// `serve --date`, when given.
  std::optional<domain::Date> pinned_today() const { return today_; }
  domain::DateRange range() {
    return value_or_throw(domain::parse_date_range(param(req_, "from"), param(req_, "to"), "the 'to' date"));
  }

 private:
  services::Session& s_;
  const httplib::Request& req_;
  std::optional<domain::Date> today_;
  std::optional<domain::Profile> profile_;
};

using Handler = std::function<void(Call&, const httplib::Request&, httplib::Response&)>;

/// The table of routes: the server registers exactly these, the OpenAPI document describes exactly these.
struct RouteEntry {
  Route route;
  std::string pattern;  ///< httplib's regular expression
  Handler handle;
};

/// A new entry as the CLI checks one: complete and plausible, and not in the future where the athlete is.
template <class T>
domain::Expected<void> check_new(Call& call, const T& c) {
  if (auto ok = domain::validate(c); !ok) return ok;
  return services::check_not_future(call.session(), c.date, call.pinned_today());  // in the athlete's zone
}

void delete_entry(Call& call, const httplib::Request& req, httplib::Response& res, services::EntryKind kind) {
  value_or_throw(services::remove_entry(call.session(), id_in_path(req), kind));
  res.status = kNoContent;
}

/// The query parameters a route reads: `date` (the day asked about, today by default), `from` and `to` (a range).
std::vector<std::string> query_of(const std::string& method, const std::string& path) {
  if (method != "GET") return {};
  if (path == "/api/checkins" || path == "/api/activities" || path == "/api/routines") return {"from", "to"};
  if (path == "/api/load") return {"date", "from", "to"};
  if (path == "/api/today" || path == "/api/insights" || path == "/api/plan" || path == "/api/plan.ics" ||
      path == "/api/routines/{routine}") {
    return {"date"};
  }
  return {};
}

std::vector<RouteEntry> make_routes() {
  std::vector<RouteEntry> r;
  const auto add = [&r](std::string method, std::string path, std::string pattern, std::string summary, Handler h) {
    std::vector<std::string> query = query_of(method, path);
    r.push_back(
        {{std::move(method), std::move(path), std::move(summary), std::move(query)}, std::move(pattern), std::move(h)});
  };
  add("GET", "/api/today", "/api/today", "The action in force, its rules, care advice and today's sessions",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        const auto report = value_or_throw(services::today(c.session(), c.date(), c.units()));
        send(res, kOk, services::to_json(report, c.session().rules));
      });
  add("GET", "/api/checkins", "/api/checkins", "Pain check-ins, from..to",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        const auto list = value_or_throw(services::list_checkins(c.session(), c.range()));
        send(res, kOk, services::to_json(std::span(list)));
      });
  add("POST", "/api/checkins", "/api/checkins", "Record a pain check-in; the answer holds the triage",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        Json body = body_object(req, services::checkin_request_fields());
        body["id"] = 0;  // the store numbers it
        const auto checkin = value_or_throw(services::checkin_from_json(body, ""));
        value_or_throw(check_new(c, checkin));
        const auto logged = value_or_throw(services::log_checkin(c.session(), checkin));
        send(res, kCreated, services::to_json(logged, c.session().rules));
      });
  add("DELETE", "/api/checkins/{id}", R"(/api/checkins/(\d+))", "Remove a pain check-in",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        delete_entry(c, req, res, services::EntryKind::checkin);
      });
  add("POST", "/api/activities", "/api/activities",
      "Record a run, cross-training or strength session; the answer holds the safety and rest warnings",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        const auto a =
            value_or_throw(services::activity_from_request(body_object(req, services::activity_request_fields())));
        value_or_throw(check_new(c, a));
        if (a.sport == domain::Sport::strength) {
          send(res, kCreated, services::to_json(value_or_throw(services::log_strength(c.session(), a))));
        } else {
          send(res, kCreated, services::to_json(value_or_throw(services::log_session(c.session(), a))));
        }
      });
  add("GET", "/api/activities", "/api/activities", "Runs, cross-training and strength sessions, from..to",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        const auto list = value_or_throw(services::list_activities(c.session(), c.range()));
        send(res, kOk, services::to_json(std::span(list)));
      });
  add("DELETE", "/api/activities/{id}", R"(/api/activities/(\d+))", "Remove an activity",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        delete_entry(c, req, res, services::EntryKind::activity);
      });
  add("POST", "/api/import", "/api/import",
      "Import uploaded files (multipart/form-data: FIT, GPX, TCX, .gz, .zip), the answer as `import --json`",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        if (!req.is_multipart_form_data() || req.files.empty()) {
          throw Failed{{domain::ErrorKind::invalid_input, "files", "send the files as multipart/form-data"},
                       kBadRequest};
        }
        std::vector<services::Upload> uploads;
        for (const auto& [field, file] : req.files) uploads.push_back({file.filename, file.content});
        const auto report = value_or_throw(services::import_uploads(c.session(), uploads, {}));
        send(res, kOk, services::to_json(report));
      });
  add("GET", "/api/load", "/api/load", "Training load on a day (date), or the daily series (from, to)",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        if (!req.has_param("from") && !req.has_param("to")) {
          send(res, kOk, services::to_json(value_or_throw(services::load_report(c.session(), c.date()))));
          return;
        }
        const domain::DateRange range = c.range();
        const domain::Date to = range.to ? *range.to : c.date();
        const domain::Date from = range.from ? *range.from : domain::add_days(to, -27);
        value_or_throw(domain::check_range(from, to));
        std::string text;
        value_or_throw(services::write_load_series_json(c.session(), from, to,
                                                        [&text](std::string_view piece) { text += piece; }));
        res.status = kOk;
        res.set_content(text, std::string(kJsonType));
      });
  add("GET", "/api/insights", "/api/insights", "What came before the runner's pain episodes",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        send(res, kOk, services::to_json(value_or_throw(services::insights(c.session(), c.date()))));
      });
  add("GET", "/api/plan", "/api/plan", "The plan for the 7 days from date, with what changed since the last one",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        // A GET changes nothing: what changed is told against the plan `stridecare plan` last showed.
        const auto report = value_or_throw(services::plan(c.session(), c.date(), c.units(), services::Remember::no));
        send(res, kOk, services::to_json(report));
      });
  add("GET", "/api/plan.ics", R"(/api/plan\.ics)", "The plan as an iCalendar file (text/calendar)",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        const auto report = value_or_throw(services::plan(c.session(), c.date(), c.units(), services::Remember::yes));
        const auto now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        std::string ics;
        value_or_throw(services::export_calendar(c.session(), report, now, [&ics](const std::string& text) {
          ics = text;
          return domain::Expected<void>{};
        }));
        res.status = kOk;
        res.set_content(ics, "text/calendar; charset=utf-8");
      });
  add("GET", "/api/exercises", "/api/exercises", "The exercise library",
      [](Call&, const httplib::Request&, httplib::Response& res) { send(res, kOk, services::exercises_json()); });
  add("GET", "/api/explain", "/api/explain", "Every rule and term that can be explained, with its evidence",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        const auto all = services::explainable(c.session().rules);
        send(res, kOk, services::to_json(std::span(all)));
      });
  add("GET", "/api/routines/{routine}", R"(/api/routines/(warmup|cooldown|strength))",
      "The steps of the day's warm-up, cool-down or strength routine, as `guide --dry-run --json`",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        const auto kind = domain::parse_enum<planner::RoutineKind>(std::string(req.matches[1]));
        if (!kind) throw Failed{{domain::ErrorKind::not_found, "routine", "no such routine"}};
        send(res, kOk, services::to_json(value_or_throw(services::guide(c.session(), *kind, c.date()))));
      });
  add("GET", "/api/routines", "/api/routines",
      "Recorded routines from..to and, per ISO week, runs with a warm-up before / cool-down after, as `routines "
      "--json`",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        send(res, kOk,
             services::to_json(value_or_throw(services::routines_report(c.session(), c.range(), c.date(), "to"))));
      });
  add("POST", "/api/routines", "/api/routines", "Record how far the runner got through a guided routine",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        Json body = body_object(req, services::routine_request_fields());
        body["id"] = 0;  // the store numbers it
        auto session = value_or_throw(services::routine_from_json(body, ""));
        value_or_throw(services::check_not_future(c.session(), session.date, c.pinned_today()));
        session.id = value_or_throw(services::record_routine(c.session(), session));
        send(res, kCreated, services::to_json(session));
      });
  add("GET", "/api/checkin-form", "/api/checkin-form",
      "What a check-in asks: sites and regions, sides, timings, and the warning signs as yes/no questions",
      [](Call&, const httplib::Request&, httplib::Response& res) { send(res, kOk, services::checkin_form_json()); });
  add("GET", "/api/profile", "/api/profile", "The athlete profile",
      [](Call& c, const httplib::Request&, httplib::Response& res) { send(res, kOk, services::to_json(c.profile())); });
  add("PUT", "/api/profile", "/api/profile", "Replace the athlete profile (the document GET answers)",
      [](Call& c, const httplib::Request& req, httplib::Response& res) {
        send(res, kOk,
             services::to_json(value_or_throw(
                 services::save_profile_document(c.session(), body_object(req, services::profile_request_fields())))));
      });
  add("GET", "/api/export", "/api/export", "Everything stored, as `export --format json`",
      [](Call& c, const httplib::Request&, httplib::Response& res) {
        send(res, kOk, value_or_throw(services::export_json(c.session())));
      });
  add("GET", "/api/openapi.json", R"(/api/openapi\.json)", "This description",
      [](Call&, const httplib::Request&, httplib::Response& res) {
        res.status = kOk;
        res.set_content(openapi_json(), std::string(kJsonType));
      });
  return r;
}

const std::vector<RouteEntry>& route_table() {
  static const std::vector<RouteEntry> table = make_routes();
  return table;
}

/// The host and port a header names, lower case, without a scheme or path.
std::string authority_of(std::string_view value) {
  if (const auto scheme = value.find("://"); scheme != std::string_view::npos) value.remove_prefix(scheme + 3);
  if (const auto slash = value.find('/'); slash != std::string_view::npos) value = value.substr(0, slash);
  std::string out(value);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

/// Answers to GET requests, kept while the data stays the same (services::data_version) and the day in
/// the athlete's zone does: a dashboard asks the same questions again and again, and each answer of the
/// day's assessment reads ten years of history.
class AnswerCache {
 public:
  struct Answer {
    int status = 0;
    std::shared_ptr<const std::string> body;  ///< shared with the responses still sending it
    std::string type;
  };

  /// Forgets everything when `version` is not the version of what is kept; then the zone is asked anew.
  void at_version(std::int64_t version, services::Session& s) {
    if (version == version_) return;
    answers_.clear();
    bytes_ = 0;
    version_ = version;
    auto profile = services::load_profile(s);
    time_zone_ = profile ? profile->time_zone : std::string();
  }
  /// The key of a request: its path, its parameters in order, and today's date where the athlete is.
  std::string key(const httplib::Request& req) const {
    std::string k = req.path;
    for (const auto& [name, value] : req.params) k += "&" + name + "=" + value;  // a multimap: in key order
    k += "@" + domain::to_string(services::today_in(time_zone_));
    return k;
  }
  const Answer* find(const std::string& key) const {
    const auto it = answers_.find(key);
    return it == answers_.end() ? nullptr : &it->second;
  }
  void keep(std::string key, Answer a) {
    if (bytes_ + a.body->size() > kMaxBytes) {
      answers_.clear();
      bytes_ = 0;
    }
    bytes_ += a.body->size();
    answers_.insert_or_assign(std::move(key), std::move(a));
  }

 private:
  static constexpr std::size_t kMaxBytes = std::size_t{64} << 20;  ///< ten years of load series are 2.6 MB
  std::int64_t version_ = -1;
  std::string time_zone_;
  std::map<std::string, Answer> answers_;
  std::size_t bytes_ = 0;
};

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<Route> out = [] {
    std::vector<Route> r;
    for (const auto& e : route_table()) r.push_back(e.route);
    return r;
  }();
  return out;
}

std::string openapi_json() {
  Json paths = Json::object();
  for (const Route& r : routes()) {
    std::string method = r.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    Json op = {{"summary", r.summary}, {"responses", Json::object()}};
    const bool create = r.method == "POST";
    const bool remove = r.method == "DELETE";
    op["responses"][remove ? "204" : create ? "201" : "200"] = {{"description", "success"}};
    op["responses"]["default"] = {{"description", "an error: {\"error\": {\"code\", \"message\", \"field\"}}"}};
    Json parameters = Json::array();
    if (r.path.find("{routine}") != std::string::npos) {
      parameters.push_back({{"name", "routine"},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", "string"}, {"enum", {"warmup", "cooldown", "strength"}}}}});
    }
    if (r.path.find("{id}") != std::string::npos) {
      parameters.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
    }
    for (const std::string& q : r.query) {
      parameters.push_back(
          {{"name", q}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}, {"format", "date"}}}});
    }
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    paths[r.path][method] = std::move(op);
  }
  return services::document_text(
      Json{{"openapi", "3.0.3"}, {"info", {{"title", "stridecare"}, {"version", "1"}}}, {"paths", std::move(paths)}});
}

void add_api(httplib::Server& http, services::Session& session, std::mutex& store_mutex, const ApiOptions& options) {
  http.set_payload_max_length(options.max_body_bytes);
  const std::vector<std::string> own = options.own_hosts;
  http.set_pre_routing_handler([own](const httplib::Request& req, httplib::Response& res) {
    if (!changes_state(req.method)) return httplib::Server::HandlerResponse::Unhandled;
    const std::string origin = req.get_header_value("Origin");
    const std::string who = authority_of(origin.empty() ? req.get_header_value("Host") : origin);
    if (std::find(own.begin(), own.end(), who) != own.end()) return httplib::Server::HandlerResponse::Unhandled;
    send_error(
        res, kForbidden, "forbidden_origin",
        "a request that changes data must come from this server's own pages (Origin or Host '" + who + "' is not it)");
    return httplib::Server::HandlerResponse::Handled;
  });
  auto cache = std::make_shared<AnswerCache>();
  for (const RouteEntry& e : route_table()) {
    const Handler handle = e.handle;
    const bool cacheable = e.route.method == "GET";
    const std::vector<std::string> query = e.route.query;
    auto wrapped = [&session, &store_mutex, handle, cache, cacheable, query, today = options.today](
                       const httplib::Request& req, httplib::Response& res) {
      // A misspelled parameter (`?dat=`) is refused: answering for today instead would mislead.
      for (const auto& [name, value] : req.params) {
        if (std::find(query.begin(), query.end(), name) != query.end()) continue;
        std::string known;
        for (const auto& q : query) known += (known.empty() ? "" : ", ") + q;
        send_error(res, kUnprocessable, "invalid_input",
                   name + ": is not a parameter of this route" + (known.empty() ? "" : " (" + known + ")"), name);
        return;
      }
      const std::lock_guard lock(store_mutex);
      std::string key;
      if (cacheable) {
        if (const auto version = services::data_version(session)) {
          cache->at_version(*version, session);
          key = cache->key(req);
          if (const AnswerCache::Answer* a = cache->find(key)) {
            // Sent from the kept text after the lock is released, not copied under it.
            res.status = a->status;
            res.set_content_provider(a->body->size(), a->type,
                                     [body = a->body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                       return sink.write(body->data() + offset, length);
                                     });
            return;
          }
        }
      }
      Call call(session, req, today);
      try {
        handle(call, req, res);
      } catch (const Failed& f) {
        send_error(res, f);
      }
      if (!key.empty() && res.status == kOk) {
        cache->keep(std::move(key),
                    {res.status, std::make_shared<const std::string>(res.body), res.get_header_value("Content-Type")});
      }
    };
    if (e.route.method == "GET") {
      http.Get(e.pattern, wrapped);
    } else if (e.route.method == "POST") {
      http.Post(e.pattern, wrapped);
    } else if (e.route.method == "PUT") {
      http.Put(e.pattern, wrapped);
    } else if (e.route.method == "DELETE") {
      http.Delete(e.pattern, wrapped);
    }
  }
  http.set_error_handler([limit = options.max_body_bytes](const httplib::Request& req, httplib::Response& res) {
    if (res.status == kTooLarge) {
      send_error(res, kTooLarge, "too_large",
                 "the request body is larger than the " + std::to_string(limit >> 20U) +
                     " MiB this server accepts (serve --max-body)");
    } else if (res.status == kNotFound && res.body.empty()) {
      send_error(res, kNotFound, "not_found", "no such route: " + req.method + " " + req.path);
    } else if (res.body.empty()) {
      send_error(res, res.status, "bad_request", "the request could not be read");
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
    send_error(res, kInternal, "internal", "the server failed to answer this request");
  });
}

}  // namespace stridecare::server
