// Export and restore (product.md: "export -> restore -> export is identical";
// restore loads into an empty database only, and all or nothing).

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

/// RFC 4180: fields separated by commas, records by CRLF (a bare LF is
/// accepted too), quoted fields may hold commas, quotes ("") and newlines.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // the LF ends the record
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      any = false;
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  if (any) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

class E2eBackup : public E2eTest {
 protected:
  /// One of everything, with the awkward cases: ids with a gap, notes with
  /// quotes, commas, a newline and non-ASCII text, loads in pounds.
  void log_varied_set() const {
    sc_ok({"profile", "--tz", "Europe/London", "--available", "mon,tue,thu,sat,sun", "--long-run-day", "sun", "--cross",
           "swim,cycle", "--gym", "yes", "--strength-per-week", "3"});
    sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "8.2km", "--duration", "45:00", "--rpe", "5", "--note",
           "easy \"recovery\" run, felt \xC3\xBC"
           "ber gut \xF0\x9F\x8F\x83"});
    sc_ok({"log", "run", "--date", "2026-03-02", "--distance", "3.1mi", "--duration", "1:02:03"});
    sc_ok({"log", "run", "--date", "2026-03-02", "--distance", "1", "--duration", "6:00", "--note", "deleted later"});
    sc_ok({"log", "cross", "--date", "2026-03-03", "--sport", "swim", "--duration", "30min", "--rpe", "3"});
    sc_ok({"log", "cross", "--date", "2026-03-03", "--sport", "cycle", "--duration", "1h15min", "--distance", "30km",
           "--note", "line one\nline two"});
    sc_ok({"log", "strength", "--date", "2026-03-04", "--exercise", "squat:3x10@40kg", "--exercise", "lunge:3x8",
           "--exercise", "romanian_deadlift:5x5@135lb", "--rpe", "7", "--duration", "50min"});
    sc_ok({"log", "strength", "--date", "2026-03-06", "--exercise", "glute_bridge:2x15"});
    sc_ok({"log", "pain", "--date", "2026-03-04", "--time", "18:45", "--site", "knee", "--region", "front", "--side",
           "left", "--pain", "4", "--timing", "after_run", "--swelling", "--note", "\xE8\x86\x9D 'sore', \"dull\""});
    sc_ok({"log", "pain", "--date", "2026-03-05", "--site", "hip", "--region", "back", "--side", "both", "--pain", "2",
           "--timing", "next_morning", "--persists-after-run", "--night-pain"});
    sc_ok({"log", "pain", "--date", "2026-03-06", "--time", "00:00", "--site", "knee", "--region", "outer", "--side",
           "right", "--pain", "0", "--timing", "at_rest", "--cleared-by-clinician"});
    // A gap in the ids: "deleted later" goes.
    for (const auto& a : activities()) {
      if (a["note"] == "deleted later") sc_ok({"delete", std::to_string(a["id"].get<int>())});
    }
  }

  /// A run and two check-ins: enough for the failure cases.
  void log_small_set() const {
    sc_ok({"log", "run", "--date", "2026-03-01", "--distance", "5", "--duration", "30:00", "--note", "first"});
    sc_ok({"log", "pain", "--date", "2026-03-02", "--site", "knee", "--side", "left", "--pain", "3", "--timing",
           "after_run", "--swelling"});
    sc_ok({"log", "pain", "--date", "2026-03-03", "--time", "08:00", "--site", "hip", "--region", "outer", "--side",
           "right", "--pain", "1", "--timing", "next_morning"});
  }

  Environment env_for(const fs::path& file) const {
    Environment e = env();
    e["STRIDECARE_DB"] = file.string();
    return e;
  }

  /// `export --format json` of the database at `file`.
  std::string export_of(const fs::path& file) const {
    const Outcome o = sc({"export", "--format", "json"}, env_for(file));
    EXPECT_EQ(o.exit_code, 0) << o;
    return o.out;
  }

  /// Expects that the database at `file` holds nothing at all.
  void expect_empty(const fs::path& file) const {
    const Json j = parse_json(export_of(file));
    EXPECT_TRUE(j["activities"].empty()) << j;
    EXPECT_TRUE(j["checkins"].empty()) << j;
    EXPECT_TRUE(j["profile"].is_null()) << j;
  }
};

