// Sessions of multisport files and pool swims: each session gets the records, laps and pool
// lengths of its own time span; and the `cycles` -> `total_cycles` accumulation of records.

#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fit_builder.hpp"
#include "importers/fit/accumulator.hpp"
#include "importers/fit/decode.hpp"
#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"
#include "support/test_files.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fs = std::filesystem;
using testing::FitBuilder;

using test_support::kCorpus;

Recording decode_corpus(const fs::path& relative) {
  const auto decoded = decode_fit(test_support::read_bytes(kCorpus / relative), relative.filename().string());
  EXPECT_TRUE(decoded) << decoded.error().message;
  return decoded.value_or(Recording{});
}

/// Every sample of every session lies within that session's [start, start + elapsed time], the
/// elapsed time rounded up to a whole second: record times are whole seconds, elapsed times are not.
void expect_samples_within_their_session(const Recording& r) {
  for (const auto& s : r.sessions) {
    SCOPED_TRACE(s.sport);
    ASSERT_TRUE(s.start && s.total_elapsed_s);
    const auto end = *s.start + std::chrono::seconds(static_cast<std::int64_t>(std::ceil(*s.total_elapsed_s)));
    for (const auto& sample : s.samples) {
      ASSERT_TRUE(sample.time);
      EXPECT_GE(*sample.time, *s.start);
      EXPECT_LE(*sample.time, end);
    }
  }
}

std::vector<std::string> sports(const Recording& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sessions) out.push_back(s.sport);
  return out;
}

std::size_t sample_count(const Recording& r) {
  std::size_t n = 0;
  for (const auto& s : r.sessions) n += s.samples.size();
  return n;
}

const std::vector<std::string> kTriathlon{"swimming", "transition", "cycling", "transition", "running"};

TEST(FitSessions, TriathlonChainedFilesGiveEachSessionItsOwnRecords) {
  const Recording r = decode_corpus("fitparse-rs/fitparser/tests/fixtures/sample_mulitple_header.fit");
  EXPECT_EQ(sports(r), kTriathlon);
  EXPECT_EQ(sample_count(r), 1773u);  // every record message of the file (the FIT SDK's count)
  for (const auto& s : r.sessions) EXPECT_FALSE(s.samples.empty()) << s.sport;
  expect_samples_within_their_session(r);
}

TEST(FitSessions, SummaryBeforeOrAfterTheRecordsGivesTheSameSessions) {
  for (const char* file : {"triathlon_summary_first.fit", "triathlon_summary_last.fit"}) {
    SCOPED_TRACE(file);
    const Recording r = decode_corpus(fs::path("fit-file-parser/examples") / file);
    EXPECT_EQ(sports(r), kTriathlon);
    for (const auto& s : r.sessions) EXPECT_FALSE(s.samples.empty()) << s.sport;
    expect_samples_within_their_session(r);
  }
}

TEST(FitSessions, PoolSwimCountsItsActiveLengthsAndStatesThePoolLength) {
  const Recording r = decode_corpus("fitdecode/tests/files/event_timestamp.fit");
  ASSERT_EQ(r.sessions.size(), 1u);
  // 166 length messages, 114 of them active (the session's own num_active_lengths says 114).
  EXPECT_EQ(r.sessions[0].pool_lengths, 114);
  ASSERT_TRUE(r.sessions[0].pool_length_m);
  EXPECT_DOUBLE_EQ(*r.sessions[0].pool_length_m, 22.86);  // 25 yd
}

TEST(FitSessions, ChainedSwimLengthsGoToTheSwimSessionOfTheirOwnFile) {
  // Two chained files whose sessions start at the same second: paddleboarding, then a pool swim.
  const Recording r = decode_corpus("muktihari-fit/testdata/chained_Activity_activity_poolswim.fit");
  ASSERT_EQ(sports(r), (std::vector<std::string>{"stand_up_paddleboarding", "swimming"}));
  EXPECT_EQ(r.sessions[0].pool_lengths, 0);
  EXPECT_FALSE(r.sessions[0].pool_length_m);
  EXPECT_EQ(r.sessions[1].pool_lengths, 20);
  EXPECT_DOUBLE_EQ(r.sessions[1].pool_length_m.value_or(0), 22.86);
}

