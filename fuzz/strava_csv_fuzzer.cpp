// libFuzzer target: Strava's activities.csv. Any bytes give rows or an error
// naming the file, never a crash.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/exports/strava_activities.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = stridecare::importers::parse_strava_activities(text, "activities.csv");
  if (!parsed && parsed.error().message.find("activities.csv") == std::string_view::npos) __builtin_trap();
  return 0;
}
