// Importing files, folders and bulk exports: what is stored, what is reported.

#include "services/import.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "archive_writer.hpp"
#include "rules/rule_book.hpp"
#include "services/journal.hpp"
#include "services/json_codec.hpp"
#include "storage/memory_store.hpp"
#include "support/test_files.hpp"

namespace stridecare::services {
namespace {

namespace fs = std::filesystem;
using stridecare::testing::gzip;
using stridecare::testing::zip;
using stridecare::testing::zip_with_utf8_names;

using test_support::kCorpus;
const fs::path kFitFiles = kCorpus / "fitdecode" / "tests" / "files";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void spit(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

class ImportTest : public ::testing::Test {
 protected:
  ImportTest() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("stridecare-import-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  ~ImportTest() override { fs::remove_all(dir_); }

  ImportReport import(std::vector<fs::path> paths, ImportOptions options = {}) {
    auto r = import_paths(session, paths, options);
    EXPECT_TRUE(r) << r.error().message;
    return r ? std::move(*r) : ImportReport{};
  }

  std::size_t stored() { return list_activities(session, {}).value().size(); }

  fs::path dir_;
  storage::MemoryStore store;
  Session session{store, rules::default_rule_book()};
};

TEST_F(ImportTest, AFitFileBecomesARunWithItsSummaryAndTrack) {
  const auto r = import({kFitFiles / "garmin-fenix-5-run.fit"});
  ASSERT_EQ(r.imported.size(), 1u);
  EXPECT_TRUE(r.failed.empty());
  const auto& a = r.imported[0].activity;
  EXPECT_EQ(a.sport, domain::Sport::run);
  EXPECT_EQ(domain::to_string(a.date), "2017-06-11");
  ASSERT_TRUE(a.recorded);
  EXPECT_EQ(a.recorded->source.format, "fit");
  EXPECT_EQ(a.recorded->source.content_hash.size(), 32u);
  const auto track = store.load_track(a.id).value();
  ASSERT_TRUE(track);
  EXPECT_EQ(track->points.size(), 21u);
}

TEST_F(ImportTest, ReimportingTheSameFileIsANoOpReportedAsDuplicate) {
  const fs::path file = kFitFiles / "garmin-fenix-5-walk.fit";
  ASSERT_EQ(import({file}).imported.size(), 1u);
  const auto again = import({file});
  EXPECT_TRUE(again.imported.empty());
  ASSERT_EQ(again.duplicates.size(), 1u);
  EXPECT_EQ(again.duplicates[0].reason, "same file");
  EXPECT_EQ(stored(), 1u);
}

TEST_F(ImportTest, TheSameFileTwiceInOneBatchIsStoredOnce) {
  const fs::path file = kFitFiles / "garmin-fenix-5-walk.fit";
  const auto r = import({file, file});
  EXPECT_EQ(r.imported.size(), 1u);
  EXPECT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(stored(), 1u);
}

TEST_F(ImportTest, AGzippedCopyIsTheSameFile) {
  const fs::path file = kFitFiles / "garmin-fenix-5-walk.fit";
  spit(dir_ / "walk.fit.gz", gzip(slurp(file)));
  ASSERT_EQ(import({file}).imported.size(), 1u);
  const auto again = import({dir_ / "walk.fit.gz"});
  ASSERT_EQ(again.duplicates.size(), 1u);
  EXPECT_EQ(again.duplicates[0].reason, "same file");
}

TEST_F(ImportTest, TheStravaAndGarminExportsStoreTheirSharedRunOnce) {
  const auto strava = import({kCorpus / "exports" / "strava-export-sample.zip"});
  EXPECT_TRUE(strava.failed.empty());
  EXPECT_EQ(strava.imported.size(), 6u);  // five files and the manual entry of activities.csv
  const auto garmin = import({kCorpus / "exports" / "garmin-export-sample.zip"});
  EXPECT_TRUE(garmin.failed.empty());
  bool shared_run_found = false;
  for (const auto& d : garmin.duplicates) {
    if (d.path.ends_with("garmin-fenix-5-run.fit")) shared_run_found = d.existing_id != 0;
  }
  EXPECT_TRUE(shared_run_found);
  EXPECT_EQ(stored(), strava.imported.size() + garmin.imported.size());
}

TEST_F(ImportTest, StravasCsvNamesTheActivitiesAndGivesTheirRpe) {
  const auto r = import({kCorpus / "exports" / "strava-export-sample.zip"});
  bool found = false;
  for (const auto& i : r.imported) {
    if (!i.path.ends_with("activities/1500000001.fit.gz")) continue;
    found = true;
    EXPECT_EQ(i.activity.note, "Morning Run - Easy, knees fine");
    EXPECT_EQ(i.activity.rpe, 4);
    EXPECT_EQ(i.activity.sport, domain::Sport::run);
  }
  EXPECT_TRUE(found);
}

// Regression: a manual entry (a row of activities.csv without a file: a pool swim) was dropped silently.
TEST_F(ImportTest, AStravaManualEntryIsImportedFromTheCsvsFiguresOnceOnly) {
  const auto r = import({kCorpus / "exports" / "strava-export-sample.zip"});
  const ImportedActivity* swim = nullptr;
  for (const auto& i : r.imported) {
    if (i.path.ends_with("strava-export-sample.zip/activities.csv")) swim = &i;
  }
  ASSERT_NE(swim, nullptr);
  EXPECT_EQ(swim->activity.sport, domain::Sport::swim);
  EXPECT_EQ(swim->activity.date, std::chrono::year{2017} / 6 / 14);
  EXPECT_EQ(swim->activity.duration_s, 1800.0);
  EXPECT_EQ(swim->activity.distance_m, 1500.0);  // the raw Distance column, metres
  EXPECT_EQ(swim->activity.rpe, 5);
  EXPECT_EQ(swim->activity.note, "Pool swim - Manual entry without a file");
  EXPECT_FALSE(swim->activity.recorded);
  const auto again = import({kCorpus / "exports" / "strava-export-sample.zip"});
  EXPECT_TRUE(again.imported.empty());
  bool manual_duplicate = false;
  for (const auto& d : again.duplicates) manual_duplicate = manual_duplicate || d.reason == "same manual entry";
  EXPECT_TRUE(manual_duplicate);
}

TEST_F(ImportTest, AManualEntryThatCannotBeImportedIsListedWithWhy) {
  spit(dir_ / "export" / "activities.csv",
       "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n"
       "1,\"Jun 14, 2017, 7:00:00 PM\",Yoga flow,Yoga,3600,,\n"
       "2,\"Jun 15, 2017, 7:00:00 AM\",Treadmill,Run,,5000,\n");
  const auto r = import({dir_ / "export"});
  ASSERT_EQ(r.imported.size(), 1u);
  EXPECT_EQ(r.imported[0].activity.sport, domain::Sport::other);  // any other sport: kept for the record and load
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].warning.find("line 3 (Treadmill, a manual entry): no Elapsed Time: not imported"),
            std::string::npos)
      << r.warnings[0].warning;
}

TEST_F(ImportTest, AFolderIsWalkedRecursivelyAndUnrelatedFilesAreSkipped) {
  spit(dir_ / "a" / "run.fit", slurp(kFitFiles / "garmin-fenix-5-run.fit"));
  spit(dir_ / "a" / "b" / "walk.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit"));
  spit(dir_ / "a" / "notes.txt", "not an activity");
  spit(dir_ / "a" / ".DS_Store", "\x00\x01");
  const auto r = import({dir_ / "a"});
  EXPECT_EQ(r.imported.size(), 2u);
  EXPECT_EQ(r.files, 2u);
  EXPECT_TRUE(r.failed.empty());
}

TEST_F(ImportTest, ABadFileFailsAloneAndTheRestIsImported) {
  spit(dir_ / "in" / "1.fit", slurp(kFitFiles / "garmin-fenix-5-run.fit"));
  spit(dir_ / "in" / "2.fit", "this is not a FIT file at all");
  spit(dir_ / "in" / "3.gpx", "");
  spit(dir_ / "in" / "4.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit"));
  const auto r = import({dir_ / "in"});
  EXPECT_EQ(r.imported.size(), 2u);
  ASSERT_EQ(r.failed.size(), 2u);
  EXPECT_NE(r.failed[0].error.find("2.fit"), std::string::npos) << r.failed[0].error;
  EXPECT_NE(r.failed[1].error.find("3.gpx: empty file"), std::string::npos) << r.failed[1].error;
  EXPECT_EQ(stored(), 2u);
}

