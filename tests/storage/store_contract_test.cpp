// The Store contract (storage/store.hpp), run against every implementation:
// whatever the services see through the seam must not depend on which store
// is behind it.

#include "store_contract.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "storage/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/store.hpp"
#include "store_test_support.hpp"

namespace stridecare::storage {
namespace {

using domain::Activity;
using domain::ErrorKind;
using domain::Id;
using domain::PainCheckin;
using domain::Sign;
using domain::Sport;
using testing::checkin_on;
using testing::day;
using testing::run_on;
using testing::store_kind_name;
using testing::store_kinds;
using testing::StoreContract;
using testing::strength_on;
using testing::TempDir;

TEST_P(StoreContract, NewStoreIsEmptyAndHasNoProfile) {
  EXPECT_EQ(store_->empty(), true);
  auto profile = store_->load_profile();
  ASSERT_TRUE(profile.has_value());
  EXPECT_FALSE(profile->has_value());
  EXPECT_TRUE(activities().empty());
  EXPECT_TRUE(checkins().empty());
}

TEST_P(StoreContract, TheDataVersionChangesWithEveryWriteAndOnlyThen) {
  const auto version = [this] {
    const auto v = store_->data_version();
    EXPECT_TRUE(v.has_value());
    return v.value_or(-1);
  };
  const std::int64_t before = version();
  EXPECT_EQ(version(), before);  // asking changes nothing
  ASSERT_TRUE(store_->list_checkins({}).has_value());
  EXPECT_EQ(version(), before);  // nor does reading
  const auto id = store_->add_checkin(checkin_on(day(2026, 3, 2)));
  ASSERT_TRUE(id.has_value());
  const std::int64_t after_add = version();
  EXPECT_NE(after_add, before);
  ASSERT_TRUE(store_->remove(*id).has_value());
  EXPECT_NE(version(), after_add);
}

TEST_P(StoreContract, RoundTripsEveryActivityField) {
  Activity run = run_on(day(2026, 3, 2), 8.2);
  run.duration_s = 2705.5;
  run.rpe = 7;
  run.note = "tempo, felt \"good\"; knee quiet — 'fine'";
  Activity strength = strength_on(day(2026, 3, 3));
  strength.note = "gym";
  Activity swim;
  swim.sport = Sport::swim;
  swim.date = day(2026, 3, 4);
  swim.duration_s = 1800;  // no distance, no RPE, no note

  run.id = add(run);
  strength.id = add(strength);
  swim.id = add(swim);

  EXPECT_EQ(activities(), (std::vector<Activity>{run, strength, swim}));
}

TEST_P(StoreContract, RoundTripsEverySport) {
  std::vector<Activity> expected;
  unsigned d = 1;
  for (const auto& [sport, name] : domain::EnumNames<Sport>::table) {
    Activity a;
    a.sport = sport;
    a.date = day(2026, 4, d++);
    a.duration_s = 1200;
    if (sport == Sport::run) a.distance_m = 4000;
    a.id = add(a);
    expected.push_back(a);
  }
  EXPECT_EQ(activities(), expected);
}

TEST_P(StoreContract, KeepsTheOrderOfStrengthExercises) {
  Activity a = strength_on(day(2026, 3, 3));
  a.exercises = {{"z-last-alphabetically", 1, 1, 1.5}, {"a-first", 2, 2, std::nullopt}, {"m", 20, 200, 1000.0}};
  a.id = add(a);
  ASSERT_EQ(activities().size(), 1U);
  EXPECT_EQ(activities().front().exercises, a.exercises);
}

TEST_P(StoreContract, RoundTripsPerSetRowsPainAndStartTime) {
  Activity a = strength_on(day(2026, 3, 3));
  a.time = 17 * 60 + 59;
  a.exercises = {{"squat", 3, 8, 42.5, {{10, 40.0}, {10, 40.0}, {8, 42.5}}, 2},
                 {"lunge", 3, 8, std::nullopt, {}, 0},
                 {"step_up", 2, 12, 5.0, {{12, std::nullopt}, {12, 5.0}}, std::nullopt}};
  a.id = add(a);
  Activity untimed = strength_on(day(2026, 3, 4));
  untimed.exercises = {{"plank", 3, 1, std::nullopt}};
  untimed.id = add(untimed);
  EXPECT_EQ(activities(), (std::vector<Activity>{a, untimed}));
  // The window read hands out the same rows as the history read.
  EXPECT_EQ(store_->list_activities({day(2026, 3, 3), day(2026, 3, 3)}).value(), std::vector<Activity>{a});
  ASSERT_EQ(store_->remove(a.id), true);
  EXPECT_EQ(activities(), std::vector<Activity>{untimed});
}

TEST_P(StoreContract, RoundTripsEachWarningSignOnItsOwn) {
  std::vector<PainCheckin> expected;
  unsigned d = 1;
  for (const auto& [sign, name] : domain::EnumNames<Sign>::table) {
    PainCheckin c = checkin_on(day(2026, 5, d++));
    c.set(sign);
    c.note = std::string(name);
    c.id = add(c);
    expected.push_back(c);
  }
  const auto stored = checkins();
  ASSERT_EQ(stored, expected);
  for (std::size_t i = 0; i < stored.size(); ++i) EXPECT_EQ(stored[i].signs.count(), 1U) << stored[i].note;
}

TEST_P(StoreContract, RoundTripsEveryCheckinField) {
  PainCheckin all = checkin_on(day(2026, 3, 2), 7 * 60 + 45);
  all.site = domain::Site::hip;
  all.region = domain::Region::outer;
  all.side = domain::Side::both;
  all.pain = 10;
  all.timing = domain::Timing::next_morning;
  all.persists_after_run = true;
  all.cleared_by_clinician = true;
  all.signs.set();  // every sign
  all.note = "stairs hurt";

  PainCheckin bare = checkin_on(day(2026, 3, 3));  // no time, no region, no signs
  bare.pain = 0;
  bare.side = domain::Side::right;
  bare.timing = domain::Timing::during_run;

  PainCheckin edge = checkin_on(day(2026, 3, 4), 23 * 60 + 59);
  edge.region = domain::Region::inner;
  edge.timing = domain::Timing::at_rest;

  PainCheckin midnight = checkin_on(day(2026, 3, 5), 0);
  midnight.region = domain::Region::back;

  for (auto* c : {&all, &bare, &edge, &midnight}) c->id = add(*c);
  EXPECT_EQ(checkins(), (std::vector<PainCheckin>{all, bare, edge, midnight}));
}

TEST_P(StoreContract, RoundTripsTheProfileAndReplacesIt) {
  domain::Profile p;
  p.time_zone = "Europe/London";
  p.available_days = {true, false, true, false, true, false, false};
  p.long_run_day = std::chrono::Saturday;
  p.cross_training = {Sport::row, Sport::swim, Sport::elliptical};  // order is the athlete's
  p.gym_access = true;
  p.strength_per_week = 3;
  p.units = domain::UnitSystem::imperial;
  p.weekly_goal_m = 40234.5;
  p.session_time = 7 * 60 + 30;
  ASSERT_TRUE(store_->save_profile(p).has_value());
  EXPECT_EQ(store_->load_profile().value(), p);

  domain::Profile second;  // defaults: no units chosen
  second.cross_training.clear();
  second.long_run_day = std::chrono::Monday;
  ASSERT_TRUE(store_->save_profile(second).has_value());
  EXPECT_EQ(store_->load_profile().value(), second);
}

TEST_P(StoreContract, KeepsTheLastShownPlanDayPerDate) {
  const std::vector<domain::ShownDay> first{{day(2026, 3, 17), "Easy run 6 km", "continue"},
                                            {day(2026, 3, 18), "Rest", "continue"}};
  ASSERT_TRUE(store_->save_shown_days(first).has_value());
  const std::vector<domain::ShownDay> again{{day(2026, 3, 18), "Swim 40 min", "reduce"},
                                            {day(2026, 3, 19), "Strength", "reduce"}};
  ASSERT_TRUE(store_->save_shown_days(again).has_value());
  EXPECT_EQ(store_->list_shown_days({}).value(), (std::vector<domain::ShownDay>{first[0], again[0], again[1]}));
  EXPECT_EQ(store_->list_shown_days({day(2026, 3, 18), day(2026, 3, 18)}).value(),
            (std::vector<domain::ShownDay>{again[0]}));
  EXPECT_TRUE(store_->empty().value()) << "what was shown is not data of its own";
}

TEST_P(StoreContract, KeepsEachCalendarEventByUidAndListsThemByDate) {
  const domain::CalendarEvent run{"20260318-1@stridecare", day(2026, 3, 18), "aa", 0, false};
  const domain::CalendarEvent strength{"20260317-2@stridecare", day(2026, 3, 17), "bb", 0, false};
  ASSERT_TRUE(store_->save_calendar_events(std::vector{run, strength}).has_value());
  domain::CalendarEvent changed = run;
  changed.digest = "cc";
  changed.sequence = 1;
  changed.cancelled = true;
  ASSERT_TRUE(store_->save_calendar_events(std::vector{changed}).has_value());
  EXPECT_EQ(store_->list_calendar_events({}).value(), (std::vector<domain::CalendarEvent>{strength, changed}));
  EXPECT_EQ(store_->list_calendar_events({day(2026, 3, 18), std::nullopt}).value(),
            (std::vector<domain::CalendarEvent>{changed}));
}

/// Ranges that include every entry of the tests below, bounded in each way a
/// store may read differently (SqliteStore scans without a lower bound).
std::vector<domain::DateRange> all_inclusive_ranges() {
  return {domain::DateRange{}, domain::DateRange{std::nullopt, day(2100, 1, 1)},
          domain::DateRange{day(2000, 1, 1), std::nullopt}, domain::DateRange{day(2000, 1, 1), day(2100, 1, 1)}};
}

TEST_P(StoreContract, ListsActivitiesByDateThenId) {
  const Id late = add(run_on(day(2026, 3, 9)));
  const Id early = add(run_on(day(2026, 3, 1)));
  const Id same_day_first = add(run_on(day(2026, 3, 5)));
  const Id same_day_second = add(strength_on(day(2026, 3, 5)));
  Activity restored = run_on(day(2026, 3, 5));
  restored.id = 1000;  // a high id on an early day
  add(restored);
  for (const auto& range : all_inclusive_ranges()) {
    EXPECT_EQ(ids_of(activities(range)), (std::vector<Id>{early, same_day_first, same_day_second, 1000, late}));
  }
}

TEST_P(StoreContract, ListsCheckinsByDateThenUntimedFirstThenTimeThenId) {
  const Id next_day = add(checkin_on(day(2026, 3, 6)));
  const Id evening = add(checkin_on(day(2026, 3, 5), 20 * 60));
  const Id morning = add(checkin_on(day(2026, 3, 5), 7 * 60));
  const Id untimed_first = add(checkin_on(day(2026, 3, 5)));
  const Id morning_again = add(checkin_on(day(2026, 3, 5), 7 * 60));
  const Id untimed_second = add(checkin_on(day(2026, 3, 5)));
  const Id midnight = add(checkin_on(day(2026, 3, 5), 0));
  PainCheckin restored = checkin_on(day(2026, 3, 1), 12 * 60);
  restored.id = 1000;
  add(restored);
  for (const auto& range : all_inclusive_ranges()) {
    EXPECT_EQ(ids_of(checkins(range)), (std::vector<Id>{1000, untimed_first, untimed_second, midnight, morning,
                                                        morning_again, evening, next_day}));
  }
}

TEST_P(StoreContract, GivesEachActivityItsOwnExercisesWhateverTheIdOrder) {
  std::vector<Activity> expected;
  for (const auto& [id, d, name] : {std::tuple{Id{30}, 1U, "squat"}, std::tuple{Id{10}, 3U, "lunge"},
                                    std::tuple{Id{20}, 2U, "deadlift"}, std::tuple{Id{5}, 4U, "plank"}}) {
    Activity a = strength_on(day(2026, 3, d));
    a.id = id;
    a.exercises = {{name, 3, 10, std::nullopt}, {std::string(name) + "-2", 2, 5, 20.0}};
    add(a);
    expected.push_back(a);
  }
  std::ranges::sort(expected, {}, [](const Activity& a) { return a.date; });
  for (const auto& range : all_inclusive_ranges()) EXPECT_EQ(activities(range), expected);
  EXPECT_EQ(activities({day(2026, 3, 2), day(2026, 3, 3)}), (std::vector<Activity>{expected[1], expected[2]}));
  EXPECT_EQ(activities({std::nullopt, day(2026, 3, 2)}), (std::vector<Activity>{expected[0], expected[1]}));
  EXPECT_EQ(activities({day(2026, 3, 3), std::nullopt}), (std::vector<Activity>{expected[2], expected[3]}));
}

TEST_P(StoreContract, ActivitiesAndCheckinsShareOneIdSpace) {
  const Id a1 = add(run_on(day(2026, 3, 1)));
  const Id c1 = add(checkin_on(day(2026, 3, 1)));
  const Id a2 = add(strength_on(day(2026, 3, 2)));
  const Id c2 = add(checkin_on(day(2026, 3, 2)));
  EXPECT_EQ((std::vector<Id>{a1, c1, a2, c2}), (std::vector<Id>{1, 2, 3, 4}));
}

TEST_P(StoreContract, RejectsAnExplicitIdAlreadyUsedByEitherKind) {
  const Id activity_id = add(run_on(day(2026, 3, 1)));
  const Id checkin_id = add(checkin_on(day(2026, 3, 1)));

  for (Id taken : {activity_id, checkin_id}) {
    Activity a = run_on(day(2026, 3, 2));
    a.id = taken;
    auto as_activity = store_->add_activity(a);
    ASSERT_FALSE(as_activity.has_value()) << taken;
    EXPECT_EQ(as_activity.error().kind, ErrorKind::conflict);

    PainCheckin c = checkin_on(day(2026, 3, 2));
    c.id = taken;
    auto as_checkin = store_->add_checkin(c);
    ASSERT_FALSE(as_checkin.has_value()) << taken;
    EXPECT_EQ(as_checkin.error().kind, ErrorKind::conflict);
  }
  EXPECT_EQ(activities().size(), 1U);
  EXPECT_EQ(checkins().size(), 1U);
}

TEST_P(StoreContract, RejectsANegativeExplicitId) {
  Activity a = run_on(day(2026, 3, 2));
  a.id = -5;
  auto id = store_->add_activity(a);
  ASSERT_FALSE(id.has_value());
  EXPECT_EQ(id.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(activities().empty());
}

TEST_P(StoreContract, KeepsAnExplicitIdAndContinuesTheSequenceAfterIt) {
  PainCheckin restored = checkin_on(day(2026, 3, 1));
  restored.id = 100;
  EXPECT_EQ(add(restored), 100);
  EXPECT_EQ(add(run_on(day(2026, 3, 2))), 101);

  Activity older = run_on(day(2026, 3, 3));
  older.id = 50;  // below the sequence: kept, and the sequence does not go back
  EXPECT_EQ(add(older), 50);
  EXPECT_EQ(add(checkin_on(day(2026, 3, 4))), 102);
  EXPECT_EQ(checkins().front().id, 100);
}

TEST_P(StoreContract, RemovesAnActivityWithItsExercises) {
  const Id kept = add(run_on(day(2026, 3, 1)));
  const Id gone = add(strength_on(day(2026, 3, 2)));
  EXPECT_EQ(store_->remove(gone), true);
  EXPECT_EQ(ids_of(activities()), std::vector<Id>{kept});

  // A new session on the same day starts with only its own exercises.
  Activity again = strength_on(day(2026, 3, 2));
  again.exercises = {{"plank", 3, 1, std::nullopt}};
  again.id = add(again);
  EXPECT_EQ(activities().back(), again);
}

TEST_P(StoreContract, RemovesACheckin) {
  const Id gone = add(checkin_on(day(2026, 3, 1)));
  const Id kept = add(checkin_on(day(2026, 3, 1)));
  EXPECT_EQ(store_->remove(gone), true);
  EXPECT_EQ(ids_of(checkins()), std::vector<Id>{kept});
}

TEST_P(StoreContract, RemoveReturnsFalseForAnUnknownId) {
  const Id id = add(run_on(day(2026, 3, 1)));
  EXPECT_EQ(store_->remove(id + 1), false);
  EXPECT_EQ(store_->remove(0), false);
  EXPECT_EQ(store_->remove(id), true);
  EXPECT_EQ(store_->remove(id), false);
}

TEST_P(StoreContract, DoesNotReuseTheIdOfARemovedEntry) {
  const Id first = add(run_on(day(2026, 3, 1)));
  ASSERT_EQ(store_->remove(first), true);
  EXPECT_GT(add(run_on(day(2026, 3, 1))), first);
}

TEST_P(StoreContract, IsNotEmptyOnceAProfileIsSaved) {
  ASSERT_TRUE(store_->save_profile(domain::Profile{}).has_value());
  EXPECT_EQ(store_->empty(), false);
}

TEST_P(StoreContract, IsNotEmptyOnceAnActivityOrCheckinIsStored) {
  const Id a = add(run_on(day(2026, 3, 1)));
  EXPECT_EQ(store_->empty(), false);
  ASSERT_EQ(store_->remove(a), true);
  EXPECT_EQ(store_->empty(), true);
  add(checkin_on(day(2026, 3, 1)));
  EXPECT_EQ(store_->empty(), false);
}

TEST_P(StoreContract, FiltersByAnInclusiveDateRange) {
  for (unsigned d = 1; d <= 5; ++d) {
    add(run_on(day(2026, 3, d)));
    add(checkin_on(day(2026, 3, d)));
  }
  const auto dates = [](const auto& entries) {
    std::vector<unsigned> out;
    for (const auto& e : entries) out.push_back(unsigned(e.date.day()));
    return out;
  };
  const domain::DateRange middle{day(2026, 3, 2), day(2026, 3, 4)};
  EXPECT_EQ(dates(activities(middle)), (std::vector<unsigned>{2, 3, 4}));
  EXPECT_EQ(dates(checkins(middle)), (std::vector<unsigned>{2, 3, 4}));

  const domain::DateRange from{day(2026, 3, 4), std::nullopt};
  EXPECT_EQ(dates(activities(from)), (std::vector<unsigned>{4, 5}));
  EXPECT_EQ(dates(checkins(from)), (std::vector<unsigned>{4, 5}));

  const domain::DateRange to{std::nullopt, day(2026, 3, 1)};
  EXPECT_EQ(dates(activities(to)), (std::vector<unsigned>{1}));
  EXPECT_EQ(dates(checkins(to)), (std::vector<unsigned>{1}));

  const domain::DateRange one_day{day(2026, 3, 3), day(2026, 3, 3)};
  EXPECT_EQ(dates(activities(one_day)), (std::vector<unsigned>{3}));

  const domain::DateRange none{day(2026, 3, 4), day(2026, 3, 2)};
  EXPECT_TRUE(activities(none).empty());
  EXPECT_TRUE(checkins(none).empty());

  EXPECT_EQ(activities({}).size(), 5U);
}

TEST_P(StoreContract, FiltersActivitiesWithExercisesByDateRange) {
  add(strength_on(day(2026, 2, 28)));
  const Activity inside = [&] {
    Activity a = strength_on(day(2026, 3, 1));
    a.id = add(a);
    return a;
  }();
  add(strength_on(day(2026, 3, 2)));
  EXPECT_EQ(activities({day(2026, 3, 1), day(2026, 3, 1)}), std::vector<Activity>{inside});
  EXPECT_EQ(activities({std::nullopt, day(2026, 2, 28)}).size(), 1U);
  EXPECT_EQ(activities({std::nullopt, day(2026, 3, 1)}).back(), inside);
  EXPECT_EQ(activities({day(2026, 3, 1), std::nullopt}).front(), inside);
}

TEST_P(StoreContract, TransactKeepsEveryWriteWhenWorkSucceeds) {
  auto result = store_->transact([&]() -> domain::Expected<void> {
    if (auto id = store_->add_activity(strength_on(day(2026, 3, 1))); !id) return std::unexpected(id.error());
    if (auto id = store_->add_checkin(checkin_on(day(2026, 3, 1))); !id) return std::unexpected(id.error());
    return store_->save_profile(domain::Profile{});
  });
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(activities().size(), 1U);
  EXPECT_EQ(activities().front().exercises.size(), 3U);
  EXPECT_EQ(checkins().size(), 1U);
  EXPECT_TRUE(store_->load_profile().value().has_value());
}

TEST_P(StoreContract, TransactRollsBackEverythingWhenWorkReturnsAnError) {
  const Id before = add(run_on(day(2026, 3, 1)));
  auto result = store_->transact([&]() -> domain::Expected<void> {
    EXPECT_TRUE(store_->add_activity(strength_on(day(2026, 3, 2))).has_value());
    EXPECT_TRUE(store_->add_checkin(checkin_on(day(2026, 3, 2))).has_value());
    EXPECT_TRUE(store_->save_profile(domain::Profile{}).has_value());
    EXPECT_EQ(store_->remove(before), true);
    return domain::invalid("pain", "made up");
  });
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.error().field, "pain");

  EXPECT_EQ(ids_of(activities()), std::vector<Id>{before});
  EXPECT_TRUE(checkins().empty());
  EXPECT_FALSE(store_->load_profile().value().has_value());
  // The ids handed out inside were rolled back too.
  EXPECT_EQ(add(checkin_on(day(2026, 3, 3))), before + 1);
}

TEST_P(StoreContract, TransactRollsBackAndRethrowsWhenWorkThrows) {
  EXPECT_THROW(
      {
        (void)store_->transact([&]() -> domain::Expected<void> {
          EXPECT_TRUE(store_->add_activity(run_on(day(2026, 3, 2))).has_value());
          throw std::runtime_error("bug");
        });
      },
      std::runtime_error);
  EXPECT_TRUE(activities().empty());
  EXPECT_EQ(store_->empty(), true);
  // The store is usable afterwards.
  EXPECT_EQ(add(run_on(day(2026, 3, 2))), 1);
}

TEST_P(StoreContract, AFailedWriteInsideTransactLeavesNothingOfItself) {
  const Id existing = add(run_on(day(2026, 3, 1)));
  auto result = store_->transact([&]() -> domain::Expected<void> {
    Activity clash = strength_on(day(2026, 3, 2));
    clash.id = existing;
    EXPECT_FALSE(store_->add_activity(clash).has_value());
    // The caller decides to carry on; what it does next still counts.
    if (auto id = store_->add_checkin(checkin_on(day(2026, 3, 2))); !id) return std::unexpected(id.error());
    return {};
  });
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(ids_of(activities()), std::vector<Id>{existing});
  EXPECT_EQ(activities().front().exercises.size(), 0U);
  EXPECT_EQ(checkins().size(), 1U);
}

TEST_P(StoreContract, ReadsInsideTransactSeeItsOwnWrites) {
  auto result = store_->transact([&]() -> domain::Expected<void> {
    EXPECT_TRUE(store_->add_activity(run_on(day(2026, 3, 2))).has_value());
    EXPECT_EQ(activities().size(), 1U);
    EXPECT_EQ(store_->empty(), false);
    return {};
  });
  ASSERT_TRUE(result.has_value());
}

INSTANTIATE_TEST_SUITE_P(AllStores, StoreContract, ::testing::ValuesIn(store_kinds()), store_kind_name);

}  // namespace
}  // namespace stridecare::storage
