#pragma once
/// A compact byte encoding of a `domain::Track`, for storing the per-second
/// record of an imported activity (an hour at 1 Hz is 3,600 points; stored as
/// doubles and optionals it would be ~500 kB, encoded it is ~36 kB: about
/// 10 bytes a point for a GPS run with heart rate and cadence).
///
/// Layout (all integers are unsigned LEB128 varints unless stated):
///
///   version (1 byte, `kVersion`)
///   point count
///   then, when the count is not 0, one block per column in `Column` order:
///     header (1 byte): bits 0-1 presence (0 all absent, 1 all present,
///                      2 runs), bit 2 set = second-order deltas
///     [runs only] run count, then run lengths alternating absent, present,
///                 absent... starting with absent (the first run may be 0,
///                 the others may not); they add up to the point count
///     one zig-zag varint per present value: the difference from the
///     previous present value of the column (first order) or the difference
///     of that difference from the previous one (second order); the first
///     value is taken relative to 0
///
/// Precision: each value is rounded to the nearest step of its column's fixed
/// point (`kColumns`): offset 1 ms, latitude/longitude 1e-7 degree (~1 cm),
/// altitude and distance 1 cm, speed 1 mm/s, heart rate 1 bpm, cadence
/// 0.1 spm, power 1 W. `quantized(t)` is exactly what `decode(encode(t))`
/// returns; a track already at that precision round-trips unchanged.
/// Values whose fixed-point magnitude exceeds `kMaxMagnitude` (INT_MAX for
/// heart rate and power, which are ints), and values that are not finite,
/// cannot be encoded.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "domain/recorded.hpp"

namespace stridecare::storage::track_codec {

using domain::Expected;

/// The layout described above; stored with each track so a later layout can
/// still read older ones.
inline constexpr std::uint8_t kVersion = 1;

/// Fixed-point values are kept within +-2^50: every one is exactly a double,
/// no delta (of at most three such values) overflows 64 bits, and a decoded
/// value (steps / steps_per_unit, rounded to a double) scales back to exactly
/// its steps: the two roundings err by at most |steps| * 2^-52, under half a
/// step below 2^51. At 2^53 a decoded track did not re-encode to itself
/// (found by fuzz/track_codec_fuzzer). 2^50 ms is 35,000 years.
inline constexpr std::int64_t kMaxMagnitude = std::int64_t{1} << 50;

/// The columns of a track, in stored order, and the fixed-point steps per unit
/// of the domain value.
struct ColumnSpec {
  std::string_view name;  ///< the `TrackPoint` member, for messages
  double steps_per_unit;
};
inline constexpr std::size_t kColumnCount = 9;
inline constexpr std::array<ColumnSpec, kColumnCount> kColumns{{
    {"offset_s", 1e3},
    {"latitude_deg", 1e7},
    {"longitude_deg", 1e7},
    {"altitude_m", 1e2},
    {"distance_m", 1e2},
    {"speed_m_per_s", 1e3},
    {"heart_rate_bpm", 1},
    {"cadence_spm", 1e1},
    {"power_w", 1},
}};

/// A track already encoded, with its point count: encoding is the costly part
/// of storing a track, and being pure it can run on any thread before the
/// store's single writer takes it.
struct EncodedTrack {
  std::size_t point_count = 0;
  std::vector<std::uint8_t> bytes;
};

/// `encode`, with the point count.
Expected<EncodedTrack> encode_track(const domain::Track& track);

/// The bytes of `track`. Fails (ErrorKind::invalid_input, field `track`) when
/// a value is not finite or beyond `kMaxMagnitude` steps.
Expected<std::vector<std::uint8_t>> encode(const domain::Track& track);

/// The track in `bytes`. Corrupt, truncated or hostile input yields an
/// ErrorKind::storage error naming `activity`; memory use is bounded by a
/// fixed multiple of `bytes.size()` whatever the bytes declare.
Expected<domain::Track> decode(std::span<const std::uint8_t> bytes, domain::Id activity);

/// `track` with every value rounded to its column's precision: what
/// `decode(encode(track))` yields. REQUIRES: `encode(track)` succeeds.
domain::Track quantized(const domain::Track& track);

}  // namespace stridecare::storage::track_codec