TEST_F(ImportTest, NestedZipsWithGzippedEntriesAreRead) {
  const std::string inner = zip({{"x/run.fit.gz", gzip(slurp(kFitFiles / "garmin-fenix-5-run.fit"))},
                                 {"x/walk.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit")}});
  spit(dir_ / "outer.zip", zip({{"readme.txt", "hello"}, {"parts/inner.zip", inner}}));
  const auto r = import({dir_ / "outer.zip"});
  EXPECT_TRUE(r.failed.empty());
  ASSERT_EQ(r.imported.size(), 2u);
  EXPECT_EQ(r.imported[0].path, (dir_ / "outer.zip").string() + "/parts/inner.zip/x/run.fit.gz");
}

// Regression: entries named in UTF-8 with the zip's UTF-8 flag were skipped without a word
// ("Imported 0 activities from 0 files"): libarchive gave no name in the C locale.
TEST_F(ImportTest, ZipEntriesWithNonAsciiNamesAreImportedUnderTheirNames) {
  spit(dir_ / "export.zip",
       zip_with_utf8_names({{"Lauf-M\xC3\xBCnchen.fit", slurp(kFitFiles / "garmin-fenix-5-run.fit")},
                            {"L\xC3\xA4ufe/1.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit")}}));
  const auto r = import({dir_ / "export.zip"});
  EXPECT_TRUE(r.failed.empty());
  ASSERT_EQ(r.imported.size(), 2u);
  EXPECT_EQ(r.imported[0].path, (dir_ / "export.zip").string() + "/Lauf-M\xC3\xBCnchen.fit");
  EXPECT_EQ(r.imported[1].path, (dir_ / "export.zip").string() + "/L\xC3\xA4ufe/1.fit");
}

