#include "importers/xml/xml_activity.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "importers/xml/gpx.hpp"
#include "importers/xml/tcx.hpp"
#include "xml_test_support.hpp"

namespace stridecare::importers {
namespace {

using testing_support::corpus_dir;
using testing_support::parsed;
using testing_support::read_bytes;
using testing_support::rejected_with;
using testing_support::sample_count;
using testing_support::utf16;

constexpr std::string_view kGpx = R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>)"
                                  R"(<trkpt lat="46.5" lon="6.6"><time>2026-01-05T10:00:00Z</time></trkpt>)"
                                  R"(<trkpt lat="46.51" lon="6.61"><time>2026-01-05T10:00:05Z</time></trkpt>)"
                                  R"(</trkseg></trk></gpx>)";

constexpr std::string_view kTcx =
    R"(<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">)"
    R"(<Activities><Activity Sport="Running"><Id>2026-01-05T10:00:00Z</Id><Lap StartTime="2026-01-05T10:00:00Z">)"
    R"(<Track><Trackpoint><Time>2026-01-05T10:00:00Z</Time></Trackpoint></Track></Lap></Activity></Activities>)"
    R"(</TrainingCenterDatabase>)";

/// A GPX file of `points` one-second track points with the Garmin extension, as devices write it.
std::string many_points_gpx(std::size_t points) {
  std::string out = R"(<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" )"
                    R"(xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><trkseg>)";
  for (std::size_t i = 0; i < points; ++i) {
    const std::size_t s = i % 60;
    const std::size_t m = i / 60 % 60;
    const std::size_t h = i / 3600;
    out += "\n  <trkpt lat=\"46." + std::to_string(100000 + i) + "\" lon=\"6.5\"><ele>372.5</ele><time>2026-01-0" +
           std::to_string(5 + h / 24) + "T" + (h % 24 < 10 ? "0" : "") + std::to_string(h % 24) + ":" +
           (m < 10 ? "0" : "") + std::to_string(m) + ":" + (s < 10 ? "0" : "") + std::to_string(s) +
           "Z</time><extensions><ns3:TrackPointExtension><ns3:hr>140</ns3:hr></ns3:TrackPointExtension>"
           "</extensions></trkpt>";
  }
  return out + "\n</trkseg></trk></gpx>\n";
}

TEST(ParseXmlActivity, ReadsAGpxFileAsParseGpxDoes) {
  const auto r = parse_xml_activity(kGpx, "a.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->format, "gpx");
  EXPECT_EQ(sample_count(*r), 2U);
}

TEST(ParseXmlActivity, ReadsATcxFileAsParseTcxDoes) {
  const auto r = parse_xml_activity(kTcx, "a.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->format, "tcx");
  EXPECT_EQ(sample_count(*r), 1U);
}

TEST(ParseXmlActivity, GoesByTheRootElementNotTheFileName) {
  const auto r = parse_xml_activity(kTcx, "really.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->format, "tcx");
}

TEST(ParseXmlActivity, RejectsAnotherRootNamingBothFormats) {
  EXPECT_TRUE(rejected_with(parse_xml_activity("<kml><Document/></kml>", "x.kml"), "x.kml",
                            "x.kml: not a GPX or TCX file (root element is <kml>)"));
}

TEST(ParseXmlActivity, GivesTheErrorsOfTheFormatParsers) {
  EXPECT_TRUE(rejected_with(parse_xml_activity("", "e.gpx"), "e.gpx", "e.gpx: empty file"));
  EXPECT_TRUE(rejected_with(parse_xml_activity(R"(<gpx xmlns="http://www.topografix.com/GPX/1/1"></gpx>)", "r.gpx"),
                            "r.gpx", "r.gpx: no track in file (0 route points, 0 waypoints)"));
}

TEST(ParseXmlActivity, ReadsUtf16WithBom) {
  std::u16string text;
  for (char c : kGpx) text += static_cast<char16_t>(c);
  const auto r = parse_xml_activity(utf16(text, false), "a.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(sample_count(*r), 2U);
}

TEST(ParseXmlActivityInPlace, GivesWhatTheCopyingParseGivesOnEveryCorpusExample) {
  for (const std::string path :
       {"togeojson/test/data/run.gpx", "togeojson/test/data/bad.gpx", "gpxpy/test_files/unicode_with_bom.gpx",
        "gpxpy/test_files/route.gpx", "togeojson/test/data/sample.tcx", "togeojson/test/data/tcx-courses.tcx"}) {
    SCOPED_TRACE(path);
    const std::string bytes = read_bytes(corpus_dir() / path);
    ASSERT_FALSE(bytes.empty());
    std::string buffer = bytes;
    const auto in_place = parse_xml_activity_in_place(buffer, path);
    const auto copied = parse_xml_activity(bytes, path);
    ASSERT_EQ(in_place.has_value(), copied.has_value());
    if (!copied) {
      EXPECT_EQ(in_place.error().message, copied.error().message);
      continue;
    }
    EXPECT_EQ(sample_count(*in_place), sample_count(*copied));
    EXPECT_EQ(in_place->warnings, copied->warnings);
  }
}

TEST(ParseXmlActivityInPlace, NamesTheEndOfTheFileAsTheCopyDoes) {
  // pugixml marks the end of an in-place buffer by overwriting its last byte;
  // errors found there must still name the byte after it.
  std::string garbage = "PK\x03\x04 not xml at all";
  EXPECT_TRUE(rejected_with(parse_xml_activity_in_place(garbage, "z.gpx"), "z.gpx",
                            "z.gpx: not XML: no document element found at byte 19"));
  std::string truncated = "<gpx><trk>";
  EXPECT_TRUE(rejected_with(parse_xml_activity_in_place(truncated, "t.gpx"), "t.gpx",
                            "t.gpx: not XML: start-end tags mismatch at byte 9"));
}

TEST(ParseXmlActivity, ParsesLargeFilesOneAfterAnother) {
  // Enough points for pugixml to use several 8 MiB chunks of the huge-page
  // arena, which are released and reused from one document to the next.
  const std::string big = many_points_gpx(60'000);
  const std::string small = std::string(kGpx);
  for (int round = 0; round < 3; ++round) {
    const auto r = parse_xml_activity(big, "big.gpx");
    ASSERT_TRUE(parsed(r));
    EXPECT_EQ(sample_count(*r), 60'000U);
    EXPECT_EQ(r->sessions.at(0).samples.back().heart_rate_bpm, 140);
    EXPECT_DOUBLE_EQ(*r->sessions.at(0).total_elapsed_s, 59'999.0);
    const auto s = parse_xml_activity(small, "small.gpx");
    ASSERT_TRUE(parsed(s));
    EXPECT_EQ(sample_count(*s), 2U);
  }
}

TEST(ParseXmlActivity, ReadsATextLargerThanAnArenaChunk) {
  // A 12 MB element text: pugixml asks for one block larger than the arena's chunks.
  std::string gpx(kGpx);
  gpx.insert(gpx.find("<trk>"), "<metadata><desc>" + std::string(12'000'000, 'x') + "</desc></metadata>");
  const auto r = parse_xml_activity(gpx, "long.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(sample_count(*r), 2U);
}

}  // namespace
}  // namespace stridecare::importers
