#include "domain/units.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "domain/quantities.hpp"

namespace stridecare::domain {

namespace {
/// `value` with `decimals` decimals (at most 6) and a unit; the domain layer uses the standard library only.
std::string with_unit(double value, int decimals, std::string_view unit) {
  std::array<char, 64> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "%.*f", decimals, value);
  std::string out(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
  if (decimals > 0 && out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out + " " + std::string(unit);
}
}  // namespace

std::string format_distance(double metres, UnitSystem units) {
  constexpr int kDecimals = 2;
  std::array<char, 64> buf{};
  const double value = units == UnitSystem::imperial ? metres / kMetresPerMile : metres / kMetresPerKm;
  const int n = std::snprintf(buf.data(), buf.size(), "%.*f", kDecimals, value);
  return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0) +
         (units == UnitSystem::imperial ? " mi" : " km");
}

double display_load(double kg, UnitSystem units) {
  constexpr double kSteps = 2.0;  // metric loads are shown to the nearest 0.5 kg
  return units == UnitSystem::imperial ? std::round(kg / kKgPerPound) : std::round(kg * kSteps) / kSteps;
}

std::string format_load(double kg, UnitSystem units) {
  return with_unit(display_load(kg, units), 1, units == UnitSystem::imperial ? "lb" : "kg");
}

}  // namespace stridecare::domain