/// A zip with one entry named `name` byte for byte and no UTF-8 flag, as old tools and macOS write them.
std::string zip_named_in_bytes(const std::string& name, const std::string& bytes) {
  const std::string placeholder(name.size(), 'Q');
  std::string z = zip({{placeholder, bytes}});
  for (auto at = z.find(placeholder); at != std::string::npos; at = z.find(placeholder, at + 1)) {
    z.replace(at, name.size(), name);  // the local header's copy and the central directory's
  }
  return z;
}

TEST_F(ImportTest, ZipNamesWithoutTheUtf8FlagAreUtf8WhenValidElseCp437) {
  const std::string run = slurp(kFitFiles / "garmin-fenix-5-run.fit");
  spit(dir_ / "mac.zip", zip_named_in_bytes("M\xC3\xBCnchen.fit", run));
  spit(dir_ / "dos.zip", zip_named_in_bytes("M\x81nchen.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit")));
  const auto r = import({dir_ / "mac.zip", dir_ / "dos.zip"});
  EXPECT_TRUE(r.failed.empty());
  ASSERT_EQ(r.imported.size(), 2u);
  EXPECT_EQ(r.imported[0].path, (dir_ / "mac.zip").string() + "/M\xC3\xBCnchen.fit");
  EXPECT_EQ(r.imported[1].path, (dir_ / "dos.zip").string() + "/M\xC3\xBCnchen.fit") << "CP437 0x81 is u-umlaut";
}

