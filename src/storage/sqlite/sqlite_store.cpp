#include "storage/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <system_error>
#include <thread>
#include <tuple>

#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "domain/enum_names.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/recorded_rows.hpp"
#include "storage/track_codec.hpp"

namespace stridecare::storage {

using domain::ErrorKind;
using domain::Id;
using sqlite::Database;
using sqlite::Statement;

namespace {

/// The upper bound of a range without one. Dates are stored as YYYY-MM-DD
/// text, which sorts by day, so every stored date is on or before it.
constexpr std::string_view kLastDay = "9999-12-31";

/// Binds the range to a window query (?1 = first day, ?2 = last day) or, when
/// it has no lower bound, to a history query (?1 = last day).
Expected<void> bind_range(Statement& stmt, const domain::DateRange& range) {
  const std::string last = range.to ? domain::to_string(*range.to) : std::string(kLastDay);
  if (range.from) return stmt.bind_all(domain::to_string(*range.from), last);
  return stmt.bind_all(last);
}

std::chrono::weekday weekday_at(unsigned monday_based) { return std::chrono::weekday{(monday_based + 1) % 7}; }

std::string available_column(unsigned monday_based) {
  return "available_" + std::string(domain::weekday_name(weekday_at(monday_based)));
}

std::unexpected<domain::Error> failed(domain::Error error) { return std::unexpected(std::move(error)); }

// ---- SQL ------------------------------------------------------------------
// Column lists are generated from the EnumNames tables where the schema is
// (one column per Sign, one per weekday), so the store and the schema cannot
// spell a column differently.

constexpr std::string_view kActivityInsert =
    "INSERT INTO activity (id, sport, date, distance_m, duration_s, rpe, note, time_min) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kExerciseInsert =
    "INSERT INTO strength_exercise (activity_id, position, exercise, sets, reps, load_kg, pain) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr std::string_view kSetInsert =
    "INSERT INTO strength_set (activity_id, exercise_position, position, reps, load_kg) VALUES (?1, ?2, ?3, ?4, ?5)";
// Reading a list. With a lower bound the date index finds the rows of a
// window. Without one (`today` reads the whole history up to a day) visiting
// every row through the index costs about twice as much as scanning the table
// in rowid order, so that case scans (NOT INDEXED). Rows are sorted into list
// order here in both cases; they mostly arrive in it already.
constexpr std::string_view kActivityWindowSelect =
    "SELECT id, sport, date, distance_m, duration_s, rpe, note, time_min FROM activity WHERE date BETWEEN ?1 AND ?2";
constexpr std::string_view kActivityHistorySelect =
    "SELECT id, sport, date, distance_m, duration_s, rpe, note, time_min FROM activity NOT INDEXED WHERE date <= ?1";
// Exercises by ascending activity id, each activity's in their order. The
// history variant also returns exercises of activities after the range; the
// reader skips them.
constexpr std::string_view kExerciseWindowSelect =
    "SELECT e.activity_id, e.exercise, e.sets, e.reps, e.load_kg, e.pain "
    "FROM activity AS a JOIN strength_exercise AS e ON e.activity_id = a.id "
    "WHERE a.date BETWEEN ?1 AND ?2 ORDER BY e.activity_id, e.position";
constexpr std::string_view kExerciseHistorySelect =
    "SELECT activity_id, exercise, sets, reps, load_kg, pain FROM strength_exercise ORDER BY activity_id, position";
// The sets of exercises logged set by set, in the same three shapes.
constexpr std::string_view kSetWindowSelect =
    "SELECT s.activity_id, s.exercise_position, s.reps, s.load_kg "
    "FROM activity AS a JOIN strength_set AS s ON s.activity_id = a.id "
    "WHERE a.date BETWEEN ?1 AND ?2 ORDER BY s.activity_id, s.exercise_position, s.position";
constexpr std::string_view kSetHistorySelect =
    "SELECT activity_id, exercise_position, reps, load_kg FROM strength_set "
    "ORDER BY activity_id, exercise_position, position";
constexpr std::string_view kRecordedSetSelect =
    "SELECT s.activity_id, s.exercise_position, s.reps, s.load_kg "
    "FROM activity_recording AS r JOIN strength_set AS s ON s.activity_id = r.activity_id "
    "WHERE r.start_utc BETWEEN ?1 AND ?2 ORDER BY s.activity_id, s.exercise_position, s.position";
// Imported activities by start time (?1, ?2 in Unix seconds), through the
// recording's start index.
constexpr std::string_view kRecordedActivitySelect =
    "SELECT a.id, a.sport, a.date, a.distance_m, a.duration_s, a.rpe, a.note, a.time_min "
    "FROM activity_recording AS r JOIN activity AS a ON a.id = r.activity_id WHERE r.start_utc BETWEEN ?1 AND ?2";
constexpr std::string_view kRecordedExerciseSelect =
    "SELECT e.activity_id, e.exercise, e.sets, e.reps, e.load_kg, e.pain "
    "FROM activity_recording AS r JOIN strength_exercise AS e ON e.activity_id = r.activity_id "
    "WHERE r.start_utc BETWEEN ?1 AND ?2 ORDER BY e.activity_id, e.position";
// REPLACE: a new track of an activity replaces its old one.
constexpr std::string_view kTrackSave =
    "INSERT OR REPLACE INTO activity_track (activity_id, point_count, encoding, data) VALUES (?1, ?2, ?3, ?4)";
constexpr int kTrackDataParameter = 4;

/// "a, b, c".
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

/// "?1, ?2, ..., ?N".
std::string placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 1; i <= count; ++i) {
    if (i > 1) out += ", ";
    out += "?" + std::to_string(i);
  }
  return out;
}

/// Check-in columns in the order the store binds and reads them: these,
/// then one per Sign (in `Sign` order), then `note`.
constexpr std::array<std::string_view, 10> kCheckinLeadingColumns{
    "id", "date", "time_min", "site", "region", "side", "pain", "timing", "persists_after_run", "cleared_by_clinician"};
