// Parsing in slices (importers/xml/slices.hpp) gives what the whole-document
// parse gives, or declines; never another result.
#include "importers/xml/slices.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "importers/xml/activity_root.hpp"
#include "xml_test_support.hpp"

namespace stridecare::importers {
namespace {

using testing_support::corpus_dir;
using testing_support::read_bytes;
using xml::Accept;

/// The whole-document parse of `bytes`.
domain::Expected<Recording> whole(std::string bytes) {
  return xml::parse_whole_in_place(bytes, "f.xml", Accept::gpx_or_tcx);
}

/// `bytes` in slices of `slice_bytes`, whatever their size.
std::optional<domain::Expected<Recording>> sliced(const std::string& bytes, std::size_t slice_bytes) {
  return xml::parse_in_slices(bytes, "f.xml", Accept::gpx_or_tcx, slice_bytes, 0);
}

/// Where two recordings first differ, for failure messages; empty when equal.
std::string first_difference(const Recording& a, const Recording& b) {
  if (a.format != b.format) return "format " + a.format + " / " + b.format;
  if (a.warnings != b.warnings) {
    std::string out = "warnings:";
    for (const auto& w : a.warnings) out += "\n  sliced: " + w;
    for (const auto& w : b.warnings) out += "\n  whole:  " + w;
    return out;
  }
  if (a.sessions.size() != b.sessions.size()) {
    return "sessions " + std::to_string(a.sessions.size()) + " / " + std::to_string(b.sessions.size());
  }
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    const SessionRecord& x = a.sessions[i];
    const SessionRecord& y = b.sessions[i];
    const std::string at = "session " + std::to_string(i) + ": ";
    if (x.samples.size() != y.samples.size()) {
      return at + "samples " + std::to_string(x.samples.size()) + " / " + std::to_string(y.samples.size());
    }
    for (std::size_t j = 0; j < x.samples.size(); ++j) {
      if (!(x.samples[j] == y.samples[j])) return at + "sample " + std::to_string(j);
    }
    if (x.laps != y.laps) return at + "laps";
    if (!(x == y)) return at + "totals";
  }
  return a == b ? "" : "elsewhere";
}

/// `bytes` read in slices of `slice_bytes` succeeds (the parse does not
/// decline) and equals the whole parse; `out` receives it.
::testing::AssertionResult slices_equal_whole(const std::string& bytes, std::size_t slice_bytes, Recording& out) {
  const auto result = sliced(bytes, slice_bytes);
  if (!result) return ::testing::AssertionFailure() << "declined";
  if (!*result) return ::testing::AssertionFailure() << "rejected: " << result->error().message;
  const auto reference = whole(bytes);
  if (!reference) return ::testing::AssertionFailure() << "whole parse rejected: " << reference.error().message;
  const std::string difference = first_difference(**result, *reference);
  if (!difference.empty()) return ::testing::AssertionFailure() << "differs from the whole parse: " << difference;
  out = **result;
  return ::testing::AssertionSuccess();
}

/// Damaged `bytes` in slices of every size: declined (the whole parse judges them), or read exactly as the
/// whole parse reads them, never otherwise.
void expect_declined_or_whole(const std::string& bytes) {
  const auto reference = whole(bytes);
  for (const std::size_t slice_bytes : {1U, 64U, 200U, 4096U}) {
    const auto result = sliced(bytes, slice_bytes);
    if (!result) continue;
    ASSERT_TRUE(reference.has_value()) << "slices of " << slice_bytes << " read what the whole parse rejects";
    ASSERT_TRUE(result->has_value()) << slice_bytes;
    EXPECT_EQ(first_difference(**result, *reference), "") << "slices of " << slice_bytes;
  }
}

std::vector<std::filesystem::path> corpus_xml_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_dir())) {
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".gpx" || ext == ".tcx" || ext == ".GPX" || ext == ".TCX")) {
      out.push_back(entry.path());
    }
  }
  return out;
}

