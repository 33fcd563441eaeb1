#include "storage/sqlite/migrations.hpp"

#include <chrono>
#include <vector>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/enum_names.hpp"
#include "domain/profile.hpp"
#include "domain/routine_session.hpp"

namespace stridecare::storage::sqlite {
namespace {

using domain::ErrorKind;

/// Local time is within 18 hours of UTC (ISO 8601 and the FIT profile's bound).
constexpr int kMaxUtcOffsetS = 18 * 60 * 60;
/// Heart rates outside this range are sensor errors, not people.
constexpr int kMinHeartRateBpm = 20;
constexpr int kMaxHeartRateBpm = 260;

/// "'a', 'b', 'c'": the SQL list of an enum's names, so a CHECK constraint
/// spells the names exactly as the domain does.
///
/// The lists are generated when a migration runs, so a file carries the names
/// known on the day it was created. Adding a name to an EnumNames table (or a
/// `Sign`, which is a column) therefore needs a new migration that rebuilds the
/// table (or adds the column) for existing files; tests/storage guards the
/// table sizes so that cannot be forgotten.
template <class E>
std::string sql_names() {
  std::string out;
  for (const auto& [value, name] : domain::EnumNames<E>::table) {
    if (!out.empty()) out += ", ";
    out += "'";
    out += name;
    out += "'";
  }
  return out;
}

std::string weekday_names() {
  std::string out;
  for (unsigned i = 0; i < 7; ++i) {
    if (!out.empty()) out += ", ";
    out += "'";
    out += domain::weekday_name(std::chrono::weekday{(i + 1) % 7});
    out += "'";
  }
  return out;
}

/// An INTEGER 0/1 column, for a boolean.
std::string flag_column(std::string_view name) {
  std::string out = "  ";
  out += name;
  out += " INTEGER NOT NULL DEFAULT 0 CHECK (";
  out += name;
  out += " IN (0, 1)),\n";
  return out;
}

/// `YYYY-MM-DD`: date() rewrites any other shape or returns NULL for it, and
/// `IS` (unlike `=`, which a CHECK would take NULL as passing) rejects both.
/// Text dates of this shape sort by day.
std::string date_check(std::string_view column) {
  return "CHECK (" + std::string(column) + " IS date(" + std::string(column) + "))";
}

/// The activity table as `name`. Migration 3 builds it under a temporary name
/// to replace the table of migration 1.
std::string activity_table(std::string_view name) {
  return "CREATE TABLE " + std::string(name) + R"sql( (
  id INTEGER PRIMARY KEY CHECK (id >= 1),
  sport TEXT NOT NULL CHECK (sport IN ()sql" +
         sql_names<domain::Sport>() + R"sql()),
  date TEXT NOT NULL )sql" +
         date_check("date") + R"sql(,
  distance_m REAL CHECK (distance_m > 0),
  duration_s REAL NOT NULL CHECK (duration_s > 0),
  rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
  note TEXT NOT NULL
) STRICT;
)sql";
}

std::string strength_exercise_table(std::string_view name, std::string_view activity) {
  return "CREATE TABLE " + std::string(name) + R"sql( (
  activity_id INTEGER NOT NULL REFERENCES )sql" +
         std::string(activity) + R"sql( (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  exercise TEXT NOT NULL CHECK (exercise <> ''),
  sets INTEGER NOT NULL CHECK (sets >= 1),
  reps INTEGER NOT NULL CHECK (reps >= 1),
  load_kg REAL CHECK (load_kg >= 0),
  PRIMARY KEY (activity_id, position)
) STRICT, WITHOUT ROWID;
)sql";
}

/// Created by migration 1, and again by migration 3 after it rebuilt `activity`.
constexpr std::string_view kIdSpaceTriggers = R"sql(
-- The shared id space, enforced for writers other than SqliteStore too.
CREATE TRIGGER activity_id_not_a_checkin BEFORE INSERT ON activity
WHEN EXISTS (SELECT 1 FROM checkin WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'id is already used by a check-in'); END;
CREATE TRIGGER checkin_id_not_an_activity BEFORE INSERT ON checkin
WHEN EXISTS (SELECT 1 FROM activity WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'id is already used by an activity'); END;
)sql";

std::string migration_1() {
  std::string profile_days;  // available_mon .. available_sun
  for (unsigned i = 0; i < 7; ++i) {
    profile_days += flag_column("available_" + std::string(domain::weekday_name(std::chrono::weekday{(i + 1) % 7})));
  }
  std::string sign_columns;
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) sign_columns += flag_column(name);

  return R"sql(
