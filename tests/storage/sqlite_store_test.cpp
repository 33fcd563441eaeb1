// What SqliteStore promises beyond the Store contract: the file on disk, its
// schema and upgrades, and refusing files it must not touch.

#include "storage/sqlite/sqlite_store.hpp"

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite/database.hpp"
#include "storage/sqlite/migrations.hpp"
#include "store_test_support.hpp"

namespace stridecare::storage {
namespace {

namespace fs = std::filesystem;
using domain::ErrorKind;
using sqlite::Database;
using sqlite::OpenMode;
using testing::checkin_on;
using testing::day;
using testing::kMarch2026Utc;
using testing::read_bytes;
using testing::run_on;
using testing::strength_on;
using testing::TempDir;
using testing::write_bytes;

std::unique_ptr<SqliteStore> open_store(const fs::path& file) {
  auto store = SqliteStore::open(file);
  EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
  return store ? std::move(*store) : nullptr;
}

/// A second connection to the file, as another program (or the sqlite3 shell) would have.
Database raw(const fs::path& file) {
  auto db = Database::open(file, OpenMode::read_write);
  EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().message);
  return std::move(db.value());
}

std::int64_t query(Database& db, const std::string& sql) {
  auto v = db.query_int64(sql);
  EXPECT_TRUE(v.has_value()) << sql << ": " << (v ? "" : v.error().message);
  return v.value_or(-1);
}

bool has_sidecar_files(const fs::path& file) {
  return fs::exists(file.string() + "-wal") || fs::exists(file.string() + "-shm") ||
         fs::exists(file.string() + "-journal");
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  /// Expects that opening `file_` fails with a storage error mentioning
  /// `message_part`, and that the file is exactly as it was.
  void expect_rejected_untouched(const std::string& message_part) {
    const std::string before = read_bytes(file_);
    ASSERT_FALSE(before.empty());
    auto store = SqliteStore::open(file_);
    ASSERT_FALSE(store.has_value());
    EXPECT_EQ(store.error().kind, ErrorKind::storage);
    EXPECT_EQ(store.error().field, file_.string());
    EXPECT_NE(store.error().message.find(file_.string()), std::string::npos) << store.error().message;
    EXPECT_NE(store.error().message.find(message_part), std::string::npos) << store.error().message;
    EXPECT_TRUE(read_bytes(file_) == before) << "the file was changed";
    EXPECT_FALSE(has_sidecar_files(file_));
  }

  TempDir dir_;
  fs::path file_ = dir_.path() / "stridecare.db";
};

TEST_F(SqliteStoreTest, CreatesTheFileAndItsParentDirectories) {
  const fs::path nested = dir_.path() / "a" / "b" / "c" / "log.db";
  auto store = open_store(nested);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fs::is_regular_file(nested));
  EXPECT_EQ(store->empty(), true);
}

TEST_F(SqliteStoreTest, ReportsAnIoErrorWhenTheParentCannotBeCreated) {
  write_bytes(dir_.path() / "plain-file", "x");
  auto store = SqliteStore::open(dir_.path() / "plain-file" / "log.db");
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().kind, ErrorKind::io);
}

TEST_F(SqliteStoreTest, ReportsAStorageErrorWhenThePathIsADirectory) {
  fs::create_directories(file_);
  auto store = SqliteStore::open(file_);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().kind, ErrorKind::storage);
  EXPECT_NE(store.error().message.find(file_.string()), std::string::npos) << store.error().message;
}

TEST_F(SqliteStoreTest, NewFileIsStridecareAtTheLatestSchemaInWalMode) {
  ASSERT_NE(open_store(file_), nullptr);
  Database db = raw(file_);
  EXPECT_EQ(query(db, "PRAGMA application_id"), sqlite::kApplicationId);
  EXPECT_EQ(query(db, "PRAGMA user_version"), sqlite::latest_schema_version());
  EXPECT_EQ(db.query_text("PRAGMA journal_mode").value_or(""), "wal");
}

TEST_F(SqliteStoreTest, TurnsForeignKeysOnSoExercisesGoWithTheirActivity) {
  auto store = open_store(file_);
  const auto id = store->add_activity(strength_on(day(2026, 3, 1)));
  ASSERT_TRUE(id.has_value());
  Database db = raw(file_);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_exercise"), 3);
  ASSERT_EQ(store->remove(*id), true);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_exercise"), 0);
}

