#include "importers/xml/track_math.hpp"

#include <chrono>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

namespace stridecare::importers::xml {
namespace {

constexpr double kOneDegreeM = kEarthMeanRadiusM * std::numbers::pi / 180.0;  // 111,195.08 m

TEST(Haversine, OneDegreeAlongAMeridianIsOneDegreeOfTheMeanRadius) {
  EXPECT_NEAR(haversine_m(45.0, 7.0, 46.0, 7.0), kOneDegreeM, 1e-6);
  EXPECT_NEAR(kOneDegreeM, 111195.08, 0.01);
}

TEST(Haversine, IsZeroForOnePointAndSymmetric) {
  EXPECT_DOUBLE_EQ(haversine_m(51.9, 4.06, 51.9, 4.06), 0.0);
  EXPECT_DOUBLE_EQ(haversine_m(51.9, 4.06, 52.0, 4.2), haversine_m(52.0, 4.2, 51.9, 4.06));
}

TEST(Haversine, CrossesTheAntimeridianTheShortWay) {
  EXPECT_NEAR(haversine_m(0.0, 179.5, 0.0, -179.5), kOneDegreeM, 1e-6);
}

TEST(Haversine, AntipodesAreHalfACircumferenceApart) {
  // Haversine loses precision near antipodes (asin near 1): 0.2 m of 20,000 km.
  EXPECT_NEAR(haversine_m(10.0, 20.0, -10.0, -160.0), std::numbers::pi * kEarthMeanRadiusM, 1.0);
}

Sample at(long long ms) {
  Sample s;
  s.time = UtcMillis{std::chrono::milliseconds{ms}};
  return s;
}

TEST(ElapsedSeconds, RunsFromTheFirstToTheLastTimedSample) {
  const std::vector<Sample> samples{Sample{}, at(1000), Sample{}, at(2500), at(4250), Sample{}};
  bool backwards = true;
  EXPECT_DOUBLE_EQ(*elapsed_s(samples, &backwards), 3.25);
  EXPECT_FALSE(backwards);
}

TEST(ElapsedSeconds, IsAbsentWithoutTimes) {
  EXPECT_FALSE(elapsed_s({Sample{}, Sample{}}).has_value());
  EXPECT_FALSE(elapsed_s({}).has_value());
}

TEST(ElapsedSeconds, SpansEarliestToLatestWhenTimesGoBackwards) {
  bool backwards = false;
  EXPECT_DOUBLE_EQ(*elapsed_s({at(5000), at(9000), at(1000), at(6000)}, &backwards), 8.0);
  EXPECT_TRUE(backwards);
}

}  // namespace
}  // namespace stridecare::importers::xml
