#include "domain/units.hpp"

#include <cmath>
#include <cstdio>

#include "domain/quantities.hpp"

namespace stridecare::domain {

namespace {
/// printf into a std::string (domain uses the standard library only).
/// The formats are the literals below; the compiler cannot see them through the template.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
template <class... A>
std::string printed(const char* format, A... args) {
  std::array<char, 64> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), format, args...);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
}
#pragma GCC diagnostic pop
}  // namespace

std::string format_distance(double metres, UnitSystem units) {
  return units == UnitSystem::imperial ? printed("%.2f mi", metres / kMetresPerMile)
                                       : printed("%.2f km", metres / kMetresPerKm);
}

double display_load(double kg, UnitSystem units) {
  constexpr double kSteps = 2.0;  // metric loads are shown to the nearest 0.5 kg
  return units == UnitSystem::imperial ? std::round(kg / kKgPerPound) : std::round(kg * kSteps) / kSteps;
}

std::string format_load(double kg, UnitSystem units) {
  return printed("%g %s", display_load(kg, units), units == UnitSystem::imperial ? "lb" : "kg");
}

}  // namespace stridecare::domain