constexpr int kFirstSignColumn = static_cast<int>(kCheckinLeadingColumns.size());

const std::vector<std::string>& checkin_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names(kCheckinLeadingColumns.begin(), kCheckinLeadingColumns.end());
    for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) names.emplace_back(name);
    names.emplace_back("note");
    return names;
  }();
  return columns;
}

const std::string& checkin_insert_sql() {
  static const std::string sql =
      "INSERT INTO checkin (" + joined(checkin_columns()) + ") VALUES (" + placeholders(checkin_columns().size()) + ")";
  return sql;
}

const std::string& checkin_window_select_sql() {
  static const std::string sql = "SELECT " + joined(checkin_columns()) + " FROM checkin WHERE date BETWEEN ?1 AND ?2";
  return sql;
}

const std::string& checkin_history_select_sql() {
  static const std::string sql = "SELECT " + joined(checkin_columns()) + " FROM checkin NOT INDEXED WHERE date <= ?1";
  return sql;
}

/// Profile columns in the order the store binds and reads them.
const std::vector<std::string>& profile_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> names{"time_zone"};
    for (unsigned i = 0; i < std::tuple_size_v<decltype(domain::Profile::available_days)>; ++i) {
      names.push_back(available_column(i));
    }
    names.insert(names.end(), {"long_run_day", "cross_training", "gym_access", "strength_per_week", "units",
                               "weekly_goal_m", "session_time_min"});
    return names;
  }();
  return columns;
}

const std::string& profile_save_sql() {
  // The profile is the single row 1; REPLACE overwrites it.
  static const std::string sql = "INSERT OR REPLACE INTO profile (singleton, " + joined(profile_columns()) +
                                 ") VALUES (1, " + placeholders(profile_columns().size()) + ")";
  return sql;
}

const std::string& profile_load_sql() {
  static const std::string sql = "SELECT " + joined(profile_columns()) + " FROM profile WHERE singleton = 1";
  return sql;
}

template <class E>
std::optional<E> enum_column(const Statement& row, int column) {
  return domain::parse_enum<E>(row.column_text_view(column));
}

/// `swim,walk` for {swim, walk}; '' for none.
std::string join_sports(const std::vector<domain::Sport>& sports) {
  std::string out;
  for (domain::Sport s : sports) {
    if (!out.empty()) out += ',';
    out += domain::name_of(s);
  }
  return out;
}

}  // namespace

// ---- opening --------------------------------------------------------------

namespace {

Expected<int> check_identity_in_snapshot(Database& db);

/// Reads, without writing anything, whether `db` may be opened as a store;
/// returns its schema version. The reads share one read transaction: read one
/// by one, another process creating the schema in between made a new file
/// look like a foreign one (schema objects counted before its commit, version
/// read after it).
Expected<int> check_identity(Database& db) {
  if (auto begun = db.exec("BEGIN"); !begun) return std::unexpected(std::move(begun.error()));
  auto version = check_identity_in_snapshot(db);
  if (db.in_transaction()) (void)db.exec("ROLLBACK");  // only read: nothing to keep
  return version;
}

Expected<int> check_identity_in_snapshot(Database& db) {
  const std::string& path = db.path();
  const auto not_ours = [&](std::string_view why) {
    return domain::fail(ErrorKind::storage, path, path + " is not a stridecare database (" + std::string(why) + ")");
  };
  // The first read of the file: a file that is not SQLite fails here.
  auto objects = db.query_int64("SELECT count(*) FROM sqlite_schema");
  if (!objects) {
    if (db.last_error_code() == sqlite::kNotADatabase) return not_ours("file is not an SQLite database");
    return failed(std::move(objects.error()));
  }
  auto app = sqlite::application_id(db);
  if (!app) return failed(std::move(app.error()));
  auto version = sqlite::schema_version(db);
  if (!version) return failed(std::move(version.error()));

  if (*app != sqlite::kApplicationId) {
    // A new file, or one someone created empty, has nothing at all yet.
    const bool blank = *app == 0 && *version == 0 && *objects == 0;
    if (!blank) {
      char id[16];
      std::snprintf(id, sizeof id, "0x%08X", static_cast<unsigned>(*app));
      return not_ours("it is the SQLite database of another program: application_id " + std::string(id) + ", " +
                      std::to_string(*objects) + " schema objects");
    }
  }
  const int latest = sqlite::latest_schema_version();
  if (*version > latest) {
    return domain::fail(ErrorKind::storage, path,
                        path + " has schema version " + std::to_string(*version) + "; this stridecare knows up to " +
                            std::to_string(latest) + ": upgrade stridecare");
  }
  return *version;
}

/// Switches the file to WAL. The switch needs an exclusive lock and SQLite does
/// not run the busy handler for it, so a process opening a new file while
/// another one still creates the schema retries here, for up to kBusyTimeout.
Expected<void> use_wal(Database& db) {
  auto current = db.query_text("PRAGMA journal_mode");
  if (!current) return std::unexpected(current.error());
  if (*current == "wal") return {};
  const auto deadline = std::chrono::steady_clock::now() + kBusyTimeout;
  while (true) {
    auto mode = db.query_text("PRAGMA journal_mode = WAL");
    if (mode) return {};
    if (db.last_error_code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) {
      return std::unexpected(mode.error());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

Expected<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return domain::fail(
          ErrorKind::io, name,
          "cannot create the directory " + path.parent_path().string() + " for " + name + ": " + ec.message());
    }
  }
  auto db = Database::open(path, sqlite::OpenMode::create);
  if (!db) return failed(std::move(db.error()));

  // Set on the connection, not in the file: another process may be writing it.
  if (auto ok = db->set_busy_timeout(kBusyTimeout); !ok) return failed(std::move(ok.error()));

  // Judge the file before anything else reads or writes it, so a file we must
  // not use stays byte-identical (and is reported as what it is).
  const auto version = check_identity(*db);
  if (!version) return failed(version.error());

  // Settings of this connection only. FULL: a health log must not lose a
  // confirmed entry to a power cut, which NORMAL allows in WAL mode.
  if (auto ok = db->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !ok) {
    return failed(std::move(ok.error()));
  }

  // WAL: a reader (a `today` while a `log` writes) neither waits for a writer
  // nor holds it up. The mode is stored in the file, hence only after the checks. A file system without shared memory
  // keeps the rollback journal, which is equally durable, so the result is not required to be "wal".
  if (auto ok = use_wal(*db); !ok) return failed(std::move(ok.error()));
  // migrate() takes the write lock; a file already at the latest version (every
  // open but the first after an upgrade) must not wait for another writer.
  if (*version < sqlite::latest_schema_version()) {
    if (auto ok = sqlite::migrate(*db, sqlite::latest_schema_version()); !ok) return failed(std::move(ok.error()));
  }

  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

SqliteStore::SqliteStore(Database db, bool read_only) : db_(std::move(db)), read_only_(read_only) {}

Expected<std::unique_ptr<SqliteStore>> SqliteStore::open_read_only(const std::filesystem::path& path) {
  const std::string name = path.string();
  struct statvfs fs {};
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const bool media_read_only = ::statvfs(name.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
  const bool folder_read_only = ::access(folder.c_str(), W_OK) != 0;
  if (!media_read_only && !folder_read_only && ::access(name.c_str(), W_OK) == 0) {
    // A file we may write is opened as for writing (an older schema is upgraded, and the WAL files
    // go when it closes), then refuses writes.
    auto store = open(path);
    if (!store) return store;
    if (auto ok = (*store)->db_.exec("PRAGMA query_only = ON"); !ok) return failed(std::move(ok.error()));
    (*store)->read_only_ = true;
    return store;
  }
  // Where no WAL index can be created beside the file (read-only media, a folder the user may not
  // write), SQLite can read it only when told the file will not change while it is open.
  auto db = Database::open(
      path, media_read_only || folder_read_only ? sqlite::OpenMode::read_only_immutable : sqlite::OpenMode::read_only);
  if (!db) return failed(std::move(db.error()));
  if (auto ok = db->set_busy_timeout(kBusyTimeout); !ok) return failed(std::move(ok.error()));
  const auto version = check_identity(*db);
  if (!version) return failed(version.error());
  if (*version < sqlite::latest_schema_version()) {
    return domain::fail(ErrorKind::storage, name,
                        name + " has schema version " + std::to_string(*version) + ", older than this program's " +
                            std::to_string(sqlite::latest_schema_version()) +
                            ", and this command only reads: run a command that writes (e.g. `stridecare profile "
                            "--units metric`) once with write access, which upgrades it");
  }
  if (auto ok = db->exec("PRAGMA query_only = ON"); !ok) return failed(std::move(ok.error()));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db), /*read_only=*/true));
}

