#include "importers/xml/gpx.hpp"

#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "importers/xml/track_math.hpp"
#include "xml_test_support.hpp"

namespace stridecare::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::epoch_ms;
using testing_support::parsed;
using testing_support::rejected_with;
using testing_support::utf16;

constexpr std::string_view kTpx1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
constexpr std::string_view kTpx2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";

/// A GPX 1.1 document around `body`; `declarations` go into the root tag.
std::string gpx11(std::string_view body, std::string_view declarations = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>)") + "\n" +
         R"(<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" )" + std::string(declarations) +
         ">" + std::string(body) + "</gpx>";
}

/// One track of one segment holding `points`.
std::string track(std::string_view points) { return "<trk><trkseg>" + std::string(points) + "</trkseg></trk>"; }

std::string point(std::string_view inner, std::string_view lat = "46.5", std::string_view lon = "6.6") {
  return R"(<trkpt lat=")" + std::string(lat) + R"(" lon=")" + std::string(lon) + R"(">)" + std::string(inner) +
         "</trkpt>";
}

std::string tpx_declaration(std::string_view prefix, std::string_view uri) {
  return "xmlns:" + std::string(prefix) + "=\"" + std::string(uri) + "\"";
}

TEST(ParseGpx, ReadsPositionElevationAndTimeOfEachTrackPoint) {
  const auto r = parse_gpx(gpx11(track(point("<ele>372.5</ele><time>2026-01-05T10:00:00Z</time>") +
                                       point("<ele>373</ele><time>2026-01-05T10:00:05Z</time>", "46.51", "6.61"))),
                           "run.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->format, "gpx");
  ASSERT_EQ(r->sessions.size(), 1U);
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.samples.size(), 2U);
  EXPECT_DOUBLE_EQ(*s.samples[0].latitude_deg, 46.5);
  EXPECT_DOUBLE_EQ(*s.samples[0].longitude_deg, 6.6);
  EXPECT_DOUBLE_EQ(*s.samples[0].altitude_m, 372.5);
  EXPECT_EQ(epoch_ms(*s.samples[0].time), 1767607200000LL);
  EXPECT_DOUBLE_EQ(*s.samples[1].latitude_deg, 46.51);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ParseGpx, EachTrackBecomesOneSessionWithItsSegmentsConcatenated) {
  const auto r =
      parse_gpx(gpx11("<trk><type>Running</type><trkseg>" + point("") + point("") +
                      "</trkseg><trkseg></trkseg><trkseg>" + point("") + "</trkseg></trk>" + track(point(""))),
                "two.gpx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 2U);
  EXPECT_EQ(r->sessions[0].samples.size(), 3U);
  EXPECT_EQ(r->sessions[1].samples.size(), 1U);
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front();  // an empty segment is no news
}

TEST(ParseGpx, TypeOfTheTrackIsTheSportInLowerCaseAndEmptyWithoutOne) {
  const auto r = parse_gpx(
      gpx11("<trk><type> Running\n</type><trkseg>" + point("") + "</trkseg></trk>" + track(point(""))), "t.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].sport, "running");
  EXPECT_EQ(r->sessions[1].sport, "");
  EXPECT_EQ(r->sessions[1].sub_sport, "");
}

TEST(ParseGpx, ReadsGpx10WithSpeedAndForeignElementsInsideTheTrackPoint) {
  const std::string gpx = R"(<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0" xmlns:t="urn:other"
      xmlns:g="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
    <time>2007-03-02T10:34:03Z</time>
    <trk><trkseg><trkpt lat="52.33" lon="5.54"><ele>48.9</ele><time>2009-03-02T14:05:52Z</time>
      <course>12</course><speed>1.2</speed><t:x>9</t:x><g:hr>140</g:hr></trkpt></trkseg></trk></gpx>)";
  const auto r = parse_gpx(gpx, "old.gpx");
  ASSERT_TRUE(parsed(r));
  const Sample& p = r->sessions.at(0).samples.at(0);
  EXPECT_DOUBLE_EQ(*p.speed_m_per_s, 1.2);
  EXPECT_EQ(*p.heart_rate_bpm, 140);
}

TEST(ParseGpx, ReadsFilesWithoutAnyNamespace) {
  const auto r = parse_gpx(
      "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><speed>3.5</speed><extensions><hr>150</hr>"
      "</extensions></trkpt></trkseg></trk></gpx>",
      "bare.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_DOUBLE_EQ(*r->sessions[0].samples[0].speed_m_per_s, 3.5);
  EXPECT_EQ(*r->sessions[0].samples[0].heart_rate_bpm, 150);
}

TEST(ParseGpx, ReadsTrackPointExtensionByNamespaceUriWhateverThePrefix) {
  for (std::string_view prefix : {"gpxtpx", "ns3", "x9", "tp1"}) {
    const std::string p(prefix);
    const std::string ext = "<extensions><" + p + ":TrackPointExtension><" + p + ":atemp>21</" + p + ":atemp><" + p +
                            ":hr>151</" + p + ":hr><" + p + ":cad>88</" + p + ":cad></" + p +
                            ":TrackPointExtension></extensions>";
    const auto r = parse_gpx(gpx11(track(point(ext)), tpx_declaration(prefix, kTpx1)), "p.gpx");
    ASSERT_TRUE(parsed(r)) << prefix;
    const Sample& s = r->sessions[0].samples[0];
    EXPECT_EQ(s.heart_rate_bpm, 151) << prefix;
    EXPECT_EQ(s.cadence_rpm, 88.0) << prefix;
  }
}

TEST(ParseGpx, ReadsTrackPointExtensionDeclaredAsTheDefaultNamespaceOfTheElement) {
  const std::string ext = "<extensions><TrackPointExtension xmlns=\"" + std::string(kTpx2) +
                          "\"><hr>140</hr><cad>90</cad><speed>3.2</speed></TrackPointExtension></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext))), "d.gpx");
  ASSERT_TRUE(parsed(r));
  const Sample& s = r->sessions[0].samples[0];
  EXPECT_EQ(s.heart_rate_bpm, 140);
  EXPECT_EQ(s.cadence_rpm, 90.0);
  EXPECT_EQ(s.speed_m_per_s, 3.2);
}

TEST(ParseGpx, ReadsSpeedOnlyFromTrackPointExtensionV2) {
  const std::string ext =
      "<extensions><a:TrackPointExtension><a:speed>3.2</a:speed></a:TrackPointExtension>"
      "<b:TrackPointExtension><b:speed>4.4</b:speed></b:TrackPointExtension></extensions>";
  const auto r =
      parse_gpx(gpx11(track(point(ext)), tpx_declaration("a", kTpx1) + " " + tpx_declaration("b", kTpx2)), "v.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].speed_m_per_s, 4.4);
}

TEST(ParseGpx, IgnoresAFamiliarPrefixBoundToAnotherNamespace) {
  const std::string ext =
      "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>99</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext)), tpx_declaration("gpxtpx", "urn:not-garmin")), "o.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].heart_rate_bpm.has_value());
}

TEST(ParseGpx, APrefixRedeclaredInsideTheExtensionsWins) {
  const std::string ext = "<extensions><g:TrackPointExtension xmlns:g=\"" + std::string(kTpx1) +
                          "\"><g:hr>120</g:hr></g:TrackPointExtension></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext)), tpx_declaration("g", "urn:elsewhere")), "s.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].heart_rate_bpm, 120);
}

