#include "services/activity_request.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>

#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "services/input_checks.hpp"

namespace stridecare::services {
namespace {

constexpr double kSecondsPerMinute = 60;
constexpr double kDefaultStrengthMinutes = 45;

domain::Error wrong(const std::string& field, const std::string& message) {
  return {domain::ErrorKind::invalid_input, field, field + ": " + message};
}

/// The member `key` when present and not null.
const Json* member(const Json& body, const char* key) {
  const auto it = body.find(key);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

domain::Expected<std::string> text(const Json& body, const char* key) {
  const Json* v = member(body, key);
  if (v == nullptr) return std::unexpected(wrong(key, "is missing"));
  if (!v->is_string()) return std::unexpected(wrong(key, "must be a string"));
  return v->get<std::string>();
}

domain::Expected<std::optional<double>> number(const Json& body, const char* key) {
  const Json* v = member(body, key);
  if (v == nullptr) return std::optional<double>{};
  if (!v->is_number()) return std::unexpected(wrong(key, "must be a number"));
  const double d = v->get<double>();
  constexpr double kLargest = 1e6;  // km or minutes: far beyond any session, and finite once in metres or s
  if (!std::isfinite(d) || d < 0 || d > kLargest) {
    return std::unexpected(wrong(key, "must be a number from 0 to 1000000"));
  }
  return std::optional(d);
}

/// `e` naming the request's key where the domain's name differs (the CLI's flags are `--duration`, ...).
domain::Error with_request_key(domain::Error e) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kRequestKey = {
      {"duration", "duration_min"}, {"distance", "distance_km"}, {"exercise", "exercises"}};
  for (const auto& [domain_name, request_name] : kRequestKey) {
    if (e.field != domain_name) continue;
    e.field = request_name;
    if (e.message.starts_with(std::string(domain_name) + ":")) e.message.replace(0, domain_name.size(), request_name);
  }
  return e;
}

/// The keys of a document, less those `left_out`: the keys a request for it may hold.
std::vector<std::string> keys_of(const Json& doc, std::initializer_list<std::string_view> left_out) {
  std::vector<std::string> out;
  for (const auto& [key, value] : doc.items()) {
    if (std::ranges::find(left_out, std::string_view(key)) == left_out.end()) out.push_back(key);
  }
  return out;
}

}  // namespace

domain::Expected<domain::Activity> activity_from_request(const Json& body) {
  domain::Activity a;
  const auto kind = text(body, "kind");
  if (!kind) return std::unexpected(kind.error());
  if (*kind == "run") {
    a.sport = domain::Sport::run;
  } else if (*kind == "strength") {
    a.sport = domain::Sport::strength;
  } else if (*kind == "cross") {
    const auto sport = text(body, "sport");
    if (!sport) return std::unexpected(sport.error());
    const auto s = domain::parse_cross_training(*sport);
    if (!s) return std::unexpected(wrong("sport", "'" + *sport + "' is not one of " + domain::cross_training_names()));
    a.sport = *s;
  } else {
    return std::unexpected(wrong("kind", "'" + *kind + "' is not one of run|cross|strength"));
  }

  const auto date = text(body, "date");
  if (!date) return std::unexpected(date.error());
  auto day = domain::parse_date(*date, "date");
  if (!day) return std::unexpected(day.error());
  a.date = *day;
  if (const Json* t = member(body, "time")) {
    if (!t->is_string()) return std::unexpected(wrong("time", "must be a string, HH:MM"));
    auto minute = domain::parse_time_of_day(t->get<std::string>(), "time");
    if (!minute) return std::unexpected(minute.error());
    a.time = *minute;
  }

  const auto km = number(body, "distance_km");
  if (!km) return std::unexpected(km.error());
  if (*km) a.distance_m = **km * domain::kMetresPerKm;
  if (a.sport == domain::Sport::run && !a.distance_m) return std::unexpected(wrong("distance_km", "is missing"));
  const auto minutes = number(body, "duration_min");
  if (!minutes) return std::unexpected(minutes.error());
  if (!*minutes && a.sport != domain::Sport::strength) return std::unexpected(wrong("duration_min", "is missing"));
  a.duration_s = minutes->value_or(kDefaultStrengthMinutes) * kSecondsPerMinute;

  if (const Json* rpe = member(body, "rpe")) {
    if (!rpe->is_number_integer()) return std::unexpected(wrong("rpe", "must be a whole number from 0 to 10"));
    const auto v = rpe->get<long long>();
    if (v < domain::kScaleMin || v > domain::kScaleMax) {
      return std::unexpected(wrong("rpe", std::to_string(v) + " is out of range; allowed 0-10"));
    }
    a.rpe = static_cast<int>(v);
  }
  if (const Json* note = member(body, "note")) {
    if (!note->is_string()) return std::unexpected(wrong("note", "must be a string"));
    a.note = note->get<std::string>();
  }
  if (const Json* list = member(body, "exercises")) {
    constexpr const char* kShape = "must be an array of strings like squat:3x10@40kg";
    if (a.sport != domain::Sport::strength) {
      return std::unexpected(wrong("exercises", "only a strength session has exercises"));
    }
    if (!list->is_array()) return std::unexpected(wrong("exercises", kShape));
    for (const Json& e : *list) {
      if (!e.is_string()) return std::unexpected(wrong("exercises", kShape));
      const std::string entry = e.get<std::string>();
      if (const auto name = domain::exercise_name_of(entry); !name.empty()) {
        if (auto known = check_exercise_name(name); !known) return std::unexpected(with_request_key(known.error()));
      }
      auto parsed = domain::parse_exercise(entry, "exercises");
      if (!parsed) return std::unexpected(parsed.error());
      a.exercises.push_back(std::move(*parsed));
    }
  }
  if (auto valid = domain::validate(a); !valid) return std::unexpected(with_request_key(valid.error()));
  return a;
}

const std::vector<std::string>& activity_request_fields() {
  static const std::vector<std::string> fields{"kind",         "date", "time",      "sport", "distance_km",
                                               "duration_min", "rpe",  "exercises", "note"};
  return fields;
}

const std::vector<std::string>& checkin_request_fields() {
  static const std::vector<std::string> fields = keys_of(to_json(domain::PainCheckin{}), {"id"});
  return fields;
}

const std::vector<std::string>& routine_request_fields() {
  static const std::vector<std::string> fields = keys_of(to_json(domain::RoutineSession{}), {"id", "completed"});
  return fields;
}

const std::vector<std::string>& profile_request_fields() {
  static const std::vector<std::string> fields = [] {
    domain::Profile every;  // with each optional key set, so that all are written
    every.units = domain::UnitSystem::metric;
    every.weekly_goal_m = 1;
    every.session_time = 0;
    return keys_of(to_json(every), {});
  }();
  return fields;
}

}  // namespace stridecare::services