TEST(XmlSlices, EveryCorpusFileInSlicesEqualsTheWholeParse) {
  std::size_t compared = 0;
  std::size_t declined = 0;
  for (const auto& path : corpus_xml_files()) {
    const std::string bytes = read_bytes(path);
    const auto reference = whole(bytes);
    for (const std::size_t slice_bytes : {1U, 200U, 4096U}) {
      const auto result = sliced(bytes, slice_bytes);
      if (!result) {  // only files the whole parse rejects: their error comes from it
        EXPECT_FALSE(reference.has_value()) << path << " declined in slices of " << slice_bytes << " bytes";
        ++declined;
        continue;
      }
      ++compared;
      ASSERT_TRUE(reference.has_value()) << path;  // a file the whole parse rejects is never read in slices
      ASSERT_TRUE(result->has_value()) << path;
      EXPECT_EQ(first_difference(**result, *reference), "") << path << " in slices of " << slice_bytes << " bytes";
    }
  }
  std::printf("compared %zu, declined %zu\n", compared, declined);
  EXPECT_GT(compared, 0U);
}

/// A GPX 1.1 track of `points` points, prefixed names throughout, with the
/// heart rate in TrackPointExtension v1: what is read in later slices needs
/// the namespace declarations carried from the root.
std::string prefixed_gpx(int points) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" )"
      R"(xmlns:t="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" version="1.1" creator="a &amp; b &quot;c&quot;">)"
      "<g:trk><g:type>running</g:type><g:trkseg>\n";
  for (int i = 0; i < points; ++i) {
    const std::string n = std::to_string(i);
    out += R"(<g:trkpt lat="46.)" + std::to_string(1000 + i) + R"(" lon="6.5"><g:ele>)" + n +
           "</g:ele><g:time>2026-11-01T10:00:" + (i < 10 ? "0" : "") + n +
           "Z</g:time><g:extensions><t:TrackPointExtension><t:hr>" + std::to_string(120 + i) +
           "</t:hr></t:TrackPointExtension></g:extensions></g:trkpt>\n";
  }
  return out + "</g:trkseg></g:trk></g:gpx>\n";
}

TEST(XmlSlices, CarriesNamespaceDeclarationsAndEscapedAttributesIntoLaterSlices) {
  Recording r;
  ASSERT_TRUE(slices_equal_whole(prefixed_gpx(30), 1, r));
  ASSERT_EQ(r.sessions.size(), 1U);
  ASSERT_EQ(r.sessions[0].samples.size(), 30U);
  EXPECT_EQ(r.sessions[0].samples.back().heart_rate_bpm, 149);
  EXPECT_EQ(r.sessions[0].sport, "running");
}

TEST(XmlSlices, WarningsInLaterSlicesNameTheFilesByte) {
  std::string bytes = prefixed_gpx(12);
  const std::size_t bad = bytes.find("<g:ele>7</g:ele>");
  bytes.replace(bad, 16, "<g:ele>x</g:ele>");
  const auto result = sliced(bytes, 1);
  ASSERT_TRUE(result.has_value());
  ASSERT_TRUE(testing_support::parsed(*result));
  ASSERT_EQ((*result)->warnings.size(), 1U);
  EXPECT_NE((*result)->warnings[0].find("at byte " + std::to_string(bad)), std::string::npos) << (*result)->warnings[0];
  EXPECT_EQ(first_difference(**result, *whole(bytes)), "");
}

TEST(XmlSlices, AWarningOnACarriedElementNamesWhereItStarted) {
  // Times go backwards: the warning names the <g:trk>, which the last slice only copies.
  std::string bytes = prefixed_gpx(12);
  bytes.replace(bytes.find("10:00:11Z"), 9, "09:00:11Z");
  Recording r;
  ASSERT_TRUE(slices_equal_whole(bytes, 1, r));
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_NE(r.warnings[0].find("at byte " + std::to_string(bytes.find("<g:trk>"))), std::string::npos) << r.warnings[0];
}

