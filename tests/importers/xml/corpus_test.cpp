/// Every GPX and TCX file of the shared corpus: parsed, or rejected with the
/// message listed here; track point counts against python3-gpxpy (GPX) and
/// against xml.etree and GPSBabel (TCX), checked in as golden files made by
/// gpx_counts.py and tcx_counts.py.

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "importers/xml/gpx.hpp"
#include "importers/xml/tcx.hpp"
#include "xml_test_support.hpp"

namespace stridecare::importers {
namespace {

using ::testing::HasSubstr;
using testing_support::corpus_dir;
using testing_support::epoch_ms;
using testing_support::parsed;
using testing_support::positioned_count;
using testing_support::read_bytes;
using testing_support::rejected_with;
using testing_support::sample_count;
using testing_support::test_dir;

/// Rows of a golden TSV (comment and header lines skipped): path -> the other columns.
std::map<std::string, std::vector<std::string>> read_golden(const std::string& file) {
  std::map<std::string, std::vector<std::string>> rows;
  std::ifstream in(test_dir() / file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#' || line.starts_with("path\t")) continue;
    std::vector<std::string> cells;
    std::stringstream cols(line);
    std::string cell;
    while (std::getline(cols, cell, '\t')) cells.push_back(cell);
    const std::string path = cells.front();
    cells.erase(cells.begin());
    rows[path] = cells;
  }
  return rows;
}

/// Corpus files whose name ends in `extension` (any case), relative to the corpus.
std::set<std::string> corpus_files(const std::string& extension) {
  std::set<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_dir())) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == extension) out.insert(entry.path().lexically_relative(corpus_dir()).generic_string());
  }
  return out;
}

/// GPX files we reject, and why: none of them holds a track point (gpxpy counts 0 too).
const std::map<std::string, std::string> kGpxRejected = {
    {"gpxpy/test_files/custom_schema_locations.gpx", "no track in file (0 route points, 0 waypoints)"},
    {"gpxpy/test_files/default_schema_locations.gpx", "no track in file (0 route points, 0 waypoints)"},
    {"gpxpy/test_files/gpx1.1_with_extensions.gpx", "no track in file (0 route points, 1 waypoints)"},
    {"gpxpy/test_files/gpx1.1_with_extensions_without_namespaces.gpx",
     "no track in file (0 route points, 1 waypoints)"},
    {"gpxpy/test_files/gpx_with_garmin_extension.gpx", "no track in file (0 route points, 1 waypoints)"},
    {"gpxpy/test_files/route.gpx", "no track in file (55 route points, 0 waypoints)"},
    {"gpxpy/test_files/unicode.gpx", "no track in file (0 route points, 6 waypoints)"},
    {"gpxpy/test_files/unicode2.gpx", "no track point in file (1 empty track, 0 route points, 0 waypoints)"},
    {"gpxpy/test_files/unicode_with_bom.gpx", "no track in file (0 route points, 1 waypoints)"},
    {"gpxpy/test_files/unicode_with_bom_noencoding.gpx", "no track in file (0 route points, 1 waypoints)"},
    {"togeojson/test/data/empty_trk.gpx", "no track point in file (1 empty track, 0 route points, 0 waypoints)"},
    {"togeojson/test/data/opencpn.gpx", "no track in file (16 route points, 0 waypoints)"},
    {"togeojson/test/data/trek.gpx", "no track in file (120 route points, 0 waypoints)"},
    {"togeojson/test/data/trek_no_rtept.gpx", "no track in file (0 route points, 0 waypoints)"},
    {"togeojson/test/data/wpt.gpx", "no track in file (0 route points, 40 waypoints)"},
};

/// TCX files we reject, and why.
const std::map<std::string, std::string> kTcxRejected = {
    // A planned route (Courses), not a recorded activity; GPSBabel reads its 30 course points.
    {"togeojson/test/data/tcx-courses.tcx", "no activity in file (1 course)"},
};