// Regression: zips nested deeper than the walker reads were skipped silently.
TEST_F(ImportTest, AZipNestedTooDeepIsAFailedEntryWithTheReason) {
  std::string z = zip({{"deep.fit", slurp(kFitFiles / "garmin-fenix-5-run.fit")}});
  for (int level = 6; level >= 1; --level) z = zip({{"level" + std::to_string(level) + ".zip", z}});
  spit(dir_ / "deep.zip", z);
  const auto r = import({dir_ / "deep.zip"});
  EXPECT_TRUE(r.imported.empty());
  ASSERT_EQ(r.failed.size(), 1u);
  EXPECT_NE(r.failed[0].error.find("level5.zip: an archive nested 6 deep; at most 5 levels are read"),
            std::string::npos)
      << r.failed[0].error;
}

// Regression: `mkfifo p.fit; stridecare import p.fit` blocked forever.
TEST_F(ImportTest, AFifoIsRefusedWithTheReasonAndNotOpened) {
  const fs::path fifo = dir_ / "p.fit";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto r = import({fifo, kFitFiles / "garmin-fenix-5-run.fit"});
  ASSERT_EQ(r.failed.size(), 1u);
  EXPECT_NE(r.failed[0].error.find("p.fit: is a named pipe (FIFO); only regular files and folders are imported"),
            std::string::npos)
      << r.failed[0].error;
  EXPECT_EQ(r.imported.size(), 1u);
}

TEST_F(ImportTest, ATruncatedZipFailsNamingTheArchiveAndKeepsWhatCameBefore) {
  const std::string full = zip({{"run.fit", slurp(kFitFiles / "garmin-fenix-5-run.fit")},
                                {"walk.fit", slurp(kFitFiles / "garmin-fenix-5-walk.fit")}});
  spit(dir_ / "cut.zip", full.substr(0, full.size() * 3 / 4));
  const auto r = import({dir_ / "cut.zip"});
  ASSERT_FALSE(r.failed.empty());
  EXPECT_NE(r.failed.back().error.find("cut.zip"), std::string::npos) << r.failed.back().error;
  EXPECT_LE(r.imported.size(), 1u);
  EXPECT_EQ(stored(), r.imported.size());
}

TEST_F(ImportTest, AMissingPathFailsAndOthersGoOn) {
  const auto r = import({dir_ / "nope.fit", kFitFiles / "garmin-fenix-5-run.fit"});
  ASSERT_EQ(r.failed.size(), 1u);
  EXPECT_NE(r.failed[0].error.find("nope.fit: no such file or folder"), std::string::npos) << r.failed[0].error;
  EXPECT_EQ(r.imported.size(), 1u);
}

TEST_F(ImportTest, ATruncatedFitIsRecoveredWithAWarningUnlessStrict) {
  const fs::path nick = kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit";
  ImportOptions strict_options;
  strict_options.strict = true;
  const auto strict = import({nick}, strict_options);
  ASSERT_EQ(strict.failed.size(), 1u);
  EXPECT_NE(strict.failed[0].error.find("byte 403437"), std::string::npos) << strict.failed[0].error;
  EXPECT_EQ(stored(), 0u);
  const auto lenient = import({nick});
  EXPECT_TRUE(lenient.failed.empty());
  EXPECT_FALSE(lenient.imported.empty());
  ASSERT_FALSE(lenient.warnings.empty());
  EXPECT_NE(lenient.warnings[0].warning.find("recovered, truncated at byte 403437"), std::string::npos);
}

TEST_F(ImportTest, TheSameRunFromAFitAndAGpxOfItIsStoredOnce) {
  // The GPX export of a FIT file: same start, same duration, other bytes.
  const fs::path fit = kFitFiles / "garmin-fenix-5-run.fit";
  ASSERT_EQ(import({fit}).imported.size(), 1u);
  const auto a = list_activities(session, {}).value().front();
  const auto track = store.load_track(a.id).value().value();
  std::string gpx =
      R"(<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>)";
  for (const auto& p : track.points) {
    const auto t = a.recorded->start_utc + std::chrono::seconds(static_cast<long long>(p.offset_s));
    gpx += "<trkpt lat=\"" + std::to_string(*p.latitude_deg) + "\" lon=\"" + std::to_string(*p.longitude_deg) +
           "\"><time>" + iso_utc(t) + "</time></trkpt>";
  }
  gpx += "</trkseg></trk></gpx>";
  spit(dir_ / "run.gpx", gpx);
  const auto r = import({dir_ / "run.gpx"});
  EXPECT_TRUE(r.imported.empty());
  ASSERT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(r.duplicates[0].reason, "same activity");
  EXPECT_EQ(r.duplicates[0].existing_id, a.id);
}