TEST_F(SqliteStoreTest, LeavesAFileThatPassesTheIntegrityChecks) {
  {
    auto store = open_store(file_);
    for (unsigned d = 1; d <= 20; ++d) {
      ASSERT_TRUE(store->add_activity(strength_on(day(2026, 3, d))).has_value());
      ASSERT_TRUE(store->add_checkin(checkin_on(day(2026, 3, d), 600)).has_value());
    }
    ASSERT_EQ(store->remove(5), true);
    ASSERT_TRUE(store->save_profile(domain::Profile{}).has_value());
  }
  Database db = raw(file_);
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");
  auto fk = db.prepare("PRAGMA foreign_key_check");
  ASSERT_TRUE(fk.has_value());
  EXPECT_EQ(fk->step(), false) << "foreign key violations";
}

TEST_F(SqliteStoreTest, ReopeningKeepsEverything) {
  domain::Profile profile;
  profile.time_zone = "America/New_York";
  profile.gym_access = true;
  std::vector<domain::Activity> activities;
  std::vector<domain::PainCheckin> checkins;
  {
    auto store = open_store(file_);
    ASSERT_TRUE(store->save_profile(profile).has_value());
    auto a = strength_on(day(2026, 3, 1));
    a.id = store->add_activity(a).value();
    activities.push_back(a);
    auto c = checkin_on(day(2026, 3, 1), 480);
    c.set(domain::Sign::night_pain);
    c.id = store->add_checkin(c).value();
    checkins.push_back(c);
  }
  EXPECT_FALSE(fs::exists(file_.string() + "-wal")) << "a closed store leaves its writes in the database file";
  auto store = open_store(file_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->load_profile().value(), profile);
  EXPECT_EQ(store->list_activities({}).value(), activities);
  EXPECT_EQ(store->list_checkins({}).value(), checkins);
  EXPECT_EQ(store->add_activity(run_on(day(2026, 3, 2))).value(), 3) << "the id sequence survives reopening";
}

TEST_F(SqliteStoreTest, TwoStoresOnOneFileSeeEachOthersCommittedWrites) {
  auto first = open_store(file_);
  auto second = open_store(file_);
  ASSERT_TRUE(first->add_activity(run_on(day(2026, 3, 1))).has_value());
  EXPECT_EQ(second->list_activities({}).value().size(), 1U);
  EXPECT_EQ(second->add_checkin(checkin_on(day(2026, 3, 1))).value(), 2) << "one id sequence for both";

  // A reader is not blocked by a writer's open transaction, and does not see it.
  auto result = first->transact([&]() -> domain::Expected<void> {
    EXPECT_TRUE(first->add_activity(run_on(day(2026, 3, 2))).has_value());
    EXPECT_EQ(second->list_activities({}).value().size(), 1U);
    return {};
  });
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(second->list_activities({}).value().size(), 2U);
}

TEST_F(SqliteStoreTest, OpensAnEmptyExistingFileAsANewStore) {
  write_bytes(file_, "");
  auto store = open_store(file_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->empty(), true);
  Database db = raw(file_);
  EXPECT_EQ(query(db, "PRAGMA user_version"), sqlite::latest_schema_version());
}

TEST_F(SqliteStoreTest, RejectsATextFileWithoutTouchingIt) {
  write_bytes(file_, "date,distance\n2026-03-01,5km\n");
  expect_rejected_untouched("is not a stridecare database (file is not an SQLite database)");
}

TEST_F(SqliteStoreTest, RejectsARandomBinaryFileWithoutTouchingIt) {
  std::string bytes;
  for (int i = 0; i < 8192; ++i) bytes.push_back(static_cast<char>((i * 7919 + 13) % 251));
  write_bytes(file_, bytes);
  expect_rejected_untouched("file is not an SQLite database");
}