-- The next id handed out to an activity or a check-in: the two share one id
-- space, so an id alone names an entry. One row.
CREATE TABLE id_seq (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  next_id INTEGER NOT NULL CHECK (next_id >= 1)
) STRICT;
INSERT INTO id_seq (singleton, next_id) VALUES (1, 1);

-- The athlete's profile. At most one row.
CREATE TABLE profile (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  time_zone TEXT NOT NULL CHECK (time_zone <> ''),
)sql" + profile_days +
         R"sql(  long_run_day TEXT NOT NULL CHECK (long_run_day IN ()sql" + weekday_names() + R"sql()),
  -- Sport names separated by ',', in the athlete's order; '' for none.
  cross_training TEXT NOT NULL CHECK (cross_training NOT GLOB '*[^a-z_,]*'),
  gym_access INTEGER NOT NULL CHECK (gym_access IN (0, 1)),
  strength_per_week INTEGER NOT NULL CHECK (strength_per_week BETWEEN 2 AND 3)
) STRICT;

)sql" + activity_table("activity") +
         R"sql(
-- The exercises of a strength session, in the order they were given.
)sql" + strength_exercise_table("strength_exercise", "activity") +
         R"sql(

-- One column per warning sign, named as domain::Sign.
CREATE TABLE checkin (
  id INTEGER PRIMARY KEY CHECK (id >= 1),
  date TEXT NOT NULL )sql" +
         date_check("date") + R"sql(,
  time_min INTEGER CHECK (time_min BETWEEN 0 AND 1439),
  site TEXT NOT NULL CHECK (site IN ()sql" +
         sql_names<domain::Site>() + R"sql()),
  region TEXT CHECK (region IN ()sql" +
         sql_names<domain::Region>() + R"sql()),
  side TEXT NOT NULL CHECK (side IN ()sql" +
         sql_names<domain::Side>() + R"sql()),
  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  timing TEXT NOT NULL CHECK (timing IN ()sql" +
         sql_names<domain::Timing>() + R"sql()),
)sql" + flag_column("persists_after_run") +
         flag_column("cleared_by_clinician") + sign_columns +
         R"sql(  note TEXT NOT NULL
) STRICT;
)sql" + std::string(kIdSpaceTriggers);
}

// Reads of a window of days (a DateRange with a lower bound) find their rows
// through these, already in list order: (date, id) and (date, time with
// untimed first, id), as NULL sorts first in SQLite.
constexpr const char* kMigration2 = R"sql(
CREATE INDEX activity_by_date ON activity (date, id);
CREATE INDEX checkin_by_date ON checkin (date, time_min, id);
)sql";

/// Where an imported activity came from and what the device recorded about it
/// (domain::Recorded), its laps, and its per-second track.
std::string recording_tables() {
  const std::string heart_rate_range = std::to_string(kMinHeartRateBpm) + " AND " + std::to_string(kMaxHeartRateBpm);
  return R"sql(
-- One row per imported activity. UNIQUE: re-importing a file is detected by
-- its content hash and session index (Store::has_source).
CREATE TABLE activity_recording (
  activity_id INTEGER PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
  source_name TEXT NOT NULL,
  source_format TEXT NOT NULL CHECK (source_format IN ('fit', 'gpx', 'tcx')),
  -- XXH3-128 of the decompressed file, 32 lower-case hex digits.
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 32 AND content_hash NOT GLOB '*[^0-9a-f]*'),
  session_index INTEGER NOT NULL CHECK (session_index >= 0),
  start_utc INTEGER NOT NULL, -- Unix seconds
  utc_offset_s INTEGER CHECK (utc_offset_s BETWEEN -)sql" +
         std::to_string(kMaxUtcOffsetS) + " AND " + std::to_string(kMaxUtcOffsetS) + R"sql(),
  moving_s REAL CHECK (moving_s >= 0),
  elevation_gain_m REAL CHECK (elevation_gain_m >= 0),
  avg_heart_rate_bpm INTEGER CHECK (avg_heart_rate_bpm BETWEEN )sql" +
         heart_rate_range + R"sql(),
  max_heart_rate_bpm INTEGER CHECK (max_heart_rate_bpm BETWEEN )sql" +
         heart_rate_range + R"sql(),
  avg_cadence_spm REAL CHECK (avg_cadence_spm >= 0),
  UNIQUE (content_hash, session_index)
) STRICT;
-- Duplicate detection reads the imported activities of a time window.
CREATE INDEX activity_recording_by_start ON activity_recording (start_utc, activity_id);

