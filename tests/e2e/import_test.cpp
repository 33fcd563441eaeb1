// `stridecare import`: files, folders and exports into the database, through the real executable.

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

const fs::path kFitFiles = kCorpus / "fitdecode" / "tests" / "files";

class E2eImport : public E2eTest {};

TEST_F(E2eImport, JsonReportHasTheContractFields) {
  const Json j = sc_json({"--json", "import", (kCorpus / "exports" / "strava-export-sample.zip").string()});
  EXPECT_EQ(j["imported"], 6);  // five files and the manual entry of activities.csv
  EXPECT_TRUE(j["duplicates"].is_array());
  EXPECT_EQ(j["failed"], Json::array());
  ASSERT_EQ(j["activities"].size(), 6u);
  for (const auto& a : j["activities"]) {
    for (const char* key : {"id", "sport", "start", "distance_km", "duration_s"}) {
      EXPECT_TRUE(a.contains(key)) << key << " missing in " << a.dump();
    }
  }
  EXPECT_EQ(activities().size(), 6u);
  EXPECT_TRUE(j["activities"][5]["start"].is_null()) << "a manual entry has no recording";
}

TEST_F(E2eImport, ImportingAgainIsANoOpListedUnderDuplicates) {
  const std::string zip = (kCorpus / "exports" / "strava-export-sample.zip").string();
  sc_json({"--json", "import", zip});
  const std::string before = read_bytes(db());
  const Json again = sc_json({"--json", "import", zip});
  EXPECT_EQ(again["imported"], 0);
  EXPECT_EQ(again["duplicates"].size(), 6u);
  EXPECT_EQ(activities().size(), 6u);
}

TEST_F(E2eImport, StravaAndGarminExportsShareOneRun) {
  sc_json({"--json", "import", (kCorpus / "exports" / "strava-export-sample.zip").string()});
  const Json garmin = sc_json({"--json", "import", (kCorpus / "exports" / "garmin-export-sample.zip").string()});
  bool shared = false;
  for (const auto& d : garmin["duplicates"]) {
    if (d["path"].get<std::string>().ends_with("garmin-fenix-5-run.fit")) shared = d["duplicate_of"].is_number();
  }
  EXPECT_TRUE(shared) << garmin.dump(2);
}

TEST_F(E2eImport, SomeFilesFailingExitsOneAndTheOthersAreStored) {
  fs::create_directories(dir() / "in");
  write_bytes(dir() / "in" / "bad.fit", "garbage, not FIT");
  write_bytes(dir() / "in" / "good.fit", read_bytes(kFitFiles / "garmin-fenix-5-run.fit"));
  const Outcome o = sc({"--json", "import", (dir() / "in").string()});
  EXPECT_EQ(o.exit_code, 1) << o;
  const Json j = parse_json(o.out);
  EXPECT_EQ(j["imported"], 1);
  ASSERT_EQ(j["failed"].size(), 1u);
  EXPECT_EQ(j["failed"][0]["path"], (dir() / "in" / "bad.fit").string());
  EXPECT_NE(o.err.find((dir() / "in" / "bad.fit").string() + ": byte 0"), std::string::npos) << o;
  EXPECT_EQ(activities().size(), 1u);
}

TEST_F(E2eImport, StrictRejectsATruncatedFileAndStoresNothingOfIt) {
  const fs::path nick = kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit";
  const Outcome o = sc({"import", "--strict", nick.string()});
  EXPECT_EQ(o.exit_code, 1) << o;
  EXPECT_NE(o.err.find(nick.string() + ": byte 403437"), std::string::npos) << o;
  sc_ok({"profile"});
  EXPECT_TRUE(activities().empty());
}

