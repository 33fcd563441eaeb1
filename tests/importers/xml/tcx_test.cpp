#include "importers/xml/tcx.hpp"

#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "xml_test_support.hpp"

namespace stridecare::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::epoch_ms;
using testing_support::parsed;
using testing_support::rejected_with;

/// A TCX v2 document with `activities` inside <Activities>; `declarations` go into the root tag.
std::string tcx(std::string_view activities, std::string_view declarations = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>)") + "\n" +
         R"(<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" )" +
         std::string(declarations) + "><Activities>" + std::string(activities) +
         "</Activities></TrainingCenterDatabase>";
}

std::string activity(std::string_view sport, std::string_view id, std::string_view laps) {
  return R"(<Activity Sport=")" + std::string(sport) + R"("><Id>)" + std::string(id) + "</Id>" + std::string(laps) +
         "<Creator><Name>Forerunner</Name></Creator></Activity>";
}

std::string lap(std::string_view start, std::string_view seconds, std::string_view metres, std::string_view points) {
  std::string out = R"(<Lap StartTime=")" + std::string(start) + R"(">)";
  if (!seconds.empty()) out += "<TotalTimeSeconds>" + std::string(seconds) + "</TotalTimeSeconds>";
  if (!metres.empty()) out += "<DistanceMeters>" + std::string(metres) + "</DistanceMeters>";
  out += "<Calories>10</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>";
  return out + "<Track>" + std::string(points) + "</Track></Lap>";
}

std::string trackpoint(std::string_view time, std::string_view inner) {
  return "<Trackpoint><Time>" + std::string(time) + "</Time>" + std::string(inner) + "</Trackpoint>";
}

std::string position(std::string_view lat, std::string_view lon) {
  return "<Position><LatitudeDegrees>" + std::string(lat) + "</LatitudeDegrees><LongitudeDegrees>" + std::string(lon) +
         "</LongitudeDegrees></Position>";
}

constexpr std::string_view kAx = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

TEST(ParseTcx, ReadsEachActivityAsASessionStartingAtItsId) {
  const auto r = parse_tcx(
      tcx(activity("Running", "2026-01-05T10:00:00Z",
                   lap("2026-01-05T10:00:00Z", "60.5", "200",
                       trackpoint("2026-01-05T10:00:00Z", position("46.5", "6.6") +
                                                              "<AltitudeMeters>372.4</AltitudeMeters><DistanceMeters>0."
                                                              "0</DistanceMeters><HeartRateBpm><Value>120</Value>"
                                                              "</HeartRateBpm><Cadence>85</Cadence>")))),
      "run.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->format, "tcx");
  ASSERT_EQ(r->sessions.size(), 1U);
  const SessionRecord& s = r->sessions[0];
  EXPECT_EQ(s.sport, "running");
  EXPECT_EQ(epoch_ms(*s.start), 1767607200000LL);
  ASSERT_EQ(s.samples.size(), 1U);
  const Sample& p = s.samples[0];
  EXPECT_EQ(epoch_ms(*p.time), 1767607200000LL);
  EXPECT_EQ(p.latitude_deg, 46.5);
  EXPECT_EQ(p.longitude_deg, 6.6);
  EXPECT_EQ(p.altitude_m, 372.4);
  EXPECT_EQ(p.distance_m, 0.0);
  EXPECT_EQ(p.heart_rate_bpm, 120);
  EXPECT_EQ(p.cadence_rpm, 85.0);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ParseTcx, LowerCasesTheSportAttribute) {
  const auto r = parse_tcx(
      tcx(activity("Biking", "2026-01-05T10:00:00Z", "") + activity("Other", "2026-01-05T11:00:00Z", "") +
          activity("running", "2026-01-05T12:00:00Z", "") + "<Activity><Id>2026-01-05T13:00:00Z</Id></Activity>"),
      "s.tcx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 4U);
  EXPECT_EQ(r->sessions[0].sport, "biking");
  EXPECT_EQ(r->sessions[1].sport, "other");
  EXPECT_EQ(r->sessions[2].sport, "running");
  EXPECT_EQ(r->sessions[3].sport, "");
}

TEST(ParseTcx, EachLapHasItsStartDurationAndDistance) {
  const auto r = parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                                        lap("2026-01-05T10:00:00Z", "300.25", "1000.5", "") +
                                            lap("2026-01-05T10:05:00.250Z", "290", "1000", ""))),
                           "laps.tcx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.laps.size(), 2U);
  EXPECT_EQ(epoch_ms(*s.laps[1].start), 1767607500250LL);
  EXPECT_EQ(s.laps[0].timer_s, 300.25);
  EXPECT_EQ(s.laps[0].elapsed_s, 300.25);
  EXPECT_EQ(s.laps[0].distance_m, 1000.5);
  EXPECT_DOUBLE_EQ(*s.total_elapsed_s, 590.25);
  EXPECT_DOUBLE_EQ(*s.total_timer_s, 590.25);
  EXPECT_DOUBLE_EQ(*s.total_distance_m, 2000.5);
}