-- The laps of an imported activity, in the file's order.
CREATE TABLE activity_lap (
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  start_offset_s REAL NOT NULL CHECK (start_offset_s >= 0),
  elapsed_s REAL NOT NULL CHECK (elapsed_s >= 0),
  distance_m REAL CHECK (distance_m >= 0),
  PRIMARY KEY (activity_id, position)
) STRICT, WITHOUT ROWID;

-- The per-second record of an imported activity, in the layout of
-- storage/track_codec.hpp version `encoding`.
CREATE TABLE activity_track (
  activity_id INTEGER PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
  point_count INTEGER NOT NULL CHECK (point_count >= 0),
  encoding INTEGER NOT NULL CHECK (encoding >= 1),
  data BLOB NOT NULL
) STRICT;
)sql";
}

// Adds Sport::other and the tables of imported activities. The sport names
// are a CHECK of `activity`, which SQLite cannot alter, so the table is built
// anew under another name and swapped in. The order matters:
// - strength_exercise references activity with ON DELETE CASCADE and foreign
//   keys are on (and cannot be turned off inside the migration's
//   transaction), so dropping activity first would delete every exercise:
//   the exercises move to a table that references the new activity table,
//   and the old exercise table goes before the old activity table;
// - RENAME checks every trigger of the schema, and checkin's trigger reads
//   activity, so both id-space triggers go before activity does and come
//   back after the rename, as does activity's date index;
// - the rename rewrites `REFERENCES activity_new` to `activity`.
std::string migration_3() {
  return activity_table("activity_new") + R"sql(
INSERT INTO activity_new (id, sport, date, distance_m, duration_s, rpe, note)
  SELECT id, sport, date, distance_m, duration_s, rpe, note FROM activity;
)sql" + strength_exercise_table("strength_exercise_new", "activity_new") +
         R"sql(
INSERT INTO strength_exercise_new (activity_id, position, exercise, sets, reps, load_kg)
  SELECT activity_id, position, exercise, sets, reps, load_kg FROM strength_exercise;
DROP TABLE strength_exercise;
DROP TRIGGER activity_id_not_a_checkin;
DROP TRIGGER checkin_id_not_an_activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;
ALTER TABLE strength_exercise_new RENAME TO strength_exercise;
CREATE INDEX activity_by_date ON activity (date, id);
)sql" + std::string(kIdSpaceTriggers) +
         recording_tables();
}

/// Routines followed with the guided timer (domain::RoutineSession), with
/// their own numbering.
std::string migration_4() {
  return R"sql(
CREATE TABLE routine_session (
  id INTEGER PRIMARY KEY CHECK (id >= 1),
  date TEXT NOT NULL )sql" +
         date_check("date") + R"sql(,
  time_min INTEGER CHECK (time_min BETWEEN 0 AND 1439),
  routine TEXT NOT NULL CHECK (routine IN ()sql" +
         sql_names<domain::RoutineKind>() + R"sql()),
  steps_total INTEGER NOT NULL CHECK (steps_total >= 1),
  steps_done INTEGER NOT NULL CHECK (steps_done BETWEEN 0 AND steps_total),
  steps_skipped INTEGER NOT NULL CHECK (steps_skipped BETWEEN 0 AND steps_done),
  seconds REAL NOT NULL CHECK (seconds >= 0)
) STRICT;
CREATE INDEX routine_session_by_date ON routine_session (date, time_min, id);
)sql";
}

/// Strength logging (rules.md 4.2): the start time of an activity (for
/// STRENGTH-REST-1's 48 h), the pain during an exercise (STRENGTH-DOSE-1,
/// STRENGTH-PAIN-1), and the sets of an exercise logged set by set. An
/// exercise logged as SETSxREPS has no strength_set rows. ADD COLUMN keeps
/// the rows (and the foreign keys to them) where they are.
constexpr std::string_view kMigration5 = R"sql(
ALTER TABLE activity ADD COLUMN time_min INTEGER CHECK (time_min BETWEEN 0 AND 1439);
ALTER TABLE strength_exercise ADD COLUMN pain INTEGER CHECK (pain BETWEEN 0 AND 10);
CREATE TABLE strength_set (
  activity_id INTEGER NOT NULL,
  exercise_position INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  reps INTEGER NOT NULL CHECK (reps >= 1),
  load_kg REAL CHECK (load_kg >= 0),
  PRIMARY KEY (activity_id, exercise_position, position),
  FOREIGN KEY (activity_id, exercise_position) REFERENCES strength_exercise (activity_id, position) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
)sql";

