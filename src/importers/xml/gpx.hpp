#pragma once
/// GPX 1.0 and 1.1 activity files.

#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers {

/// Reads a GPX file from its bytes; `name` (usually the path) names the file
/// in messages and in `Error::field`. Pure: no I/O, no exceptions.
///
/// Each `trk` with at least one point becomes one SessionRecord, its
/// `trkseg`s concatenated; `trk/type` is the sport (trimmed, lower case; empty
/// when absent). Per `trkpt`: `lat`/`lon`, `ele`, `time`, GPX 1.0 `speed`, and
/// in extensions (matched by namespace URI, whatever the prefix) Garmin
/// TrackPointExtension v1/v2 `hr`, `cad`, v2 `speed`, PowerExtension
/// `PowerInWatts`, Cluetrust `hr`/`cadence`, and elements without a namespace
/// of their own (`hr`, `heartrate`, `cad`, `cadence`, `power`, `speed`).
/// SportsTracker's file-level `extensions/activity/heartRateTrack` (timed
/// `heartRate bpm=` readings, namespace `xml::ns::kSportsTracker`) gives each
/// point without a heart rate of its own the latest reading at or before its
/// time, when that reading is at most 60 s old.
/// Samples carry no `distance_m`. Session totals: `start` and `utc_offset_s`
/// from the first timed point, `total_elapsed_s` from the first to the last
/// time, `total_distance_m` the haversine sum between consecutive positioned
/// points of each segment (the gap between segments is not counted), radius
/// `xml::kEarthMeanRadiusM`; no laps, no timer time.
///
/// Bad values (non-numeric or out-of-range coordinates, 0,0, bad numbers or
/// times, times without zone, empty tracks) are dropped with one warning per
/// kind in `Recording::warnings`. Errors, all `ErrorKind::invalid_file`:
/// "NAME: empty file", "NAME: not XML: REASON at byte N",
/// "NAME: not a GPX file (root element is <X>)",
/// "NAME: no track in file (N route points, M waypoints)" and, when every
/// track is empty, "NAME: no track point in file (K empty tracks, N route points, M waypoints)".
/// A file damaged partway keeps the track points before the damage, unless
/// `options.strict` (xml::parse_activity).
domain::Expected<Recording> parse_gpx(std::string_view bytes, std::string_view name, ReadOptions options = {});

}  // namespace stridecare::importers
