#pragma once
/// What a device recorded about an activity beyond the journal's fields:
/// present on activities imported from a FIT, GPX or TCX file, absent on
/// activities logged by hand.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stridecare::domain {

/// Seconds since the Unix epoch, UTC.
using UtcSeconds = std::chrono::sys_seconds;

/// One lap (or split) as the file states it.
struct LapSummary {
  double start_offset_s = 0;         ///< from the activity's start, >= 0
  double elapsed_s = 0;              ///< >= 0
  std::optional<double> distance_m;  ///< >= 0

  bool operator==(const LapSummary&) const = default;
};

/// Identity of the bytes an activity came from: the same file imported twice
/// has the same content hash (XXH3-128, hex) and session index.
struct SourceFile {
  std::string name;          ///< as the user knows it: `run.fit`, `export.zip/activities/1.fit.gz`
  std::string format;        ///< `fit`, `gpx`, `tcx`
  std::string content_hash;  ///< 32 lower-case hex digits of the decompressed file
  int session_index = 0;     ///< which session of a multisport file, from 0

  bool operator==(const SourceFile&) const = default;
};

struct Recorded {
  SourceFile source;
  UtcSeconds start_utc{};           ///< when the activity started
  std::optional<int> utc_offset_s;  ///< local time - UTC at the start, when the file says
  std::optional<double> moving_s;   ///< time in motion (timer time when the file has no better)
  std::optional<double> elevation_gain_m;
  std::optional<int> avg_heart_rate_bpm;
  std::optional<int> max_heart_rate_bpm;
  std::optional<double> avg_cadence_spm;  ///< steps (or strokes, revolutions) per minute, both legs for runs
  std::vector<LapSummary> laps;

  bool operator==(const Recorded&) const = default;
};

/// The per-second record of an activity, for charts. Columns share one index;
/// an absent value is nullopt. Stored compactly by the storage layer.
struct TrackPoint {
  double offset_s = 0;  ///< since the activity's start, non-decreasing
  std::optional<double> latitude_deg;
  std::optional<double> longitude_deg;
  std::optional<double> altitude_m;
  std::optional<double> distance_m;  ///< cumulative
  std::optional<double> speed_m_per_s;
  std::optional<int> heart_rate_bpm;
  std::optional<double> cadence_spm;  ///< as `Recorded::avg_cadence_spm`
  std::optional<int> power_w;

  bool operator==(const TrackPoint&) const = default;
};

struct Track {
  std::vector<TrackPoint> points;

  bool operator==(const Track&) const = default;
};

}  // namespace stridecare::domain
