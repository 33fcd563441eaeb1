#pragma once
/// A session's distance from an app's developer field, when the file's own is
/// absent or 0 (docs/import.md, "Developer fields"): a Connect IQ swim app
/// that keeps the pool distance in its own field, a rowing monitor's
/// "Distance". The field must say by its name that it is the session's
/// distance ("Distance", "Total Distance", "SwimDistance"; not "Distance per
/// Stroke", "Avg ...", "Lap ...", "... to Go") and by its units that it is a
/// length (m, metres, km, yd, mi, case and plural aside). The first such
/// field in definition order is taken.

#include <optional>
#include <string>
#include <vector>

#include "importers/recording.hpp"

namespace stridecare::importers {

struct DeveloperDistance {
  double metres = 0;
  std::string field;  ///< the field's name and units as the file spells them, e.g. "Distance [Meters]"
};

/// The session's distance, m (> 0), from `values`; nullopt when no field qualifies.
std::optional<DeveloperDistance> developer_distance(const std::vector<DeveloperValue>& values);

}  // namespace stridecare::importers