TEST_F(SqliteStoreTest, RejectsAnotherProgramsSqliteDatabaseWithoutTouchingIt) {
  {
    auto db = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(db->exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')").has_value());
  }
  expect_rejected_untouched("is not a stridecare database");
}

TEST_F(SqliteStoreTest, RejectsAnSqliteDatabaseWithAnotherApplicationIdWithoutTouchingIt) {
  {
    auto db = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(db->exec("PRAGMA application_id = 1234").has_value());  // no tables
  }
  expect_rejected_untouched("another program");
}

TEST_F(SqliteStoreTest, RejectsNewerSchemaWithoutTouchingFile) {
  {
    auto store = open_store(file_);
    ASSERT_TRUE(store->add_activity(run_on(day(2026, 3, 1))).has_value());
  }
  {
    Database db = raw(file_);
    ASSERT_TRUE(db.exec("PRAGMA user_version = " + std::to_string(sqlite::latest_schema_version() + 1)).has_value());
  }
  ASSERT_FALSE(has_sidecar_files(file_));
  expect_rejected_untouched("has schema version " + std::to_string(sqlite::latest_schema_version() + 1) +
                            "; this stridecare knows up to " + std::to_string(sqlite::latest_schema_version()) +
                            ": upgrade stridecare");
}

TEST_F(SqliteStoreTest, UpgradesAVersionOneFileInPlaceKeepingItsData) {
  {
    auto db = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(sqlite::migrate(*db, 1).has_value());
    ASSERT_EQ(query(*db, "PRAGMA user_version"), 1);
    ASSERT_EQ(query(*db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE '%_by_date'"), 0);
    // Data as version 1 of the program wrote it.
    auto ok = db->exec(R"sql(
      INSERT INTO activity (id, sport, date, distance_m, duration_s, rpe, note)
        VALUES (1, 'strength', '2026-03-02', NULL, 2400, 6, 'gym'), (3, 'run', '2026-03-01', 5000, 1650, NULL, '');
      INSERT INTO strength_exercise (activity_id, position, exercise, sets, reps, load_kg)
        VALUES (1, 0, 'squat', 3, 10, 40.0), (1, 1, 'lunge', 3, 8, NULL);
      INSERT INTO checkin (id, date, time_min, site, region, side, pain, timing, swelling, note)
        VALUES (2, '2026-03-02', 450, 'knee', 'front', 'left', 4, 'next_morning', 1, 'stiff');
      UPDATE id_seq SET next_id = 4;
    )sql");
    ASSERT_TRUE(ok.has_value()) << ok.error().message;
  }

  auto store = open_store(file_);
  ASSERT_NE(store, nullptr);

  auto activities = store->list_activities({}).value();
  ASSERT_EQ(activities.size(), 2U);
  EXPECT_EQ(activities[0].id, 3);
  EXPECT_EQ(activities[0].distance_m, 5000.0);
  domain::Activity strength = strength_on(day(2026, 3, 2));
  strength.id = 1;
  strength.note = "gym";
  strength.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
  EXPECT_EQ(activities[1], strength);

  domain::PainCheckin c = checkin_on(day(2026, 3, 2), 450);
  c.id = 2;
  c.region = domain::Region::front;
  c.pain = 4;
  c.timing = domain::Timing::next_morning;
  c.set(domain::Sign::swelling);
  c.note = "stiff";
  EXPECT_EQ(store->list_checkins({}).value(), std::vector<domain::PainCheckin>{c});
  EXPECT_EQ(store->add_checkin(checkin_on(day(2026, 3, 3))).value(), 4);

  Database db = raw(file_);
  EXPECT_EQ(query(db, "PRAGMA user_version"), sqlite::latest_schema_version());
  EXPECT_EQ(query(db, "PRAGMA application_id"), sqlite::kApplicationId);
  EXPECT_EQ(query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE '%_by_date'"),
            4);  // activity, checkin, routine_session, calendar_event
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");
}

TEST_F(SqliteStoreTest, UpgradesAVersionTwoFileInPlaceRebuildingTheActivityTable) {
  {
    auto db = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(sqlite::migrate(*db, 2).has_value());
    // Version 2 files were created before Sport::other: take the name out of
    // the CHECK, as the program of that version wrote it. (Editing a CHECK
    // this way is SQLite's documented procedure; the stored rows are unchanged.)
    auto ok = db->exec(R"sql(
      PRAGMA writable_schema = ON;
      UPDATE sqlite_schema SET sql = replace(sql, ', ''other''', '') WHERE type = 'table' AND name = 'activity';
      PRAGMA writable_schema = OFF;
    )sql");
    ASSERT_TRUE(ok.has_value()) << ok.error().message;
  }
  {
    Database db = raw(file_);
    ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON").has_value());
    ASSERT_FALSE(db.exec("INSERT INTO activity (id, sport, date, duration_s, note) "
                         "VALUES (50, 'other', '2026-03-01', 60, '')")
                     .has_value())
        << "the simulated version 2 file should not know 'other'";
    auto ok = db.exec(R"sql(
      INSERT INTO activity (id, sport, date, distance_m, duration_s, rpe, note)
        VALUES (1, 'strength', '2026-03-02', NULL, 2400, 6, 'gym'), (3, 'run', '2026-03-01', 5000, 1650, NULL, ''),
               (4, 'strength', '2026-03-03', NULL, 1800, NULL, '');
      INSERT INTO strength_exercise (activity_id, position, exercise, sets, reps, load_kg)
        VALUES (1, 0, 'squat', 3, 10, 40.0), (1, 1, 'lunge', 3, 8, NULL), (4, 0, 'plank', 3, 1, NULL);
      INSERT INTO checkin (id, date, time_min, site, region, side, pain, timing, swelling, note)
        VALUES (2, '2026-03-02', 450, 'knee', 'front', 'left', 4, 'next_morning', 1, 'stiff');
      UPDATE id_seq SET next_id = 5;
    )sql");
    ASSERT_TRUE(ok.has_value()) << ok.error().message;
  }

  auto store = open_store(file_);
  ASSERT_NE(store, nullptr);
  Database db = raw(file_);
  EXPECT_EQ(query(db, "PRAGMA user_version"), sqlite::latest_schema_version());
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");
  {
    auto fk = db.prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(fk.has_value());
    EXPECT_EQ(fk->step(), false) << "foreign key violations";
  }
  EXPECT_EQ(db.query_text("SELECT \"table\" FROM pragma_foreign_key_list('strength_exercise')").value_or(""),
            "activity");
  EXPECT_EQ(query(db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_new'"), 0);
  EXPECT_EQ(query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), 2);
  EXPECT_EQ(query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'activity_by_date'"), 1);

  // The data survived, exercises included.
  auto activities = store->list_activities({}).value();
  ASSERT_EQ(activities.size(), 3U);
  domain::Activity strength = strength_on(day(2026, 3, 2));
  strength.id = 1;
  strength.note = "gym";
  strength.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
  EXPECT_EQ(activities[1], strength);
  EXPECT_EQ(activities[2].exercises, (std::vector<domain::StrengthExercise>{{"plank", 3, 1, std::nullopt}}));
  EXPECT_EQ(store->list_checkins({}).value().size(), 1U);

  // The new name is accepted, the id space still holds, and cascades still work.
  domain::Activity other;
  other.sport = domain::Sport::other;
  other.date = day(2026, 3, 4);
  other.duration_s = 3600;
  EXPECT_EQ(store->add_activity(other).value(), 5);
  EXPECT_FALSE(db.exec("INSERT INTO activity (id, sport, date, duration_s, note) VALUES (2, 'walk', '2026-03-01', "
                       "60, '')")
                   .has_value())
      << "id 2 is a check-in";
  ASSERT_EQ(store->remove(1), true);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_exercise"), 1);
}

TEST_F(SqliteStoreTest, UpgradesAVersionFourFileAddingStartTimesPainAndSets) {
  {
    auto db = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(db.has_value());
    ASSERT_TRUE(sqlite::migrate(*db, 4).has_value());
    ASSERT_EQ(query(*db, "PRAGMA user_version"), 4);
    auto ok = db->exec(R"sql(
      INSERT INTO activity (id, sport, date, distance_m, duration_s, rpe, note)
        VALUES (1, 'strength', '2026-03-02', NULL, 2400, 6, 'gym');
      INSERT INTO strength_exercise (activity_id, position, exercise, sets, reps, load_kg)
        VALUES (1, 0, 'squat', 3, 10, 40.0), (1, 1, 'lunge', 3, 8, NULL);
      UPDATE id_seq SET next_id = 2;
    )sql");
    ASSERT_TRUE(ok.has_value()) << ok.error().message;
  }
  auto store = open_store(file_);
  ASSERT_NE(store, nullptr);
  Database db = raw(file_);
  ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON").has_value());
  EXPECT_EQ(query(db, "PRAGMA user_version"), sqlite::latest_schema_version());
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");

  domain::Activity old = strength_on(day(2026, 3, 2));
  old.id = 1;
  old.note = "gym";
  old.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
  EXPECT_EQ(store->list_activities({}).value(), std::vector<domain::Activity>{old});

  domain::Activity now = strength_on(day(2026, 3, 4));
  now.time = 7 * 60 + 30;
  now.exercises = {{"squat", 2, 12, 42.0, {{12, 42.0}, {12, 40.0}}, 3}};
  now.id = store->add_activity(now).value();
  EXPECT_EQ(store->list_activities({}).value(), (std::vector<domain::Activity>{old, now}));
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_set"), 2);
  EXPECT_FALSE(db.exec("INSERT INTO strength_set (activity_id, exercise_position, position, reps) VALUES (1, 5, 0, 3)")
                   .has_value())
      << "a set belongs to an exercise";
  EXPECT_FALSE(db.exec("UPDATE activity SET time_min = 1440 WHERE id = 1").has_value());
  ASSERT_EQ(store->remove(now.id), true);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_set"), 0);
}

TEST_F(SqliteStoreTest, ReportsACorruptStoredTrackAsAStorageErrorNamingTheActivity) {
  auto store = open_store(file_);
  const auto id = store->add_activity(run_on(day(2026, 3, 1))).value();
  domain::Track track;
  track.points.resize(3);
  for (std::size_t i = 0; i < track.points.size(); ++i) track.points[i].offset_s = static_cast<double>(i);
  ASSERT_TRUE(store->save_track(id, track).has_value());
  EXPECT_EQ(store->load_track(id).value(), track);

  Database db = raw(file_);
  struct Case {
    const char* sql;
    const char* message;
  };
  for (const auto& [sql, message] : {
           Case{"UPDATE activity_track SET data = x'01ff'", "is corrupt"},
           // A valid empty track where 3 points were saved.
           Case{"UPDATE activity_track SET data = x'0100', point_count = 3", "where 3 were recorded"},
           Case{"UPDATE activity_track SET encoding = 2", "upgrade stridecare"},
       }) {
    ASSERT_TRUE(db.exec(sql).has_value()) << sql;
    auto loaded = store->load_track(id);
    ASSERT_FALSE(loaded.has_value()) << sql;
    EXPECT_EQ(loaded.error().kind, ErrorKind::storage);
    EXPECT_EQ(loaded.error().field, file_.string());
    EXPECT_NE(loaded.error().message.find("activity " + std::to_string(id)), std::string::npos)
        << loaded.error().message;
    EXPECT_NE(loaded.error().message.find(message), std::string::npos) << loaded.error().message;
  }
}

TEST_F(SqliteStoreTest, ImportedActivitiesLeaveAFileThatPassesTheIntegrityChecks) {
  constexpr std::int64_t kDayS = 86'400;
  {
    auto store = open_store(file_);
    for (int i = 0; i < 10; ++i) {
      domain::Activity a = run_on(day(2026, 3, static_cast<unsigned>(i + 1)));
      domain::Recorded r;
      r.source = {"run.fit", "fit", std::string(31, 'c') + std::to_string(i), 0};
      r.start_utc = domain::UtcSeconds{std::chrono::seconds{kMarch2026Utc + i * kDayS}};
      r.laps = {{0, 600, 2000.0}, {600, 600, 2000.0}};
      a.recorded = r;
      const auto id = store->add_activity(a);
      ASSERT_TRUE(id.has_value()) << id.error().message;
      domain::Track track;
      track.points.resize(60);
      ASSERT_TRUE(store->save_track(*id, track).has_value());
    }
    ASSERT_EQ(store->remove(3), true);
  }
  Database db = raw(file_);
  EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");
  auto fk = db.prepare("PRAGMA foreign_key_check");
  ASSERT_TRUE(fk.has_value());
  EXPECT_EQ(fk->step(), false) << "foreign key violations";
  EXPECT_EQ(query(db, "SELECT count(*) FROM activity_recording"), 9);
  EXPECT_EQ(query(db, "SELECT count(*) FROM activity_lap"), 18);
  EXPECT_EQ(query(db, "SELECT count(*) FROM activity_track"), 9);
}

TEST_F(SqliteStoreTest, MigratingToAnUnknownVersionIsAnError) {
  auto db = Database::open(file_, OpenMode::create);
  ASSERT_TRUE(db.has_value());
  for (int target : {0, sqlite::latest_schema_version() + 1}) {
    auto result = sqlite::migrate(*db, target);
    ASSERT_FALSE(result.has_value()) << target;
    EXPECT_EQ(result.error().kind, ErrorKind::storage);
  }
  EXPECT_EQ(query(*db, "PRAGMA user_version"), 0);
}

TEST_F(SqliteStoreTest, MigratingTwiceChangesNothing) {
  auto db = Database::open(file_, OpenMode::create);
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(sqlite::migrate(*db, sqlite::latest_schema_version()).has_value());
  const auto objects = query(*db, "SELECT count(*) FROM sqlite_schema");
  ASSERT_TRUE(sqlite::migrate(*db, sqlite::latest_schema_version()).has_value());
  ASSERT_TRUE(sqlite::migrate(*db, 1).has_value()) << "never downgrades";
  EXPECT_EQ(query(*db, "SELECT count(*) FROM sqlite_schema"), objects);
  EXPECT_EQ(query(*db, "PRAGMA user_version"), sqlite::latest_schema_version());
}

TEST_F(SqliteStoreTest, CheckConstraintsRejectBadValuesWrittenBehindTheStoresBack) {
  ASSERT_NE(open_store(file_), nullptr);
  Database db = raw(file_);
  // Foreign keys are enforced only by connections that ask for it, as the store does.
  ASSERT_TRUE(db.exec("PRAGMA foreign_keys = ON").has_value());
  struct Case {
    const char* sql;
    const char* error;
  };
  for (const auto& [sql, error] : {
           Case{"INSERT INTO activity (id, sport, date, duration_s, note) VALUES (90, 'skateboard', '2026-03-01', 60, "
                "'')",
                "CHECK constraint failed: sport IN ("},
           Case{"INSERT INTO activity (id, sport, date, duration_s, note) VALUES (90, 'run', '2026-3-1', 60, '')",
                "CHECK constraint failed: date IS date(date)"},
           Case{"INSERT INTO activity (id, sport, date, duration_s, note) VALUES (90, 'run', '2026-03-01', 0, '')",
                "CHECK constraint failed: duration_s > 0"},
           Case{"INSERT INTO activity (id, sport, date, duration_s, note) VALUES (90, 'run', '2026-03-01', 'long', '')",
                "cannot store TEXT value in REAL column activity.duration_s"},
           Case{"INSERT INTO checkin (id, date, site, side, pain, timing, note) "
                "VALUES (91, '2026-03-01', 'ankle', 'left', 3, 'after_run', '')",
                "CHECK constraint failed: site IN ("},
           Case{"INSERT INTO checkin (id, date, site, region, side, pain, timing, note) "
                "VALUES (91, '2026-03-01', 'knee', 'top', 'left', 3, 'after_run', '')",
                "CHECK constraint failed: region IN ("},
           Case{"INSERT INTO checkin (id, date, site, side, pain, timing, note) "
                "VALUES (91, '2026-03-01', 'knee', 'left', 11, 'after_run', '')",
                "CHECK constraint failed: pain BETWEEN 0 AND 10"},
           Case{"INSERT INTO checkin (id, date, site, side, pain, timing, swelling, note) "
                "VALUES (91, '2026-03-01', 'knee', 'left', 3, 'after_run', 2, '')",
                "CHECK constraint failed: swelling IN (0, 1)"},
           Case{"INSERT INTO checkin (id, date, time_min, site, side, pain, timing, note) "
                "VALUES (91, '2026-03-01', 1440, 'knee', 'left', 3, 'after_run', '')",
                "CHECK constraint failed: time_min BETWEEN 0 AND 1439"},
           Case{"INSERT INTO strength_exercise (activity_id, position, exercise, sets, reps) VALUES (12345, 0, "
                "'squat', 3, 10)",
                "FOREIGN KEY constraint failed"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc) VALUES (12345, 'a.fit', 'fit', '0123456789abcdef0123456789abcdef', 0, 0)",
                "FOREIGN KEY constraint failed"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc) VALUES (1, 'a.kml', 'kml', '0123456789abcdef0123456789abcdef', 0, 0)",
                "CHECK constraint failed: source_format IN ("},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc) VALUES (1, 'a.fit', 'fit', '0123456789ABCDEF0123456789ABCDEF', 0, 0)",
                "CHECK constraint failed: length(content_hash) = 32"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc) VALUES (1, 'a.fit', 'fit', '0123456789abcdef', 0, 0)",
                "CHECK constraint failed: length(content_hash) = 32"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc) VALUES (1, 'a.fit', 'fit', '0123456789abcdef0123456789abcdef', -1, 0)",
                "CHECK constraint failed: session_index >= 0"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc, utc_offset_s) VALUES (1, 'a.fit', 'fit', '0123456789abcdef0123456789abcdef', 0, 0, 64801)",
                "CHECK constraint failed: utc_offset_s BETWEEN"},
           Case{"INSERT INTO activity_recording (activity_id, source_name, source_format, content_hash, session_index, "
                "start_utc, max_heart_rate_bpm) VALUES (1, 'a.fit', 'fit', '0123456789abcdef0123456789abcdef', 0, 0, "
                "300)",
                "CHECK constraint failed: max_heart_rate_bpm BETWEEN"},
           Case{"INSERT INTO activity_lap (activity_id, position, start_offset_s, elapsed_s) VALUES (1, 0, -1, 5)",
                "CHECK constraint failed: start_offset_s >= 0"},
           Case{"INSERT INTO activity_track (activity_id, point_count, encoding, data) VALUES (1, 0, 1, 'text')",
                "cannot store TEXT value in BLOB column"},
       }) {
    auto result = db.exec(sql);
    ASSERT_FALSE(result.has_value()) << sql;
    EXPECT_EQ(result.error().kind, ErrorKind::storage);
    EXPECT_NE(result.error().message.find(error), std::string::npos) << result.error().message;
  }
  EXPECT_EQ(query(db, "SELECT count(*) FROM activity"), 0);
  EXPECT_EQ(query(db, "SELECT count(*) FROM checkin"), 0);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_exercise"), 0);
  EXPECT_EQ(query(db, "SELECT count(*) FROM activity_recording"), 0);
}

