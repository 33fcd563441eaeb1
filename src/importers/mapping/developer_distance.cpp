#include "importers/mapping/developer_distance.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <string_view>
#include <utility>

#include "domain/quantities.hpp"

namespace stridecare::importers {
namespace {

std::string lower_letters(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

/// Metres per unit of a length unit's spelling (letters only, lower case), or nullopt.
std::optional<double> metres_per(std::string_view units) {
  static constexpr std::array<std::pair<std::string_view, double>, 17> kUnits{{
      {"m", 1.0},
      {"meter", 1.0},
      {"meters", 1.0},
      {"metre", 1.0},
      {"metres", 1.0},
      {"km", domain::kMetresPerKm},
      {"kilometer", domain::kMetresPerKm},
      {"kilometers", domain::kMetresPerKm},
      {"kilometre", domain::kMetresPerKm},
      {"kilometres", domain::kMetresPerKm},
      {"yd", 0.9144},
      {"yds", 0.9144},
      {"yard", 0.9144},
      {"yards", 0.9144},
      {"mi", domain::kMetresPerMile},
      {"mile", domain::kMetresPerMile},
      {"miles", domain::kMetresPerMile},
  }};
  for (const auto& [name, metres] : kUnits) {
    if (units == name) return metres;
  }
  return std::nullopt;
}

/// Whether a field's name says it is the whole session's distance.
bool names_the_distance(std::string_view name) {
  const std::string n = lower_letters(name);
  if (n.find("distance") == std::string::npos) return false;
  for (const std::string_view other : {"per", "stroke", "avg", "average", "max", "lap", "length", "remain", "togo",
                                       "target", "goal", "split", "interval"}) {
    if (n.find(other) != std::string::npos) return false;
  }
  return true;
}

}  // namespace

std::optional<DeveloperDistance> developer_distance(const std::vector<DeveloperValue>& values) {
  for (const DeveloperValue& v : values) {
    if (!v.number || !std::isfinite(*v.number) || *v.number <= 0 || !names_the_distance(v.name)) continue;
    const auto per = metres_per(lower_letters(v.units));
    if (!per) continue;
    return DeveloperDistance{*v.number * *per, v.name + " [" + v.units + "]"};
  }
  return std::nullopt;
}

}  // namespace stridecare::importers