TEST(Corpus, EveryGpxAndTcxFileHasAGoldenCount) {
  const auto gpx = read_golden("gpx_point_counts.tsv");
  const auto tcx = read_golden("tcx_point_counts.tsv");
  for (const std::string& f : corpus_files(".gpx")) EXPECT_TRUE(gpx.contains(f)) << f << ": run gpx_counts.py";
  for (const std::string& f : corpus_files(".tcx")) EXPECT_TRUE(tcx.contains(f)) << f << ": run tcx_counts.py";
  EXPECT_GE(gpx.size(), 50U);
  EXPECT_GE(tcx.size(), 8U);
}

TEST(Corpus, GpxFilesGiveGpxpysTrackPointCountsOrTheListedError) {
  const auto golden = read_golden("gpx_point_counts.tsv");
  ASSERT_FALSE(golden.empty()) << "missing " << (test_dir() / "gpx_point_counts.tsv");
  for (const auto& [path, cells] : golden) {
    SCOPED_TRACE(path);
    const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
    const auto rejected = kGpxRejected.find(path);
    if (rejected != kGpxRejected.end()) {
      EXPECT_EQ(cells.at(0), "0");
      EXPECT_TRUE(rejected_with(r, path, path + ": " + rejected->second));
      continue;
    }
    ASSERT_TRUE(parsed(r));
    if (path == "togeojson/test/data/bad.gpx") {
      // gpxpy rejects lat="undefined"; we keep both points, without position.
      EXPECT_EQ(cells.at(0), "error");
      EXPECT_EQ(sample_count(*r), 2U);
      EXPECT_EQ(positioned_count(*r), 0U);
      continue;
    }
    EXPECT_EQ(std::to_string(sample_count(*r)), cells.at(0));
  }
}

TEST(Corpus, TcxFilesGiveTheTrackpointCountsOfXmlEtreeAndGpsbabel) {
  const auto golden = read_golden("tcx_point_counts.tsv");
  ASSERT_FALSE(golden.empty()) << "missing " << (test_dir() / "tcx_point_counts.tsv");
  for (const auto& [path, cells] : golden) {
    SCOPED_TRACE(path);
    const auto r = parse_tcx(read_bytes(corpus_dir() / path), path);
    const auto rejected = kTcxRejected.find(path);
    if (rejected != kTcxRejected.end()) {
      EXPECT_TRUE(rejected_with(r, path, path + ": " + rejected->second));
      continue;
    }
    ASSERT_TRUE(parsed(r));
    EXPECT_EQ(std::to_string(sample_count(*r)), cells.at(0)) << "all Trackpoints";
    if (path == "togeojson/test/data/bad.tcx") {
      // GPSBabel drops any point with a coordinate equal to 0 (and reads "no" as 0); we
      // drop 0,0 and non-numeric coordinates but keep 0,10.
      EXPECT_EQ(cells.at(1), "0");
      EXPECT_EQ(positioned_count(*r), 1U);
      continue;
    }
    EXPECT_EQ(std::to_string(positioned_count(*r)), cells.at(1)) << "positioned Trackpoints";
  }
}

const SessionRecord& only_session(const domain::Expected<Recording>& r) {
  EXPECT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions.size(), 1U);
  return r->sessions.at(0);
}

TEST(Corpus, StravaGpxGivesHeartRateCadenceAndUnprefixedPower) {
  const std::string path = "togeojson/test/data/strava.gpx";
  const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
  const Sample& p = only_session(r).samples.at(0);
  EXPECT_EQ(p.heart_rate_bpm, 117);
  EXPECT_EQ(p.cadence_rpm, 85.0);
  EXPECT_EQ(p.power_w, 75);
  EXPECT_EQ(epoch_ms(*p.time), 1526309661000LL);  // 2018-05-14T14:54:21Z
}

TEST(Corpus, AppleWatchGpxGivesSportFractionalTimesCadenceAndPower) {
  const std::string path = "togeojson/test/data/Friday-Evening-Run.gpx";
  const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_EQ(s.sport, "running");
  EXPECT_EQ(epoch_ms(*s.start) % 1000, 692);  // 15:51:15.692Z
  EXPECT_EQ(s.samples.at(0).cadence_rpm, 64.0);
  EXPECT_EQ(s.samples.at(0).power_w, 0);
}

