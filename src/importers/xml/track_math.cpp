#include "importers/xml/track_math.hpp"

#include <chrono>
#include <cmath>
#include <numbers>

namespace stridecare::importers::xml {

double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  constexpr double kRadPerDeg = std::numbers::pi / 180.0;
  const double phi1 = lat1_deg * kRadPerDeg;
  const double phi2 = lat2_deg * kRadPerDeg;
  const double sin_dphi = std::sin((phi2 - phi1) / 2.0);
  const double sin_dlambda = std::sin((lon2_deg - lon1_deg) * kRadPerDeg / 2.0);
  const double h = sin_dphi * sin_dphi + std::cos(phi1) * std::cos(phi2) * sin_dlambda * sin_dlambda;
  return 2.0 * kEarthMeanRadiusM * std::asin(std::sqrt(std::fmin(1.0, h)));
}

std::optional<double> elapsed_s(const std::vector<Sample>& samples, bool* went_backwards) {
  std::optional<UtcMillis> first;
  UtcMillis last{};
  UtcMillis earliest{};
  UtcMillis latest{};
  bool backwards = false;
  for (const Sample& s : samples) {
    if (!s.time) continue;
    const UtcMillis t = *s.time;
    if (!first) {
      first = t;
      earliest = latest = t;
    } else {
      if (t < last) backwards = true;
      if (t < earliest) earliest = t;
      if (t > latest) latest = t;
    }
    last = t;
  }
  if (went_backwards != nullptr) *went_backwards = backwards;
  if (!first) return std::nullopt;
  const auto span = backwards ? latest - earliest : last - *first;
  return std::chrono::duration<double>(span).count();
}

}  // namespace stridecare::importers::xml