SqliteStore::~SqliteStore() = default;

// ---- helpers --------------------------------------------------------------

Expected<SqliteStore::Lease> SqliteStore::statement(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    auto prepared = db_.prepare(sql, /*persistent=*/true);
    if (!prepared) return failed(std::move(prepared.error()));
    found = statements_.emplace(std::string(sql), std::move(*prepared)).first;
  }
  return Lease(found->second);
}

domain::Error SqliteStore::storage_error(std::string_view what) const {
  return domain::Error{ErrorKind::storage, db_.path(), db_.path() + ": " + std::string(what)};
}

void SqliteStore::undo(bool nested) {
  // After some failures (disk full, I/O error) SQLite has already rolled the
  // whole transaction back; there is nothing left to undo then.
  if (!db_.in_transaction()) return;
  (void)db_.exec(nested ? "ROLLBACK TO store_write; RELEASE store_write" : "ROLLBACK");
}

template <class Work>
auto SqliteStore::atomically(Work&& work) -> std::invoke_result_t<Work&> {
  const bool nested = in_transaction_;
  if (nested && !db_.in_transaction()) {
    // An earlier failure made SQLite abandon the caller's transaction; writing
    // now would commit on its own, outside the unit of work.
    return failed(storage_error("the transaction was rolled back after an earlier error; no further writes in it"));
  }
  if (auto begun = db_.exec(nested ? "SAVEPOINT store_write" : "BEGIN IMMEDIATE"); !begun) {
    return failed(std::move(begun.error()));
  }
  std::invoke_result_t<Work&> result = [&] {
    try {
      return work();
    } catch (...) {
      undo(nested);
      throw;
    }
  }();
  if (!result) {
    undo(nested);
    return result;
  }
  if (auto done = db_.exec(nested ? "RELEASE store_write" : "COMMIT"); !done) {
    undo(nested);
    return failed(std::move(done.error()));
  }
  return result;
}

Expected<Id> SqliteStore::claim_id(Id wanted) {
  if (wanted == 0) {
    auto next = statement("UPDATE id_seq SET next_id = next_id + 1 WHERE singleton = 1 RETURNING next_id - 1");
    if (!next) return failed(std::move(next.error()));
    auto row = (*next)->step();
    if (!row) return failed(std::move(row.error()));
    if (!*row) return failed(storage_error("the id sequence row is missing"));
    const Id id = (*next)->column_int64(0);
    // Finish the statement so the UPDATE is complete before the next write.
    if (auto done = (*next)->run(); !done) return failed(std::move(done.error()));
    return id;
  }
  const auto in_use = [&] {
    return domain::fail(ErrorKind::conflict, "id", "id " + std::to_string(wanted) + " is already in use");
  };
  // A conflict, as in MemoryStore: such an id can come only from a restored file.
  if (wanted < 0) {
    return domain::fail(ErrorKind::conflict, "id",
                        "id " + std::to_string(wanted) + " is not a valid id; ids are positive");
  }
  auto taken =
      statement("SELECT EXISTS (SELECT 1 FROM activity WHERE id = ?1) OR EXISTS (SELECT 1 FROM checkin WHERE id = ?1)");
  if (!taken) return failed(std::move(taken.error()));
  if (auto ok = (*taken)->bind(1, wanted); !ok) return failed(std::move(ok.error()));
  auto row = (*taken)->step();
  if (!row) return failed(std::move(row.error()));
  if (*row && (*taken)->column_int64(0) != 0) return in_use();

  auto bump = statement("UPDATE id_seq SET next_id = max(next_id, ?1 + 1) WHERE singleton = 1");
  if (!bump) return failed(std::move(bump.error()));
  if (auto ok = (*bump)->bind(1, wanted); !ok) return failed(std::move(ok.error()));
  if (auto ok = (*bump)->run(); !ok) return failed(std::move(ok.error()));
  return wanted;
}

