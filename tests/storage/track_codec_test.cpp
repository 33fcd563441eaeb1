// The track codec: exact round trips at its fixed-point precision, compact
// output for a real-looking run, and safe failure on corrupt bytes.

#include "storage/track_codec.hpp"

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <numbers>
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "store_test_support.hpp"

namespace stridecare::storage {
namespace {

using domain::ErrorKind;
using domain::Track;
using domain::TrackPoint;
using Bytes = std::vector<std::uint8_t>;

constexpr domain::Id kActivity = 42;

Bytes encoded(const Track& t) {
  auto bytes = track_codec::encode(t);
  EXPECT_TRUE(bytes.has_value()) << (bytes ? "" : bytes.error().message);
  return bytes.value_or(Bytes{});
}

Track round_trip(const Track& t) {
  auto back = track_codec::decode(encoded(t), kActivity);
  EXPECT_TRUE(back.has_value()) << (back ? "" : back.error().message);
  return back.value_or(Track{});
}

/// Expects `bytes` to be refused as corrupt storage naming the activity.
void expect_refused(const Bytes& bytes, const std::string& message_part = "") {
  auto track = track_codec::decode(bytes, kActivity);
  ASSERT_FALSE(track.has_value()) << bytes.size() << " bytes decoded to " << track->points.size() << " points";
  EXPECT_EQ(track.error().kind, ErrorKind::storage);
  EXPECT_NE(track.error().message.find("activity 42"), std::string::npos) << track.error().message;
  EXPECT_NE(track.error().message.find(message_part), std::string::npos) << track.error().message;
}

TrackPoint at_offset(double offset_s) {
  TrackPoint p;
  p.offset_s = offset_s;
  return p;
}

void put_varint(Bytes& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v < 0 ? -1 : 0);
}

/// A 1 Hz hour-long run as a GPS watch records it: a winding route at
/// 2.8-3.4 m/s with ~1 m of position noise, barometric altitude, a drifting
/// heart rate and cadence. Deterministic.
Track realistic_run(int seconds) {
  std::mt19937 rng(20260301);
  std::normal_distribution<double> noise(0.0, 1.0);
  constexpr double kMetresPerDegreeLat = 111'320.0;
  const double metres_per_degree_lon = kMetresPerDegreeLat * std::cos(51.5 * std::numbers::pi / 180);
  Track t;
  double lat = 51.5, lon = -0.12, heading = 0, distance = 0, altitude = 35;
  for (int s = 0; s < seconds; ++s) {
    const double speed = 3.1 + 0.3 * std::sin(s / 300.0) + 0.05 * noise(rng);
    heading += 0.01 * std::sin(s / 120.0) + 0.002 * noise(rng);
    lat += speed * std::cos(heading) / kMetresPerDegreeLat;
    lon += speed * std::sin(heading) / metres_per_degree_lon;
    distance += speed;
    altitude += 0.05 * std::sin(s / 200.0) + 0.03 * noise(rng);
    TrackPoint p;
    p.offset_s = s;
    p.latitude_deg = lat + 0.8 * noise(rng) / kMetresPerDegreeLat;
    p.longitude_deg = lon + 0.8 * noise(rng) / metres_per_degree_lon;
    p.altitude_m = std::round(altitude * 5) / 5;  // barometers report 0.2 m steps
    p.distance_m = distance;
    p.speed_m_per_s = speed;
    p.heart_rate_bpm = static_cast<int>(145 + 20.0 * s / seconds + 2 * noise(rng));
    p.cadence_spm = std::round(2 * (171 + 2 * noise(rng))) / 2;  // FIT: per-leg rpm with a half step
    t.points.push_back(p);
  }
  return t;
}

TEST(TrackCodec, EncodesAnEmptyTrackAsVersionAndCount) {
  EXPECT_EQ(encoded(Track{}), (Bytes{track_codec::kVersion, 0}));
  EXPECT_EQ(round_trip(Track{}), Track{});
}

TEST(TrackCodec, RoundTripsATrackWithOnlyOffsets) {
  Track t;
  for (double s : {0.0, 1.0, 2.5, 2.5, 3600.125}) t.points.push_back(at_offset(s));
  EXPECT_EQ(round_trip(t), t);
  // version, count, offsets (header + 5 values), eight empty column headers
  EXPECT_LE(encoded(t).size(), 2U + 1 + 5 * 3 + 8);
}

TEST(TrackCodec, RoundTripsColumnsWithGapsWhereverTheyAre) {
  Track t;
  for (int i = 0; i < 12; ++i) {
    TrackPoint p = at_offset(i);
    if (i % 3 != 0) p.heart_rate_bpm = 120 + i;     // absent first
    if (i < 4 || i > 9) p.latitude_deg = 45.0 + i;  // present first, absent in the middle
    if (i == 11) p.power_w = 300;                   // only the last
    if (i == 0) p.cadence_spm = 160.5;              // only the first
    t.points.push_back(p);
  }
  EXPECT_EQ(round_trip(t), t);
}

TEST(TrackCodec, RoundsEachColumnToItsStatedPrecision) {
  TrackPoint p;
  p.offset_s = 1.0004;             // 1 ms
  p.latitude_deg = 51.123456789;   // 1e-7 degree
  p.longitude_deg = -0.000000049;  // rounds to 0
  p.altitude_m = 12.346;           // 1 cm
  p.distance_m = 1000.006;         // 1 cm
  p.speed_m_per_s = 3.2104;        // 1 mm/s
  p.heart_rate_bpm = 151;          // exact
  p.cadence_spm = 171.26;          // 0.1 spm
  p.power_w = 0;                   // exact
  const Track back = round_trip(Track{{p}});
  ASSERT_EQ(back.points.size(), 1U);
  const TrackPoint& q = back.points[0];
  EXPECT_EQ(q.offset_s, 1.0);
  EXPECT_EQ(q.latitude_deg, 51.1234568);
  EXPECT_EQ(q.longitude_deg, 0.0);
  EXPECT_EQ(q.altitude_m, 12.35);
  EXPECT_EQ(q.distance_m, 1000.01);
  EXPECT_EQ(q.speed_m_per_s, 3.21);
  EXPECT_EQ(q.heart_rate_bpm, 151);
  EXPECT_EQ(q.cadence_spm, 171.3);
  EXPECT_EQ(q.power_w, 0);
  EXPECT_EQ(back, track_codec::quantized(Track{{p}}));
}

TEST(TrackCodec, RoundTripsLargeJumpsAndNegativeDeltas) {
  Track t;
  for (int i = 0; i < 6; ++i) {
    const double sign = i % 2 == 0 ? 1 : -1;
    TrackPoint p;
    p.offset_s = sign * 1e12;     // 1e15 ms, near the 2^50 limit
    p.latitude_deg = sign * 1e8;  // 1e15 steps
    p.altitude_m = -sign * 1e13;  // 1e15 cm
    p.heart_rate_bpm = i % 2 == 0 ? INT_MAX : -INT_MAX;
    p.power_w = i % 2 == 0 ? -INT_MAX : INT_MAX;
    t.points.push_back(p);
  }
  EXPECT_EQ(round_trip(t), t);
}

// Regression (fuzz/track_codec_fuzzer): with a 2^53 limit, an offset of
// 4,399,881,917,978,649 ms decoded to a double that scaled back to one step
// more, so a stored track did not re-encode to itself.
TEST(TrackCodecDecode, EveryDecodableValueReEncodesToItself) {
  // Within the limit every value must decode and re-encode to itself; the
  // value the fuzzer found must either be refused or do the same.
  const std::int64_t found_by_fuzzer = 4399881917978649;
  for (const std::int64_t steps :
       {track_codec::kMaxMagnitude, track_codec::kMaxMagnitude - 1, -track_codec::kMaxMagnitude + 12345,
        std::int64_t{987654321987654}, found_by_fuzzer, -found_by_fuzzer}) {
    for (std::size_t column = 0; column < 2; ++column) {  // offset (1e3 steps/s), latitude (1e7 steps/degree)
      Bytes bytes{track_codec::kVersion, 1, 0x01};
      if (column == 0) {
        put_varint(bytes, zigzag(steps));
        for (int rest = 1; rest < static_cast<int>(track_codec::kColumnCount); ++rest) bytes.push_back(0x00);
      } else {
        put_varint(bytes, zigzag(0));
        bytes.push_back(0x01);
        put_varint(bytes, zigzag(steps));
        for (int rest = 2; rest < static_cast<int>(track_codec::kColumnCount); ++rest) bytes.push_back(0x00);
      }
      const auto track = track_codec::decode(bytes, 1);
      if (std::abs(steps) > track_codec::kMaxMagnitude) {
        if (!track) continue;
      } else {
        ASSERT_TRUE(track) << steps << ": " << track.error().message;
      }
      const auto again = track_codec::encode(*track);
      ASSERT_TRUE(again) << steps;
      const auto back = track_codec::decode(*again, 1);
      ASSERT_TRUE(back) << steps;
      EXPECT_EQ(*back, *track) << steps << " in column " << column;
    }
  }
}

TEST(TrackCodec, RefusesValuesItCannotStoreNamingTheColumn) {
  const auto refused = [](TrackPoint p, const std::string& column) {
    auto bytes = track_codec::encode(Track{{TrackPoint{}, p}});
    ASSERT_FALSE(bytes.has_value()) << column;
    EXPECT_EQ(bytes.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(bytes.error().field, "track");
    EXPECT_NE(bytes.error().message.find("point 1 "), std::string::npos) << bytes.error().message;
    EXPECT_NE(bytes.error().message.find(column), std::string::npos) << bytes.error().message;
  };
  TrackPoint p;
  p.offset_s = std::numeric_limits<double>::quiet_NaN();
  refused(p, "offset_s");
  p.offset_s = 1e13;  // 1e16 ms > 2^50
  refused(p, "offset_s");
  p = TrackPoint{};
  p.latitude_deg = std::numeric_limits<double>::infinity();
  refused(p, "latitude_deg");
  p = TrackPoint{};
  p.distance_m = -1e300;
  refused(p, "distance_m");
  p = TrackPoint{};
  p.heart_rate_bpm = INT_MIN;
  refused(p, "heart_rate_bpm");
  p = TrackPoint{};
  p.power_w = INT_MIN;
  refused(p, "power_w");
}

TEST(TrackCodec, EncodesAnHourOfRunningCompactly) {
  constexpr int kSeconds = 3600;
  const Track run = realistic_run(kSeconds);
  const Bytes bytes = encoded(run);
  const double per_point = static_cast<double>(bytes.size()) / kSeconds;
  std::cout << "[ measured ] realistic 1 Hz run: " << bytes.size() << " bytes for " << kSeconds << " points, "
            << per_point << " bytes/point\n";
  RecordProperty("bytes_per_point", std::to_string(per_point));
  EXPECT_LT(per_point, 12.0);
  EXPECT_EQ(round_trip(run), track_codec::quantized(run));
}

// ---- hostile input ----------------------------------------------------------

TEST(TrackCodecDecode, RefusesEveryTruncationOfAValidEncoding) {
  const Bytes whole = encoded(realistic_run(40));
  for (std::size_t size = 0; size < whole.size(); ++size) {
    expect_refused(Bytes(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(size)));
  }
}

TEST(TrackCodecDecode, RefusesTrailingBytes) {
  Bytes bytes = encoded(realistic_run(3));
  bytes.push_back(0);
  expect_refused(bytes, "1 bytes follow the last column");
}

TEST(TrackCodecDecode, RefusesAnUnknownVersion) {
  auto track = track_codec::decode(Bytes{track_codec::kVersion + 1, 0}, kActivity);
  ASSERT_FALSE(track.has_value());
  EXPECT_EQ(track.error().kind, ErrorKind::storage);
  EXPECT_NE(track.error().message.find("encoding version 2"), std::string::npos) << track.error().message;
}

TEST(TrackCodecDecode, RefusesAPointCountLargerThanTheBytesBeforeAllocating) {
  Bytes bytes{track_codec::kVersion};
  put_varint(bytes, std::uint64_t{1} << 62);
  bytes.push_back(1);
  expect_refused(bytes, "declares");
}

TEST(TrackCodecDecode, RefusesAHugeRunCount) {
  Bytes bytes{track_codec::kVersion, 2, 0x01, 0, 0};  // 2 points, offsets 0, 0
  bytes.push_back(0x02);                              // latitude in runs...
  put_varint(bytes, std::uint64_t{1} << 40);          // ...of which there are 2^40
  expect_refused(bytes, "presence runs");
}

TEST(TrackCodecDecode, RefusesRunsThatDoNotCoverThePoints) {
  const Bytes head{track_codec::kVersion, 3, 0x01, 0, 0, 0};  // 3 points
  Bytes too_few = head;
  too_few.insert(too_few.end(), {0x02, 2, 1, 1});  // runs: 1 absent, 1 present
  expect_refused(too_few, "cover 2 of 3");
  Bytes too_many = head;
  too_many.insert(too_many.end(), {0x02, 2, 1, 5});
  expect_refused(too_many, "exceed");
  Bytes empty_run = head;
  empty_run.insert(empty_run.end(), {0x02, 3, 1, 0, 2});
  expect_refused(empty_run, "empty run");
}

TEST(TrackCodecDecode, RefusesMissingOffsetsAndUnknownHeaders) {
  expect_refused(Bytes{track_codec::kVersion, 1, 0x00}, "no offset");
  expect_refused(Bytes{track_codec::kVersion, 1, 0x03, 0}, "unknown header");
  expect_refused(Bytes{track_codec::kVersion, 1, 0x09, 0}, "unknown header");
}

TEST(TrackCodecDecode, RefusesAnOverlongOrOverflowingNumber) {
  Bytes overlong{track_codec::kVersion};
  for (int i = 0; i < 11; ++i) overlong.push_back(0xFF);
  expect_refused(overlong);
  Bytes overflowing{track_codec::kVersion};
  for (int i = 0; i < 9; ++i) overflowing.push_back(0xFF);
  overflowing.push_back(0x02);  // bit 64
  expect_refused(overflowing);
}

TEST(TrackCodecDecode, RefusesValuesBeyondTheColumnsRange) {
  Bytes offset{track_codec::kVersion, 1, 0x01};
  put_varint(offset, zigzag(track_codec::kMaxMagnitude + 1));
  expect_refused(offset, "impossible offset_s");

  // Deltas that wrap around 64 bits are refused too, not undefined behaviour.
  Bytes wrapping{track_codec::kVersion, 2, 0x05};  // offsets at second order
  put_varint(wrapping, zigzag(track_codec::kMaxMagnitude));
  put_varint(wrapping, zigzag(std::numeric_limits<std::int64_t>::max()));
  expect_refused(wrapping, "impossible offset_s");

  Bytes heart_rate{track_codec::kVersion, 1, 0x01, 0};  // offset 0
  for (int column = 1; column < 6; ++column) heart_rate.push_back(0x00);
  heart_rate.push_back(0x01);
  put_varint(heart_rate, zigzag(std::int64_t{INT_MAX} + 1));
  expect_refused(heart_rate, "impossible heart_rate_bpm");
}

TEST(TrackCodecDecode, SurvivesEveryBitFlipOfAValidEncoding) {
  const Bytes whole = encoded(realistic_run(30));
  for (std::size_t i = 0; i < whole.size(); ++i) {
    for (int bit = 0; bit < CHAR_BIT; ++bit) {
      Bytes flipped = whole;
      flipped[i] ^= static_cast<std::uint8_t>(1U << bit);
      auto track = track_codec::decode(flipped, kActivity);
      if (track) {
        EXPECT_LE(track->points.size(), flipped.size());
      } else {
        EXPECT_EQ(track.error().kind, ErrorKind::storage);
      }
    }
  }
}

TEST(TrackCodecDecode, SurvivesRandomGarbage) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, UCHAR_MAX);
  std::uniform_int_distribution<int> length(0, 64);
  for (int round = 0; round < 20'000; ++round) {
    Bytes bytes(static_cast<std::size_t>(length(rng)));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(byte(rng));
    // Mostly well-formed heads, so the garbage reaches the columns.
    if (!bytes.empty() && round % 4 != 0) bytes[0] = track_codec::kVersion;
    if (bytes.size() > 1 && round % 2 != 0) bytes[1] = static_cast<std::uint8_t>(round % 8);
    auto track = track_codec::decode(bytes, kActivity);
    if (track) {
      EXPECT_LE(track->points.size(), bytes.size());
    } else {
      EXPECT_EQ(track.error().kind, ErrorKind::storage);
    }
  }
}