TEST(FitAccumulator, NarrowCountersRollOverIntoTheTotal) {
  Accumulator a;
  EXPECT_EQ(a.add(250, 8), 250u);
  EXPECT_EQ(a.add(4, 8), 260u);  // 250 -> 255 -> 0 -> 4
  a.anchor(1000);
  EXPECT_EQ(a.add((1000 + 7) & 0xFF, 8), 1007u);
  EXPECT_EQ(a.add(0xFFF, 12), 1007u + ((0xFFF - 1007) & 0xFFF));
}

TEST(FitAccumulatedFields, CyclesAccumulateIntoTotalCyclesAndTotalCyclesReanchors) {
  namespace rec = profile::record;
  constexpr std::uint32_t kCycleStartS = 0x30000000;
  const auto bytes = FitBuilder()
                         .define(0, profile::mesg::kRecord,
                                 {{kTimestampField, 4, BaseType::uint32}, {rec::kCycles, 1, BaseType::uint8}})
                         .message(0, {{kCycleStartS, 4}, {250, 1}})
                         .message(0, {{kCycleStartS + 1, 4}, {254, 1}})
                         .message(0, {{kCycleStartS + 2, 4}, {3, 1}})
                         .define(1, profile::mesg::kRecord,
                                 {{kTimestampField, 4, BaseType::uint32}, {rec::kTotalCycles, 4, BaseType::uint32}})
                         .message(1, {{kCycleStartS + 3, 4}, {1000, 4}})
                         .message(0, {{kCycleStartS + 4, 4}, {(1000 + 2) & 0xFF, 1}})
                         .message(0, {{kCycleStartS + 5, 4}, {0xFF, 1}})  // invalid: no count
                         .finish();
  const auto decoded = decode_fit(bytes, "cycles.fit");
  ASSERT_TRUE(decoded) << decoded.error().message;
  std::vector<std::optional<std::int64_t>> totals;
  for (const auto& s : decoded->sessions.at(0).samples) totals.push_back(s.total_cycles);
  EXPECT_EQ(totals, (std::vector<std::optional<std::int64_t>>{250, 254, 259, 1000, 1002, std::nullopt}));
}

TEST(FitAccumulatedFields, TriathlonRecordsCountCyclesUpWithinEachSession) {
  // Records carry both cycles and total_cycles (the FIT SDK crashes on them); the totals never go back.
  const Recording r = decode_corpus("fit-file-parser/examples/triathlon_summary_last.fit");
  std::size_t counted = 0;
  for (const auto& s : r.sessions) {
    std::int64_t last = 0;
    for (const auto& sample : s.samples) {
      if (!sample.total_cycles) continue;
      ++counted;
      EXPECT_GE(*sample.total_cycles, last) << s.sport;
      last = *sample.total_cycles;
    }
  }
  EXPECT_GT(counted, 0u);
}

}  // namespace
}  // namespace stridecare::importers::fit

