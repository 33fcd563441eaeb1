#pragma once
/// A thin RAII layer over the SQLite C API. It owns connections and prepared
/// statements and turns every SQLite failure into an `ErrorKind::storage`
/// error naming the file and SQLite's own message, so the store above it never
/// touches a raw result code.
///
/// Not thread-safe: a `Database` and its statements belong to one thread.

#include <chrono>
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "domain/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace stridecare::storage::sqlite {

using domain::Expected;

/// SQLite's primary result code for "file is not a database" (SQLITE_NOTADB),
/// so callers can recognise it without including sqlite3.h.
inline constexpr int kNotADatabase = 26;

/// How `Database::open` treats the file.
enum class OpenMode {
  read_only,  ///< the file must exist; nothing can be written
  /// read_only on read-only media: SQLite is told the file cannot change (`immutable=1`), as it cannot
  /// create the WAL index beside it there.
  read_only_immutable,
  read_write,  ///< the file must exist
  create,      ///< read-write; an absent file is created (its directory must exist)
};

/// A prepared statement. Move-only; finalised on destruction.
///
/// Parameters are 1-based (as in SQL `?1`), columns 0-based (as in the
/// select list). A statement keeps its bindings until `reset()`.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Expected<void> bind(int index, std::int64_t value);
  Expected<void> bind(int index, double value);
  /// The text is copied; `value` need not outlive the call.
  Expected<void> bind(int index, std::string_view value);
  Expected<void> bind(int index, std::nullopt_t);
  /// A BLOB; the bytes are copied.
  Expected<void> bind(int index, std::span<const std::uint8_t> bytes);
  /// Any integer type (including bool, bound as 0/1) as an SQL INTEGER.
  template <std::integral T>
  Expected<void> bind(int index, T value) {
    return bind(index, static_cast<std::int64_t>(value));
  }
  Expected<void> bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Expected<void> bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  /// NULL when empty.
  template <class T>
  Expected<void> bind(int index, const std::optional<T>& value) {
    if (!value) return bind(index, std::nullopt);
    return bind(index, *value);
  }
  /// Binds `values` to parameters 1, 2, ... in order.
  template <class... Ts>
  Expected<void> bind_all(const Ts&... values) {
    int index = 0;
    Expected<void> result;
    // Stops at the first failure: `&&` short-circuits across the fold.
    (void)((result = bind(++index, values), result.has_value()) && ...);
    return result;
  }

  /// Advances to the next row: true when a row is available, false when the
  /// statement has finished (it is then reset, ready to run again with the
  /// same bindings).
  Expected<bool> step();
  /// Steps until the statement finishes; for statements that return no rows
  /// (or whose rows do not matter).
  Expected<void> run();
  /// Ends the current execution (releasing any read snapshot it holds) and
  /// clears all bindings. Safe to call at any time.
  void reset() noexcept;

  /// Column getters for the current row (after `step()` returned true).
  /// NULL reads as 0, 0.0 or "".
  bool is_null(int column) const;
  std::int64_t column_int64(int column) const;
  int column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;                    ///< valid UTF-8: bytes that are not read as U+FFFD
  std::string_view column_text_view(int column) const;          ///< valid until the next step/reset
  std::span<const std::uint8_t> column_blob(int column) const;  ///< valid until the next step/reset
  std::optional<std::int64_t> column_optional_int64(int column) const;
  std::optional<double> column_optional_double(int column) const;
  std::optional<std::string> column_optional_text(int column) const;

  /// The SQL text, for messages.
  std::string_view sql() const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, std::string path) : stmt_(stmt), path_(std::move(path)) {}
  domain::Error error(std::string_view what) const;
  Expected<void> check_bind(int rc, int index) const;

  sqlite3_stmt* stmt_ = nullptr;
  std::string path_;  ///< the database file, for error messages
};

/// One connection to an SQLite database file. Move-only; closed on
/// destruction (statements still alive keep the connection open until they
/// are finalised too).
class Database {
 public:
  /// Opens `path` with `sqlite3_open_v2`. Opening does not read the file: a
  /// file that is not an SQLite database is reported by the first statement
  /// that reads it (SQLITE_NOTADB). Extended result codes are enabled.
  static Expected<Database> open(const std::filesystem::path& path, OpenMode mode);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  ~Database();

  /// Runs one or more `;`-separated statements that take no parameters.
  Expected<void> exec(std::string_view sql);
  /// Compiles the first statement of `sql`. `persistent` hints to SQLite that
  /// the statement will be kept and reused many times.
  Expected<Statement> prepare(std::string_view sql, bool persistent = false);
  /// Runs `sql` (one statement) and returns the first column of its first row;
  /// for pragmas and counts. A statement that yields no row is an error.
  Expected<std::int64_t> query_int64(std::string_view sql);
  Expected<std::string> query_text(std::string_view sql);

  /// Rows changed by the most recent INSERT, UPDATE or DELETE.
  std::int64_t changes() const;
  /// Rows changed through this connection since it was opened (rolled-back ones included).
  std::int64_t total_changes() const;
  /// True while an explicit transaction (BEGIN or SAVEPOINT) is open.
  bool in_transaction() const;
  /// Sets how long a statement waits for another connection's lock before it
  /// fails with SQLITE_BUSY.
  Expected<void> set_busy_timeout(std::chrono::milliseconds timeout);

  /// The file as given to `open`.
  const std::string& path() const { return path_; }
  /// The primary result code (e.g. SQLITE_NOTADB) of the most recent failure.
  int last_error_code() const;
  /// An `ErrorKind::storage` error: "PATH: WHAT: <sqlite3_errmsg>".
  domain::Error error(std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace stridecare::storage::sqlite
