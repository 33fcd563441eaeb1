#pragma once
/// From the sport a file or an export names to the domain's sports.

#include <optional>
#include <string_view>

#include "domain/activity.hpp"

namespace stridecare::importers {

/// The domain sport for a sport and sub-sport as files name them, in any
/// case: FIT (`running`/`treadmill`, `fitness_equipment`/`elliptical`,
/// `training`/`strength_training`...), TCX (`Running`, `Biking`, `Other`),
/// GPX `<type>` (`running`, `Run`, `cycling`...) and Strava's activity types
/// (`Run`, `TrailRun`, `Ride`, `WeightTraining`...). nullopt when the file
/// names no sport or a generic one (`generic`, `Other`, `all`), so the caller
/// can infer it; `Sport::other` for a named sport the domain does not plan
/// with (skiing, climbing...).
std::optional<domain::Sport> sport_from_names(std::string_view sport, std::string_view sub_sport = {});

}  // namespace stridecare::importers
