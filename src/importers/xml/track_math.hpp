#pragma once
/// Session totals computed from samples, shared by the XML importers.

#include <optional>
#include <vector>

#include "importers/recording.hpp"

namespace stridecare::importers::xml {

/// Mean Earth radius R1 = (2a + b) / 3 of the WGS84 ellipsoid, metres (IUGG
/// value). A sphere of this radius is within about 0.5 % of the ellipsoid's
/// distances, far below GPS noise for a run.
inline constexpr double kEarthMeanRadiusM = 6371008.8;

/// Great-circle distance between two WGS84 positions on the sphere of radius
/// `kEarthMeanRadiusM`, by the haversine formula; metres. Inputs in degrees.
double haversine_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

/// Seconds from the first to the last sample that has a time, in file order;
/// nullopt when no sample has one. When times go backwards somewhere, the
/// span from the earliest to the latest instead (and `went_backwards` is set).
std::optional<double> elapsed_s(const std::vector<Sample>& samples, bool* went_backwards = nullptr);

}  // namespace stridecare::importers::xml
