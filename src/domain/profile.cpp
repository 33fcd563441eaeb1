#include "domain/profile.hpp"

namespace stridecare::domain {
namespace {
constexpr std::array<std::string_view, 7> kWeekdayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
}

std::string_view weekday_name(std::chrono::weekday d) {
  // weekday{8} and up are representable but not days; indexing with them read past the table.
  if (!d.ok()) return "?";
  return kWeekdayNames[weekday_index(d)];
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view text) {
  for (unsigned i = 0; i < kWeekdayNames.size(); ++i) {
    if (kWeekdayNames[i] == text) return std::chrono::weekday{(i + 1) % 7};
  }
  return std::nullopt;
}

std::string not_a_day(std::string_view text, std::string_view separator) {
  std::string out = "'" + std::string(text) + "' is not a day; allowed ";
  for (const auto name : kWeekdayNames) {
    if (name != kWeekdayNames.front()) out += separator;
    out += name;
  }
  return out;
}

}  // namespace stridecare::domain
