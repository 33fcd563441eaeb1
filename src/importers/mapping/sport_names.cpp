#include "importers/mapping/sport_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace stridecare::importers {
namespace {

using domain::Sport;

/// Lower case without separators, so `Trail Run`, `trail_run` and `TrailRun` meet.
std::string key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// Sub-sports first: they refine a generic or equipment sport (FIT
// `fitness_equipment` is elliptical, rowing, stair climbing...).
constexpr std::array<std::pair<std::string_view, Sport>, 14> kSubSports{{
    {"treadmill", Sport::run},
    {"trail", Sport::run},
    {"track", Sport::run},
    {"street", Sport::run},
    {"indoorrunning", Sport::run},
    {"elliptical", Sport::elliptical},
    {"indoorrowing", Sport::row},
    {"strengthtraining", Sport::strength},
    {"lapswimming", Sport::swim},
    {"openwater", Sport::swim},
    {"indoorcycling", Sport::cycle},
    {"spin", Sport::cycle},
    {"indoorwalking", Sport::walk},
    {"virtualactivity", Sport::cycle},
}};

constexpr std::array<std::pair<std::string_view, Sport>, 34> kSports{{
    // Running
    {"running", Sport::run},
    {"run", Sport::run},
    {"trailrun", Sport::run},
    {"trailrunning", Sport::run},
    {"virtualrun", Sport::run},
    {"treadmillrunning", Sport::run},
    // Walking
    {"walking", Sport::walk},
    {"walk", Sport::walk},
    {"hiking", Sport::walk},
    {"hike", Sport::walk},
    // Cycling
    {"cycling", Sport::cycle},
    {"biking", Sport::cycle},
    {"ride", Sport::cycle},
    {"virtualride", Sport::cycle},
    {"ebikeride", Sport::cycle},
    {"mountainbikeride", Sport::cycle},
    {"gravelride", Sport::cycle},
    {"handcycle", Sport::cycle},
    {"velomobile", Sport::cycle},
    // Swimming
    {"swimming", Sport::swim},
    {"swim", Sport::swim},
    // Rowing
    {"rowing", Sport::row},
    {"row", Sport::row},
    {"indoorrowing", Sport::row},
    {"canoeing", Sport::row},
    {"kayaking", Sport::row},
    // Elliptical
    {"elliptical", Sport::elliptical},
    // Strength
    {"training", Sport::strength},
    {"strengthtraining", Sport::strength},
    {"weighttraining", Sport::strength},
    {"crossfit", Sport::strength},
    {"hiit", Sport::strength},
    {"workout", Sport::strength},
    {"fitnessequipment", Sport::elliptical},
}};

// Files that name no sport in particular.
constexpr std::array<std::string_view, 5> kGeneric{"", "generic", "other", "all", "unknown"};

template <std::size_t N>
std::optional<Sport> find(const std::array<std::pair<std::string_view, Sport>, N>& table, std::string_view k) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const auto& e) { return e.first == k; });
  if (it == table.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<domain::Sport> sport_from_names(std::string_view sport, std::string_view sub_sport) {
  if (const auto by_sub = find(kSubSports, key(sub_sport))) return by_sub;
  const std::string k = key(sport);
  if (std::find(kGeneric.begin(), kGeneric.end(), k) != kGeneric.end()) return std::nullopt;
  if (const auto s = find(kSports, k)) return s;
  // A number: GPX <type> from some apps holds a code, which says nothing portable.
  if (std::all_of(k.begin(), k.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return std::nullopt;
  }
  return Sport::other;
}

}  // namespace stridecare::importers