TEST(ParseTcx, TrackpointsOfAllLapsAndTracksAreSamplesInFileOrder) {
  const std::string lap1 = R"(<Lap StartTime="2026-01-05T10:00:00Z"><TotalTimeSeconds>2</TotalTimeSeconds><Track>)" +
                           trackpoint("2026-01-05T10:00:00Z", "") + "</Track><Track>" +
                           trackpoint("2026-01-05T10:00:01Z", "") + "</Track></Lap>";
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap1 + lap("2026-01-05T10:00:02Z", "1", "", trackpoint("2026-01-05T10:00:02Z", "")))),
                "t.tcx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.samples.size(), 3U);
  EXPECT_EQ(epoch_ms(*s.samples[2].time) - epoch_ms(*s.samples[0].time), 2000);
}

TEST(ParseTcx, KeepsTrackpointsWithoutPositionSilently) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "10", "30",
                                 trackpoint("2026-01-05T10:00:00Z",
                                            "<DistanceMeters>0</DistanceMeters><HeartRateBpm><Value>99</"
                                            "Value></HeartRateBpm>") +
                                     trackpoint("2026-01-05T10:00:10Z", "<DistanceMeters>30</DistanceMeters>")))),
                "treadmill.tcx");
  ASSERT_TRUE(parsed(r));
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.samples.size(), 2U);
  EXPECT_FALSE(s.samples[0].latitude_deg.has_value());
  EXPECT_EQ(s.samples[0].heart_rate_bpm, 99);
  EXPECT_EQ(s.samples[1].distance_m, 30.0);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(ParseTcx, ReadsActivityExtensionByNamespaceUriWhateverThePrefix) {
  for (std::string_view prefix : {"ns3", "ext", "q"}) {
    const std::string p(prefix);
    const std::string ext = "<Extensions><" + p + ":TPX><" + p + ":Speed>3.25</" + p + ":Speed><" + p +
                            ":RunCadence>88</" + p + ":RunCadence><" + p + ":Watts>260</" + p + ":Watts></" + p +
                            ":TPX></Extensions>";
    const auto r =
        parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                               lap("2026-01-05T10:00:00Z", "1", "1", trackpoint("2026-01-05T10:00:00Z", ext))),
                      "xmlns:" + p + "=\"" + std::string(kAx) + "\""),
                  "x.tcx");
    ASSERT_TRUE(parsed(r)) << prefix;
    const Sample& s = r->sessions[0].samples[0];
    EXPECT_EQ(s.speed_m_per_s, 3.25) << prefix;
    EXPECT_EQ(s.cadence_rpm, 88.0) << prefix;
    EXPECT_EQ(s.power_w, 260) << prefix;
  }
}

TEST(ParseTcx, ReadsActivityExtensionDeclaredAsTheDefaultNamespaceOfTpx) {
  const std::string ext = "<Extensions><TPX xmlns=\"" + std::string(kAx) + "\"><Speed>2.5</Speed></TPX></Extensions>";
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "1", "1", trackpoint("2026-01-05T10:00:00Z", ext)))),
                "d.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].speed_m_per_s, 2.5);
}

