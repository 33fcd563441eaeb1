#pragma once
/// What an activity file holds, as read: the neutral result of every importer
/// (FIT, GPX, TCX) before it is mapped to domain activities. Quantities are
/// SI with the unit in the name; an absent value is nullopt, never a sentinel.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stridecare::importers {

using UtcMillis = std::chrono::sys_time<std::chrono::milliseconds>;

/// Seconds from `from` to `to`, negative when `to` is earlier.
inline double seconds_between(UtcMillis from, UtcMillis to) { return std::chrono::duration<double>(to - from).count(); }

/// `t` moved by `seconds`, truncated to the millisecond.
inline UtcMillis plus_seconds(UtcMillis t, double seconds) {
  return t + std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::duration<double>(seconds));
}

/// One recorded point (FIT `record`, GPX `trkpt`, TCX `Trackpoint`).
struct Sample {
  // User-provided on purpose: `= default` would let value-initialisation (`emplace_back()`,
  // `Sample{}`) zero all ~150 bytes before the optionals mark themselves empty, a sixth of a
  // FIT record's decode time.
  Sample() noexcept {}  // NOLINT(modernize-use-equals-default)

  std::optional<UtcMillis> time;
  std::optional<double> latitude_deg;   ///< WGS84
  std::optional<double> longitude_deg;  ///< WGS84
  std::optional<double> altitude_m;
  std::optional<double> distance_m;  ///< cumulative from the start of the session
  std::optional<double> speed_m_per_s;
  std::optional<int> heart_rate_bpm;
  std::optional<double> cadence_rpm;  ///< as the file states it (running: per leg)
  std::optional<int> power_w;
  /// Strokes or revolutions since the start (FIT `total_cycles`, or its 8-bit `cycles` accumulated).
  std::optional<std::int64_t> total_cycles;

  bool operator==(const Sample&) const = default;
};

/// A developer field's description (FIT `field_description`): what an app added to the messages.
struct DeveloperField {
  std::uint8_t developer_index = 0;  ///< which `developer_data_id` (app) it belongs to
  std::uint8_t number = 0;           ///< field number within that app
  std::string name;
  std::string units;
  /// The native field it stands for (`native_mesg_num` / `native_field_num`), when it says.
  std::optional<std::uint16_t> native_message;
  std::optional<std::uint8_t> native_field;

  bool operator==(const DeveloperField&) const = default;
};

/// A developer field's value in a session message, decoded by its description (scale and offset applied).
struct DeveloperValue {
  std::string name;
  std::string units;
  std::optional<double> number;     ///< numeric fields (first element of an array)
  std::optional<std::string> text;  ///< string fields

  bool operator==(const DeveloperValue&) const = default;
};

struct Lap {
  std::optional<UtcMillis> start;
  std::optional<double> elapsed_s;
  std::optional<double> timer_s;
  std::optional<double> distance_m;

  bool operator==(const Lap&) const = default;
};

/// One session: a single sport from start to finish. Multisport files hold several.
struct SessionRecord {
  std::string sport;      ///< as the file names it, lower case: `running`, `cycling`, `Biking`...
  std::string sub_sport;  ///< e.g. `treadmill`, `trail`; empty when none
  std::optional<UtcMillis> start;
  std::optional<int> utc_offset_s;  ///< local time - UTC, when the file says
  std::optional<double> total_elapsed_s;
  std::optional<double> total_timer_s;
  std::optional<double> total_distance_m;
  std::vector<Lap> laps;
  std::vector<Sample> samples;
  /// Pool swims: the pool length the session states, and the active lengths (FIT `length`
  /// messages of type active, rests excluded) that fall in this session; 0 when it has none.
  std::optional<double> pool_length_m;
  int pool_lengths = 0;
  /// The developer fields of the session message, in definition order.
  std::vector<DeveloperValue> developer_values;
  /// FIT: the times the timer was stopped (events stop, stop_all...) within this session.
  std::vector<UtcMillis> timer_stops;
  /// The file has no session of its own (a FIT file without a session message):
  /// this one only carries its records. `inspect` lists no such session.
  bool synthesized = false;

  bool operator==(const SessionRecord&) const = default;
};

/// Points kept of one file at most. 1,000,000 is 11.5 days at a point a second, while no session is kept
/// beyond 24 hours (domain::validate); it bounds the memory a file's points take (sizeof(Sample), 144 bytes,
/// each) whatever the file holds: a FIT record can take 2 bytes, a GPX point 25.
inline constexpr std::size_t kMaxSamples = 1'000'000;

/// How a decoder treats a damaged or oversized file.
struct ReadOptions {
  bool strict = false;                    ///< fail on damage instead of keeping what decoded before it
  std::size_t max_samples = kMaxSamples;  ///< points kept at most; those after are dropped with a warning
};

/// The warning of a file holding more points than `max_samples`.
inline std::string samples_dropped_warning(std::size_t dropped, std::size_t max_samples) {
  return "more than " + std::to_string(max_samples) + " points: the first " + std::to_string(max_samples) +
         " are kept, the " + std::to_string(dropped) + " after them are not";
}

/// Everything read from one file.
struct Recording {
  std::string format;  ///< `fit`, `gpx`, `tcx`
  std::vector<SessionRecord> sessions;
  std::vector<std::string> warnings;  ///< e.g. "recovered, truncated at byte 7471: ..."
  /// Every developer field the file describes, in file order (FIT only).
  std::vector<DeveloperField> developer_fields;

  /// Field by field; tests compare two reads of one file with it.
  bool operator==(const Recording&) const = default;
};

}  // namespace stridecare::importers
