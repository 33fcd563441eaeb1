#include "storage/track_codec.hpp"

#include <climits>
#include <cmath>
#include <optional>
#include <string>

namespace stridecare::storage::track_codec {
namespace {

using domain::ErrorKind;
using domain::Track;
using domain::TrackPoint;

/// Indexes into `kColumns`.
enum Column : std::size_t { offset, latitude, longitude, altitude, distance, speed, heart_rate, cadence, power };
static_assert(power + 1 == kColumnCount);

/// Column header bits.
constexpr std::uint8_t kPresenceMask = 0b011;
constexpr std::uint8_t kSecondOrderBit = 0b100;
constexpr std::uint8_t kKnownHeaderBits = kPresenceMask | kSecondOrderBit;
enum Presence : std::uint8_t { all_absent = 0, all_present = 1, in_runs = 2 };

/// LEB128: 7 payload bits per byte, high bit set on all bytes but the last;
/// a 64-bit value takes at most 10 bytes, the last holding 1 bit.
constexpr unsigned kVarintPayloadBits = 7;
constexpr std::uint8_t kVarintPayloadMask = 0x7F;
constexpr std::uint8_t kVarintMoreBit = 0x80;
constexpr int kVarintMaxBytes = 10;
constexpr std::uint8_t kVarintLastByteMax = 1;

bool is_integer_column(std::size_t column) { return column == heart_rate || column == power; }

/// The largest magnitude, in steps, a column can hold: an int for the integer columns.
std::int64_t max_steps(std::size_t column) { return is_integer_column(column) ? INT_MAX : kMaxMagnitude; }

std::optional<double> value_at(const TrackPoint& p, std::size_t column) {
  const auto as_double = [](const std::optional<int>& v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return static_cast<double>(*v);
  };
  switch (column) {
    case offset:
      return p.offset_s;
    case latitude:
      return p.latitude_deg;
    case longitude:
      return p.longitude_deg;
    case altitude:
      return p.altitude_m;
    case distance:
      return p.distance_m;
    case speed:
      return p.speed_m_per_s;
    case heart_rate:
      return as_double(p.heart_rate_bpm);
    case cadence:
      return p.cadence_spm;
    case power:
      return as_double(p.power_w);
    default:
      return std::nullopt;
  }
}

/// Sets `column` of `p` to `steps` fixed-point steps. REQUIRES: an integer
/// column's steps fit an int.
void set_value(TrackPoint& p, std::size_t column, std::int64_t steps) {
  // Division (not multiplication by the reciprocal) gives the double nearest
  // to the exact decimal, e.g. 0.1 for 1 step of 1e-1.
  const double value = static_cast<double>(steps) / kColumns[column].steps_per_unit;
  switch (column) {
    case offset:
      p.offset_s = value;
      break;
    case latitude:
      p.latitude_deg = value;
      break;
    case longitude:
      p.longitude_deg = value;
      break;
    case altitude:
      p.altitude_m = value;
      break;
    case distance:
      p.distance_m = value;
      break;
    case speed:
      p.speed_m_per_s = value;
      break;
    case heart_rate:
      p.heart_rate_bpm = static_cast<int>(steps);
      break;
    case cadence:
      p.cadence_spm = value;
      break;
    case power:
      p.power_w = static_cast<int>(steps);
      break;
    default:
      break;
  }
}

/// The fixed-point steps of `value`, or nullopt when it cannot be stored.
std::optional<std::int64_t> to_steps(double value, std::size_t column) {
  const double scaled = value * kColumns[column].steps_per_unit;
  if (!std::isfinite(scaled) || std::fabs(scaled) > static_cast<double>(max_steps(column))) return std::nullopt;
  // Round half away from zero, as llround, without its libm call: `scaled` is
  // within +-kMaxMagnitude, so the cast is exact and safe.
  return scaled >= 0 ? static_cast<std::int64_t>(scaled + 0.5) : -static_cast<std::int64_t>(-scaled + 0.5);
}

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> (sizeof(v) * CHAR_BIT - 1));
}

/// The inverse of `zigzag`, as a two's complement bit pattern: decoding works
/// in wrapping unsigned arithmetic so hostile input cannot overflow.
std::uint64_t unzigzag(std::uint64_t z) { return (z >> 1) ^ (~(z & 1) + 1); }

