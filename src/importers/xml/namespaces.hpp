#pragma once
/// Namespace URIs the XML importers recognise. Elements are matched by these
/// URIs, never by prefix: `gpxtpx:`, `ns3:` and a default namespace all occur.

#include <string_view>

namespace stridecare::importers::xml::ns {

inline constexpr std::string_view kGpx10 = "http://www.topografix.com/GPX/1/0";
inline constexpr std::string_view kGpx11 = "http://www.topografix.com/GPX/1/1";
/// Garmin TrackPointExtension v1: `hr`, `cad`, `atemp`, `wtemp`, `depth`.
inline constexpr std::string_view kTrackPointExtensionV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
/// v2 adds `speed` (m/s), `course` and `bearing`.
inline constexpr std::string_view kTrackPointExtensionV2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";
/// Garmin PowerExtension v1: `PowerInWatts`.
inline constexpr std::string_view kPowerExtensionV1 = "http://www.garmin.com/xmlschemas/PowerExtension/v1";
/// Cluetrust GPX data (older Strava, Movescount): `hr`, `cadence`, `temp`.
inline constexpr std::string_view kClueTrustGpxData = "http://www.cluetrust.com/XML/GPXDATA/1/0";
/// SportsTracker (and GlobalSat, QuickRoute) GPX: heart rate as a file-level `activity/heartRateTrack`
/// of timed `heartRate bpm=` readings, apart from the track points.
inline constexpr std::string_view kSportsTracker = "urn:uuid:D0EB2ED5-49B6-44e3-B13C-CF15BE7DD7DD";

inline constexpr std::string_view kTrainingCenterDatabaseV2 =
    "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
/// TCX ActivityExtension v2: `TPX` (`Speed`, `RunCadence`, `Watts`) and `LX`.
inline constexpr std::string_view kActivityExtensionV2 = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

/// Bound to the `xml` prefix by the XML Namespaces recommendation, without a declaration.
inline constexpr std::string_view kXml = "http://www.w3.org/XML/1998/namespace";

}  // namespace stridecare::importers::xml::ns
