#include "storage/sqlite/database.hpp"

#include <algorithm>
#include <climits>

#include <sqlite3.h>

#include "domain/text.hpp"

namespace stridecare::storage::sqlite {

static_assert(kNotADatabase == SQLITE_NOTADB);

namespace {

using domain::ErrorKind;

domain::Error storage_error(const std::string& path, std::string_view what, sqlite3* db) {
  std::string message = path;
  message += ": ";
  message += what;
  if (db != nullptr) {
    message += ": ";
    message += sqlite3_errmsg(db);
  }
  return domain::Error{ErrorKind::storage, path, std::move(message)};
}

int open_flags(OpenMode mode) {
  // NOMUTEX: a connection is used by one thread only (see the header), so
  // SQLite's per-connection mutex would be pure overhead.
  constexpr int kCommon = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case OpenMode::read_only:
      return kCommon | SQLITE_OPEN_READONLY;
    case OpenMode::read_only_immutable:
      return kCommon | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    case OpenMode::read_write:
      return kCommon | SQLITE_OPEN_READWRITE;
    case OpenMode::create:
      return kCommon | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  return kCommon | SQLITE_OPEN_READONLY;
}

/// SQLite takes lengths as int; statements and texts here are far smaller, but
/// a length that does not fit must fail rather than wrap.
std::optional<int> sql_length(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
  return static_cast<int>(text.size());
}

}  // namespace

// ---- Statement ------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), path_(std::move(other.path_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

domain::Error Statement::error(std::string_view what) const {
  return storage_error(path_, what, stmt_ == nullptr ? nullptr : sqlite3_db_handle(stmt_));
}

Expected<void> Statement::check_bind(int rc, int index) const {
  if (rc == SQLITE_OK) return {};
  return std::unexpected(error("cannot bind parameter " + std::to_string(index) + " of '" + std::string(sql()) + "'"));
}

Expected<void> Statement::bind(int index, std::int64_t value) {
  return check_bind(sqlite3_bind_int64(stmt_, index, value), index);
}

Expected<void> Statement::bind(int index, double value) {
  return check_bind(sqlite3_bind_double(stmt_, index, value), index);
}

Expected<void> Statement::bind(int index, std::string_view value) {
  // sqlite3_bind_text64 takes the length as an unsigned 64-bit count, so no
  // narrowing; TRANSIENT makes SQLite copy the text before returning.
  return check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
                    index);
}

Expected<void> Statement::bind(int index, std::span<const std::uint8_t> bytes) {
  // An empty span may have a null data pointer, which SQLite would bind as
  // NULL; zeroblob keeps an empty BLOB a BLOB.
  if (bytes.empty()) return check_bind(sqlite3_bind_zeroblob(stmt_, index, 0), index);
  return check_bind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), index);
}

Expected<void> Statement::bind(int index, std::nullopt_t) { return check_bind(sqlite3_bind_null(stmt_, index), index); }

Expected<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    sqlite3_reset(stmt_);
    return false;
  }
  // Read the message before reset(), which may replace it.
  auto failure = error("'" + std::string(sql()) + "' failed");
  sqlite3_reset(stmt_);
  return std::unexpected(std::move(failure));
}

Expected<void> Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return {};
  }
}

void Statement::reset() noexcept {
  if (stmt_ == nullptr) return;
  // The return value repeats the last step's error, already reported by step().
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }

int Statement::column_int(int column) const { return sqlite3_column_int(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::column_text_view(int column) const {
  // Text first, then bytes: the documented order that yields the UTF-8 length.
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  const int bytes = sqlite3_column_bytes(stmt_, column);
  if (text == nullptr || bytes <= 0) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)};
}

std::span<const std::uint8_t> Statement::column_blob(int column) const {
  // Blob first, then bytes, as for text.
  const void* blob = sqlite3_column_blob(stmt_, column);
  const int bytes = sqlite3_column_bytes(stmt_, column);
  if (blob == nullptr || bytes <= 0) return {};
  return {static_cast<const std::uint8_t*>(blob), static_cast<std::size_t>(bytes)};
}

