#include "importers/fit/profile.hpp"

#include <array>
#include <utility>

namespace stridecare::importers::fit::profile {
namespace {

// FIT profile type `sport` (values 0-21; later values are read as "other").
constexpr std::array<std::string_view, 22> kSports{"generic",
                                                   "running",
                                                   "cycling",
                                                   "transition",
                                                   "fitness_equipment",
                                                   "swimming",
                                                   "basketball",
                                                   "soccer",
                                                   "tennis",
                                                   "american_football",
                                                   "training",
                                                   "walking",
                                                   "cross_country_skiing",
                                                   "alpine_skiing",
                                                   "snowboarding",
                                                   "rowing",
                                                   "mountaineering",
                                                   "hiking",
                                                   "multisport",
                                                   "paddling",
                                                   "flying",
                                                   "e_biking"};

// FIT profile type `sub_sport` (values 0-30).
constexpr std::array<std::string_view, 31> kSubSports{"generic",
                                                      "treadmill",
                                                      "street",
                                                      "trail",
                                                      "track",
                                                      "spin",
                                                      "indoor_cycling",
                                                      "road",
                                                      "mountain",
                                                      "downhill",
                                                      "recumbent",
                                                      "cyclocross",
                                                      "hand_cycling",
                                                      "track_cycling",
                                                      "indoor_rowing",
                                                      "elliptical",
                                                      "stair_climbing",
                                                      "lap_swimming",
                                                      "open_water",
                                                      "flexibility_training",
                                                      "strength_training",
                                                      "warm_up",
                                                      "match",
                                                      "exercise",
                                                      "challenge",
                                                      "indoor_skiing",
                                                      "cardio_training",
                                                      "indoor_walking",
                                                      "e_bike_fitness",
                                                      "bmx",
                                                      "casual_walking"};

template <std::size_t N>
std::string_view lookup(const std::array<std::string_view, N>& names, std::int64_t value) {
  if (value < 0 || static_cast<std::size_t>(value) >= N) return "other";
  return names[static_cast<std::size_t>(value)];
}

}  // namespace

std::string_view sport_name(std::int64_t value) { return lookup(kSports, value); }
std::string_view sub_sport_name(std::int64_t value) { return lookup(kSubSports, value); }

}  // namespace stridecare::importers::fit::profile