TEST(XmlSlices, TcxActivitiesAndLapsSpanSlices) {
  // Lap totals after the track, two activities, one of them in a multisport session.
  std::string bytes =
      R"(<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">)"
      "<Activities>";
  int second = 0;
  const auto activity = [&](std::string_view sport) {
    bytes += "<Activity Sport=\"" + std::string(sport) + "\"><Id>2026-11-01T10:00:00+01:00</Id>";
    for (int lap = 0; lap < 2; ++lap) {
      bytes += "<Lap StartTime=\"2026-11-01T09:00:00Z\"><Track>";
      for (int p = 0; p < 3; ++p, ++second) {
        bytes += "<Trackpoint><Time>2026-11-01T09:00:" + std::string(second < 10 ? "0" : "") + std::to_string(second) +
                 "Z</Time><DistanceMeters>" + std::to_string(second * 3) + "</DistanceMeters><HeartRateBpm><Value>" +
                 std::to_string(100 + second) + "</Value></HeartRateBpm></Trackpoint>";
      }
      bytes += "</Track><TotalTimeSeconds>3</TotalTimeSeconds><DistanceMeters>9</DistanceMeters></Lap>";
    }
    bytes += "</Activity>";
  };
  activity("Running");
  bytes += "<MultiSportSession><FirstSport>";
  activity("Biking");
  bytes += "</FirstSport></MultiSportSession></Activities></TrainingCenterDatabase>";

  Recording r;
  ASSERT_TRUE(slices_equal_whole(bytes, 1, r));
  ASSERT_EQ(r.sessions.size(), 2U);
  EXPECT_EQ(r.sessions[1].sport, "biking");
  EXPECT_EQ(r.sessions[1].laps.size(), 2U);
  EXPECT_EQ(r.sessions[1].total_distance_m, 18.0);
  EXPECT_EQ(r.sessions[1].samples.size(), 6U);
}

TEST(XmlSlices, AFileLevelHeartRateTrackSpansSlices) {
  std::string bytes =
      R"(<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" )"
      R"(xmlns:st="urn:uuid:D0EB2ED5-49B6-44e3-B13C-CF15BE7DD7DD"><extensions><st:activity><st:heartRateTrack>)";
  for (int i = 0; i < 10; ++i) {
    bytes += R"(<st:heartRate time="2026-11-01T09:00:0)" + std::to_string(i) + R"(Z" bpm=")" + std::to_string(120 + i) +
             R"("/>)";
  }
  bytes += "</st:heartRateTrack></st:activity></extensions><trk><trkseg>";
  for (int i = 0; i < 10; ++i) {
    bytes += R"(<trkpt lat="46.5" lon="6.6"><time>2026-11-01T09:00:0)" + std::to_string(i) + "Z</time></trkpt>";
  }
  bytes += "</trkseg></trk></gpx>";

  Recording r;
  ASSERT_TRUE(slices_equal_whole(bytes, 1, r));
  ASSERT_EQ(r.sessions.size(), 1U);
  ASSERT_EQ(r.sessions[0].samples.size(), 10U);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(r.sessions[0].samples[static_cast<std::size_t>(i)].heart_rate_bpm, 120 + i);
}

TEST(XmlSlices, AnEndTagInACommentIsNoCut) {
  std::string bytes = prefixed_gpx(6);
  bytes.insert(bytes.find("<g:trkpt", bytes.find("</g:trkpt>")), "<!-- </g:trkpt> -->");
  EXPECT_FALSE(sliced(bytes, 1).has_value());
}

TEST(XmlSlices, AnElementItsReaderReadsWholeIsNotSplit) {
  // Route points named trkpt: a cut there leaves <rte> open, which the GPX reader reads whole.
  std::string bytes = prefixed_gpx(3);
  bytes.insert(bytes.find("<g:trk>"),
               R"(<g:rte><g:trkpt lat="1" lon="2"></g:trkpt><g:trkpt lat="1" lon="2"></g:trkpt></g:rte>)");
  EXPECT_FALSE(sliced(bytes, 1).has_value());
  EXPECT_EQ(first_difference(*xml::parse_activity(bytes, "f.xml", Accept::gpx_or_tcx), *whole(bytes)), "");
}

