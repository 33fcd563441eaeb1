#include "e2e_support.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/mount.h>

namespace stridecare::e2e {

fs::path stridecare_exe() { return fs::path(STRIDECARE_EXE); }

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "stridecare-e2e-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
  // Canonical, so paths the program prints compare equal to ours.
  path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << file;
    return "";
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) ADD_FAILURE() << "cannot write " << file;
}

std::vector<std::string> list_tree(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    names.push_back(fs::relative(entry.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> ids_of(const Json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.value("id", "?"));
  return out;
}

bool holds(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

Json parse_json(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) ADD_FAILURE() << "not one JSON document: [" << text << "]";
  return j;
}

// ---- SqliteFile -------------------------------------------------------------

SqliteFile::SqliteFile(const fs::path& file) : name_(file.string()) {
  if (sqlite3_open_v2(name_.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << name_ << ": cannot open: " << (db_ ? sqlite3_errmsg(db_) : "out of memory");
  }
  if (db_) sqlite3_busy_timeout(db_, 10'000);
}

SqliteFile::~SqliteFile() { sqlite3_close_v2(db_); }

void SqliteFile::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    ADD_FAILURE() << name_ << ": " << sql << ": " << (message ? message : sqlite3_errmsg(db_));
  }
  sqlite3_free(message);
}

std::vector<std::string> SqliteFile::column(const std::string& sql) {
  std::vector<std::string> values;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << name_ << ": " << sql << ": " << sqlite3_errmsg(db_);
    return values;
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
  }
  if (rc != SQLITE_DONE) ADD_FAILURE() << name_ << ": " << sql << ": " << sqlite3_errmsg(db_);
  sqlite3_finalize(stmt);
  return values;
}

// ---- E2eTest ----------------------------------------------------------------

Environment E2eTest::bare_env() const {
  Environment env{{"HOME", (dir() / "home").string()},
                  {"XDG_DATA_HOME", (dir() / "xdg").string()},
                  {"PATH", "/usr/bin:/bin"},
                  {"LC_ALL", "C.UTF-8"}};
  // A sanitizer build of the program should report the way the test's own
  // build was told to (the asan test preset sets these).
  for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    if (const char* value = std::getenv(name)) env[name] = value;
  }
  return env;
}

Environment E2eTest::env() const {
  Environment env = bare_env();
  env["STRIDECARE_DB"] = db().string();
  return env;
}

Command E2eTest::command(Args args) const { return command(std::move(args), env()); }

Command E2eTest::command(Args args, Environment environment) const {
  return Command{stridecare_exe(), std::move(args), std::move(environment), std::nullopt, {}};
}

Outcome E2eTest::sc(Args args) const { return run(command(std::move(args))); }

Outcome E2eTest::sc(Args args, Environment environment) const {
  return run(command(std::move(args), std::move(environment)));
}

Outcome E2eTest::sc_ok(Args args) const {
  Outcome o = sc(std::move(args));
  EXPECT_EQ(o.exit_code, 0) << o;
  EXPECT_EQ(o.err, "") << o;
  return o;
}

Json E2eTest::sc_json(Args args) const {
  const Outcome o = sc_ok(std::move(args));
  if (o.exit_code != 0) return Json::object();
  return parse_json(o.out);
}

Json E2eTest::activities() const {
  const Json j = sc_json({"activities", "--json"});
  if (!j.is_object() || !j.contains("activities") || !j["activities"].is_array()) {
    ADD_FAILURE() << "activities --json has no \"activities\" array: " << j;
    return Json::array();
  }
  return j["activities"];
}

Json E2eTest::checkins() const {
  const Json j = sc_json({"checkins", "--json"});
  if (!j.is_object() || !j.contains("checkins") || !j["checkins"].is_array()) {
    ADD_FAILURE() << "checkins --json has no \"checkins\" array: " << j;
    return Json::array();
  }
  return j["checkins"];
}

void expect_one_line_failure(const Outcome& o, int code, const std::vector<std::string>& parts) {
  EXPECT_EQ(o.exit_code, code) << o;
  EXPECT_EQ(o.out, "") << o;
  ASSERT_FALSE(o.err.empty()) << o;
  EXPECT_EQ(o.err.back(), '\n') << "stderr must end with a newline" << o;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1) << "stderr must be exactly one line" << o;
  for (const auto& part : parts) {
    EXPECT_NE(o.err.find(part), std::string::npos) << "stderr should contain '" << part << "'" << o;
  }
}

void write_runs(const fs::path& folder, int count, int points) {
  fs::create_directories(folder);
  for (int day = 0; day < count; ++day) {
    const int month = 1 + day / 28;
    const int dom = 1 + day % 28;
    std::string gpx =
        R"(<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">)"
        R"(<trk><type>running</type><trkseg>)";
    for (int i = 0; i < points; ++i) {
      char time[32];
      std::snprintf(time, sizeof time, "2025-%02d-%02dT07:%02d:%02dZ", month, dom, i / 60 % 60, i % 60);
      gpx += R"(<trkpt lat=")" + std::to_string(46.5 + i * 0.00003) + R"(" lon=")" + std::to_string(6.6 + day * 0.001) +
             R"("><time>)" + time + "</time></trkpt>";
    }
    gpx += "</trkseg></trk></gpx>";
    write_bytes(folder / ("run-" + std::to_string(day) + ".gpx"), gpx);
  }
}

SmallDisk::SmallDisk(const fs::path& at, std::size_t bytes) : at_(at), bytes_(bytes) {
  fs::create_directories(at);
  mounted_ = ::mount("tmpfs", at.c_str(), "tmpfs", 0, ("size=" + std::to_string(bytes)).c_str()) == 0;
}

SmallDisk::~SmallDisk() {
  if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
}

bool SmallDisk::grow(std::size_t bytes) {
  bytes_ = bytes;
  return ::mount("tmpfs", at_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + std::to_string(bytes)).c_str()) == 0;
}

bool SmallDisk::make_read_only() {
  return ::mount("tmpfs", at_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, ("size=" + std::to_string(bytes_)).c_str()) ==
         0;
}

}  // namespace stridecare::e2e