namespace stridecare::importers::fit {
namespace {

namespace rec = profile::record;

constexpr std::uint32_t kRunStart = 1'100'000'000;

/// A run whose records every 10 s reach `record_s` (distance 3 m/s), whose session says `session_s` and
/// `session_m`, with a timer stop event at each of `stops` (s from the start).
Recording early_stop_run(std::uint32_t record_s, std::uint32_t session_s, std::uint32_t session_m,
                         const std::vector<std::uint32_t>& stops = {}, std::uint32_t jump_at = 0) {
  FitBuilder b;
  b.define(0, profile::mesg::kRecord,
           {{kTimestampField, 4, BaseType::uint32}, {rec::kDistance.number, 4, BaseType::uint32}});
  for (std::uint32_t t = 0; t <= record_s; t += 10) {
    const std::uint32_t at = jump_at != 0 && t >= jump_at ? t + 100'000 : t;
    b.message(0, {{kRunStart + at, 4}, {t * 3 * 100, 4}});
  }
  b.define(1, profile::mesg::kEvent,
           {{kTimestampField, 4, BaseType::uint32},
            {profile::event::kEvent, 1, BaseType::enum_},
            {profile::event::kEventType, 1, BaseType::enum_}});
  for (std::uint32_t at : stops) b.message(1, {{kRunStart + at, 4}, {0, 1}, {4, 1}});  // timer, stop_all
  b.define(2, profile::mesg::kSession,
           {{kTimestampField, 4, BaseType::uint32},
            {profile::session::kStartTime, 4, BaseType::uint32},
            {profile::session::kSport, 1, BaseType::enum_},
            {profile::session::kTotalElapsedTime.number, 4, BaseType::uint32},
            {profile::session::kTotalTimerTime.number, 4, BaseType::uint32},
            {profile::session::kTotalDistance.number, 4, BaseType::uint32}});
  b.message(2, {{kRunStart + session_s, 4},
                {kRunStart, 4},
                {1, 1},
                {session_s * 1000, 4},
                {session_s * 1000, 4},
                {session_m * 100, 4}});
  const auto decoded = decode_fit(b.finish(), "early.fit");
  EXPECT_TRUE(decoded) << decoded.error().message;
  return decoded.value_or(Recording{});
}

// Regression: a watch's session totals left out the last lap while its records ran 926 s longer without a
// timer stop; import paired the short time with the records' full distance (4:25/km instead of 5:26/km).
TEST(FitSessions, TotalsThatStopBeforeTheRecordsWithoutATimerStopTakeTheRecordsTimeAndDistance) {
  const Recording r = early_stop_run(4000, 3074, 12000);
  ASSERT_EQ(r.sessions.size(), 1U);
  const SessionRecord& s = r.sessions[0];
  EXPECT_EQ(s.total_elapsed_s, 4000.0);
  EXPECT_EQ(s.total_timer_s, 4000.0);
  EXPECT_EQ(s.total_distance_m, 12000.0);
  ASSERT_EQ(r.warnings.size(), 1U);
  EXPECT_EQ(r.warnings[0],
            "session totals end 926 s before its records, with no timer stop: elapsed time 3074 -> 4000 s, timer "
            "time 3074 -> 4000 s: time and distance from the records");
}

TEST(FitSessions, TotalsStayWhenTheTimerStoppedAtTheirEnd) {
  // Records logged on after the stop button: the session is right.
  const Recording r = early_stop_run(4000, 3074, 9222, {3074});
  EXPECT_EQ(r.sessions[0].total_elapsed_s, 3074.0);
  EXPECT_EQ(r.sessions[0].total_distance_m, 9222.0);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(FitSessions, AnEarlierTimerStopKeepsTheTimerTotalButExtendsElapsedAndDistance) {
  const Recording r = early_stop_run(4000, 3074, 9000, {1000});
  EXPECT_EQ(r.sessions[0].total_elapsed_s, 4000.0);
  EXPECT_EQ(r.sessions[0].total_timer_s, 3074.0);
  EXPECT_EQ(r.sessions[0].total_distance_m, 12000.0);
}

TEST(FitSessions, TotalsStayWhenTheRecordsJumpInTimeOrReachLessDistance) {
  EXPECT_EQ(early_stop_run(4000, 3074, 12000, {}, 3500).sessions[0].total_elapsed_s, 3074.0);
  EXPECT_EQ(early_stop_run(4000, 3074, 20000).sessions[0].total_elapsed_s, 3074.0);
  EXPECT_EQ(early_stop_run(3100, 3074, 9300).sessions[0].total_elapsed_s, 3074.0);  // within 60 s
}

}  // namespace
}  // namespace stridecare::importers::fit
