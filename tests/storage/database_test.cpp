// The RAII wrapper over the SQLite C API.

#include "storage/sqlite/database.hpp"

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace stridecare::storage::sqlite {
namespace {

namespace fs = std::filesystem;
using domain::ErrorKind;
using storage::testing::TempDir;

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(file_, OpenMode::create);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    db_ = std::move(*opened);
  }

  TempDir dir_;
  fs::path file_ = dir_.path() / "test.db";
  std::optional<Database> db_;
};

TEST_F(SqliteDatabaseTest, BindsAndReadsBackEveryKindOfValue) {
  ASSERT_TRUE(db_->exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n INTEGER, o REAL) STRICT").has_value());
  auto insert = db_->prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)");
  ASSERT_TRUE(insert.has_value());
  const std::string text("caf\xC3\xA9, \"quoted\"; 'x'");
  ASSERT_TRUE(insert->bind_all(std::int64_t{9'007'199'254'740'993}, 0.1, text, std::nullopt, std::optional<double>{})
                  .has_value());
  ASSERT_TRUE(insert->run().has_value());
  ASSERT_TRUE(insert->bind_all(-1, 2.5, std::string_view("b"), true, std::optional<double>{4.0}).has_value());
  ASSERT_TRUE(insert->run().has_value());

  auto select = db_->prepare("SELECT i, r, s, n, o FROM t ORDER BY rowid");
  ASSERT_TRUE(select.has_value());
  ASSERT_EQ(select->step(), true);
  EXPECT_EQ(select->column_int64(0), 9'007'199'254'740'993);
  EXPECT_EQ(select->column_double(1), 0.1);
  EXPECT_EQ(select->column_text(2), text);
  EXPECT_TRUE(select->is_null(3));
  EXPECT_EQ(select->column_optional_double(4), std::nullopt);
  EXPECT_EQ(select->column_optional_text(3), std::nullopt);
  ASSERT_EQ(select->step(), true);
  EXPECT_EQ(select->column_int(0), -1);
  EXPECT_EQ(select->column_text_view(2), "b");
  EXPECT_EQ(select->column_optional_int64(3), 1);
  EXPECT_EQ(select->column_optional_double(4), 4.0);
  EXPECT_EQ(select->step(), false);
  // Finished statements start over with the same bindings.
  EXPECT_EQ(select->step(), true);
}

TEST_F(SqliteDatabaseTest, ErrorsNameTheFileAndSqlitesMessage) {
  auto bad = db_->prepare("SELEC 1");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::storage);
  EXPECT_EQ(bad.error().field, file_.string());
  EXPECT_NE(bad.error().message.find(file_.string()), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("syntax error"), std::string::npos) << bad.error().message;

  auto missing = db_->exec("SELECT * FROM nowhere");
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("no such table: nowhere"), std::string::npos) << missing.error().message;
}

TEST_F(SqliteDatabaseTest, AFailedStepIsReportedAndTheStatementStaysUsable) {
  ASSERT_TRUE(db_->exec("CREATE TABLE t (x INTEGER NOT NULL CHECK (x > 0)) STRICT").has_value());
  auto insert = db_->prepare("INSERT INTO t VALUES (?1)");
  ASSERT_TRUE(insert.has_value());
  ASSERT_TRUE(insert->bind(1, 0).has_value());
  auto failed = insert->run();
  ASSERT_FALSE(failed.has_value());
  EXPECT_NE(failed.error().message.find("CHECK constraint failed"), std::string::npos) << failed.error().message;
  insert->reset();
  ASSERT_TRUE(insert->bind(1, 5).has_value());
  EXPECT_TRUE(insert->run().has_value());
  EXPECT_EQ(db_->changes(), 1);
  EXPECT_EQ(db_->query_int64("SELECT sum(x) FROM t").value_or(0), 5);
}

TEST_F(SqliteDatabaseTest, BindingAnUnknownParameterIsAnError) {
  auto stmt = db_->prepare("SELECT ?1");
  ASSERT_TRUE(stmt.has_value());
  auto bound = stmt->bind(2, 1);
  ASSERT_FALSE(bound.has_value());
  EXPECT_EQ(bound.error().kind, ErrorKind::storage);
}

TEST_F(SqliteDatabaseTest, ReportsWhetherATransactionIsOpen) {
  EXPECT_FALSE(db_->in_transaction());
  ASSERT_TRUE(db_->exec("BEGIN").has_value());
  EXPECT_TRUE(db_->in_transaction());
  ASSERT_TRUE(db_->exec("ROLLBACK").has_value());
  EXPECT_FALSE(db_->in_transaction());
}

TEST(SqliteDatabase, OpeningAMissingFileWithoutCreateFailsAndCreatesNothing) {
  TempDir dir;
  const fs::path file = dir.path() / "absent.db";
  for (OpenMode mode : {OpenMode::read_write, OpenMode::read_only}) {
    auto db = Database::open(file, mode);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().kind, ErrorKind::storage);
    EXPECT_NE(db.error().message.find(file.string()), std::string::npos) << db.error().message;
  }
  EXPECT_FALSE(fs::exists(file));
}

TEST(SqliteDatabase, ReadOnlyConnectionsCannotWrite) {
  TempDir dir;
  const fs::path file = dir.path() / "ro.db";
  ASSERT_TRUE(Database::open(file, OpenMode::create).value().exec("CREATE TABLE t (x)").has_value());
  auto db = Database::open(file, OpenMode::read_only);
  ASSERT_TRUE(db.has_value());
  EXPECT_FALSE(db->exec("INSERT INTO t VALUES (1)").has_value());
}

TEST(SqliteDatabase, MovedFromObjectsAreInert) {
  TempDir dir;
  auto db = Database::open(dir.path() / "m.db", OpenMode::create);
  ASSERT_TRUE(db.has_value());
  Database moved = std::move(*db);
  auto stmt = moved.prepare("SELECT 42");
  ASSERT_TRUE(stmt.has_value());
  Statement other = std::move(*stmt);
  ASSERT_EQ(other.step(), true);
  EXPECT_EQ(other.column_int64(0), 42);
  stmt->reset();  // no-op on the moved-from statement
}

}  // namespace
}  // namespace stridecare::storage::sqlite
