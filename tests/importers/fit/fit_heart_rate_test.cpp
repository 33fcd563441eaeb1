// Heart rate of HRM-Swim / HRM-Pro straps (FIT `hr` messages) merged into the records by time,
// as the Garmin FIT SDK's mergeHeartRates does.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fit_builder.hpp"
#include "importers/fit/decode.hpp"
#include "importers/fit/heart_rate.hpp"
#include "importers/fit/profile.hpp"
#include "support/test_files.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fs = std::filesystem;
using testing::FitBuilder;

using test_support::kCorpus;

Sample at_fit_seconds(std::int64_t s, std::optional<int> bpm = std::nullopt) {
  Sample out;
  out.time = UtcMillis{std::chrono::seconds{s + profile::kFitEpochUnixSeconds}};
  out.heart_rate_bpm = bpm;
  return out;
}

std::vector<Sample> all_samples(const Recording& r) {
  std::vector<Sample> out;
  for (const auto& s : r.sessions) out.insert(out.end(), s.samples.begin(), s.samples.end());
  return out;
}

TEST(FitHeartRate, ARecordGetsTheRoundedMeanOfTheBeatsSinceThePreviousRecord) {
  // Anchor: FIT second 100.5 is the strap's event time 1000.0. Beats at 100.5 (60), 101.0 (70),
  // 101.5 (80), 102.5 (90); each gap of 0.5 s or more is filled with the earlier value every 0.25 s.
  const std::vector<HrMessage> hr{
      {100.5, {1000.0}, {60}},
      {std::nullopt, {1000.5, 1001.0, 1002.0}, {70, 80, 90}},
  };
  std::vector<Sample> samples{at_fit_seconds(101, 50), at_fit_seconds(102, 50), at_fit_seconds(103, 50)};
  ASSERT_TRUE(merge_heart_rates(hr, samples));
  // (100, 101]: 100.5 60, 100.75 60, 101.0 70 -> 63.3
  EXPECT_EQ(samples[0].heart_rate_bpm, 63);
  // (101, 102]: 101.25 70, 101.5 80, 101.75 80, 102.0 80 -> 77.5, halves go up
  EXPECT_EQ(samples[1].heart_rate_bpm, 78);
  // (102, 103]: beats up to 102.5, but no beat after 103 closes the window: the SDK leaves it alone.
  EXPECT_EQ(samples[2].heart_rate_bpm, 50);
}

TEST(FitHeartRate, BeatsBeforeAnyAnchorAreAnErrorAndChangeNothing) {
  const std::vector<HrMessage> hr{{std::nullopt, {1000.5}, {70}}};
  std::vector<Sample> samples{at_fit_seconds(101, 50)};
  const auto merged = merge_heart_rates(hr, samples);
  ASSERT_FALSE(merged);
  EXPECT_NE(merged.error().message.find("before any with one"), std::string::npos) << merged.error().message;
  EXPECT_EQ(samples[0].heart_rate_bpm, 50);
}

TEST(FitHeartRate, BeatAndTimeCountsThatDifferAreAnError) {
  const std::vector<HrMessage> hr{{100.0, {1000.0}, {60}}, {std::nullopt, {1000.5, 1001.0}, {70}}};
  std::vector<Sample> samples{at_fit_seconds(101)};
  EXPECT_FALSE(merge_heart_rates(hr, samples));
  EXPECT_FALSE(samples[0].heart_rate_bpm);
}

TEST(FitHeartRate, PackedTwelveBitEventTimesAccumulateFromTheAnchor) {
  namespace hr = profile::hr;
  constexpr std::uint32_t kAnchorS = 0x30000000;    // FIT seconds
  constexpr std::uint32_t kAnchorEvent = 4095 * 3;  // 1/1024 s; the 12-bit deltas roll over right after
  // Three 12-bit event times, least significant bits first, 0.5 s apart after the anchor
  // (the first crosses a 4096 boundary, so it rolls over).
  std::uint64_t bits = 0;
  for (unsigned i = 0; i < 3; ++i) bits |= std::uint64_t{(kAnchorEvent + 512 * (i + 1)) & 0xFFF} << (12 * i);
  std::vector<std::uint8_t> packed;
  for (unsigned i = 0; i < 5; ++i) packed.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  const auto bytes = FitBuilder()
                         .define(0, profile::mesg::kRecord, {{kTimestampField, 4, BaseType::uint32}})
                         .message(0, {{kAnchorS + 1, 4}})
                         .message(0, {{kAnchorS + 2, 4}})
                         .define(1, profile::mesg::kHr,
                                 {{kTimestampField, 4, BaseType::uint32},
                                  {hr::kEventTimestamp.number, 4, BaseType::uint32},
                                  {hr::kFilteredBpm, 1, BaseType::uint8}})
                         .message(1, {{kAnchorS, 4}, {kAnchorEvent, 4}, {100, 1}})
                         .define(2, profile::mesg::kHr,
                                 {{hr::kEventTimestamp12, 5, BaseType::byte}, {hr::kFilteredBpm, 3, BaseType::uint8}})
                         .message(2, {})
                         .bytes(packed)
                         .bytes({110, 120, 130})
                         .finish();
  const auto decoded = decode_fit(bytes, "hr.fit");
  ASSERT_TRUE(decoded) << decoded.error().message;
  const auto samples = all_samples(*decoded);
  ASSERT_EQ(samples.size(), 2u);
  // Beats at +0 (100), +0.25 (100, gap fill), +0.5 (110), +0.75 (110), +1.0 (120), +1.25 (120),
  // +1.5 (130). First record (+0, +1]: 100, 110, 110, 120 -> 110; the second has no later beat to
  // close its window.
  EXPECT_EQ(samples[0].heart_rate_bpm, 110);
  EXPECT_FALSE(samples[1].heart_rate_bpm);
  EXPECT_TRUE(decoded->warnings.empty());
}

struct SdkHeartRate {
  std::size_t record;
  int bpm;
};

/// Record heart rates of the FIT SDK 21.217.0 (mergeHeartRates on), by record index.
void expect_sdk_heart_rates(const std::string& file, std::size_t records, std::size_t with_heart_rate,
                            const std::vector<SdkHeartRate>& expected) {
  const auto decoded = decode_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / file), file);
  ASSERT_TRUE(decoded) << decoded.error().message;
  const auto samples = all_samples(*decoded);
  ASSERT_EQ(samples.size(), records);
  EXPECT_EQ(std::count_if(samples.begin(), samples.end(), [](const Sample& s) { return s.heart_rate_bpm; }),
            static_cast<std::ptrdiff_t>(with_heart_rate));
  for (const auto& [record, bpm] : expected) EXPECT_EQ(samples[record].heart_rate_bpm, bpm) << "record " << record;
}

TEST(FitHeartRate, PoolSwimWithHrmSwimGetsTheSdksHeartRates) {
  expect_sdk_heart_rates("event_timestamp.fit", 4376, 4376, {{0, 95}, {1, 92}, {100, 122}, {1000, 145}, {4375, 134}});
}

TEST(FitHeartRate, ChainedHrmFilesGetTheSdksHeartRates) {
  expect_sdk_heart_rates("garmin-fr935-cr.fit", 7515, 7483,
                         {{0, 110}, {1, 110}, {100, 124}, {1000, 93}, {5000, 77}, {7514, 110}});
}

}  // namespace
}  // namespace stridecare::importers::fit