TEST(Corpus, NikeGpxKeepsItsOffsetAndSubSecondElapsedTime) {
  const std::string path = "gpxpy/test_files/track-with-less-sec-time.gpx";
  const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_EQ(s.sport, "run");
  EXPECT_EQ(s.utc_offset_s, 3600);
  EXPECT_DOUBLE_EQ(*s.total_elapsed_s, 0.994);
}

TEST(Corpus, GarminGpxTotalsAgreeWithGpxpyUpToTheEarthRadius) {
  // gpxpy's length_2d: 3102.0 m with a 6378.137 km radius; ours uses the mean radius.
  const std::string path = "togeojson/test/data/run.gpx";
  const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_NEAR(*s.total_distance_m, 3102.0 * 6371008.8 / 6378137.0, 1.0);
  EXPECT_EQ(s.samples.at(0).heart_rate_bpm, 130);
}

TEST(Corpus, BadGpxWarnsOnceAboutUndefinedCoordinates) {
  const std::string path = "togeojson/test/data/bad.gpx";
  const auto r = parse_gpx(read_bytes(corpus_dir() / path), path);
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("non-numeric position ignored, point kept (2 times, first at byte 315: "
                                        "lat=\"undefined\" lon=\"undefined\")"));
}

TEST(Corpus, GarminConnectTcxGivesCadenceSpeedAndWattsFromTheExtension) {
  const std::string path = "togeojson/test/data/garmin_connect.tcx";
  const auto r = parse_tcx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_EQ(s.sport, "biking");
  const Sample& p = s.samples.at(0);
  EXPECT_EQ(p.cadence_rpm, 63.0);
  EXPECT_DOUBLE_EQ(*p.speed_m_per_s, 4.440999984741211);
  EXPECT_EQ(p.power_w, 160);
}

TEST(Corpus, SampleTcxTotalsAreItsLapTotals) {
  const std::string path = "togeojson/test/data/sample.tcx";
  const auto r = parse_tcx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_EQ(s.sport, "running");
  EXPECT_DOUBLE_EQ(*s.total_timer_s, 2325.02);
  EXPECT_DOUBLE_EQ(*s.total_distance_m, 8348.5039063);
  EXPECT_EQ(epoch_ms(*s.start), 1186454561000LL);  // 2007-08-07T02:42:41Z
}

TEST(Corpus, FitbitTcxKeepsItsUtcOffset) {
  const std::string path = "togeojson/test/data/tour_hr.tcx";
  const auto r = parse_tcx(read_bytes(corpus_dir() / path), path);
  const SessionRecord& s = only_session(r);
  EXPECT_EQ(s.utc_offset_s, 3600);
  EXPECT_EQ(epoch_ms(*s.start), 1609080229000LL);  // 2020-12-27T15:43:49+01:00
  EXPECT_EQ(s.samples.at(0).heart_rate_bpm, 121);
}

/// Cut and damaged copies of real files: every one parses or fails as
/// `invalid_file` naming the file; none crashes (run under ASan/UBSan).
TEST(Corpus, DamagedFilesParseOrFailCleanly) {
  const std::vector<std::string> paths = {"togeojson/test/data/run.gpx", "togeojson/test/data/strava.gpx",
                                          "gpxpy/test_files/unicode_with_bom.gpx", "togeojson/test/data/sample.tcx",
                                          "python-tcxparser/tests/files/sup_activity_1.tcx"};
  for (const std::string& path : paths) {
    const std::string bytes = read_bytes(corpus_dir() / path);
    ASSERT_FALSE(bytes.empty()) << path;
    const bool is_tcx = path.ends_with(".tcx");
    const auto parse = [&](const std::string& b) { return is_tcx ? parse_tcx(b, path) : parse_gpx(b, path); };
    const auto check = [&](const domain::Expected<Recording>& r, const std::string& what) {
      if (r) return;
      EXPECT_EQ(r.error().kind, domain::ErrorKind::invalid_file) << what;
      EXPECT_EQ(r.error().field, path) << what;
      EXPECT_TRUE(r.error().message.starts_with(path + ": ")) << what << ": " << r.error().message;
    };
    const std::size_t step = std::max<std::size_t>(1, bytes.size() / 97);
    for (std::size_t cut = 0; cut < bytes.size(); cut += step) {
      const auto r = parse(bytes.substr(0, cut));
      check(r, path + " cut at " + std::to_string(cut));
      if (!r && cut > 0 && r.error().message.find("not XML") != std::string::npos) {
        EXPECT_THAT(r.error().message, HasSubstr(" at byte ")) << cut;
      }
    }
    std::string damaged = bytes;
    unsigned state = 12345;
    for (int i = 0; i < 200; ++i) {
      state = state * 1103515245U + 12345U;
      const std::size_t at = (state >> 8U) % damaged.size();
      damaged[at] = static_cast<char>((state >> 3U) & 0xFFU);
      check(parse(damaged), path + " damaged at " + std::to_string(at));
    }
  }
}