// ---- Store ----------------------------------------------------------------

Expected<void> SqliteStore::transact(const std::function<Expected<void>()>& work) {
  if (in_transaction_) return failed(storage_error("transact() was called inside transact(); it is not reentrant"));
  // IMMEDIATE takes the write lock now, waiting up to kBusyTimeout for another
  // process to finish, instead of failing with SQLITE_BUSY at the first write.
  // A read-only store's unit of work only reads (an export's consistent snapshot).
  if (auto begun = db_.exec(read_only_ ? "BEGIN" : "BEGIN IMMEDIATE"); !begun) return begun;
  in_transaction_ = true;
  Expected<void> result;
  try {
    result = work();
  } catch (...) {
    in_transaction_ = false;
    undo(/*nested=*/false);
    throw;
  }
  in_transaction_ = false;
  if (!result) {
    undo(/*nested=*/false);
    return result;
  }
  if (!db_.in_transaction()) {
    return failed(storage_error("the transaction was rolled back after an error inside it; nothing was saved"));
  }
  if (auto done = db_.exec("COMMIT"); !done) {
    undo(/*nested=*/false);
    return done;
  }
  return {};
}

Expected<std::optional<domain::Profile>> SqliteStore::load_profile() {
  auto stmt = statement(profile_load_sql());
  if (!stmt) return failed(std::move(stmt.error()));
  auto row = (*stmt)->step();
  if (!row) return failed(std::move(row.error()));
  if (!*row) return std::optional<domain::Profile>{};

  const Statement& r = **stmt;
  domain::Profile p;
  int col = 0;
  p.time_zone = r.column_text(col++);
  for (auto& day : p.available_days) day = r.column_int64(col++) != 0;
  const auto long_run = domain::parse_weekday(r.column_text_view(col));
  if (!long_run) return failed(storage_error("the profile has an unknown long run day '" + r.column_text(col) + "'"));
  p.long_run_day = *long_run;
  ++col;
  p.cross_training.clear();
  const std::string_view sports = r.column_text_view(col++);
  for (std::size_t start = 0; start < sports.size();) {
    const std::size_t comma = std::min(sports.find(',', start), sports.size());
    const auto name = sports.substr(start, comma - start);
    const auto sport = domain::parse_enum<domain::Sport>(name);
    if (!sport) {
      return failed(storage_error("the profile has an unknown cross-training sport '" + std::string(name) + "'"));
    }
    p.cross_training.push_back(*sport);
    start = comma + 1;
  }
  p.gym_access = r.column_int64(col++) != 0;
  p.strength_per_week = r.column_int(col++);
  if (!r.is_null(col)) {
    p.units = domain::parse_enum<domain::UnitSystem>(r.column_text_view(col));
    if (!p.units) return failed(storage_error("the profile has unknown units '" + r.column_text(col) + "'"));
  }
  ++col;
  if (!r.is_null(col)) p.weekly_goal_m = r.column_double(col);
  ++col;
  if (!r.is_null(col)) p.session_time = r.column_int(col);
  ++col;
  return std::optional<domain::Profile>{std::move(p)};
}

Expected<void> SqliteStore::save_profile(const domain::Profile& profile) {
  // One statement: atomic on its own, and inside transact() it is part of
  // the caller's transaction.
  auto stmt = statement(profile_save_sql());
  if (!stmt) return failed(std::move(stmt.error()));
  Statement& s = **stmt;
  int index = 1;
  if (auto ok = s.bind(index++, profile.time_zone); !ok) return ok;
  for (bool day : profile.available_days) {
    if (auto ok = s.bind(index++, day); !ok) return ok;
  }
  if (auto ok = s.bind(index++, domain::weekday_name(profile.long_run_day)); !ok) return ok;
  if (auto ok = s.bind(index++, join_sports(profile.cross_training)); !ok) return ok;
  if (auto ok = s.bind(index++, profile.gym_access); !ok) return ok;
  if (auto ok = s.bind(index++, profile.strength_per_week); !ok) return ok;
  if (profile.units) {
    if (auto ok = s.bind(index++, domain::name_of(*profile.units)); !ok) return ok;
  } else if (auto ok = s.bind(index++, std::nullopt); !ok) {
    return ok;
  }
  if (auto ok = s.bind(index++, profile.weekly_goal_m); !ok) return ok;
  if (auto ok = s.bind(index++, profile.session_time); !ok) return ok;
  return s.run();
}