TEST_F(E2eImport, ATruncatedFileIsRecoveredWithAWarningByDefault) {
  const Json j = sc_json({"--json", "import", (kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit").string()});
  EXPECT_EQ(j["imported"], 1);
  ASSERT_FALSE(j["warnings"].empty());
  EXPECT_NE(j["warnings"][0]["warning"].get<std::string>().find("recovered, truncated at byte 403437"),
            std::string::npos);
}

TEST_F(E2eImport, TextOutputListsWhatWasStoredAndNoProgressWithoutATerminal) {
  const Outcome o = sc_ok({"import", (kFitFiles / "garmin-fenix-5-run.fit").string()});
  EXPECT_NE(o.out.find("2017-06-11 run"), std::string::npos) << o;
  EXPECT_NE(o.out.find("Imported 1 activity from 1 file"), std::string::npos) << o;
}

TEST_F(E2eImport, ImportedActivitiesShowTheirRecordingInActivitiesJson) {
  sc_ok({"import", (kFitFiles / "garmin-fenix-5-run.fit").string()});
  const Json a = activities()[0];
  ASSERT_TRUE(a.contains("recorded")) << a.dump();
  EXPECT_EQ(a["recorded"]["start"], "2017-06-11T14:34:09Z");
  EXPECT_EQ(a["recorded"]["source"]["format"], "fit");
}

// Regression: a SportsTracker GPX's heart rate (a file-level track) gave avg/max HR null.
TEST_F(E2eImport, SportsTrackerHeartRateGivesTheRunsAverageAndMaximum) {
  std::string gpx =
      R"(<?xml version="1.0"?><gpx version="1.1" creator="Sports Tracker" xmlns="http://www.topografix.com/GPX/1/1" )"
      R"(xmlns:st="urn:uuid:D0EB2ED5-49B6-44e3-B13C-CF15BE7DD7DD"><trk><type>running</type><trkseg>)";
  std::string readings;
  for (int i = 0; i < 60; ++i) {
    const std::string time = "2026-03-01T09:" + std::string(i / 6 < 10 ? "0" : "") + std::to_string(i / 6) + ":" +
                             std::to_string(i % 6) + "0Z";
    gpx += R"(<trkpt lat=")" + std::to_string(46.5 + i * 0.0003) + R"(" lon="6.6"><time>)" + time + "</time></trkpt>";
    readings += R"(<st:heartRate time=")" + time + R"(" bpm=")" + std::to_string(i < 30 ? 140 : 160) + R"("/>)";
  }
  gpx += "</trkseg></trk><extensions><st:activity><st:heartRateTrack>" + readings +
         "</st:heartRateTrack></st:activity></extensions></gpx>";
  write_bytes(dir() / "st.gpx", gpx);
  sc_ok({"import", (dir() / "st.gpx").string()});
  const Json a = activities()[0];
  EXPECT_EQ(a["recorded"]["avg_heart_rate_bpm"], 150) << a.dump();
  EXPECT_EQ(a["recorded"]["max_heart_rate_bpm"], 160) << a.dump();
}

// A real file whose distance is only in an app's developer field: a Concept2 PM5 row via ErgIQ (native 0).
TEST_F(E2eImport, ADistanceOnlyInADeveloperFieldIsStoredWithAWarning) {
  const Outcome o = sc({"import", (kFitFiles / "20170518-191602-1740899583.fit").string()});
  ASSERT_EQ(o.exit_code, 0) << o;
  EXPECT_NE(o.out.find("taken from the developer field Distance [m]: 6163 m"), std::string::npos) << o;
  const Json a = activities()[0];
  EXPECT_EQ(a["sport"], "row");
  EXPECT_EQ(a["distance_m"], 6163) << a.dump();
}

TEST_F(E2eImport, ExportAndRestoreKeepImportedActivitiesAndTracks) {
  sc_ok({"import", (kCorpus / "exports" / "strava-export-sample.zip").string()});
  const Outcome first = sc_ok({"export"});
  write_bytes(dir() / "backup.json", first.out);
  const fs::path other = dir() / "other.db";
  Environment e = env();
  e["STRIDECARE_DB"] = other.string();
  ASSERT_EQ(sc({"restore", (dir() / "backup.json").string()}, e).exit_code, 0);
  const Outcome second = sc({"export"}, e);
  EXPECT_EQ(second.out, first.out);
  EXPECT_NE(first.out.find("\"track\""), std::string::npos);
}

TEST_F(E2eImport, NoPathIsAUsageError) {
  const Outcome o = sc({"import"});
  EXPECT_EQ(o.exit_code, 2) << o;
}

// Regression (issue 14): `import --strict` stored a FIT file whose CRC does not match, with a warning.
TEST_F(E2eImport, StrictRefusesAFitWhoseCrcDoesNotMatchWhichIsOtherwiseKeptWithAWarning) {
  std::string bytes = read_bytes(kFitFiles / "garmin-fenix-5-run.fit");
  ASSERT_FALSE(bytes.empty());
  bytes.back() = static_cast<char>(bytes.back() ^ 0x5A);  // the stored CRC: every record still decodes
  const fs::path file = dir() / "changed.fit";
  write_bytes(file, bytes);
  const Outcome strict = sc({"import", "--strict", file.string()});
  EXPECT_EQ(strict.exit_code, 1) << strict;
  EXPECT_NE(strict.err.find("changed.fit: FIT file CRC mismatch at byte"), std::string::npos) << strict;
  EXPECT_NE(strict.err.find("(--strict)"), std::string::npos) << strict;
  EXPECT_EQ(activities().size(), 0u);
  const Json kept = sc_json({"--json", "import", file.string()});
  EXPECT_EQ(kept["imported"], 1) << kept;
  EXPECT_NE(kept["warnings"].dump().find("CRC mismatch"), std::string::npos) << kept;
}

// Regression (issue 14, item 4): a truncated GPX or TCX lost everything ("not XML: start-end tags mismatch at
// byte N", 0 kept) while a truncated FIT kept what decoded.
TEST_F(E2eImport, ATruncatedGpxOrTcxKeepsThePointsBeforeTheCutUnlessStrict) {
  for (const fs::path& source : {kCorpus / "togeojson" / "test" / "data" / "run.gpx",
                                 kCorpus / "python-tcxparser" / "tests" / "files" / "test.tcx"}) {
    SCOPED_TRACE(source.string());
    const std::string bytes = read_bytes(source);
    ASSERT_GT(bytes.size(), 10000u);
    const fs::path cut = dir() / ("cut" + source.extension().string());
    write_bytes(cut, bytes.substr(0, bytes.size() * 6 / 10));

    const Outcome strict = sc({"import", "--strict", cut.string()});
    EXPECT_EQ(strict.exit_code, 1) << strict;
    EXPECT_NE(strict.err.find(cut.string() + ": not XML: "), std::string::npos) << strict;
    EXPECT_NE(strict.err.find(" at byte "), std::string::npos) << strict;
    EXPECT_TRUE(activities().empty());

    const Json kept = sc_json({"--json", "import", cut.string()});
    EXPECT_EQ(kept["imported"], 1) << kept;
    EXPECT_NE(kept["warnings"].dump().find("recovered, damaged at byte "), std::string::npos) << kept;
    EXPECT_NE(kept["warnings"].dump().find("track points before it; the rest of the file is not read"),
              std::string::npos)
        << kept;
    const Json list = activities();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_GT(list[0]["distance_m"].get<double>(), 0.0) << list;
    sc_ok({"delete", std::to_string(list[0]["id"].get<long long>())});
  }
}

}  // namespace
}  // namespace stridecare::e2e
