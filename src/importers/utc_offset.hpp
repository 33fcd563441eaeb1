#pragma once
/// Whether the UTC offset a file implies is a real time zone's. A FIT file
/// states its zone only as `activity.local_timestamp - timestamp`; a device
/// whose local clock was never set, drifted or counts from power-on gives
/// differences that are no zone at all (days off, 27 years off, 225 s), and
/// taking them would put runs on the wrong local day. The rule
/// (docs/import.md):
/// - the local time must be a calendar time, not seconds since power-on;
/// - the offset must lie within -12 h .. +14 h, the range of the world's zones;
/// - it must be within kQuarterHourSlackS of a whole number of quarter hours
///   (every zone in use, +5:30 and +5:45 included, is), and is then taken as
///   that whole number (a second between the two stamps is not a zone).
/// Otherwise the offset is absent and `doubt` says why; the importer then
/// uses the profile's zone.

#include <cstdint>
#include <optional>
#include <string>

namespace stridecare::importers {

inline constexpr int kMinUtcOffsetS = -12 * 3600;
inline constexpr int kMaxZoneOffsetS = 14 * 3600;
inline constexpr int kQuarterHourS = 15 * 60;
/// How far from a quarter hour the two stamps may be and still be read as one zone, s.
inline constexpr int kQuarterHourSlackS = 60;

struct UtcOffsetReading {
  std::optional<int> offset_s;  ///< local - UTC, s, a whole number of quarter hours
  std::string doubt;            ///< why there is none, when the file implied one; else empty
};

/// The offset that `local_minus_utc_s` (local time minus UTC, s) stands for, if a real one.
UtcOffsetReading read_utc_offset(std::int64_t local_minus_utc_s);

}  // namespace stridecare::importers