Expected<Id> SqliteStore::add_activity(const domain::Activity& a) {
  return atomically([&]() -> Expected<Id> {
    if (a.recorded) {
      // The UNIQUE index would refuse it too, but as an opaque storage error.
      const auto& source = a.recorded->source;
      auto stored = has_source(source.content_hash, source.session_index);
      if (!stored) return failed(std::move(stored.error()));
      if (*stored) {
        return domain::fail(ErrorKind::conflict, source.name,
                            "session " + std::to_string(source.session_index) + " of " + source.name + " (content " +
                                source.content_hash + ") is already stored");
      }
    }
    auto id = claim_id(a.id);
    if (!id) return id;
    {
      auto stmt = statement(kActivityInsert);
      if (!stmt) return failed(std::move(stmt.error()));
      if (auto ok = (*stmt)->bind_all(*id, domain::name_of(a.sport), domain::to_string(a.date), a.distance_m,
                                      a.duration_s, a.rpe, a.note, a.time);
          !ok) {
        return failed(std::move(ok.error()));
      }
      if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
    }
    std::int64_t position = 0;
    for (const auto& ex : a.exercises) {
      const std::int64_t exercise_position = position++;
      {
        auto stmt = statement(kExerciseInsert);
        if (!stmt) return failed(std::move(stmt.error()));
        if (auto ok = (*stmt)->bind_all(*id, exercise_position, ex.exercise, ex.sets, ex.reps, ex.load_kg, ex.pain);
            !ok) {
          return failed(std::move(ok.error()));
        }
        if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
      }
      std::int64_t set_position = 0;
      for (const auto& set : ex.per_set) {
        auto stmt = statement(kSetInsert);
        if (!stmt) return failed(std::move(stmt.error()));
        if (auto ok = (*stmt)->bind_all(*id, exercise_position, set_position++, set.reps, set.load_kg); !ok) {
          return failed(std::move(ok.error()));
        }
        if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
      }
    }
    if (!a.recorded) return id;
    {
      auto stmt = statement(sqlite::kRecordingInsert);
      if (!stmt) return failed(std::move(stmt.error()));
      if (auto ok = sqlite::bind_recording(**stmt, *id, *a.recorded); !ok) return failed(std::move(ok.error()));
      if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
    }
    position = 0;
    for (const auto& lap : a.recorded->laps) {
      auto stmt = statement(sqlite::kLapInsert);
      if (!stmt) return failed(std::move(stmt.error()));
      if (auto ok = sqlite::bind_lap(**stmt, *id, position++, lap); !ok) return failed(std::move(ok.error()));
      if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
    }
    return id;
  });
}

Expected<void> SqliteStore::read_activities(std::string_view sql, const Binder& bind,
                                            std::vector<domain::Activity>& out) {
  auto stmt = statement(sql);
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = bind(**stmt); !ok) return failed(std::move(ok.error()));
  const Statement& r = **stmt;
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return failed(std::move(row.error()));
    if (!*row) return {};
    domain::Activity a;
    a.id = r.column_int64(0);
    const auto sport = enum_column<domain::Sport>(r, 1);
    if (!sport) {
      return failed(
          storage_error("activity " + std::to_string(a.id) + " has an unknown sport '" + r.column_text(1) + "'"));
    }
    a.sport = *sport;
    auto date = domain::parse_date(r.column_text_view(2));
    if (!date) return failed(storage_error("activity " + std::to_string(a.id) + ": " + date.error().message));
    a.date = *date;
    a.distance_m = r.column_optional_double(3);
    a.duration_s = r.column_double(4);
    if (!r.is_null(5)) a.rpe = r.column_int(5);
    a.note = r.column_text(6);
    if (!r.is_null(7)) a.time = r.column_int(7);
    out.push_back(std::move(a));
  }
}

Expected<void> SqliteStore::read_details(const DetailSelects& selects, const Binder& bind,
                                         std::vector<domain::Activity>& out) {
  if (out.empty()) return {};
  // Where each activity is in `out`, by id, to hand it its rows.
  std::vector<std::pair<Id, std::size_t>> by_id;
  by_id.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) by_id.emplace_back(out[i].id, i);
  if (!std::ranges::is_sorted(by_id)) std::ranges::sort(by_id);

  // Steps `sql`, whose rows come by ascending activity id in column 0, and
  // passes each row with its activity to `take`; rows of activities not in
  // `out` (history selects return all) are skipped.
  const auto each_row = [&](std::string_view sql, const auto& take) -> Expected<void> {
    auto stmt = statement(sql);
    if (!stmt) return failed(std::move(stmt.error()));
    if (auto ok = bind(**stmt); !ok) return failed(std::move(ok.error()));
    const Statement& r = **stmt;
    auto owner = by_id.begin();
    while (true) {
      auto row = (*stmt)->step();
      if (!row) return failed(std::move(row.error()));
      if (!*row) return {};
      const Id activity_id = r.column_int64(0);
      // Rows come by ascending activity id, so the search only moves forward.
      owner =
          std::lower_bound(owner, by_id.end(), activity_id, [](const auto& entry, Id id) { return entry.first < id; });
      if (owner == by_id.end()) return {};
      if (owner->first != activity_id) continue;
      take(out[owner->second], r);
    }
  };
  auto exercises = each_row(selects.exercises, [](domain::Activity& a, const Statement& r) {
    domain::StrengthExercise ex;
    ex.exercise = r.column_text(1);
    ex.sets = r.column_int(2);
    ex.reps = r.column_int(3);
    ex.load_kg = r.column_optional_double(4);
    if (!r.is_null(5)) ex.pain = r.column_int(5);
    a.exercises.push_back(std::move(ex));
  });
  if (!exercises) return exercises;
  auto sets = each_row(selects.sets, [](domain::Activity& a, const Statement& r) {
    // The foreign key ties every set to an exercise of its activity.
    const auto position = static_cast<std::size_t>(r.column_int64(1));
    if (position >= a.exercises.size()) return;
    a.exercises[position].per_set.push_back(domain::StrengthSet{r.column_int(2), r.column_optional_double(3)});
  });
  if (!sets) return sets;
  auto recordings = each_row(selects.recordings,
                             [](domain::Activity& a, const Statement& r) { a.recorded = sqlite::read_recording(r); });
  if (!recordings) return recordings;
  return each_row(selects.laps, [](domain::Activity& a, const Statement& r) {
    // Laps hang off the recording (foreign key to the activity only, so a
    // lap without a recording could exist if written behind our back).
    if (a.recorded) a.recorded->laps.push_back(sqlite::read_lap(r));
  });
}