TEST_F(E2eBackup, ExportRestoreExportGivesIdenticalBytes) {
  log_varied_set();
  const std::string first = export_of(db());
  const Json doc = parse_json(first);
  ASSERT_EQ(doc["activities"].size(), 6u) << doc;
  ASSERT_EQ(doc["checkins"].size(), 3u) << doc;
  const fs::path file = dir() / "backup.json";
  write_bytes(file, first);

  const fs::path restored = dir() / "restored.db";
  const Outcome o = sc({"restore", file.string()}, env_for(restored));
  ASSERT_EQ(o.exit_code, 0) << o;
  const std::string second = export_of(restored);
  EXPECT_TRUE(second == first) << "export after restore differs:\n--- first\n" << first << "\n--- second\n" << second;
}

TEST_F(E2eBackup, RestoreReadsTheExportFromStdin) {
  log_small_set();
  const std::string first = export_of(db());
  const fs::path restored = dir() / "restored.db";
  Command c = command({"restore", "-"}, env_for(restored));
  c.stdin_text = first;
  const Outcome o = run(c);
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_TRUE(export_of(restored) == first);
}

TEST_F(E2eBackup, RestoredDatabaseKeepsIdsAndAcceptsNewEntries) {
  log_small_set();
  const fs::path file = dir() / "backup.json";
  write_bytes(file, export_of(db()));
  const fs::path restored = dir() / "restored.db";
  ASSERT_EQ(sc({"restore", file.string()}, env_for(restored)).exit_code, 0);
  const Outcome added =
      sc({"--json", "log", "run", "--date", "2026-03-07", "--distance", "5", "--duration", "30:00"}, env_for(restored));
  ASSERT_EQ(added.exit_code, 0) << added;
  const int new_id = parse_json(added.out)["id"];
  const Json doc = parse_json(export_of(db()));
  for (const char* list : {"activities", "checkins"}) {
    for (const auto& entry : doc[list]) EXPECT_NE(entry["id"].get<int>(), new_id) << "id reused: " << entry;
  }
}

TEST_F(E2eBackup, RestoreIntoANonEmptyDatabaseFailsAndChangesNothing) {
  log_small_set();
  const fs::path file = dir() / "backup.json";
  write_bytes(file, export_of(db()));
  const fs::path other = dir() / "other.db";
  ASSERT_EQ(
      sc({"log", "run", "--date", "2026-01-01", "--distance", "5", "--duration", "30:00"}, env_for(other)).exit_code,
      0);
  const std::string before = read_bytes(other);

  const Outcome o = sc({"restore", file.string()}, env_for(other));
  expect_one_line_failure(o, 1, {file.string()});
  EXPECT_TRUE(read_bytes(other) == before) << "the database changed";

  // Restoring a database's own export into itself is refused the same way.
  const std::string self_before = read_bytes(db());
  expect_one_line_failure(sc({"restore", file.string()}), 1, {file.string()});
  EXPECT_TRUE(read_bytes(db()) == self_before);
}

TEST_F(E2eBackup, RestoreOfTruncatedJsonFailsNamingTheFileAndLeavesTheDatabaseEmpty) {
  log_small_set();
  const std::string full = export_of(db());
  const fs::path file = dir() / "truncated.json";
  write_bytes(file, full.substr(0, full.size() / 2));
  const fs::path fresh = dir() / "fresh.db";
  const Outcome o = sc({"restore", file.string()}, env_for(fresh));
  EXPECT_EQ(o.exit_code, 2) << "a file given to restore that is not a valid export is a usage error: " << o;
  expect_one_line_failure(o, o.exit_code, {file.string()});
  expect_empty(fresh);
}

TEST_F(E2eBackup, RestoreOfAFileThatIsNotAnExportFailsAndLeavesTheDatabaseEmpty) {
  const fs::path fresh = dir() / "fresh.db";
  for (const std::string& text : {std::string("{\"activities\": [], \"checkins\": []}"), std::string("[1, 2, 3]"),
                                  std::string(""), std::string("\x89PNG\r\n\x1a\n")}) {
    const fs::path file = dir() / "not-an-export.json";
    write_bytes(file, text);
    const Outcome o = sc({"restore", file.string()}, env_for(fresh));
    EXPECT_EQ(o.exit_code, 2) << "a file given to restore that is not a valid export is a usage error: " << o;
    expect_one_line_failure(o, o.exit_code, {file.string()});
  }
  expect_empty(fresh);
}