TEST_F(SqliteStoreTest, TriggersKeepOneIdSpaceForOtherWriters) {
  auto store = open_store(file_);
  const auto id = store->add_checkin(checkin_on(day(2026, 3, 1))).value();
  Database db = raw(file_);
  auto result = db.exec("INSERT INTO activity (id, sport, date, duration_s, note) VALUES (" + std::to_string(id) +
                        ", 'walk', '2026-03-01', 60, '')");
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("already used by a check-in"), std::string::npos) << result.error().message;
}

TEST_F(SqliteStoreTest, StoresAnActivityWithAllItsExercisesOrNotAtAll) {
  auto store = open_store(file_);
  {
    // A failure half-way through the activity: its third exercise cannot be written.
    Database db = raw(file_);
    ASSERT_TRUE(db.exec("CREATE TRIGGER no_bridges BEFORE INSERT ON strength_exercise WHEN NEW.exercise = 'bridge' "
                        "BEGIN SELECT RAISE(ABORT, 'no bridges today'); END")
                    .has_value());
  }
  const auto first = store->add_activity(strength_on(day(2026, 3, 1)));  // squat, lunge, bridge
  ASSERT_FALSE(first.has_value());
  EXPECT_EQ(first.error().kind, ErrorKind::storage);
  EXPECT_NE(first.error().message.find("no bridges today"), std::string::npos) << first.error().message;

  // The same inside a unit of work that carries on after the failure.
  auto result = store->transact([&]() -> domain::Expected<void> {
    EXPECT_FALSE(store->add_activity(strength_on(day(2026, 3, 2))).has_value());
    if (auto id = store->add_activity(run_on(day(2026, 3, 2))); !id) return std::unexpected(id.error());
    return {};
  });
  ASSERT_TRUE(result.has_value()) << result.error().message;

  const auto activities = store->list_activities({}).value();
  ASSERT_EQ(activities.size(), 1U);
  EXPECT_EQ(activities.front().sport, domain::Sport::run);
  EXPECT_EQ(activities.front().id, 1) << "failed writes hand out no id";
  Database db = raw(file_);
  EXPECT_EQ(query(db, "SELECT count(*) FROM strength_exercise"), 0);
}