Expected<std::vector<domain::Activity>> SqliteStore::list_activities(const domain::DateRange& range) {
  std::vector<domain::Activity> out;
  const Binder bind_list = [&](Statement& s) { return bind_range(s, range); };
  if (auto ok = read_activities(range.from ? kActivityWindowSelect : kActivityHistorySelect, bind_list, out); !ok) {
    return failed(std::move(ok.error()));
  }
  if (out.empty()) return out;
  const auto key = [](const domain::Activity& a) { return std::tuple(a.date, a.id); };
  if (!std::ranges::is_sorted(out, {}, key)) std::ranges::sort(out, {}, key);

  // The history selects of the details take no parameters (they return the
  // rows of every activity; the reader skips those after the range).
  const Binder bind_nothing = [](Statement&) -> Expected<void> { return {}; };
  const auto rows = range.from ? sqlite::RowsOf::local_days : sqlite::RowsOf::history;
  const DetailSelects selects{range.from ? kExerciseWindowSelect : kExerciseHistorySelect,
                              range.from ? kSetWindowSelect : kSetHistorySelect, sqlite::recording_select(rows),
                              sqlite::lap_select(rows)};
  if (auto ok = read_details(selects, range.from ? bind_list : bind_nothing, out); !ok) {
    return failed(std::move(ok.error()));
  }
  return out;
}

Expected<std::vector<domain::Activity>> SqliteStore::list_recorded(domain::UtcSeconds from, domain::UtcSeconds to) {
  std::vector<domain::Activity> out;
  const Binder bind_window = [&](Statement& s) {
    return s.bind_all(static_cast<std::int64_t>(from.time_since_epoch().count()),
                      static_cast<std::int64_t>(to.time_since_epoch().count()));
  };
  if (auto ok = read_activities(kRecordedActivitySelect, bind_window, out); !ok) return failed(std::move(ok.error()));
  const DetailSelects selects{kRecordedExerciseSelect, kRecordedSetSelect,
                              sqlite::recording_select(sqlite::RowsOf::start_times),
                              sqlite::lap_select(sqlite::RowsOf::start_times)};
  if (auto ok = read_details(selects, bind_window, out); !ok) return failed(std::move(ok.error()));
  for (const auto& a : out) {
    if (!a.recorded) return failed(storage_error("activity " + std::to_string(a.id) + " lost its recording"));
  }
  std::ranges::sort(out, {}, [](const domain::Activity& a) { return std::tuple(a.recorded->start_utc, a.id); });
  return out;
}

Expected<bool> SqliteStore::has_source(const std::string& content_hash, int session_index) {
  auto stmt = statement(sqlite::kSourceExists);
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = (*stmt)->bind_all(content_hash, session_index); !ok) return failed(std::move(ok.error()));
  auto row = (*stmt)->step();
  if (!row) return failed(std::move(row.error()));
  if (!*row) return failed(storage_error("'has_source' query returned no row"));
  return (*stmt)->column_int64(0) != 0;
}

Expected<void> SqliteStore::save_track(Id activity, const domain::Track& track) {
  // Encoded before the write lock is taken: encoding a long track is the slow part.
  auto encoded = track_codec::encode_track(track);
  if (!encoded) return failed(std::move(encoded.error()));
  return save_encoded_track(activity, *encoded);
}

Expected<void> SqliteStore::save_encoded_track(Id activity, const track_codec::EncodedTrack& track) {
  const auto* bytes = &track.bytes;
  return atomically([&]() -> Expected<void> {
    {
      auto exists = statement("SELECT EXISTS (SELECT 1 FROM activity WHERE id = ?1)");
      if (!exists) return failed(std::move(exists.error()));
      if (auto ok = (*exists)->bind(1, activity); !ok) return failed(std::move(ok.error()));
      auto row = (*exists)->step();
      if (!row) return failed(std::move(row.error()));
      if (!*row || (*exists)->column_int64(0) == 0) {
        return domain::fail(ErrorKind::not_found, "id", "no activity has id " + std::to_string(activity));
      }
    }
    auto stmt = statement(kTrackSave);
    if (!stmt) return failed(std::move(stmt.error()));
    if (auto ok = (*stmt)->bind_all(activity, static_cast<std::int64_t>(track.point_count),
                                    std::int64_t{track_codec::kVersion});
        !ok) {
      return failed(std::move(ok.error()));
    }
    if (auto ok = (*stmt)->bind(kTrackDataParameter, std::span<const std::uint8_t>(*bytes)); !ok) {
      return failed(std::move(ok.error()));
    }
    return (*stmt)->run();
  });
}

Expected<std::optional<domain::Track>> SqliteStore::load_track(Id activity) {
  auto stmt = statement("SELECT point_count, encoding, data FROM activity_track WHERE activity_id = ?1");
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = (*stmt)->bind(1, activity); !ok) return failed(std::move(ok.error()));
  auto row = (*stmt)->step();
  if (!row) return failed(std::move(row.error()));
  if (!*row) return std::optional<domain::Track>{};
  const Statement& r = **stmt;
  const std::int64_t point_count = r.column_int64(0);
  const std::int64_t encoding = r.column_int64(1);
  if (encoding != track_codec::kVersion) {
    return failed(storage_error("the track of activity " + std::to_string(activity) + " has encoding " +
                                std::to_string(encoding) + "; this stridecare reads encoding " +
                                std::to_string(track_codec::kVersion) + ": upgrade stridecare"));
  }
  auto track = track_codec::decode(r.column_blob(2), activity);
  if (!track) return failed(storage_error(track.error().message));
  if (static_cast<std::int64_t>(track->points.size()) != point_count) {
    return failed(storage_error("the stored track of activity " + std::to_string(activity) + " has " +
                                std::to_string(track->points.size()) + " points where " + std::to_string(point_count) +
                                " were recorded"));
  }
  return std::optional<domain::Track>{std::move(*track)};
}