TEST(ParseTcx, ReadsWattsLeftWithoutTheExtensionNamespace) {
  const std::string in_tcd = "<Extensions><TPX><Watts>199</Watts></TPX></Extensions>";
  const std::string in_none = "<Extensions><TPX xmlns=\"\"><Watts>201</Watts></TPX></Extensions>";
  const auto r = parse_tcx(
      tcx(activity("Biking", "2026-01-05T10:00:00Z",
                   lap("2026-01-05T10:00:00Z", "1", "1",
                       trackpoint("2026-01-05T10:00:00Z", in_tcd) + trackpoint("2026-01-05T10:00:01Z", in_none)))),
      "w.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples[0].power_w, 199);
  EXPECT_EQ(r->sessions[0].samples[1].power_w, 201);
}

TEST(ParseTcx, IgnoresTpxOfAnotherNamespace) {
  const std::string ext = "<Extensions><o:TPX><o:Watts>999</o:Watts></o:TPX></Extensions>";
  const auto r = parse_tcx(tcx(activity("Biking", "2026-01-05T10:00:00Z",
                                        lap("2026-01-05T10:00:00Z", "1", "1", trackpoint("2026-01-05T10:00:00Z", ext))),
                               R"(xmlns:o="urn:other")"),
                           "o.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_FALSE(r->sessions[0].samples[0].power_w.has_value());
}

TEST(ParseTcx, SessionDistanceFallsBackToTheLastTrackpointDistance) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "20", "",
                                 trackpoint("2026-01-05T10:00:00Z", "<DistanceMeters>0</DistanceMeters>") +
                                     trackpoint("2026-01-05T10:00:10Z", "<DistanceMeters>41.5</DistanceMeters>") +
                                     trackpoint("2026-01-05T10:00:20Z", "")))),
                "nd.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].total_distance_m, 41.5);
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 20.0);
}

TEST(ParseTcx, ElapsedFallsBackToTheTrackpointSpanWhenALapLacksItsTime) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "", "10",
                                 trackpoint("2026-01-05T10:00:00Z", "") + trackpoint("2026-01-05T10:00:42.5Z", "")))),
                "nt.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 42.5);
  EXPECT_FALSE(r->sessions[0].total_timer_s.has_value());
  EXPECT_EQ(r->sessions[0].total_distance_m, 10.0);
}

TEST(ParseTcx, TakesTheUtcOffsetFromTheId) {
  const auto r = parse_tcx(
      tcx(activity("Biking", "2020-12-27T15:43:49.000+01:00", lap("2020-12-27T15:43:49.000+01:00", "1", "1", ""))),
      "tz.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].utc_offset_s, 3600);
  EXPECT_EQ(epoch_ms(*r->sessions[0].start), 1609080229000LL);
}

TEST(ParseTcx, StartFallsBackToTheFirstLapWhenTheIdIsNoTime) {
  const auto r =
      parse_tcx(tcx(activity("Running", "my run", lap("2026-01-05T10:00:00-03:00", "1", "1", ""))), "id.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(epoch_ms(*r->sessions[0].start), 1767607200000LL + 3 * 3600 * 1000LL);
  EXPECT_EQ(r->sessions[0].utc_offset_s, -10800);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("time that is not an xsd:dateTime ignored (at byte ")));
}

TEST(ParseTcx, ReadsEveryActivityOfAMultiSportSession) {
  const std::string multi = "<MultiSportSession><Id>2026-01-05T10:00:00Z</Id><FirstSport>" +
                            activity("Biking", "2026-01-05T10:00:00Z", "") +
                            "</FirstSport><NextSport><Transition>"
                            "<TotalTimeSeconds>60</TotalTimeSeconds></Transition>" +
                            activity("Running", "2026-01-05T11:00:00Z", "") + "</NextSport></MultiSportSession>";
  const auto r = parse_tcx(tcx(multi), "multi.tcx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 2U);
  EXPECT_EQ(r->sessions[0].sport, "biking");
  EXPECT_EQ(r->sessions[1].sport, "running");
}

// Regression: elapsed was the laps' timer sum (6524 s) on a real file whose points span 6699 s.
TEST(ParseTcx, ElapsedIsTheWallClockSpanAndTimerTheLapsSum) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "3000", "8000",
                                 trackpoint("2026-01-05T10:00:00Z", "") + trackpoint("2026-01-05T10:50:00Z", "")) +
                                 lap("2026-01-05T10:52:55Z", "3524", "9000",
                                     trackpoint("2026-01-05T10:52:55Z", "") + trackpoint("2026-01-05T11:51:39Z", "")))),
                "paused.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].total_timer_s, 6524.0);
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 6699.0);
  EXPECT_EQ(r->sessions[0].total_distance_m, 17000.0);
}