TEST(ParseGpx, ReadsExtensionsWithoutANamespaceOfTheirOwn) {
  const std::string ext =
      "<extensions><heartrate>133</heartrate><cadence>80</cadence><power>250</power>"
      "<speed>2.75</speed><course>10</course></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext))), "plain.gpx");
  ASSERT_TRUE(parsed(r));
  const Sample& s = r->sessions[0].samples[0];
  EXPECT_EQ(s.heart_rate_bpm, 133);
  EXPECT_EQ(s.cadence_rpm, 80.0);
  EXPECT_EQ(s.power_w, 250);
  EXPECT_EQ(s.speed_m_per_s, 2.75);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ParseGpx, ReadsAnUndeclaredPrefixByLocalNameAndWarnsOnce) {
  const auto r = parse_gpx(gpx11(track(point("<extensions><gpxdata:hr>140</gpxdata:hr></extensions>") +
                                       point("<extensions><gpxdata:hr>141</gpxdata:hr></extensions>"))),
                           "strava.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[1].heart_rate_bpm, 141);
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("undeclared namespace prefix"));
  EXPECT_THAT(r->warnings[0], HasSubstr("2 times"));
}

TEST(ParseGpx, ReadsClueTrustAndPowerExtensions) {
  const std::string ext =
      "<extensions><gd:hr>111</gd:hr><gd:cadence>77</gd:cadence><pw:PowerInWatts>212"
      "</pw:PowerInWatts></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext)), R"(xmlns:gd="http://www.cluetrust.com/XML/GPXDATA/1/0" )"
                                                    R"(xmlns:pw="http://www.garmin.com/xmlschemas/PowerExtension/v1")"),
                           "c.gpx");
  ASSERT_TRUE(parsed(r));
  const Sample& s = r->sessions[0].samples[0];
  EXPECT_EQ(s.heart_rate_bpm, 111);
  EXPECT_EQ(s.cadence_rpm, 77.0);
  EXPECT_EQ(s.power_w, 212);
}

