#pragma once
/// What every end-to-end test needs: a temporary directory per test (the
/// database, HOME and XDG_DATA_HOME all live in it), running the real
/// `stridecare` executable there, reading files byte for byte, and SQLite in
/// the test process for what the program must not be trusted to report
/// about itself (integrity, foreign files).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "support/test_files.hpp"

struct sqlite3;

namespace stridecare::e2e {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Args = std::vector<std::string>;

using test_support::kCorpus;
/// The bundled demo data, as `export --format json` writes it.
inline const fs::path kDemoExport = fs::path(STRIDECARE_SOURCE_DIR) / "data" / "demo" / "demo-export.json";

/// The program under test (STRIDECARE_EXE, set by CMake).
fs::path stridecare_exe();

/// A fresh directory under the system's temporary directory; removed with
/// everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The file's bytes; fails the test (and returns "") when it cannot be read.
std::string read_bytes(const fs::path& file);
void write_bytes(const fs::path& file, const std::string& bytes);

/// Every entry under `dir` (relative paths, sorted), to show that nothing
/// was created or removed (no stray -wal, -journal or new database).
std::vector<std::string> list_tree(const fs::path& dir);

/// `count` distinct runs as GPX files in `folder`: one a day from 2025-01-01, `points` points a
/// second apart each (1,800 points: a 30-minute run, about 250 KB).
void write_runs(const fs::path& folder, int count, int points);

/// `text` split at '\n' (a final newline ends the last line, it does not start another).
std::vector<std::string> lines_of(const std::string& text);

/// The `id` of each object of a JSON list (rules, care, warnings), in order.
std::vector<std::string> ids_of(const Json& list);
/// Whether `ids` holds `id`.
bool holds(const std::vector<std::string>& ids, const std::string& id);

/// `text` parsed as one JSON document; fails the test and returns a
/// discarded value when it is not.
Json parse_json(const std::string& text);

/// A connection of the test process to an SQLite file.
class SqliteFile {
 public:
  explicit SqliteFile(const fs::path& file);
  ~SqliteFile();
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  /// Runs `sql` (several statements allowed); fails the test on an error.
  void exec(const std::string& sql);
  /// The first column of every row of `sql`, as text.
  std::vector<std::string> column(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

/// A tmpfs of `bytes` at `at`, unmounted when it goes; mounted() is false where mounting is not
/// allowed (not root, no CAP_SYS_ADMIN): tests then skip, saying why.
class SmallDisk {
 public:
  SmallDisk(const fs::path& at, std::size_t bytes);
  ~SmallDisk();
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  /// Gives the disk `bytes` in all, keeping what it holds.
  bool grow(std::size_t bytes);
  /// Makes the disk read-only, even for root, keeping what it holds.
  bool make_read_only();

 private:
  fs::path at_;
  std::size_t bytes_ = 0;
  bool mounted_ = false;
};

/// Base of the end-to-end tests: one temporary directory and one database
/// path per test, and helpers that run the program against them.
class E2eTest : public ::testing::Test {
 protected:
  const fs::path& dir() const { return dir_.path(); }
  /// The database the helpers use unless told otherwise (not created yet).
  fs::path db() const { return dir() / "stridecare.db"; }

  /// HOME and XDG_DATA_HOME inside dir() (so the real home is never touched),
  /// STRIDECARE_DB = db(), and the sanitizers' options of the test process.
  Environment env() const;
  /// env() without STRIDECARE_DB: the program falls back to its default path.
  Environment bare_env() const;

  Command command(Args args) const;
  Command command(Args args, Environment env) const;

  /// Runs stridecare with `args` in env().
  Outcome sc(Args args) const;
  Outcome sc(Args args, Environment env) const;

  /// Runs stridecare and expects exit 0 with nothing on stderr.
  Outcome sc_ok(Args args) const;
  /// Runs stridecare, expects success and returns its stdout parsed as JSON.
  Json sc_json(Args args) const;

  /// `activities --json` -> the "activities" array; `checkins --json` likewise.
  Json activities() const;
  Json checkins() const;

 private:
  TempDir dir_;
};

/// Expects that `o` is a failure with exit code `code` and exactly one line
/// on stderr containing every one of `parts`.
void expect_one_line_failure(const Outcome& o, int code, const std::vector<std::string>& parts);

}  // namespace stridecare::e2e