TEST(ParseTcx, ElapsedReachesTheEndOfTheLastLapBeyondItsLastPoint) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "600", "1", trackpoint("2026-01-05T10:00:00Z", "")) +
                                 lap("2026-01-05T10:20:00Z", "300", "1", trackpoint("2026-01-05T10:20:00Z", "")))),
                "lapend.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].total_timer_s, 900.0);
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 1500.0);  // 10:00 to 10:25
}

TEST(ParseTcx, ElapsedIsNeverLessThanTheTimer) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T10:00:00Z",
                             lap("2026-01-05T10:00:00Z", "120", "1", trackpoint("2026-01-05T10:00:00Z", "")))),
                "short.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 120.0);
}

// Regression: a multisport leg's elapsed was 3585 s, its laps' sum, against 4173 s of wall clock.
TEST(ParseTcx, EachMultisportLegHasItsOwnWallClockSpan) {
  const std::string multi =
      "<MultiSportSession><Id>2026-01-05T10:00:00Z</Id><FirstSport>" +
      activity("Biking", "2026-01-05T10:00:00Z",
               lap("2026-01-05T10:00:00Z", "3585", "30000",
                   trackpoint("2026-01-05T10:00:00Z", "") + trackpoint("2026-01-05T11:09:33Z", ""))) +
      "</FirstSport><NextSport>" +
      activity("Running", "2026-01-05T11:12:00Z",
               lap("2026-01-05T11:12:00Z", "1800", "5000",
                   trackpoint("2026-01-05T11:12:00Z", "") + trackpoint("2026-01-05T11:42:00Z", ""))) +
      "</NextSport></MultiSportSession>";
  const auto r = parse_tcx(tcx(multi), "multi.tcx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 2U);
  EXPECT_EQ(r->sessions[0].total_timer_s, 3585.0);
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 4173.0);
  EXPECT_EQ(r->sessions[1].total_elapsed_s, 1800.0);
}