constexpr std::string_view kSportsTrackerDeclaration = R"(xmlns:st="urn:uuid:D0EB2ED5-49B6-44e3-B13C-CF15BE7DD7DD")";

std::string sports_tracker_heart_rates(std::string_view readings) {
  return R"(<extensions><st:activity startTime="2026-01-05T10:00:00Z"><st:heartRateTrack>)" + std::string(readings) +
         "</st:heartRateTrack></st:activity></extensions>";
}

std::string timed(std::string_view time) { return point("<time>" + std::string(time) + "</time>"); }

// Regression: SportsTracker's file-level heart-rate track was not read: avg/max HR came out null.
TEST(ParseGpx, ReadsSportsTrackersHeartRateTrackOntoThePointsWhereverItStands) {
  const std::string points = timed("2026-01-05T10:00:00Z") + timed("2026-01-05T10:00:05Z") +
                             timed("2026-01-05T10:00:10Z") + timed("2026-01-05T10:01:40Z");
  const std::string readings = R"(<st:heartRate time="2026-01-05T10:00:07Z" bpm="110" />)"
                               R"(<st:heartRate time="2026-01-05T10:00:00Z" bpm="104" />)";
  for (const bool before : {true, false}) {
    const std::string body = before ? sports_tracker_heart_rates(readings) + track(points)
                                    : track(points) + sports_tracker_heart_rates(readings);
    const auto r = parse_gpx(gpx11(body, kSportsTrackerDeclaration), "st.gpx");
    ASSERT_TRUE(parsed(r));
    const auto& samples = r->sessions[0].samples;
    ASSERT_EQ(samples.size(), 4U);
    EXPECT_EQ(samples[0].heart_rate_bpm, 104) << before;
    EXPECT_EQ(samples[1].heart_rate_bpm, 104) << before;
    EXPECT_EQ(samples[2].heart_rate_bpm, 110) << before;
    EXPECT_FALSE(samples[3].heart_rate_bpm) << "93 s after the last reading: " << before;
    EXPECT_TRUE(r->warnings.empty());
  }
}

