#include "services/json_output.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

namespace stridecare::services {
namespace {

/// Precision by the end of a field's name; the first match wins. Kept in
/// step with the table of docs/json.md.
constexpr std::array<std::pair<std::string_view, int>, 10> kBySuffix{{
    {"_deg", 7},   // positions: 1 cm
    {"_km", 5},    // 1 cm, as `_m`: a distance typed in miles keeps its metres
    {"_mps", 3},   // speed, m/s
    {"_m", 2},     // distances and altitudes in metres
    {"_s", 1},     // durations and offsets in seconds
    {"_kg", 1},    // strength loads
    {"_load", 1},  // training load, arbitrary units
    {"_bpm", 0},
    {"_rpm", 0},
    {"_spm", 1},  // cadence, steps per minute
}};

/// Precision of whole names the suffixes do not cover.
constexpr std::array<std::pair<std::string_view, int>, 5> kByName{{
    {"strain", 1},
    {"weekly_load", 1},
    {"seconds", 1},
    {"hours", 2},
    {"rest_hours", 2},
}};

/// Ratios, changes, figures and anything not named above.
constexpr int kDefaultDecimals = 3;

/// Beyond this a double no longer holds every integer (2^53).
constexpr double kLargestExactInteger = 9007199254740992.0;

void normalise(Json& j, std::string_view name) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) normalise(value, key);
  } else if (j.is_array()) {
    for (auto& item : j) normalise(item, name);
  } else if (j.is_number_float()) {
    const double x = json_rounded(name, j.get<double>());
    if (std::isfinite(x) && std::abs(x) < kLargestExactInteger && x == std::trunc(x)) {
      j = static_cast<std::int64_t>(x);
    } else {
      j = x;
    }
  }
}

}  // namespace

int json_decimals(std::string_view name) {
  for (const auto& [full, decimals] : kByName) {
    if (name == full) return decimals;
  }
  for (const auto& [suffix, decimals] : kBySuffix) {
    if (name.ends_with(suffix)) return decimals;
  }
  return kDefaultDecimals;
}

double json_rounded(std::string_view name, double value) {
  if (!std::isfinite(value)) return value;
  constexpr double kBase = 10;
  const double scale = std::pow(kBase, json_decimals(name));
  const double r = std::round(value * scale) / scale;
  return r == 0 ? 0.0 : r;  // no -0
}

void normalise_numbers(Json& doc) { normalise(doc, ""); }

std::string json_text(const Json& doc, int indent) {
  return doc.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string document_text(Json doc) {
  normalise_numbers(doc);
  return json_text(doc) + "\n";
}

std::string_view error_code(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::invalid_input:
      return "invalid_input";
    case domain::ErrorKind::invalid_file:
      return "invalid_file";
    case domain::ErrorKind::not_found:
      return "not_found";
    case domain::ErrorKind::conflict:
      return "conflict";
    case domain::ErrorKind::storage:
      return "storage";
    case domain::ErrorKind::io:
      return "io";
    case domain::ErrorKind::refused:
      return "refused_by_action";
  }
  return "invalid_input";
}

Json to_json(const domain::Error& e) {
  return {{"error",
           {{"code", error_code(e.kind)},
            {"message", e.message},
            {"field", e.field.empty() ? Json(nullptr) : Json(e.field)}}}};
}

}  // namespace stridecare::services