// Regression: a writer put the save time in Id, 45 min after the last trackpoint; the run started 45 min late.
TEST(ParseTcx, StartIsTheEarliestOfIdFirstLapAndFirstTrackpoint) {
  const auto r =
      parse_tcx(tcx(activity("Running", "2026-01-05T11:15:00Z",
                             lap("2026-01-05T10:00:13Z", "1800", "5000",
                                 trackpoint("2026-01-05T10:00:00Z", "") + trackpoint("2026-01-05T10:30:00Z", "")))),
                "saved.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(epoch_ms(*r->sessions[0].start), 1767607200000LL);  // 2026-01-05T10:00:00Z
  EXPECT_EQ(r->sessions[0].total_elapsed_s, 1813.0);            // to the lap's end at 10:30:13
}

TEST(ParseTcx, NonNumericCoordinatesKeepThePointAndWarnOnce) {
  const auto r = parse_tcx(tcx(activity("Biking", "2026-01-05T10:00:00Z",
                                        lap("2026-01-05T10:00:00Z", "1", "1",
                                            trackpoint("2026-01-05T10:00:00Z", position("no", "undefined")) +
                                                trackpoint("2026-01-05T10:00:01Z", position("undefined", "10"))))),
                           "bad.tcx");
  ASSERT_TRUE(parsed(r));
  EXPECT_EQ(r->sessions[0].samples.size(), 2U);
  EXPECT_THAT(r->warnings, ElementsAre(HasSubstr("non-numeric position ignored, point kept (2 times, first at byte ")));
}

TEST(ParseTcx, AcceptsWhitespaceBeforeTheDeclaration) {
  const auto r = parse_tcx("\n\n   " + tcx(activity("Running", "2026-01-05T10:00:00Z", "")), "ws.tcx");
  ASSERT_TRUE(parsed(r));
}

TEST(ParseTcx, RejectsACoursesOnlyFile) {
  const std::string courses =
      R"(<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Folders/>)"
      R"(<Courses><Course><Name>Loop</Name><Track>)" +
      trackpoint("2021-08-02T18:28:31+00:00", position("37.7", "-122.5")) +
      "</Track></Course></Courses></TrainingCenterDatabase>";
  EXPECT_TRUE(rejected_with(parse_tcx(courses, "c.tcx"), "c.tcx", "c.tcx: no activity in file (1 course)"));
}

TEST(ParseTcx, RejectsAFileWithoutActivities) {
  EXPECT_TRUE(rejected_with(parse_tcx(tcx(""), "e.tcx"), "e.tcx", "e.tcx: no activity in file (0 courses)"));
}

TEST(ParseTcx, RejectsAGpxFile) {
  EXPECT_TRUE(rejected_with(parse_tcx(R"(<gpx xmlns="http://www.topografix.com/GPX/1/1"/>)", "a.gpx"), "a.gpx",
                            "a.gpx: not a TCX file (root element is <gpx>)"));
}

TEST(ParseTcx, RejectsAnEmptyFile) { EXPECT_TRUE(rejected_with(parse_tcx("", "e.tcx"), "e.tcx", "e.tcx: empty file")); }

TEST(ParseTcx, ATruncatedFileKeepsTheTrackpointsBeforeTheDamageAndItsLapTotals) {
  const std::string whole =
      tcx(activity("Running", "2026-01-05T10:00:00Z",
                   lap("2026-01-05T10:00:00Z", "600", "2000",
                       trackpoint("2026-01-05T10:00:00Z", "<DistanceMeters>0</DistanceMeters>") +
                           trackpoint("2026-01-05T10:00:05Z", "<DistanceMeters>15</DistanceMeters>") +
                           trackpoint("2026-01-05T10:00:10Z", "<DistanceMeters>30</DistanceMeters>"))));
  const std::string cut = whole.substr(0, whole.find("<DistanceMeters>30") + 17);
  const auto r = parse_tcx(cut, "cut.tcx");
  ASSERT_TRUE(parsed(r));
  ASSERT_EQ(r->sessions.size(), 1U);
  const SessionRecord& s = r->sessions[0];
  ASSERT_EQ(s.samples.size(), 2U);
  EXPECT_DOUBLE_EQ(*s.samples[1].distance_m, 15);
  EXPECT_DOUBLE_EQ(*s.total_timer_s, 600);  // the lap's totals came before its track: read whole
  EXPECT_DOUBLE_EQ(*s.total_distance_m, 2000);
  EXPECT_THAT(r->warnings, ElementsAre("recovered, damaged at byte " + std::to_string(cut.size() - 1) +
                                       " (not XML: start-end tags mismatch): kept the 2 track points before it; the "
                                       "rest of the file is not read"));
  EXPECT_TRUE(rejected_with(parse_tcx(cut, "cut.tcx", {.strict = true}), "cut.tcx",
                            "cut.tcx: not XML: start-end tags mismatch at byte " + std::to_string(cut.size() - 1)));
}

TEST(ParseTcx, RejectsTruncatedXmlWithNoTrackpointNamingTheByteOffset) {
  const std::string whole = tcx(activity("Running", "2026-01-05T10:00:00Z", ""));
  const std::string cut = whole.substr(0, whole.find("<Creator>"));
  EXPECT_TRUE(rejected_with(parse_tcx(cut, "cut.tcx"), "cut.tcx",
                            "cut.tcx: not XML: start-end tags mismatch at byte " + std::to_string(cut.size() - 1)));
}

}  // namespace
}  // namespace stridecare::importers
