#include "domain/units.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "domain/quantities.hpp"

namespace stridecare::domain {

namespace {
/// printf into a std::string (domain uses the standard library only). The
/// format attribute lets the compiler check each call's literal format.
[[gnu::format(printf, 1, 2)]] std::string printed(const char* format, ...) {
  std::array<char, 64> buf{};
  std::va_list args;       // NOLINT(cppcoreguidelines-pro-type-vararg)
  va_start(args, format);  // NOLINT(cppcoreguidelines-pro-bounds-array-to-pointer-decay)
  const int n = std::vsnprintf(buf.data(), buf.size(), format, args);
  va_end(args);  // NOLINT(cppcoreguidelines-pro-bounds-array-to-pointer-decay)
  return std::string(buf.data(), n > 0 ? std::min(static_cast<std::size_t>(n), buf.size() - 1) : 0);
}
}  // namespace

std::string format_distance(double metres, UnitSystem units) {
  return units == UnitSystem::imperial ? printed("%.2f mi", metres / kMetresPerMile)
                                       : printed("%.2f km", metres / kMetresPerKm);
}

std::string format_distance(double metres, UnitSystem units, int decimals) {
  constexpr int kMaxDecimals = 6;
  const int d = std::clamp(decimals, 0, kMaxDecimals);
  return units == UnitSystem::imperial ? printed("%.*f mi", d, metres / kMetresPerMile)
                                       : printed("%.*f km", d, metres / kMetresPerKm);
}

std::string format_pace(double metres, double seconds, UnitSystem units) {
  const double per_unit = units == UnitSystem::imperial ? kMetresPerMile : kMetresPerKm;
  constexpr auto kPerMinute = static_cast<long>(kSecondsPerMinute);
  const long total = std::lround(seconds * per_unit / metres);
  return printed("%ld:%02ld /%s", total / kPerMinute, total % kPerMinute, units == UnitSystem::imperial ? "mi" : "km");
}

std::string format_speed(double metres, double seconds, UnitSystem units) {
  constexpr double kSecondsPerHour = 3600;
  const double per_hour = metres / seconds * kSecondsPerHour;
  return units == UnitSystem::imperial ? printed("%.1f mph", per_hour / kMetresPerMile)
                                       : printed("%.1f km/h", per_hour / kMetresPerKm);
}

double display_load(double kg, UnitSystem units) {
  constexpr double kSteps = 2.0;  // metric loads are shown to the nearest 0.5 kg
  return units == UnitSystem::imperial ? std::round(kg / kKgPerPound) : std::round(kg * kSteps) / kSteps;
}

std::string format_load(double kg, UnitSystem units) {
  return printed("%g %s", display_load(kg, units), units == UnitSystem::imperial ? "lb" : "kg");
}

}  // namespace stridecare::domain