TEST(XmlSlices, DeclinesWhatTheWholeParseMustJudge) {
  std::string latin1 = prefixed_gpx(3);
  latin1.replace(latin1.find("UTF-8"), 5, "ISO-8859-1");
  EXPECT_FALSE(sliced(latin1, 1).has_value());

  const std::string two_roots = prefixed_gpx(3) + "<g:gpx xmlns:g=\"http://www.topografix.com/GPX/1/1\"/>";
  EXPECT_FALSE(sliced(two_roots, 1).has_value());
  const auto error = xml::parse_activity(two_roots, "f.xml", Accept::gpx_or_tcx);
  ASSERT_FALSE(error.has_value());
  EXPECT_EQ(error.error().message, whole(two_roots).error().message);

  std::string broken = prefixed_gpx(3);
  broken.replace(broken.find("</g:trkseg>"), 11, "</g:wrong>");
  EXPECT_FALSE(sliced(broken, 1).has_value());
}

// Regression (found by the xml fuzzer): a second root followed by more track
// points is not in the last slice, where the check for it first was.
TEST(XmlSlices, ASecondRootBeforeTheLastSliceDeclines) {
  const std::string one = prefixed_gpx(3);
  const std::string two_roots = one + one.substr(one.find("<g:gpx"));
  EXPECT_FALSE(sliced(two_roots, 1).has_value());
  EXPECT_FALSE(sliced(two_roots, 64).has_value());
}

TEST(XmlSlices, LargeFilesAreReadInSlicesByDefault) {
  const std::string bytes = prefixed_gpx(30000);  // ~6 MB
  ASSERT_GE(bytes.size(), xml::kMinSlicedFileBytes);
  const auto result = xml::parse_in_slices(bytes, "f.xml", Accept::gpx_or_tcx);
  ASSERT_TRUE(result.has_value());
  ASSERT_TRUE(testing_support::parsed(*result));
  EXPECT_EQ(first_difference(**result, *whole(bytes)), "");
  EXPECT_EQ(first_difference(*xml::parse_activity(bytes, "f.xml", Accept::gpx_or_tcx), **result), "");
}

// Regression (issue 14, item 5): a GPX of points written as empty elements has no `</trkpt>` to cut after; it
// was parsed whole, a pugixml tree five times its size (1.9 GB for a 250 MiB file).
TEST(XmlSlices, PointsWrittenAsEmptyElementsAreCutAfterToo) {
  std::string bytes = R"(<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>)"
                      "<trkseg>\n";
  for (int i = 0; i < 200; ++i) bytes += R"(<trkpt lat="46.5" lon="6.)" + std::to_string(i) + "\"/>\n";
  bytes += "</trkseg></trk></gpx>";
  for (const std::size_t slice_bytes : {std::size_t{1}, std::size_t{64}, std::size_t{1000}}) {
    Recording r;
    ASSERT_TRUE(slices_equal_whole(bytes, slice_bytes, r)) << slice_bytes;
    EXPECT_EQ(r.sessions.at(0).samples.size(), 200U);
  }
}

TEST(XmlSlices, KeepsAtMostTheMaximumOfPointsInSlicesAsWhole) {
  const std::string bytes = prefixed_gpx(300);
  const ReadOptions few{.max_samples = 120};
  const auto result = xml::parse_in_slices(bytes, "f.xml", Accept::gpx_or_tcx, 64, 0, few);
  ASSERT_TRUE(result.has_value());
  ASSERT_TRUE(testing_support::parsed(*result));
  std::string copy = bytes;
  const auto reference = xml::parse_whole_in_place(copy, "f.xml", Accept::gpx_or_tcx, few);
  ASSERT_TRUE(testing_support::parsed(reference));
  EXPECT_EQ(first_difference(**result, *reference), "");
  EXPECT_EQ((*result)->sessions.at(0).samples.size(), 120U);
  EXPECT_EQ((*result)->warnings.back(), "more than 120 points: the first 120 are kept, the 180 after them are not");
}