Expected<Id> SqliteStore::add_checkin(const domain::PainCheckin& c) {
  return atomically([&]() -> Expected<Id> {
    auto id = claim_id(c.id);
    if (!id) return id;
    auto stmt = statement(checkin_insert_sql());
    if (!stmt) return failed(std::move(stmt.error()));
    Statement& s = **stmt;
    std::optional<std::string_view> region;
    if (c.region) region = domain::name_of(*c.region);
    if (auto ok =
            s.bind_all(*id, domain::to_string(c.date), c.time, domain::name_of(c.site), region, domain::name_of(c.side),
                       c.pain, domain::name_of(c.timing), c.persists_after_run, c.cleared_by_clinician);
        !ok) {
      return failed(std::move(ok.error()));
    }
    int index = kFirstSignColumn + 1;  // parameters are 1-based
    for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
      if (auto ok = s.bind(index++, c.has(sign)); !ok) return failed(std::move(ok.error()));
    }
    if (auto ok = s.bind(index, c.note); !ok) return failed(std::move(ok.error()));
    if (auto ok = s.run(); !ok) return failed(std::move(ok.error()));
    return id;
  });
}

Expected<std::vector<domain::PainCheckin>> SqliteStore::list_checkins(const domain::DateRange& range) {
  auto stmt = statement(range.from ? checkin_window_select_sql() : checkin_history_select_sql());
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = bind_range(**stmt, range); !ok) return failed(std::move(ok.error()));

  std::vector<domain::PainCheckin> out;
  const Statement& r = **stmt;
  while (true) {
    auto row = (*stmt)->step();
    if (!row) return failed(std::move(row.error()));
    if (!*row) break;
    domain::PainCheckin c;
    c.id = r.column_int64(0);
    const auto bad = [&](std::string_view field, int column) {
      return failed(storage_error("check-in " + std::to_string(c.id) + " has an unknown " + std::string(field) + " '" +
                                  r.column_text(column) + "'"));
    };
    auto date = domain::parse_date(r.column_text_view(1));
    if (!date) return failed(storage_error("check-in " + std::to_string(c.id) + ": " + date.error().message));
    c.date = *date;
    if (!r.is_null(2)) c.time = r.column_int(2);
    const auto site = enum_column<domain::Site>(r, 3);
    if (!site) return bad("site", 3);
    c.site = *site;
    if (!r.is_null(4)) {
      c.region = enum_column<domain::Region>(r, 4);
      if (!c.region) return bad("region", 4);
    }
    const auto side = enum_column<domain::Side>(r, 5);
    if (!side) return bad("side", 5);
    c.side = *side;
    c.pain = r.column_int(6);
    const auto timing = enum_column<domain::Timing>(r, 7);
    if (!timing) return bad("timing", 7);
    c.timing = *timing;
    c.persists_after_run = r.column_int64(8) != 0;
    c.cleared_by_clinician = r.column_int64(9) != 0;
    int column = kFirstSignColumn;
    for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) c.set(sign, r.column_int64(column++) != 0);
    c.note = r.column_text(column);
    out.push_back(std::move(c));
  }
  // Untimed check-ins first within their day (the contract's order).
  const auto key = [](const domain::PainCheckin& c) { return std::tuple(c.date, c.time.value_or(-1), c.id); };
  if (!std::ranges::is_sorted(out, {}, key)) std::ranges::sort(out, {}, key);
  return out;
}

Expected<Id> SqliteStore::add_routine(const domain::RoutineSession& r) {
  return atomically([&]() -> Expected<Id> {
    if (r.id != 0) {
      auto taken = statement("SELECT EXISTS (SELECT 1 FROM routine_session WHERE id = ?1)");
      if (!taken) return failed(std::move(taken.error()));
      if (auto ok = (*taken)->bind(1, r.id); !ok) return failed(std::move(ok.error()));
      auto row = (*taken)->step();
      if (!row) return failed(std::move(row.error()));
      if (*row && (*taken)->column_int64(0) != 0) {
        return domain::fail(ErrorKind::conflict, "id", "routine id " + std::to_string(r.id) + " is already in use");
      }
    }
    // A NULL id takes the next rowid.
    auto stmt = statement(
        "INSERT INTO routine_session (id, date, time_min, routine, steps_total, steps_done, steps_skipped, seconds) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    if (!stmt) return failed(std::move(stmt.error()));
    const std::optional<Id> wanted = r.id != 0 ? std::optional<Id>(r.id) : std::nullopt;
    if (auto ok = (*stmt)->bind_all(wanted, domain::to_string(r.date), r.time, domain::name_of(r.routine),
                                    r.steps_total, r.steps_done, r.steps_skipped, r.seconds);
        !ok) {
      return failed(std::move(ok.error()));
    }
    auto row = (*stmt)->step();
    if (!row) return failed(std::move(row.error()));
    if (!*row) return failed(storage_error("inserting a routine returned no id"));
    const Id id = (*stmt)->column_int64(0);
    if (auto done = (*stmt)->run(); !done) return failed(std::move(done.error()));
    return id;
  });
}

Expected<std::vector<domain::RoutineSession>> SqliteStore::list_routines(const domain::DateRange& range) {
  auto stmt =
      statement(range.from ? "SELECT id, date, time_min, routine, steps_total, steps_done, steps_skipped, seconds "
                             "FROM routine_session WHERE date BETWEEN ?1 AND ?2"
                           : "SELECT id, date, time_min, routine, steps_total, steps_done, steps_skipped, seconds "
                             "FROM routine_session WHERE date <= ?1");
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = bind_range(**stmt, range); !ok) return failed(std::move(ok.error()));
  std::vector<domain::RoutineSession> out;
  const Statement& row = **stmt;
  while (true) {
    auto more = (*stmt)->step();
    if (!more) return failed(std::move(more.error()));
    if (!*more) break;
    domain::RoutineSession r;
    r.id = row.column_int64(0);
    auto date = domain::parse_date(row.column_text_view(1));
    if (!date) return failed(storage_error("routine " + std::to_string(r.id) + ": " + date.error().message));
    r.date = *date;
    if (!row.is_null(2)) r.time = row.column_int(2);
    const auto kind = enum_column<domain::RoutineKind>(row, 3);
    if (!kind) {
      return failed(
          storage_error("routine " + std::to_string(r.id) + " has an unknown routine '" + row.column_text(3) + "'"));
    }
    r.routine = *kind;
    r.steps_total = row.column_int(4);
    r.steps_done = row.column_int(5);
    r.steps_skipped = row.column_int(6);
    r.seconds = row.column_double(7);
    out.push_back(r);
  }
  const auto key = [](const domain::RoutineSession& x) { return std::tuple(x.date, x.time.value_or(-1), x.id); };
  if (!std::ranges::is_sorted(out, {}, key)) std::ranges::sort(out, {}, key);
  return out;
}

