// The Store contract for imported activities: what a device recorded, the
// file it came from, and the per-second track, run against every store.

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/track_codec.hpp"
#include "store_contract.hpp"

namespace stridecare::storage {
namespace {

using domain::Activity;
using domain::ErrorKind;
using domain::Id;
using domain::Recorded;
using domain::Sport;
using domain::Track;
using domain::UtcSeconds;
using testing::checkin_on;
using testing::day;
using testing::run_on;
using testing::store_kind_name;
using testing::store_kinds;
using testing::StoreContract;

using testing::kMarch2026Utc;

UtcSeconds at(std::int64_t unix_s) { return UtcSeconds{std::chrono::seconds{unix_s}}; }

/// 32 lower-case hex digits, distinct per `n`.
std::string hash_of(int n) {
  std::string hex = std::to_string(n);
  return std::string(32 - hex.size(), 'a') + hex;
}

Recorded recorded_at(std::int64_t start_unix_s, int hash = 1, int session = 0) {
  Recorded r;
  r.source = {"morning.fit", "fit", hash_of(hash), session};
  r.start_utc = at(start_unix_s);
  return r;
}

Activity imported_run(domain::Date date, std::int64_t start_unix_s, int hash = 1, int session = 0) {
  Activity a = run_on(date);
  a.recorded = recorded_at(start_unix_s, hash, session);
  return a;
}

/// A track already at the codec's precision, so both stores return it as is.
Track sample_track() {
  Track t;
  for (int i = 0; i < 5; ++i) {
    domain::TrackPoint p;
    p.offset_s = i;
    p.latitude_deg = 51.5 + i * 0.0000125;
    p.longitude_deg = -0.125 - i * 0.00001;
    p.altitude_m = 12.25;
    p.distance_m = i * 3.5;
    p.speed_m_per_s = 3.5;
    p.heart_rate_bpm = 140 + i;
    p.cadence_spm = 170.5;
    if (i != 2) p.power_w = 250;
    t.points.push_back(p);
  }
  return track_codec::quantized(t);
}

class RecordedContract : public StoreContract {
 protected:
  std::vector<Activity> recorded(std::int64_t from, std::int64_t to) {
    auto list = store_->list_recorded(at(from), at(to));
    EXPECT_TRUE(list.has_value()) << (list ? "" : list.error().message);
    return list.value_or(std::vector<Activity>{});
  }
  bool has_source(int hash, int session) {
    auto found = store_->has_source(hash_of(hash), session);
    EXPECT_TRUE(found.has_value()) << (found ? "" : found.error().message);
    return found.value_or(false);
  }
  std::optional<Track> track(Id id) {
    auto loaded = store_->load_track(id);
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
    return loaded.value_or(std::nullopt);
  }
};

TEST_P(RecordedContract, RoundTripsEveryRecordedFieldAndKeepsLapOrder) {
  Activity full = imported_run(day(2026, 3, 2), kMarch2026Utc + 86'400 + 7 * 3600, 7, 2);
  full.recorded->source.name = "export.zip/activities/1.fit.gz";
  full.recorded->utc_offset_s = -5 * 3600;
  full.recorded->moving_s = 1612.5;
  full.recorded->elevation_gain_m = 42.75;
  full.recorded->avg_heart_rate_bpm = 151;
  full.recorded->max_heart_rate_bpm = 178;
  full.recorded->avg_cadence_spm = 171.25;
  full.recorded->laps = {{0, 600.5, 2000.0}, {600.5, 590, std::nullopt}, {1190.5, 10.25, 31.5}};
  Activity bare = imported_run(day(2026, 3, 3), kMarch2026Utc + 2 * 86'400, 8);  // only what is required
  bare.recorded->source.format = "gpx";
  Activity manual = run_on(day(2026, 3, 4));

  full.id = add(full);
  bare.id = add(bare);
  manual.id = add(manual);

  const std::vector<Activity> all{full, bare, manual};
  for (const auto& range : {domain::DateRange{}, domain::DateRange{day(2026, 3, 1), day(2026, 3, 31)},
                            domain::DateRange{std::nullopt, day(2026, 3, 31)}}) {
    EXPECT_EQ(activities(range), all);
  }
  EXPECT_EQ(activities({day(2026, 3, 2), day(2026, 3, 2)}), std::vector<Activity>{full});
  EXPECT_EQ(recorded(kMarch2026Utc, kMarch2026Utc + 10 * 86'400), (std::vector<Activity>{full, bare}));
}

TEST_P(RecordedContract, ListsRecordedActivitiesInAnInclusiveWindowByStartThenId) {
  const std::int64_t t = kMarch2026Utc;
  const Id late = add(imported_run(day(2026, 3, 1), t + 300, 1));
  const Id first = add(imported_run(day(2026, 3, 1), t + 100, 2));
  const Id same_start_a = add(imported_run(day(2026, 3, 1), t + 200, 3));
  const Id same_start_b = add(imported_run(day(2026, 3, 1), t + 200, 4));
  add(imported_run(day(2026, 3, 1), t + 99, 5));   // just before
  add(imported_run(day(2026, 3, 1), t + 301, 6));  // just after
  add(run_on(day(2026, 3, 1)));                    // not imported
  add(checkin_on(day(2026, 3, 1)));

  EXPECT_EQ(ids_of(recorded(t + 100, t + 300)), (std::vector<Id>{first, same_start_a, same_start_b, late}));
  EXPECT_EQ(ids_of(recorded(t + 200, t + 200)), (std::vector<Id>{same_start_a, same_start_b}));
  EXPECT_TRUE(recorded(t + 301 + 1, t + 10'000).empty());
  EXPECT_TRUE(recorded(t + 300, t + 100).empty());
}

TEST_P(RecordedContract, HasSourceMatchesContentHashAndSessionIndex) {
  EXPECT_FALSE(has_source(1, 0));
  add(imported_run(day(2026, 3, 1), kMarch2026Utc, 1, 0));
  add(imported_run(day(2026, 3, 1), kMarch2026Utc + 3600, 1, 2));
  EXPECT_TRUE(has_source(1, 0));
  EXPECT_TRUE(has_source(1, 2));
  EXPECT_FALSE(has_source(1, 1));
  EXPECT_FALSE(has_source(2, 0));
}

TEST_P(RecordedContract, RefusesTheSameSourceSessionTwiceAsAConflict) {
  add(imported_run(day(2026, 3, 1), kMarch2026Utc, 1, 0));
  auto again = store_->add_activity(imported_run(day(2026, 3, 1), kMarch2026Utc, 1, 0));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(activities().size(), 1U);
}

TEST_P(RecordedContract, StoresAndListsSportOther) {
  Activity ski = imported_run(day(2026, 3, 1), kMarch2026Utc);
  ski.sport = Sport::other;
  ski.distance_m.reset();
  ski.note = "skiing";
  ski.id = add(ski);
  EXPECT_EQ(activities(), std::vector<Activity>{ski});
  EXPECT_EQ(recorded(kMarch2026Utc, kMarch2026Utc), std::vector<Activity>{ski});
}

TEST_P(RecordedContract, SavesAndLoadsATrackAndReplacesIt) {
  const Id id = add(imported_run(day(2026, 3, 1), kMarch2026Utc));
  const Track first = sample_track();
  ASSERT_TRUE(store_->save_track(id, first).has_value());
  EXPECT_EQ(track(id), first);

  Track second = first;
  second.points.resize(2);
  ASSERT_TRUE(store_->save_track(id, second).has_value());
  EXPECT_EQ(track(id), second);

  ASSERT_TRUE(store_->save_track(id, Track{}).has_value());
  EXPECT_EQ(track(id), Track{}) << "an empty track is a track";
}

TEST_P(RecordedContract, LoadsNoTrackForAnActivityWithoutOne) {
  const Id id = add(run_on(day(2026, 3, 1)));
  EXPECT_EQ(track(id), std::nullopt);
  EXPECT_EQ(track(id + 100), std::nullopt);
}

TEST_P(RecordedContract, SavingATrackOfAnUnknownActivityIsNotFound) {
  const Id checkin = add(checkin_on(day(2026, 3, 1)));
  for (Id id : {Id{0}, Id{999}, checkin}) {
    auto saved = store_->save_track(id, sample_track());
    ASSERT_FALSE(saved.has_value()) << id;
    EXPECT_EQ(saved.error().kind, ErrorKind::not_found) << id;
  }
  EXPECT_EQ(track(checkin), std::nullopt);
}

TEST_P(RecordedContract, RemovingAnActivityRemovesItsRecordingLapsAndTrack) {
  Activity a = imported_run(day(2026, 3, 1), kMarch2026Utc, 1);
  a.recorded->laps = {{0, 60, 200.0}};
  const Id gone = add(a);
  const Id kept = add(imported_run(day(2026, 3, 1), kMarch2026Utc + 10, 2));
  ASSERT_TRUE(store_->save_track(gone, sample_track()).has_value());
  ASSERT_TRUE(store_->save_track(kept, sample_track()).has_value());

  ASSERT_EQ(store_->remove(gone), true);
  EXPECT_FALSE(has_source(1, 0));
  EXPECT_EQ(track(gone), std::nullopt);
  EXPECT_EQ(ids_of(recorded(kMarch2026Utc, kMarch2026Utc + 10)), std::vector<Id>{kept});
  EXPECT_EQ(track(kept), sample_track());

  // The file can be imported again, and starts with only its own laps.
  Activity again = imported_run(day(2026, 3, 1), kMarch2026Utc, 1);
  again.id = add(again);
  EXPECT_EQ(recorded(kMarch2026Utc, kMarch2026Utc).front(), again);
}

TEST_P(RecordedContract, AFailedTransactLeavesNoRecordingOrTrack) {
  const Id before = add(imported_run(day(2026, 3, 1), kMarch2026Utc, 1));
  const Track old_track = sample_track();
  ASSERT_TRUE(store_->save_track(before, old_track).has_value());
  auto result = store_->transact([&]() -> domain::Expected<void> {
    Activity a = imported_run(day(2026, 3, 2), kMarch2026Utc + 86'400, 2);
    a.recorded->laps = {{0, 100, std::nullopt}};
    auto id = store_->add_activity(a);
    EXPECT_TRUE(id.has_value());
    if (id) {
      EXPECT_TRUE(store_->save_track(*id, sample_track()).has_value());
    }
    EXPECT_TRUE(store_->save_track(before, Track{}).has_value());
    return domain::invalid("file", "made up");
  });
  ASSERT_FALSE(result.has_value());
  EXPECT_FALSE(has_source(2, 0));
  EXPECT_EQ(ids_of(recorded(kMarch2026Utc, kMarch2026Utc + 2 * 86'400)), std::vector<Id>{before});
  EXPECT_EQ(track(before), old_track);
  EXPECT_EQ(track(before + 1), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(AllStores, RecordedContract, ::testing::ValuesIn(store_kinds()), store_kind_name);

}  // namespace
}  // namespace stridecare::storage
