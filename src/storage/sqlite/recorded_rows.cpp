#include "storage/sqlite/recorded_rows.hpp"

#include <chrono>
#include <optional>

namespace stridecare::storage::sqlite {
namespace {

/// Columns of the recording selects, after the activity id (column 0).
enum RecordingColumn : int {
  source_name = 1,
  source_format,
  content_hash,
  session_index,
  start_utc,
  utc_offset_s,
  moving_s,
  elevation_gain_m,
  avg_heart_rate_bpm,
  max_heart_rate_bpm,
  avg_cadence_spm,
};

/// Columns of the lap selects, after the activity id (column 0).
enum LapColumn : int { start_offset_s = 1, elapsed_s, distance_m };

constexpr std::string_view kRecordingColumns =
    "r.activity_id, r.source_name, r.source_format, r.content_hash, r.session_index, r.start_utc, r.utc_offset_s, "
    "r.moving_s, r.elevation_gain_m, r.avg_heart_rate_bpm, r.max_heart_rate_bpm, r.avg_cadence_spm";
constexpr std::string_view kLapColumns = "l.activity_id, l.start_offset_s, l.elapsed_s, l.distance_m";

std::optional<int> optional_int(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.column_int(column);
}

/// The query of `which` rows among the three forms of one select.
const std::string& pick(RowsOf which, const std::string& history, const std::string& local_days,
                        const std::string& start_times) {
  switch (which) {
    case RowsOf::local_days:
      return local_days;
    case RowsOf::start_times:
      return start_times;
    case RowsOf::history:
      break;
  }
  return history;
}

}  // namespace

const std::string& recording_select(RowsOf which) {
  static const std::string history =
      "SELECT " + std::string(kRecordingColumns) + " FROM activity_recording AS r ORDER BY r.activity_id";
  static const std::string local_days = "SELECT " + std::string(kRecordingColumns) +
                                        " FROM activity AS a JOIN activity_recording AS r ON r.activity_id = a.id "
                                        "WHERE a.date BETWEEN ?1 AND ?2 ORDER BY r.activity_id";
  static const std::string start_times =
      "SELECT " + std::string(kRecordingColumns) +
      " FROM activity_recording AS r WHERE r.start_utc BETWEEN ?1 AND ?2 ORDER BY r.activity_id";
  return pick(which, history, local_days, start_times);
}

const std::string& lap_select(RowsOf which) {
  static const std::string history =
      "SELECT " + std::string(kLapColumns) + " FROM activity_lap AS l ORDER BY l.activity_id, l.position";
  static const std::string local_days = "SELECT " + std::string(kLapColumns) +
                                        " FROM activity AS a JOIN activity_lap AS l ON l.activity_id = a.id "
                                        "WHERE a.date BETWEEN ?1 AND ?2 ORDER BY l.activity_id, l.position";
  static const std::string start_times =
      "SELECT " + std::string(kLapColumns) +
      " FROM activity_recording AS r JOIN activity_lap AS l ON l.activity_id = r.activity_id "
      "WHERE r.start_utc BETWEEN ?1 AND ?2 ORDER BY l.activity_id, l.position";
  return pick(which, history, local_days, start_times);
}

Expected<void> bind_recording(Statement& insert, domain::Id id, const domain::Recorded& recorded) {
  const auto& source = recorded.source;
  return insert.bind_all(id, source.name, source.format, source.content_hash, source.session_index,
                         static_cast<std::int64_t>(recorded.start_utc.time_since_epoch().count()),
                         recorded.utc_offset_s, recorded.moving_s, recorded.elevation_gain_m,
                         recorded.avg_heart_rate_bpm, recorded.max_heart_rate_bpm, recorded.avg_cadence_spm);
}

Expected<void> bind_lap(Statement& insert, domain::Id id, std::int64_t position, const domain::LapSummary& lap) {
  return insert.bind_all(id, position, lap.start_offset_s, lap.elapsed_s, lap.distance_m);
}

domain::Recorded read_recording(const Statement& row) {
  domain::Recorded r;
  r.source.name = row.column_text(source_name);
  r.source.format = row.column_text(source_format);
  r.source.content_hash = row.column_text(content_hash);
  r.source.session_index = row.column_int(session_index);
  r.start_utc = domain::UtcSeconds{std::chrono::seconds{row.column_int64(start_utc)}};
  r.utc_offset_s = optional_int(row, utc_offset_s);
  r.moving_s = row.column_optional_double(moving_s);
  r.elevation_gain_m = row.column_optional_double(elevation_gain_m);
  r.avg_heart_rate_bpm = optional_int(row, avg_heart_rate_bpm);
  r.max_heart_rate_bpm = optional_int(row, max_heart_rate_bpm);
  r.avg_cadence_spm = row.column_optional_double(avg_cadence_spm);
  return r;
}

domain::LapSummary read_lap(const Statement& row) {
  domain::LapSummary lap;
  lap.start_offset_s = row.column_double(start_offset_s);
  lap.elapsed_s = row.column_double(elapsed_s);
  lap.distance_m = row.column_optional_double(distance_m);
  return lap;
}

}  // namespace stridecare::storage::sqlite
