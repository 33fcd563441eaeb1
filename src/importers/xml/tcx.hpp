#pragma once
/// Garmin Training Center (TCX) v2 activity files.

#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers {

/// Reads a TrainingCenterDatabase v2 file from its bytes; `name` (usually the
/// path) names the file in messages and in `Error::field`. Pure: no I/O, no
/// exceptions.
///
/// Each `Activities/Activity` (also those inside `MultiSportSession`) becomes
/// one SessionRecord: `Sport` attribute lower-cased as the sport (`running`,
/// `biking`, `other`), as the start the earliest of `Id`, the first lap's
/// StartTime and the first trackpoint time (some writers put the save time in
/// `Id`, after the last point), `utc_offset_s` from the first of `Id`, lap and
/// trackpoint times with a numeric zone. Each `Lap` becomes a Lap:
/// `StartTime`, `TotalTimeSeconds` as both `elapsed_s` and `timer_s` (TCX has
/// one duration per lap: the timer's), `DistanceMeters`.
/// Each `Track/Trackpoint` becomes a Sample, with or without `Position`
/// (treadmill and indoor points are kept): `Time`, `LatitudeDegrees`,
/// `LongitudeDegrees`, `AltitudeMeters`, `DistanceMeters` (cumulative),
/// `HeartRateBpm/Value`, `Cadence`, and ActivityExtension v2 `TPX` `Speed`,
/// `RunCadence` (per leg) and `Watts`, matched by namespace URI (also
/// accepted when the writer left them in the TCX or no namespace).
/// Session totals, as FIT's: timer time is the sum of the laps'
/// `TotalTimeSeconds` (when every lap has one); elapsed time is wall-clock,
/// from the start to the latest of the last trackpoint time and each lap's
/// StartTime + TotalTimeSeconds, and never less than the timer time (else,
/// without times, the first to the last trackpoint); distance the sum of the
/// laps' `DistanceMeters` (when every lap has one; else the last trackpoint
/// `DistanceMeters`).
///
/// Bad values are dropped with one warning per kind in `Recording::warnings`.
/// Errors, all `ErrorKind::invalid_file`: "NAME: empty file",
/// "NAME: not XML: REASON at byte N", "NAME: not a TCX file (root element is <X>)",
/// "NAME: no activity in file (N courses)".
/// A file damaged partway keeps the trackpoints before the damage, unless
/// `options.strict` (xml::parse_activity); its laps keep the totals read
/// before the damage (a lap's totals come before its track).
domain::Expected<Recording> parse_tcx(std::string_view bytes, std::string_view name, ReadOptions options = {});

}  // namespace stridecare::importers
