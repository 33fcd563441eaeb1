#pragma once
/// How `domain::Recorded` and its laps map to the rows of `activity_recording`
/// and `activity_lap` (schema: migration 3 in migrations.cpp): the SQL the
/// store runs and the binding and reading of one row.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/ids.hpp"
#include "domain/recorded.hpp"
#include "storage/sqlite/database.hpp"

namespace stridecare::storage::sqlite {

inline constexpr std::string_view kRecordingInsert =
    "INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
    "start_utc, utc_offset_s, moving_s, elevation_gain_m, avg_heart_rate_bpm, max_heart_rate_bpm, avg_cadence_spm) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
inline constexpr std::string_view kLapInsert =
    "INSERT INTO activity_lap (activity_id, position, start_offset_s, elapsed_s, distance_m) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
/// Finds the row through the UNIQUE (content_hash, session_index) index.
inline constexpr std::string_view kSourceExists =
    "SELECT EXISTS (SELECT 1 FROM activity_recording WHERE content_hash = ?1 AND session_index = ?2)";

/// Which activity list a select of recordings or laps completes; the
/// parameters are those of that list.
enum class RowsOf {
  history,      ///< every activity; no parameters
  local_days,   ///< activities whose day is in [?1, ?2] (YYYY-MM-DD)
  start_times,  ///< recorded activities that started in [?1, ?2] (Unix seconds)
};

/// Selects of the recording rows / lap rows of the activities `which` names.
/// Each returns the activity id first and the rows by ascending activity id
/// (laps in their order), so the store hands them out in one forward pass.
const std::string& recording_select(RowsOf which);
const std::string& lap_select(RowsOf which);

/// Binds `recorded` of activity `id` to `kRecordingInsert`.
Expected<void> bind_recording(Statement& insert, domain::Id id, const domain::Recorded& recorded);
/// Binds lap `position` (from 0) of activity `id` to `kLapInsert`.
Expected<void> bind_lap(Statement& insert, domain::Id id, std::int64_t position, const domain::LapSummary& lap);

/// The recording of the current row of a recording select (laps empty).
domain::Recorded read_recording(const Statement& row);
/// The lap of the current row of a lap select.
domain::LapSummary read_lap(const Statement& row);

}  // namespace stridecare::storage::sqlite