TEST(ParseGpx, APointsOwnHeartRateWinsOverTheFileLevelTrack) {
  const std::string own = point(
      "<time>2026-01-05T10:00:00Z</time><extensions><gpxtpx:TrackPointExtension>"
      "<gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>");
  const auto r = parse_gpx(
      gpx11(track(own) + sports_tracker_heart_rates(R"(<st:heartRate time="2026-01-05T10:00:00Z" bpm="99"/>)"),
            std::string(kSportsTrackerDeclaration) + " " + tpx_declaration("gpxtpx", kTpx1)),
      "own.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].heart_rate_bpm, 150);
}

TEST(ParseGpx, AHeartRateReadingWithoutTimeOrBpmIsIgnoredWithAWarning) {
  const auto r = parse_gpx(gpx11(track(timed("2026-01-05T10:00:00Z")) +
                                     sports_tracker_heart_rates(R"(<st:heartRate time="soon" bpm="99"/>)"
                                                                R"(<st:heartRate time="2026-01-05T10:00:00Z"/>)"),
                                 kSportsTrackerDeclaration),
                           "badhr.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].heart_rate_bpm);
  EXPECT_THAT(r->warnings,
              ElementsAre(HasSubstr("heart-rate track reading without a valid time and bpm ignored (2 times")));
}

TEST(ParseGpx, ReadsTrackPointExtensionV2HeartRate) {
  const std::string ext = "<extensions><t:TrackPointExtension><t:hr>133</t:hr></t:TrackPointExtension></extensions>";
  const auto r = parse_gpx(gpx11(track(point(ext)), tpx_declaration("t", kTpx2)), "v2.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].heart_rate_bpm, 133);
}

TEST(ParseGpx, KeepsFractionalSecondsToTheMillisecond) {
  const auto r = parse_gpx(
      gpx11(track(point("<time>2025-05-02T15:51:15.692Z</time>") + point("<time>2025-05-02T15:51:21.1954321Z</time>"))),
      "f.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(epoch_ms(*r->sessions[0].samples[0].time) % 1000, 692);
  EXPECT_DOUBLE_EQ(*r->sessions[0].total_elapsed_s, 5.503);
}

TEST(ParseGpx, NumericOffsetGivesTheUtcInstantAndTheSessionOffset) {
  const auto r = parse_gpx(
      gpx11(track(point("<time>2026-01-05T12:00:00+02:00</time>") + point("<time>2026-01-05T10:00:10Z</time>"))),
      "o.gpx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  EXPECT_EQ(epoch_ms(*s.start), 1767607200000LL);
  EXPECT_EQ(s.utc_offset_s, 7200);
  EXPECT_DOUBLE_EQ(*s.total_elapsed_s, 10.0);
}

TEST(ParseGpx, UtcTimesLeaveTheOffsetUnknown) {
  const auto r = parse_gpx(gpx11(track(point("<time>2026-01-05T10:00:00Z</time>"))), "z.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].utc_offset_s.has_value());
}

TEST(ParseGpx, ReadsTimesWithoutZoneAsUtcAndWarnsOnce) {
  const auto r = parse_gpx(
      gpx11(track(point("<time>2026-01-05T10:00:00</time>") + point("<time>2026-01-05T10:00:01</time>"))), "nz.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(epoch_ms(*r->sessions[0].samples[0].time), 1767607200000LL);
  EXPECT_FALSE(r->sessions[0].utc_offset_s.has_value());
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("times without a zone read as UTC (2 times, first at byte "));
}

TEST(ParseGpx, DropsAnInvalidTimeKeepsThePointAndSaysWhy) {
  const auto r = parse_gpx(gpx11(track(point("<time>2026-13-01T00:00:00Z</time>"))), "bt.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].time.has_value());
  EXPECT_TRUE(r->sessions[0].samples[0].latitude_deg.has_value());
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("\"2026-13-01T00:00:00Z\", month out of range"));
}

TEST(ParseGpx, NonNumericCoordinatesKeepThePointWithoutPositionAndWarnOnce) {
  const auto r = parse_gpx(gpx11(track(point("<time>2007-05-11T15:22:06Z</time>", "undefined", "undefined") +
                                       point("", "x", "y") + point("", "46.5", "6.6abc") + point(""))),
                           "bad.gpx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.samples.size(), 4U);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(s.samples[static_cast<std::size_t>(i)].latitude_deg.has_value()) << i;
    EXPECT_FALSE(s.samples[static_cast<std::size_t>(i)].longitude_deg.has_value()) << i;
  }
  EXPECT_TRUE(s.samples[0].time.has_value());
  EXPECT_TRUE(s.samples[3].latitude_deg.has_value());
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("non-numeric position ignored, point kept (3 times, first at byte "));
  EXPECT_THAT(r->warnings[0], HasSubstr(R"(lat="undefined" lon="undefined")"));
}

TEST(ParseGpx, KeepsATrackPointWithoutLatLonAndWarns) {
  const auto r = parse_gpx(gpx11(track("<trkpt><ele>5</ele></trkpt>" + point(""))), "nl.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples.size(), 2U);
  EXPECT_EQ(r->sessions[0].samples[0].altitude_m, 5.0);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("track point without lat/lon kept without a position")));
}

TEST(ParseGpx, DropsPositionsOutOfRangeAndAtZeroZero) {
  const auto r = parse_gpx(gpx11(track(point("", "91", "6") + point("", "46", "-180.5") + point("", "0", "0") +
                                       point("", "0", "10") + point("", "-90", "180"))),
                           "r.gpx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  EXPECT_FALSE(s.samples[0].latitude_deg.has_value());
  EXPECT_FALSE(s.samples[1].latitude_deg.has_value());
  EXPECT_FALSE(s.samples[2].latitude_deg.has_value());
  EXPECT_EQ(s.samples[3].longitude_deg, 10.0);
  EXPECT_EQ(s.samples[4].latitude_deg, -90.0);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("position out of range ignored, point kept (2 times"),
                                       HasSubstr("position 0,0 (no GPS fix) ignored, point kept")));
}

TEST(ParseGpx, EmptyElevationIsAbsentSilentlyAndGarbageElevationWarns) {
  const auto r =
      parse_gpx(gpx11(track(point("<ele></ele>") + point("<ele> </ele>") + point("<ele>bad data</ele>"))), "e.gpx");
  ASSERT_TRUE(parsed(r));
  for (const Sample& s : r->sessions[0].samples) EXPECT_FALSE(s.altitude_m.has_value());
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr(R"(value that is not a number ignored (at byte )")));
  EXPECT_THAT(r->warnings[0], HasSubstr(R"(<ele> "bad data")"));
}

TEST(ParseGpx, DropsNegativeHeartRateAndCadence) {
  const auto r = parse_gpx(gpx11(track(point("<extensions><hr>-5</hr><cad>-1</cad></extensions>"))), "n.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].heart_rate_bpm.has_value());
  EXPECT_FALSE(r->sessions[0].samples[0].cadence_rpm.has_value());
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("negative value ignored (2 times")));
}