TEST_F(E2eBackup, RestoreOfAMissingFileFailsNamingIt) {
  const fs::path missing = dir() / "no-such-backup.json";
  const Outcome o = sc({"restore", missing.string()}, env_for(dir() / "fresh.db"));
  expect_one_line_failure(o, 2, {missing.string(), "no such file"});
}

TEST_F(E2eBackup, RestoreWithABadFieldNamesTheFieldAndWritesNothing) {
  log_small_set();
  Json doc = parse_json(export_of(db()));
  ASSERT_GE(doc["checkins"].size(), 2u);
  doc["checkins"][1]["pain"] = 12;
  const fs::path file = dir() / "bad-field.json";
  write_bytes(file, doc.dump(2));
  const fs::path fresh = dir() / "fresh.db";

  const Outcome o = sc({"restore", file.string()}, env_for(fresh));
  EXPECT_EQ(o.exit_code, 2) << "a file given to restore that is not a valid export is a usage error: " << o;
  expect_one_line_failure(o, o.exit_code, {file.string(), "checkins[1].pain", "12"});
  expect_empty(fresh);
}

TEST_F(E2eBackup, RestoreWithAMistypedFieldNamesIt) {
  log_small_set();
  Json doc = parse_json(export_of(db()));
  doc["activities"][0]["duration_s"] = "an hour";
  const fs::path file = dir() / "bad-type.json";
  write_bytes(file, doc.dump());
  const fs::path fresh = dir() / "fresh.db";
  const Outcome o = sc({"restore", file.string()}, env_for(fresh));
  EXPECT_EQ(o.exit_code, 2) << "a file given to restore that is not a valid export is a usage error: " << o;
  expect_one_line_failure(o, o.exit_code, {"activities[0].duration_s"});
  expect_empty(fresh);
}

TEST_F(E2eBackup, ExportCsvHasAHeaderAndOneRowPerEntry) {
  log_varied_set();
  const Json doc = parse_json(export_of(db()));
  const Outcome o = sc_ok({"export", "--format", "csv"});
  const auto records = parse_csv(o.out);
  ASSERT_FALSE(records.empty()) << o;
  const auto& header = records[0];
  ASSERT_GE(header.size(), 3u);
  EXPECT_EQ(header[0], "record");
  EXPECT_EQ(header[1], "id");
  const std::size_t entries = doc["activities"].size() + doc["checkins"].size();
  ASSERT_EQ(records.size(), 1 + entries) << o;

  std::size_t activity_rows = 0;
  std::size_t checkin_rows = 0;
  std::vector<std::string> notes;
  const auto note_column = static_cast<std::size_t>(std::find(header.begin(), header.end(), "note") - header.begin());
  ASSERT_LT(note_column, header.size()) << "no note column";
  for (std::size_t i = 1; i < records.size(); ++i) {
    EXPECT_EQ(records[i].size(), header.size()) << "row " << i << " has another number of fields";
    if (records[i][0] == "activity") ++activity_rows;
    if (records[i][0] == "checkin") ++checkin_rows;
    if (note_column < records[i].size()) notes.push_back(records[i][note_column]);
  }
  EXPECT_EQ(activity_rows, doc["activities"].size());
  EXPECT_EQ(checkin_rows, doc["checkins"].size());
  // Notes survive the quoting whole.
  for (const auto* list : {&doc["activities"], &doc["checkins"]}) {
    for (const auto& entry : *list) {
      const std::string note = entry["note"];
      EXPECT_NE(std::find(notes.begin(), notes.end(), note), notes.end()) << "note not in the CSV: " << note;
    }
  }
}

TEST_F(E2eBackup, ExportOfAnEmptyDatabaseIsEmptyAndRestoresToEmpty) {
  const std::string empty = export_of(db());
  const fs::path file = dir() / "empty.json";
  write_bytes(file, empty);
  const fs::path fresh = dir() / "fresh.db";
  const Outcome o = sc({"restore", file.string()}, env_for(fresh));
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_EQ(export_of(fresh), empty);
  const auto csv = parse_csv(sc_ok({"export", "--format", "csv"}).out);
  EXPECT_EQ(csv.size(), 1u) << "just the header";
}

}  // namespace
}  // namespace stridecare::e2e