/// The track points of `r`, session after session.
std::vector<Sample> all_samples(const Recording& r) {
  std::vector<Sample> out;
  for (const SessionRecord& s : r.sessions) out.insert(out.end(), s.samples.begin(), s.samples.end());
  return out;
}

TEST(Corpus, EveryPrefixOfEveryFileGivesAPrefixOfItsPointsOrAClearError) {
  // Issue 14: a truncated GPX or TCX keeps the points before the damage. Never a point the whole file does not
  // hold, never one more, never one changed (a point cut short loses its time or heart rate: it is dropped).
  std::size_t recovered = 0;
  std::size_t cuts = 0;
  for (const std::string& extension : {std::string(".gpx"), std::string(".tcx")}) {
    for (const std::string& path : corpus_files(extension)) {
      const std::string bytes = read_bytes(corpus_dir() / path);
      const bool is_tcx = extension == ".tcx";
      const auto parse = [&](const std::string& b) { return is_tcx ? parse_tcx(b, path) : parse_gpx(b, path); };
      const auto whole = parse(bytes);
      if (!whole) continue;  // the files rejected whole (kGpxRejected, kTcxRejected) have no points to keep
      const std::vector<Sample> points = all_samples(*whole);
      const std::size_t step = std::max<std::size_t>(1, bytes.size() / 101);
      for (std::size_t cut = 1; cut < bytes.size(); cut += step) {
        SCOPED_TRACE(path + " cut at " + std::to_string(cut));
        ++cuts;
        const auto r = parse(bytes.substr(0, cut));
        if (!r) {
          EXPECT_EQ(r.error().kind, domain::ErrorKind::invalid_file);
          EXPECT_TRUE(r.error().message.starts_with(path + ": ")) << r.error().message;
          continue;
        }
        const std::vector<Sample> kept = all_samples(*r);
        ASSERT_LE(kept.size(), points.size());
        for (std::size_t i = 0; i < kept.size(); ++i) {
          // Positions, times and values as the whole file gives them (heart rates of a file-level track that
          // the cut removed may be missing, never different).
          EXPECT_EQ(kept[i].time, points[i].time) << i;
          EXPECT_EQ(kept[i].latitude_deg, points[i].latitude_deg) << i;
          EXPECT_EQ(kept[i].longitude_deg, points[i].longitude_deg) << i;
          EXPECT_EQ(kept[i].altitude_m, points[i].altitude_m) << i;
          EXPECT_EQ(kept[i].distance_m, points[i].distance_m) << i;
          if (kept[i].heart_rate_bpm) {
            EXPECT_EQ(kept[i].heart_rate_bpm, points[i].heart_rate_bpm) << i;
          }
        }
        if (std::any_of(r->warnings.begin(), r->warnings.end(),
                        [](const std::string& w) { return w.starts_with("recovered, damaged at byte "); })) {
          ++recovered;
        }
      }
    }
  }
  EXPECT_GT(cuts, 4000U) << recovered;
  EXPECT_GT(recovered, cuts / 2) << "most cuts fall after the first point: they keep what came before";
}

}  // namespace
}  // namespace stridecare::importers