TEST(XmlSlices, AFileTheSlicesCannotReadIsParsedWholeOnlyUpToItsLimit) {
  // Latin-1 is not read in slices; a file of it beyond kMaxWholeParseBytes is refused, not parsed into a tree
  // five times its size.
  std::string bytes = R"(<?xml version="1.0" encoding="ISO-8859-1"?><gpx version="1.1" )"
                      R"(xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>)";
  const std::string point = R"(<trkpt lat="46.5" lon="6.6"><name>M\xfcnchen</name></trkpt>)";
  while (bytes.size() <= xml::kMaxWholeParseBytes) bytes += point;
  bytes += "</trkseg></trk></gpx>";
  const auto r = xml::parse_activity(bytes, "big.gpx", Accept::gpx_or_tcx);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message,
            "big.gpx: cannot be read: 32 MiB of XML that cannot be read in parts (text that is "
            "not UTF-8, damage, or no track point to cut after), and at most 32 MiB are read "
            "whole");
}

}  // namespace
// Regression (found by the xml fuzzer): a point whose end tag was damaged ("k<ttpr/>" in place of "</trkpt>"),
// so that the points after it are nested in it and the segment's end tag closes nothing: broken XML, which the
// slices must leave to the whole parse, not read on their own.
TEST(XmlSlices, APointLeftOpenByDamageIsLeftToTheWholeParse) {
  const std::string bytes = R"XML(<?xml version="1.0" encoding="utf-8" standalone="no"?>
<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:tc2="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tp1="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" version="1.1" creator="TC2 to GPX11 XSLT stylesheet" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd http://www.garmin.com/xmlschemas/TrackPointExtension/v1 http://www.garmin.com/xmlschemas/TrackPointExtensionv1.xsd">
    <trk>
        <name>2013-07-06T14:59:00Z</name>
        <trkseg>
            <trkpt lat="50.7772126" lon="6.0819695">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:26:26Z</time>
            </trkpt>
            <trkpt lat="50.7773346" lon="6.0821333">
                <ele>191.7999756</ele>
                <time>2013-07-06T17:26:30Z</time>
            </trkpt>
            <trkpt lat="50.7774666" lon="6.0823426">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:26:35Z</time>
            </trkpt>
            <trkpt lat="50.7776203" lon="6.0826253">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:26:44Z</time>
            k<ttpr/>
            <trkpt lat="50.7776910" lon="6.0826803">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:26:49Z</time>
            </trkpt>
            <trkpt lat="50.7777283" lon="6.0827079">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:26:57Z</time>
            </trkpt>
            <trkpt lat="50.7777341" lon="6.0827095">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:27:15Z</time>
            </trkpt>
            <trkpt lat="50.7776789" lon="6.0827233">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:27:41Z</time>
            </trkpt>
            <trkpt lat="50.7776715" lon="6.0827203">
                <ele>191.5999756</ele>
                <time>2013-07-06T17:27:42Z</time>
            </trkpt>
        </trkseg>
        <trkseg></trkseg>
    </trk>
</gpx>)XML";
  expect_declined_or_whole(bytes);
}

// Regression (found by the xml fuzzer): damage leaves a point open ("<trkpt lat=.. lon=..>" followed by
// stray text) and the points after it, written as empty elements, are nested in it.
TEST(XmlSlices, EmptyPointsNestedInAPointLeftOpenAreLeftToTheWholeParse) {
  const std::string bytes = read_bytes(std::filesystem::path(STRIDECARE_SOURCE_DIR) / "tests" / "importers" / "xml" /
                                       "fuzz_finds" / "point-left-open-before-empty-points.gpx");
  expect_declined_or_whole(bytes);
}

}  // namespace stridecare::importers