Expected<std::vector<domain::ShownDay>> SqliteStore::list_shown_days(const domain::DateRange& range) {
  auto stmt = statement(range.from ? "SELECT date, summary, action FROM shown_plan_day WHERE date BETWEEN ?1 AND ?2 "
                                     "ORDER BY date"
                                   : "SELECT date, summary, action FROM shown_plan_day WHERE date <= ?1 ORDER BY date");
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = bind_range(**stmt, range); !ok) return failed(std::move(ok.error()));
  std::vector<domain::ShownDay> out;
  const Statement& row = **stmt;
  while (true) {
    auto more = (*stmt)->step();
    if (!more) return failed(std::move(more.error()));
    if (!*more) break;
    auto date = domain::parse_date(row.column_text_view(0));
    if (!date) return failed(storage_error("shown plan day: " + date.error().message));
    out.push_back({*date, row.column_text(1), row.column_text(2)});
  }
  return out;
}

Expected<void> SqliteStore::save_shown_days(std::span<const domain::ShownDay> days) {
  return atomically([&]() -> Expected<void> {
    auto stmt = statement("INSERT OR REPLACE INTO shown_plan_day (date, summary, action) VALUES (?1, ?2, ?3)");
    if (!stmt) return failed(std::move(stmt.error()));
    for (const auto& d : days) {
      if (auto ok = (*stmt)->bind_all(domain::to_string(d.date), d.summary, d.action); !ok) return ok;
      if (auto ok = (*stmt)->run(); !ok) return ok;
    }
    return {};
  });
}

Expected<std::vector<domain::CalendarEvent>> SqliteStore::list_calendar_events(const domain::DateRange& range) {
  auto stmt = statement(range.from ? "SELECT uid, date, digest, sequence, cancelled FROM calendar_event "
                                     "WHERE date BETWEEN ?1 AND ?2 ORDER BY date, uid"
                                   : "SELECT uid, date, digest, sequence, cancelled FROM calendar_event "
                                     "WHERE date <= ?1 ORDER BY date, uid");
  if (!stmt) return failed(std::move(stmt.error()));
  if (auto ok = bind_range(**stmt, range); !ok) return failed(std::move(ok.error()));
  std::vector<domain::CalendarEvent> out;
  const Statement& row = **stmt;
  while (true) {
    auto more = (*stmt)->step();
    if (!more) return failed(std::move(more.error()));
    if (!*more) break;
    auto date = domain::parse_date(row.column_text_view(1));
    if (!date) return failed(storage_error("calendar event " + row.column_text(0) + ": " + date.error().message));
    out.push_back({row.column_text(0), *date, row.column_text(2), row.column_int(3), row.column_int64(4) != 0});
  }
  return out;
}

Expected<void> SqliteStore::save_calendar_events(std::span<const domain::CalendarEvent> events) {
  return atomically([&]() -> Expected<void> {
    auto stmt = statement(
        "INSERT OR REPLACE INTO calendar_event (uid, date, digest, sequence, cancelled) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt) return failed(std::move(stmt.error()));
    for (const auto& e : events) {
      if (auto ok = (*stmt)->bind_all(e.uid, domain::to_string(e.date), e.digest, e.sequence, e.cancelled); !ok) {
        return ok;
      }
      if (auto ok = (*stmt)->run(); !ok) return ok;
    }
    return {};
  });
}

Expected<bool> SqliteStore::remove(Id id) {
  return atomically([&]() -> Expected<bool> {
    std::int64_t removed = 0;
    // Exercises, recording, laps and track go with their activity (ON DELETE CASCADE).
    for (std::string_view sql : {"DELETE FROM activity WHERE id = ?1", "DELETE FROM checkin WHERE id = ?1"}) {
      auto stmt = statement(sql);
      if (!stmt) return failed(std::move(stmt.error()));
      if (auto ok = (*stmt)->bind(1, id); !ok) return failed(std::move(ok.error()));
      if (auto ok = (*stmt)->run(); !ok) return failed(std::move(ok.error()));
      removed += db_.changes();
    }
    return removed > 0;
  });
}

Expected<std::int64_t> SqliteStore::data_version() {
  // PRAGMA data_version changes when another connection commits; this connection's own writes are its
  // total changes. Both only grow, so their sum changes when either does.
  auto others = db_.query_int64("PRAGMA data_version");
  if (!others) return failed(std::move(others.error()));
  return *others + db_.total_changes();
}

Expected<bool> SqliteStore::empty() {
  auto stmt = statement(
      "SELECT NOT EXISTS (SELECT 1 FROM profile) AND NOT EXISTS (SELECT 1 FROM activity) "
      "AND NOT EXISTS (SELECT 1 FROM checkin) AND NOT EXISTS (SELECT 1 FROM routine_session)");
  if (!stmt) return failed(std::move(stmt.error()));
  auto row = (*stmt)->step();
  if (!row) return failed(std::move(row.error()));
  if (!*row) return failed(storage_error("'empty' query returned no row"));
  return (*stmt)->column_int64(0) != 0;
}

}  // namespace stridecare::storage