std::size_t varint_size(std::uint64_t v) {
  std::size_t n = 1;
  while (v >>= kVarintPayloadBits) ++n;
  return n;
}

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v > kVarintPayloadMask) {
    out.push_back(static_cast<std::uint8_t>((v & kVarintPayloadMask) | kVarintMoreBit));
    v >>= kVarintPayloadBits;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

/// The differences to store for `values` at `order` (1 or 2).
std::vector<std::int64_t> deltas(const std::vector<std::int64_t>& values, int order) {
  std::vector<std::int64_t> out;
  out.reserve(values.size());
  std::int64_t previous = 0;
  std::int64_t previous_delta = 0;
  for (std::int64_t v : values) {
    const std::int64_t delta = v - previous;  // |v| <= 2^53: no overflow
    out.push_back(order == 1 ? delta : delta - previous_delta);
    previous = v;
    previous_delta = delta;
  }
  return out;
}

std::size_t encoded_size(const std::vector<std::int64_t>& ds) {
  std::size_t n = 0;
  for (std::int64_t d : ds) n += varint_size(zigzag(d));
  return n;
}

/// Presence as run lengths: absent, present, absent... starting with absent.
std::vector<std::uint64_t> presence_runs(const Track& track, std::size_t column) {
  std::vector<std::uint64_t> runs;
  bool present = false;
  std::uint64_t length = 0;
  for (const auto& p : track.points) {
    if (value_at(p, column).has_value() != present) {
      runs.push_back(length);
      present = !present;
      length = 0;
    }
    ++length;
  }
  runs.push_back(length);
  return runs;
}

/// Reads bytes front to back; every read fails cleanly at the end.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  std::optional<std::uint8_t> byte() {
    if (pos_ >= bytes_.size()) return std::nullopt;
    return bytes_[pos_++];
  }

  /// nullopt when the bytes end first or the number does not fit 64 bits.
  std::optional<std::uint64_t> varint() {
    std::uint64_t result = 0;
    for (int i = 0; i < kVarintMaxBytes; ++i) {
      const auto b = byte();
      if (!b) return std::nullopt;
      if (i == kVarintMaxBytes - 1 && *b > kVarintLastByteMax) return std::nullopt;
      result |= static_cast<std::uint64_t>(*b & kVarintPayloadMask) << (kVarintPayloadBits * static_cast<unsigned>(i));
      if ((*b & kVarintMoreBit) == 0) return result;
    }
    return std::nullopt;
  }

  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

std::unexpected<domain::Error> corrupt(domain::Id activity, const std::string& why) {
  return domain::fail(ErrorKind::storage, "track",
                      "the stored track of activity " + std::to_string(activity) + " is corrupt: " + why);
}

/// Reads the presence block of a column: the run lengths (absent first).
Expected<std::vector<std::uint64_t>> read_presence(Reader& in, Presence presence, std::uint64_t count,
                                                   std::size_t column, domain::Id activity) {
  const std::string name(kColumns[column].name);
  switch (presence) {
    case all_absent:
      return std::vector<std::uint64_t>{count};
    case all_present:
      return std::vector<std::uint64_t>{0, count};
    case in_runs:
      break;
  }
  const auto run_count = in.varint();
  if (!run_count) return corrupt(activity, "the presence runs of " + name + " end early");
  // Each run takes at least one byte: a larger count is a lie, and must not size a buffer.
  if (*run_count > in.remaining()) {
    return corrupt(activity, name + " declares " + std::to_string(*run_count) + " presence runs in " +
                                 std::to_string(in.remaining()) + " bytes");
  }
  std::vector<std::uint64_t> runs;
  runs.reserve(static_cast<std::size_t>(*run_count));
  std::uint64_t covered = 0;
  for (std::uint64_t i = 0; i < *run_count; ++i) {
    const auto length = in.varint();
    if (!length) return corrupt(activity, "the presence runs of " + name + " end early");
    if (*length > count - covered) return corrupt(activity, "the presence runs of " + name + " exceed the points");
    if (i > 0 && *length == 0) return corrupt(activity, "the presence runs of " + name + " have an empty run");
    covered += *length;
    runs.push_back(*length);
  }
  if (covered != count) {
    return corrupt(activity, "the presence runs of " + name + " cover " + std::to_string(covered) + " of " +
                                 std::to_string(count) + " points");
  }
  return runs;
}