TEST_F(SqliteStoreTest, AWriterWaitsForAnotherProcessesTransactionInsteadOfFailing) {
  auto first = open_store(file_);
  auto second = open_store(file_);
  std::promise<void> holding;
  std::thread other([&] {
    auto result = first->transact([&]() -> domain::Expected<void> {
      // Read, then write after a pause: IMMEDIATE holds the write lock from
      // the start, so neither side meets SQLITE_BUSY half-way.
      (void)first->list_activities({});
      holding.set_value();
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      if (auto id = first->add_activity(run_on(day(2026, 3, 1))); !id) return std::unexpected(id.error());
      return {};
    });
    EXPECT_TRUE(result.has_value()) << result.error().message;
  });
  holding.get_future().wait();
  const auto started = std::chrono::steady_clock::now();
  const auto id = second->add_checkin(checkin_on(day(2026, 3, 1)));
  const auto waited = std::chrono::steady_clock::now() - started;
  other.join();
  ASSERT_TRUE(id.has_value()) << id.error().message;
  EXPECT_GE(waited, std::chrono::milliseconds(100)) << "the second writer should have waited for the lock";
  EXPECT_EQ(*id, 2) << "ids are allocated under the lock";
  EXPECT_EQ(second->list_activities({}).value().size(), 1U);
}

