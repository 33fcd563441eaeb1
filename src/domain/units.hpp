#pragma once
/// The unit system figures are shown in (`--units`, the profile's units).
/// Values are stored in SI-style units (m, s, kg) whatever the display.

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "domain/enum_names.hpp"

namespace stridecare::domain {

enum class UnitSystem { metric, imperial };

inline constexpr double kKgPerPound = 0.45359237;

/// `8.20 km` or `5.10 mi` (two decimals).
std::string format_distance(double metres, UnitSystem units);
/// The same with `decimals` decimals (0-6): `14.2 km`, `8.8 mi`.
std::string format_distance(double metres, UnitSystem units, int decimals);

/// Time per km or per mile, `5:29 /km` or `8:49 /mi`; preconditions: metres > 0, seconds >= 0.
std::string format_pace(double metres, double seconds, UnitSystem units);

/// `24.3 km/h` or `15.1 mph`; preconditions: seconds > 0.
std::string format_speed(double metres, double seconds, UnitSystem units);

/// A strength load as shown: rounded to 0.5 kg in metric, to 1 lb in
/// imperial (stored exactly). `40 kg`, `42.5 kg`, `88 lb`.
std::string format_load(double kg, UnitSystem units);

/// The displayed number of format_load: kg to the nearest 0.5, or lb to the nearest 1.
double display_load(double kg, UnitSystem units);

template <>
struct EnumNames<UnitSystem> {
  static constexpr std::array<std::pair<UnitSystem, std::string_view>, 2> table{{
      {UnitSystem::metric, "metric"},
      {UnitSystem::imperial, "imperial"},
  }};
};

}  // namespace stridecare::domain