Expected<void> read_column(Reader& in, Track& track, std::size_t column, domain::Id activity) {
  const std::string name(kColumns[column].name);
  const auto header = in.byte();
  if (!header) return corrupt(activity, "the " + name + " column is missing");
  if ((*header & ~kKnownHeaderBits) != 0 || (*header & kPresenceMask) > in_runs) {
    return corrupt(activity, "the " + name + " column has an unknown header " + std::to_string(*header));
  }
  const auto presence = static_cast<Presence>(*header & kPresenceMask);
  const bool second_order = (*header & kSecondOrderBit) != 0;
  const std::uint64_t count = track.points.size();
  if (column == offset && presence != all_present) return corrupt(activity, "some points have no offset");

  auto runs = read_presence(in, presence, count, column, activity);
  if (!runs) return std::unexpected(std::move(runs.error()));

  const std::int64_t limit = max_steps(column);
  std::uint64_t value = 0;
  std::uint64_t delta = 0;
  std::size_t index = 0;
  bool present = false;
  for (std::uint64_t run : *runs) {
    if (!present) {
      index += static_cast<std::size_t>(run);
    } else {
      for (std::uint64_t i = 0; i < run; ++i, ++index) {
        const auto stored = in.varint();
        if (!stored) return corrupt(activity, "the " + name + " column ends early or has a malformed number");
        if (second_order) {
          delta += unzigzag(*stored);
          value += delta;
        } else {
          value += unzigzag(*stored);
        }
        // Two's complement since C++20: the wrapped bit pattern read as signed.
        const auto steps = static_cast<std::int64_t>(value);
        if (steps > limit || steps < -limit) {
          return corrupt(activity, "point " + std::to_string(index) + " has an impossible " + name);
        }
        set_value(track.points[index], column, steps);
      }
    }
    present = !present;
  }
  return {};
}

}  // namespace

Expected<std::vector<std::uint8_t>> encode(const Track& track) {
  std::vector<std::uint8_t> out;
  out.push_back(kVersion);
  put_varint(out, track.points.size());
  if (track.points.empty()) return out;

  std::vector<std::int64_t> values;
  values.reserve(track.points.size());
  for (std::size_t column = 0; column < kColumnCount; ++column) {
    values.clear();
    for (std::size_t i = 0; i < track.points.size(); ++i) {
      const auto value = value_at(track.points[i], column);
      if (!value) continue;
      const auto steps = to_steps(*value, column);
      if (!steps) {
        return domain::fail(ErrorKind::invalid_input, "track",
                            "point " + std::to_string(i) + " of the track has " + std::string(kColumns[column].name) +
                                " " + std::to_string(*value) + ", which is not finite or too large to store");
      }
      values.push_back(*steps);
    }
    const auto runs = presence_runs(track, column);
    Presence presence = in_runs;
    if (runs.size() == 1) presence = all_absent;
    if (runs.size() == 2 && runs.front() == 0) presence = all_present;

    // Smooth series (time, position, cumulative distance) change by nearly the
    // same step each second, so their second differences are smaller; noisy
    // ones (heart rate, altitude) are cheaper at first order. Keep the smaller.
    const auto first = deltas(values, 1);
    const auto second = deltas(values, 2);
    const bool use_second = encoded_size(second) < encoded_size(first);

    out.push_back(static_cast<std::uint8_t>(presence | (use_second ? kSecondOrderBit : 0)));
    if (presence == in_runs) {
      put_varint(out, runs.size());
      for (std::uint64_t run : runs) put_varint(out, run);
    }
    for (std::int64_t d : use_second ? second : first) put_varint(out, zigzag(d));
  }
  return out;
}

Expected<EncodedTrack> encode_track(const Track& track) {
  auto bytes = encode(track);
  if (!bytes) return std::unexpected(std::move(bytes.error()));
  return EncodedTrack{track.points.size(), std::move(*bytes)};
}

Expected<Track> decode(std::span<const std::uint8_t> bytes, domain::Id activity) {
  Reader in(bytes);
  const auto version = in.byte();
  if (!version) return corrupt(activity, "it is empty");
  if (*version != kVersion) {
    return domain::fail(ErrorKind::storage, "track",
                        "the stored track of activity " + std::to_string(activity) + " has encoding version " +
                            std::to_string(*version) + "; this stridecare reads version " + std::to_string(kVersion));
  }
  const auto count = in.varint();
  if (!count) return corrupt(activity, "the point count is missing");
  // Every point takes at least one byte (its offset), so this bounds the
  // allocation below by the size of the input.
  if (*count > in.remaining()) {
    return corrupt(activity,
                   "it declares " + std::to_string(*count) + " points in " + std::to_string(in.remaining()) + " bytes");
  }
  Track track;
  track.points.resize(static_cast<std::size_t>(*count));
  if (*count > 0) {
    for (std::size_t column = 0; column < kColumnCount; ++column) {
      if (auto ok = read_column(in, track, column, activity); !ok) return std::unexpected(std::move(ok.error()));
    }
  }
  if (in.remaining() != 0) return corrupt(activity, std::to_string(in.remaining()) + " bytes follow the last column");
  return track;
}

Track quantized(const Track& track) {
  Track out;
  out.points.resize(track.points.size());
  for (std::size_t i = 0; i < track.points.size(); ++i) {
    for (std::size_t column = 0; column < kColumnCount; ++column) {
      const auto value = value_at(track.points[i], column);
      if (!value) continue;
      set_value(out.points[i], column, to_steps(*value, column).value_or(0));
    }
  }
  return out;
}

}  // namespace stridecare::storage::track_codec