/// A GPX of one outing: `points` points 10 s apart from 2026-03-01T07:00:00Z, `step_deg` of latitude apart.
std::string outing_gpx(std::string_view type, int points, double step_deg) {
  std::string gpx = R"(<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>)";
  if (!type.empty()) gpx += "<type>" + std::string(type) + "</type>";
  gpx += "<trkseg>";
  for (int i = 0; i < points; ++i) {
    const int s = i * 10;
    char time[32];
    std::snprintf(time, sizeof time, "2026-03-01T07:%02d:%02dZ", s / 60, s % 60);
    gpx += "<trkpt lat=\"" + std::to_string(46.5 + i * step_deg) + "\" lon=\"6.6\"><time>" + time + "</time></trkpt>";
  }
  return gpx + "</trkseg></trk></gpx>";
}

// Regression: Strava's copy and a GPX of the same outing were stored as a "run" and a "walk" and counted twice.
TEST_F(ImportTest, TheSameOutingAsARunAndAsAWalkIsStoredOnce) {
  spit(dir_ / "a.gpx", outing_gpx("running", 300, 0.0003));
  spit(dir_ / "b.gpx", outing_gpx("walking", 300, 0.0003));
  ASSERT_EQ(import({dir_ / "a.gpx"}).imported.size(), 1u);
  const auto r = import({dir_ / "b.gpx"});
  EXPECT_TRUE(r.imported.empty());
  ASSERT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(r.duplicates[0].reason, "same activity (stored as run)");
}

TEST_F(ImportTest, TheSameStartAndTimeWithAnotherDistanceIsAnotherOuting) {
  spit(dir_ / "a.gpx", outing_gpx("running", 300, 0.0003));
  spit(dir_ / "b.gpx", outing_gpx("running", 300, 0.0001));  // a third of the distance
  ASSERT_EQ(import({dir_ / "a.gpx"}).imported.size(), 1u);
  EXPECT_EQ(import({dir_ / "b.gpx"}).imported.size(), 1u);
}

TEST_F(ImportTest, ARideAndARunAtTheSameTimeAreTwoOutings) {
  spit(dir_ / "a.gpx", outing_gpx("running", 300, 0.0003));
  spit(dir_ / "b.gpx", outing_gpx("cycling", 300, 0.0003));
  ASSERT_EQ(import({dir_ / "a.gpx"}).imported.size(), 1u);
  EXPECT_EQ(import({dir_ / "b.gpx"}).imported.size(), 1u);
}

TEST_F(ImportTest, ResultsAreInWalkOrderWhateverTheThreads) {
  for (int i = 0; i < 12; ++i) {
    const fs::path src = kFitFiles / (i % 2 == 0 ? "garmin-fenix-5-run.fit" : "garmin-edge-820-bike.fit");
    spit(dir_ / "many" / (std::to_string(10 + i) + ".fit"), slurp(src) + std::string(1, static_cast<char>(i)));
  }
  ImportOptions four_threads;
  four_threads.threads = 4;
  const auto r = import({dir_ / "many"}, four_threads);
  ASSERT_EQ(r.files, 12u);
  for (std::size_t i = 1; i < r.failed.size(); ++i) EXPECT_LT(r.failed[i - 1].path, r.failed[i].path);
  for (std::size_t i = 1; i < r.imported.size(); ++i) EXPECT_LT(r.imported[i - 1].path, r.imported[i].path);
  for (std::size_t i = 1; i < r.duplicates.size(); ++i) EXPECT_LT(r.duplicates[i - 1].path, r.duplicates[i].path);
  EXPECT_EQ(r.imported.size() + r.duplicates.size() + r.failed.size(), 12u);
}

}  // namespace
}  // namespace stridecare::services