TEST(ParseGpx, SkipsEmptyTracksWithAWarning) {
  const auto r =
      parse_gpx(gpx11("<trk><name>empty</name></trk>" + track(point("")) + "<trk><trkseg/></trk>"), "et.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions.size(), 1U);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("track without points skipped (2 times")));
}

TEST(ParseGpx, ElapsedTimeRunsFromTheFirstToTheLastTime) {
  const auto r = parse_gpx(gpx11(track(point("") + point("<time>2026-01-05T10:00:00Z</time>") +
                                       point("<time>2026-01-05T10:30:00Z</time>") + point(""))),
                           "el.gpx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  EXPECT_DOUBLE_EQ(*s.total_elapsed_s, 1800.0);
  EXPECT_EQ(epoch_ms(*s.start), 1767607200000LL);
  EXPECT_FALSE(s.total_timer_s.has_value());
  EXPECT_TRUE(s.laps.empty());
}

TEST(ParseGpx, DistanceIsTheHaversineSumWithinSegmentsAndSamplesCarryNone) {
  // 46.0 -> 46.5 -> 47.0 along a meridian: one degree; the jump to the next
  // segment is not counted; its two points add a tenth of a degree.
  const auto r = parse_gpx(gpx11("<trk><trkseg>" + point("", "46.0", "7") + point("", "undefined", "7") +
                                 point("", "46.5", "7") + point("", "47.0", "7") + "</trkseg><trkseg>" +
                                 point("", "10.0", "7") + point("", "10.1", "7") + "</trkseg></trk>"),
                           "d.gpx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  const double degree = xml::haversine_m(0, 0, 1, 0);
  EXPECT_NEAR(*s.total_distance_m, 1.1 * degree, 1e-6);
  for (const Sample& p : s.samples) EXPECT_FALSE(p.distance_m.has_value());
}

TEST(ParseGpx, HasNoDistanceWithoutPositions) {
  const auto r = parse_gpx(gpx11(track(point("", "undefined", "undefined"))), "np.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].total_distance_m.has_value());
}

TEST(ParseGpx, RejectsARouteOnlyFileCountingWhatItHolds) {
  const auto r = parse_gpx(gpx11(R"(<rte><name>r</name><rtept lat="1" lon="2"/><rtept lat="1" lon="3"/></rte>)"
                                 R"(<rte><rtept lat="1" lon="4"/></rte><wpt lat="1" lon="2"/>)"),
                           "route.gpx");
  EXPECT_TRUE(rejected_with(r, "route.gpx", "route.gpx: no track in file (3 route points, 1 waypoints)"));
}

TEST(ParseGpx, RejectsAWaypointOnlyFile) {
  const auto r = parse_gpx(gpx11(R"(<wpt lat="1" lon="2"/><wpt lat="3" lon="4"><name>x</name></wpt>)"), "wpt.gpx");
  EXPECT_TRUE(rejected_with(r, "wpt.gpx", "wpt.gpx: no track in file (0 route points, 2 waypoints)"));
}

TEST(ParseGpx, RejectsAFileWhoseTracksAreAllEmpty) {
  const auto r = parse_gpx(gpx11("<trk><trkseg></trkseg></trk>"), "empty_trk.gpx");
  EXPECT_TRUE(rejected_with(r, "empty_trk.gpx",
                            "empty_trk.gpx: no track point in file (1 empty track, 0 route points, 0 waypoints)"));
}

TEST(ParseGpx, RejectsAnEmptyFile) { EXPECT_TRUE(rejected_with(parse_gpx("", "e.gpx"), "e.gpx", "e.gpx: empty file")); }

TEST(ParseGpx, RejectsGarbage) {
  EXPECT_TRUE(rejected_with(parse_gpx("PK\x03\x04 not xml at all", "z.gpx"), "z.gpx",
                            "z.gpx: not XML: no document element found at byte 19"));
}

TEST(ParseGpx, ATruncatedFileKeepsThePointsBeforeTheDamageWithAWarningNamingTheByte) {
  const std::string whole = gpx11(track(point("<ele>1</ele>") + point("<ele>2</ele>", "46.6") + point("<ele>3</ele>")));
  const std::string cut = whole.substr(0, whole.find("<ele>3") + 6);  // ends inside the third point's <ele>
  const auto r = parse_gpx(cut, "cut.gpx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 1U);
  ASSERT_EQ(r->sessions[0].samples.size(), 2U);  // the third, cut short, is not a point of the file
  EXPECT_DOUBLE_EQ(*r->sessions[0].samples[1].latitude_deg, 46.6);
  EXPECT_DOUBLE_EQ(*r->sessions[0].samples[1].altitude_m, 2);
  EXPECT_THAT(r->warnings, ElementsAre("recovered, damaged at byte " + std::to_string(cut.size() - 1) +
                                       " (not XML: start-end tags mismatch): kept the 2 track points before it; the "
                                       "rest of the file is not read"));
}

TEST(ParseGpx, StrictRefusesATruncatedFileNamingTheByteOffset) {
  const std::string whole = gpx11(track(point("<ele>1</ele>") + point("<ele>2</ele>")));
  const std::string cut = whole.substr(0, whole.find("<ele>2") + 6);  // ends inside <ele>
  EXPECT_TRUE(rejected_with(parse_gpx(cut, "cut.gpx", {.strict = true}), "cut.gpx",
                            "cut.gpx: not XML: start-end tags mismatch at byte " + std::to_string(cut.size() - 1)));
}

TEST(ParseGpx, ATruncatedPointIsDroppedWhereverItIsCut) {
  // Cut inside the second point's start tag, its time, and just after its end tag: one point is kept each time,
  // never a second point missing what came after the cut.
  const std::string whole =
      gpx11(track(point("<time>2026-01-05T10:00:00Z</time>") + point("<time>2026-01-05T10:00:05Z</time>") + "\n"));
  const std::size_t second = whole.find("<trkpt", whole.find("</trkpt>"));
  for (const std::size_t end : {second + 12, whole.find("10:00:05"), whole.find("10:00:05") + 5}) {
    const auto r = parse_gpx(whole.substr(0, end), "cut.gpx");
    ASSERT_TRUE(parsed(r)) << end;
    ASSERT_EQ(r->sessions.at(0).samples.size(), 1U) << end;
    EXPECT_EQ(epoch_ms(*r->sessions[0].samples[0].time), 1767607200000LL);
  }
}

TEST(ParseGpx, AByteDamagedPartwayKeepsThePointsBeforeIt) {
  std::string file = gpx11(track(point("<ele>1</ele>") + point("<ele>2</ele>") + point("<ele>3</ele>")));
  file[file.find("</trkpt>", file.find("<ele>2")) + 2] = 'X';  // </tXkpt>: the second point never closes
  const auto r = parse_gpx(file, "bad.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions.at(0).samples.size(), 1U);
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("recovered, damaged at byte "));
  EXPECT_THAT(r->warnings[0], HasSubstr("kept the 1 track point before it"));
}

// Regression (found by the XML fuzzer): a file whose root had closed before bytes that are not XML lost its
// last point, while a shorter prefix of it (text after the root is ignored) kept it.
TEST(ParseGpx, DamageAfterTheRootClosedKeepsEveryPoint) {
  const std::string file =
      gpx11(track(point("<ele>1</ele>") + point("<ele>2</ele>") + point("<ele>3</ele>"))) + "\n</ele>stray";
  const auto r = parse_gpx(file, "after.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions.at(0).samples.size(), 3U);
  ASSERT_EQ(r->warnings.size(), 1U);
  EXPECT_THAT(r->warnings[0], HasSubstr("kept the 3 track points before it"));
}

TEST(ParseGpx, ATruncatedFileWithNoWholePointIsStillAnError) {
  const std::string whole = gpx11(track(point("<ele>1</ele>")));
  const std::string cut = whole.substr(0, whole.find("<ele>1") + 6);
  EXPECT_TRUE(rejected_with(parse_gpx(cut, "cut.gpx"), "cut.gpx",
                            "cut.gpx: not XML: start-end tags mismatch at byte " + std::to_string(cut.size() - 1)));
}

TEST(ParseGpx, RejectsAnotherRootElement) {
  const auto r = parse_gpx(
      R"(<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"/>)", "a.tcx");
  EXPECT_TRUE(rejected_with(r, "a.tcx", "a.tcx: not a GPX file (root element is <TrainingCenterDatabase>)"));
}

TEST(ParseGpx, ReadsARootInAnUnknownNamespaceWithAWarning) {
  const auto r = parse_gpx(R"(<g:gpx xmlns:g="http://www.topografix.com/GPX/1/2"><g:trk><g:trkseg>)"
                           R"(<g:trkpt lat="1" lon="2"/></g:trkseg></g:trk></g:gpx>)",
                           "n.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples.size(), 1U);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("unknown namespace")));
}

TEST(ParseGpx, AcceptsAUtf8BomAndWhitespaceBeforeTheDeclaration) {
  const std::string body = gpx11(track(point("<ele>1</ele>")));
  for (const std::string& bytes : {"\xEF\xBB\xBF" + body, "\n  \t" + body, "\xEF\xBB\xBF\r\n" + body}) {
    const auto r = parse_gpx(bytes, "bom.gpx");
    ASSERT_TRUE(parsed(r));
    EXPECT_EQ(r->sessions[0].samples.size(), 1U);
  }
}

TEST(ParseGpx, ReadsUtf16WithBomInBothByteOrders) {
  const std::u16string text =
      u"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
      u"<trk><type>Lauf \u00FC</type><trkseg><trkpt lat=\"46.5\" "
      u"lon=\"6.6\"><ele>12</ele></trkpt></trkseg></trk></gpx>";
  for (bool big_endian : {false, true}) {
    const auto r = parse_gpx(utf16(text, big_endian), "u16.gpx");
    ASSERT_TRUE(parsed(r)) << big_endian;
    EXPECT_EQ(r->sessions[0].sport, "lauf \xC3\xBC");
    EXPECT_EQ(r->sessions[0].samples[0].altitude_m, 12.0);
  }
}

TEST(ParseGpx, ReadsLatin1WhenTheDeclarationSaysSo) {
  const auto r = parse_gpx(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<gpx><trk><type>Lauf \xFC</type><trkseg>"
      "<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
      "l1.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].sport, "lauf \xC3\xBC");
}

TEST(ParseGpx, ReadsEntitiesAndCdataInText) {
  const auto r = parse_gpx(
      gpx11("<trk><type>Run &amp; Walk</type><trkseg>" +
            point("<ele><![CDATA[12.5]]></ele><time><![CDATA[2026-01-05T10:00:00Z]]></time>") + "</trkseg></trk>"),
      "cd.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].sport, "run & walk");
  EXPECT_EQ(r->sessions[0].samples[0].altitude_m, 12.5);
  EXPECT_TRUE(r->sessions[0].samples[0].time.has_value());
}

TEST(ParseGpx, WarningsOfUtf16FilesNameBytesOfTheFile) {
  const std::u16string text = u"<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"y\"/></trkseg></trk></gpx>";
  const auto r = parse_gpx(utf16(text, false), "u16.gpx");
  ASSERT_TRUE(parsed(r));
  // BOM + 18 units before <trkpt: byte 2 + 36.
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("(at byte 38: lat=\"x\" lon=\"y\")")));
}

TEST(ParseGpx, SurvivesDeeplyNestedExtensions) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  deep += "<hr>1</hr>";
  for (int i = 0; i < 100000; ++i) deep += "</x>";
  const auto r = parse_gpx(gpx11(track(point("<extensions>" + deep + "</extensions>"))), "deep.gpx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].heart_rate_bpm.has_value());  // deeper than extensions are read
}

}  // namespace
}  // namespace stridecare::importers
