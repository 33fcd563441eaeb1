#include "domain/units.hpp"

#include <cmath>
#include <cstdio>

#include "domain/quantities.hpp"

namespace stridecare::domain {

namespace {
/// snprintf's output as a std::string (domain uses the standard library only).
std::string printed(const std::array<char, 64>& buf, int n) {
  return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
}
}  // namespace

std::string format_distance(double metres, UnitSystem units) {
  std::array<char, 64> buf{};
  const int n = units == UnitSystem::imperial
                    ? std::snprintf(buf.data(), buf.size(), "%.2f mi", metres / kMetresPerMile)  // NOLINT
                    : std::snprintf(buf.data(), buf.size(), "%.2f km", metres / kMetresPerKm);   // NOLINT
  return printed(buf, n);
}

std::string format_pace(double metres, double seconds, UnitSystem units) {
  const double per_unit = units == UnitSystem::imperial ? kMetresPerMile : kMetresPerKm;
  constexpr long kSecondsPerMinute = 60;
  const long total = std::lround(seconds * per_unit / metres);
  std::array<char, 64> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "%ld:%02ld /%s", total / kSecondsPerMinute,  // NOLINT
                              total % kSecondsPerMinute, units == UnitSystem::imperial ? "mi" : "km");
  return printed(buf, n);
}

std::string format_speed(double metres, double seconds, UnitSystem units) {
  constexpr double kSecondsPerHour = 3600;
  const double per_hour = metres / seconds * kSecondsPerHour;
  std::array<char, 64> buf{};
  const int n = units == UnitSystem::imperial
                    ? std::snprintf(buf.data(), buf.size(), "%.1f mph", per_hour / kMetresPerMile)  // NOLINT
                    : std::snprintf(buf.data(), buf.size(), "%.1f km/h", per_hour / kMetresPerKm);  // NOLINT
  return printed(buf, n);
}

double display_load(double kg, UnitSystem units) {
  constexpr double kSteps = 2.0;  // metric loads are shown to the nearest 0.5 kg
  return units == UnitSystem::imperial ? std::round(kg / kKgPerPound) : std::round(kg * kSteps) / kSteps;
}

std::string format_load(double kg, UnitSystem units) {
  std::array<char, 64> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "%g %s", display_load(kg, units),  // NOLINT
                              units == UnitSystem::imperial ? "lb" : "kg");
  return printed(buf, n);
}

}  // namespace stridecare::domain