TEST_F(SqliteStoreTest, RejectsNestedTransact) {
  auto store = open_store(file_);
  bool inner_ran = false;
  auto result = store->transact([&]() -> domain::Expected<void> {
    EXPECT_TRUE(store->add_activity(run_on(day(2026, 3, 1))).has_value());
    auto inner = store->transact([&]() -> domain::Expected<void> {
      inner_ran = true;
      return {};
    });
    EXPECT_FALSE(inner.has_value());
    return inner;
  });
  EXPECT_FALSE(inner_ran);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::storage);
  EXPECT_TRUE(store->list_activities({}).value().empty());
}

TEST_F(SqliteStoreTest, ReadsTenYearsOfDailyEntriesInDateOrder) {
  auto store = open_store(file_);
  const domain::Date start = day(2016, 1, 1);
  constexpr int kDays = 3650;
  auto written = store->transact([&]() -> domain::Expected<void> {
    for (int i = kDays - 1; i >= 0; --i) {  // newest first, so order comes from the query
      auto c = checkin_on(domain::add_days(start, i), (i % 3 == 0) ? std::nullopt : std::optional<int>(i % 1440));
      if (auto id = store->add_checkin(c); !id) return std::unexpected(id.error());
      if (auto id = store->add_activity(i % 7 == 0 ? strength_on(domain::add_days(start, i))
                                                   : run_on(domain::add_days(start, i)));
          !id) {
        return std::unexpected(id.error());
      }
    }
    return {};
  });
  ASSERT_TRUE(written.has_value()) << written.error().message;

  const auto checkins = store->list_checkins({}).value();
  const auto activities = store->list_activities({}).value();
  ASSERT_EQ(checkins.size(), std::size_t{kDays});
  ASSERT_EQ(activities.size(), std::size_t{kDays});
  for (int i = 0; i < kDays; ++i) {
    const auto expected = domain::add_days(start, i);
    ASSERT_EQ(checkins[static_cast<std::size_t>(i)].date, expected);
    ASSERT_EQ(activities[static_cast<std::size_t>(i)].date, expected);
    ASSERT_EQ(activities[static_cast<std::size_t>(i)].exercises.size(), i % 7 == 0 ? 3U : 0U);
  }
}

