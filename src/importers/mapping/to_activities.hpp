#pragma once
/// From what a file holds (importers::Recording) to domain activities: one per
/// session, with its recorded summary and track. Pure: no clock, no time zone
/// database, no I/O.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers {

/// Heuristics of the mapping. Import conventions, not coaching rules.
inline constexpr double kMovingSpeedMPerS = 0.5;       ///< slower than this is standing still
inline constexpr double kMaxMovingGapS = 30.0;         ///< a longer gap between samples is a pause
inline constexpr double kElevationHysteresisM = 3.0;   ///< climbs smaller than this are GPS/baro noise
inline constexpr double kWalkRunBoundaryMPerS = 1.9;   ///< 8:46 min/km: slower is a walk
inline constexpr double kRunCycleBoundaryMPerS = 6.5;  ///< 2:34 min/km: faster is a ride
/// A sport is guessed from the pace only between these: slower than 33:20 min/km is standing still
/// (kMovingSpeedMPerS), faster than 108 km/h no one's training.
inline constexpr double kSlowestGuessMPerS = kMovingSpeedMPerS;
inline constexpr double kFastestGuessMPerS = 30.0;

/// What the import knows beyond the file (a Strava `activities.csv` row).
struct Annotation {
  std::optional<domain::Sport> sport;  ///< overrides the file's
  std::string name;                    ///< the athlete's title, e.g. "Morning Run"
  std::string description;
  std::optional<int> rpe;  ///< perceived exertion, CR-10
};

/// Offset of local time from UTC at an instant, for files that do not state
/// it (GPX, TCX): the athlete's time zone.
using ZoneOffset = std::function<std::chrono::seconds(domain::UtcSeconds)>;

struct MappedActivity {
  domain::Activity activity;  ///< id 0; `recorded` set
  domain::Track track;
  std::vector<std::string> notes;  ///< how gaps were filled, e.g. "sport not stated; taken as run from its pace"
};

/// One activity per session that has a start time and a duration. `source`
/// names the file; its session_index is set per session. Errors
/// (ErrorKind::invalid_file) name the file, the session and the reason:
/// no time at all, a run without distance, a session longer than a day...
/// Sessions are validated with domain::validate before they are returned.
domain::Expected<std::vector<MappedActivity>> to_activities(const Recording& recording,
                                                            const domain::SourceFile& source,
                                                            const ZoneOffset& zone_offset,
                                                            const std::optional<Annotation>& annotation = std::nullopt);

}  // namespace stridecare::importers