// Repair on read: a database written before notes and file names were checked may hold bytes that
// are not UTF-8, and every export and JSON listing would fail on them.
std::string Statement::column_text(int column) const { return domain::valid_utf8(column_text_view(column)); }

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int64(column);
}

std::optional<double> Statement::column_optional_double(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_double(column);
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}

std::string_view Statement::sql() const {
  const char* text = stmt_ == nullptr ? nullptr : sqlite3_sql(stmt_);
  return text == nullptr ? std::string_view{} : std::string_view{text};
}

// ---- Database -------------------------------------------------------------

Expected<Database> Database::open(const std::filesystem::path& path, OpenMode mode) {
  const std::string name = path.string();
  std::string target = name;
  if (mode == OpenMode::read_only_immutable) {
    // A URI: the path's '%', '?' and '#' would otherwise be read as URI syntax.
    target = "file:";
    for (const char c : name) {
      if (c == '%' || c == '?' || c == '#') {
        constexpr char kHex[] = "0123456789ABCDEF";
        target += '%';
        target += kHex[static_cast<unsigned char>(c) >> 4];
        target += kHex[static_cast<unsigned char>(c) & 0xF];
      } else {
        target += c;
      }
    }
    target += "?immutable=1";
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(target.c_str(), &db, open_flags(mode), nullptr);
  if (rc != SQLITE_OK) {
    // On failure SQLite may still hand back a handle (carrying the message)
    // that must be closed.
    auto failure = storage_error(name, "cannot open the database", db);
    sqlite3_close_v2(db);
    return std::unexpected(std::move(failure));
  }
  sqlite3_extended_result_codes(db, 1);
  return Database(db, name);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Database::~Database() {
  // close_v2 defers the close until every statement is finalised, so the
  // destruction order of a Database and its Statements does not matter.
  sqlite3_close_v2(db_);
}

domain::Error Database::error(std::string_view what) const { return storage_error(path_, what, db_); }

Expected<void> Database::exec(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string.
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::string what = "'";
    what += text.size() > 80 ? text.substr(0, 77) + "..." : text;
    what += "' failed";
    return std::unexpected(error(what));
  }
  return {};
}

Expected<Statement> Database::prepare(std::string_view sql, bool persistent) {
  const auto length = sql_length(sql);
  if (!length) {
    return domain::fail(ErrorKind::storage, path_,
                        path_ + ": an SQL statement of " + std::to_string(sql.size()) + " bytes is too long");
  }
  sqlite3_stmt* stmt = nullptr;
  const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0U;
  if (sqlite3_prepare_v3(db_, sql.data(), *length, flags, &stmt, nullptr) != SQLITE_OK) {
    auto failure = error("cannot prepare '" + std::string(sql) + "'");
    sqlite3_finalize(stmt);
    return std::unexpected(std::move(failure));
  }
  if (stmt == nullptr) {
    return domain::fail(ErrorKind::storage, path_, path_ + ": '" + std::string(sql) + "' contains no SQL statement");
  }
  return Statement(stmt, path_);
}

Expected<std::int64_t> Database::query_int64(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return std::unexpected(std::move(stmt.error()));
  auto row = stmt->step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return domain::fail(ErrorKind::storage, path_, path_ + ": '" + std::string(sql) + "' returned no row");
  return stmt->column_int64(0);
}

Expected<std::string> Database::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return std::unexpected(std::move(stmt.error()));
  auto row = stmt->step();
  if (!row) return std::unexpected(std::move(row.error()));
  if (!*row) return domain::fail(ErrorKind::storage, path_, path_ + ": '" + std::string(sql) + "' returned no row");
  return stmt->column_text(0);
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

std::int64_t Database::total_changes() const { return sqlite3_total_changes64(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Expected<void> Database::set_busy_timeout(std::chrono::milliseconds timeout) {
  const auto ms = std::clamp<std::chrono::milliseconds::rep>(timeout.count(), 0, INT_MAX);
  if (sqlite3_busy_timeout(db_, static_cast<int>(ms)) != SQLITE_OK) {
    return std::unexpected(error("cannot set the busy timeout"));
  }
  return {};
}

int Database::last_error_code() const { return sqlite3_errcode(db_) & 0xff; }

}  // namespace stridecare::storage::sqlite