// ---- properties -------------------------------------------------------------

/// A value of a column with `steps_per_unit`, up to 2^50 steps, usually small
/// and sometimes between two steps.
rc::Gen<double> column_value(double steps_per_unit) {
  return rc::gen::exec([steps_per_unit] {
    constexpr std::int64_t kLarge = std::int64_t{1} << 50;
    const std::int64_t steps = *rc::gen::weightedOneOf<std::int64_t>({
        {4, rc::gen::inRange<std::int64_t>(-1000, 1000)},
        {1, rc::gen::inRange<std::int64_t>(-kLarge, kLarge)},
    });
    const double fraction = *rc::gen::inRange(-45, 46) / 100.0;
    return (static_cast<double>(steps) + fraction) / steps_per_unit;
  });
}

template <class T>
rc::Gen<std::optional<T>> maybe(rc::Gen<T> gen) {
  return rc::gen::exec([gen] {
    if (*rc::gen::inRange(0, 4) == 0) return std::optional<T>{};
    return std::optional<T>{*gen};
  });
}

rc::Gen<Track> any_track() {
  return rc::gen::exec([] {
    const auto& c = track_codec::kColumns;
    Track t;
    const int points = *rc::gen::inRange(0, 60);
    for (int i = 0; i < points; ++i) {
      TrackPoint p;
      p.offset_s = *column_value(c[0].steps_per_unit);
      p.latitude_deg = *maybe(column_value(c[1].steps_per_unit));
      p.longitude_deg = *maybe(column_value(c[2].steps_per_unit));
      p.altitude_m = *maybe(column_value(c[3].steps_per_unit));
      p.distance_m = *maybe(column_value(c[4].steps_per_unit));
      p.speed_m_per_s = *maybe(column_value(c[5].steps_per_unit));
      p.heart_rate_bpm = *maybe(rc::gen::inRange(-INT_MAX, INT_MAX));
      p.cadence_spm = *maybe(column_value(c[7].steps_per_unit));
      p.power_w = *maybe(rc::gen::inRange(-INT_MAX, INT_MAX));
      t.points.push_back(p);
    }
    return t;
  });
}

RC_GTEST_PROP(TrackCodecProperty, DecodingTheEncodingGivesTheTrackAtCodecPrecision, ()) {
  const Track t = *any_track();
  const auto bytes = track_codec::encode(t);
  RC_ASSERT(bytes.has_value());
  const auto back = track_codec::decode(*bytes, kActivity);
  RC_ASSERT(back.has_value());
  RC_ASSERT(*back == track_codec::quantized(t));
  // Quantizing is idempotent: a decoded track is stored again unchanged.
  RC_ASSERT(track_codec::quantized(*back) == *back);
}

}  // namespace
}  // namespace stridecare::storage