// Files keep the enum names and sign columns that migration 1 wrote when they
// were created. A name added to (or renamed in) a domain EnumNames table would
// be rejected by the CHECK constraints of existing files, and a new Sign has
// no column there: such a change needs a new migration (rebuild the table, or
// ADD COLUMN), after which this list is updated. `other` was added with
// migration 3, which rebuilds the activity table.
TEST(SqliteSchema, EnumNamesAreTheOnesTheMigrationsWrote) {
  EXPECT_EQ(domain::allowed_names<domain::Sport>(), "run|swim|walk|cycle|elliptical|row|strength|other");
  EXPECT_EQ(domain::allowed_names<domain::Site>(), "knee|hip");
  EXPECT_EQ(domain::allowed_names<domain::Region>(), "front|outer|inner|back");
  EXPECT_EQ(domain::allowed_names<domain::Side>(), "left|right|both");
  EXPECT_EQ(domain::allowed_names<domain::Timing>(), "during_run|after_run|next_morning|at_rest");
  EXPECT_EQ(domain::allowed_names<domain::Sign>(),
            "swelling|redness|warmth|fever_or_unwell|cannot_bear_weight|locking|giving_way|injury_trauma|"
            "numbness_tingling|night_pain|deformity");
  EXPECT_EQ(domain::allowed_names<domain::RoutineKind>(), "warmup|cooldown|strength");
  // Migration 5 added columns and a table but no enum names; migration 6 the profile's units; migration 7 the
  // profile's weekly goal and session time and the shown plan's tables, with no enum names either.
  EXPECT_EQ(domain::allowed_names<domain::UnitSystem>(), "metric|imperial");
  EXPECT_EQ(sqlite::latest_schema_version(), 7);
}

}  // namespace
}  // namespace stridecare::storage