/// The profile's display units (`profile --units`); NULL when never chosen.
std::string migration_6() {
  return R"sql(
ALTER TABLE profile ADD COLUMN units TEXT CHECK (units IN ()sql" +
         sql_names<domain::UnitSystem>() + R"sql());
)sql";
}

/// The weekly plan (issue 12): the profile's weekly goal and session time,
/// what the runner was last shown of the plan (so the next one says what
/// changed), and the calendar events last exported (stable UIDs, SEQUENCE).
std::string migration_7() {
  return R"sql(
ALTER TABLE profile ADD COLUMN weekly_goal_m REAL CHECK (weekly_goal_m > 0);
ALTER TABLE profile ADD COLUMN session_time_min INTEGER CHECK (session_time_min BETWEEN 0 AND 1439);
CREATE TABLE shown_plan_day (
  date TEXT PRIMARY KEY )sql" +
         date_check("date") + R"sql(,
  summary TEXT NOT NULL,
  action TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE calendar_event (
  uid TEXT PRIMARY KEY CHECK (uid <> ''),
  date TEXT NOT NULL )sql" +
         date_check("date") + R"sql(,
  digest TEXT NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence >= 0),
  cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1))
) STRICT, WITHOUT ROWID;
CREATE INDEX calendar_event_by_date ON calendar_event (date, uid);
)sql";
}

domain::Error migration_error(const Database& db, const std::string& message) {
  return domain::Error{ErrorKind::storage, db.path(), db.path() + ": " + message};
}

}  // namespace

std::span<const std::string> migrations() {
  static const std::vector<std::string> all{
      migration_1(), kMigration2, migration_3(), migration_4(), std::string(kMigration5), migration_6(), migration_7()};
  return all;
}

int latest_schema_version() { return static_cast<int>(migrations().size()); }

Expected<int> schema_version(Database& db) {
  auto v = db.query_int64("PRAGMA user_version");
  if (!v) return std::unexpected(std::move(v.error()));
  return static_cast<int>(*v);
}

Expected<std::int32_t> application_id(Database& db) {
  auto v = db.query_int64("PRAGMA application_id");
  if (!v) return std::unexpected(std::move(v.error()));
  return static_cast<std::int32_t>(*v);
}

Expected<void> migrate(Database& db, int target) {
  const int latest = latest_schema_version();
  if (target < 1 || target > latest) {
    return std::unexpected(migration_error(db, "cannot migrate to schema version " + std::to_string(target) +
                                                   "; versions 1-" + std::to_string(latest) + " exist"));
  }
  // IMMEDIATE takes the write lock before reading the version, so two
  // processes opening a new file at once cannot both apply migration 1. All
  // pending steps share one transaction: a new file is created with one
  // commit (one fsync) instead of one per version, and an upgrade lands whole.
  if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun) return begun;
  const auto steps = [&]() -> Expected<bool> {
    auto version = schema_version(db);
    if (!version) return std::unexpected(std::move(version.error()));
    if (*version >= target) return false;
    if (*version < 0) {
      return std::unexpected(migration_error(db, "has an invalid schema version " + std::to_string(*version)));
    }
    for (int next = *version + 1; next <= target; ++next) {
      const auto& sql = migrations()[static_cast<std::size_t>(next - 1)];
      if (auto applied = db.exec(sql); !applied) {
        applied.error().message += " (while upgrading to schema version " + std::to_string(next) + ")";
        return std::unexpected(std::move(applied.error()));
      }
    }
    // Pragmas take no parameters; both values are integers formatted here.
    if (auto bumped = db.exec("PRAGMA user_version = " + std::to_string(target) +
                              "; PRAGMA application_id = " + std::to_string(kApplicationId));
        !bumped) {
      return std::unexpected(std::move(bumped.error()));
    }
    return true;
  };
  auto applied = steps();
  if (!applied || !*applied) {
    // ROLLBACK, not COMMIT, when nothing was written: it releases the lock the same way.
    if (db.in_transaction()) (void)db.exec("ROLLBACK");
    if (!applied) return std::unexpected(std::move(applied.error()));
    return {};
  }
  if (auto committed = db.exec("COMMIT"); !committed) {
    if (db.in_transaction()) (void)db.exec("ROLLBACK");
    return committed;
  }
  return {};
}

}  // namespace stridecare::storage::sqlite
