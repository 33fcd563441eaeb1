// The Store contract for routines followed with the guided timer
// (domain::RoutineSession), run against every implementation.

#include <gtest/gtest.h>

#include "store_contract.hpp"
#include "store_test_support.hpp"

namespace stridecare::storage {
namespace {

using domain::ErrorKind;
using domain::RoutineKind;
using domain::RoutineSession;
using testing::day;
using testing::store_kind_name;
using testing::store_kinds;
using testing::StoreContract;

using RoutineContract = StoreContract;

RoutineSession session_on(domain::Date date, RoutineKind kind, std::optional<int> minute) {
  RoutineSession r;
  r.date = date;
  r.time = minute;
  r.routine = kind;
  r.steps_total = 20;
  r.steps_done = 12;
  r.steps_skipped = 3;
  r.seconds = 431;
  return r;
}

TEST_P(RoutineContract, RoundTripsEveryFieldWithItsOwnIds) {
  const auto first = store_->add_routine(session_on(day(2026, 3, 2), RoutineKind::cooldown, 18 * 60 + 5));
  ASSERT_TRUE(first) << first.error().message;
  const auto second = store_->add_routine(session_on(day(2026, 3, 3), RoutineKind::strength, std::nullopt));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(*first, *second);
  const auto all = store_->list_routines({});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  RoutineSession expected = session_on(day(2026, 3, 2), RoutineKind::cooldown, 18 * 60 + 5);
  expected.id = *first;
  EXPECT_EQ((*all)[0], expected);
  EXPECT_EQ((*all)[1].routine, RoutineKind::strength);
  EXPECT_FALSE((*all)[1].time);
  EXPECT_EQ(store_->empty(), false);
}

TEST_P(RoutineContract, ListsByDateThenUntimedFirstThenTimeThenIdWithinARange) {
  ASSERT_TRUE(store_->add_routine(session_on(day(2026, 3, 5), RoutineKind::warmup, 9 * 60)));
  ASSERT_TRUE(store_->add_routine(session_on(day(2026, 3, 5), RoutineKind::cooldown, std::nullopt)));
  ASSERT_TRUE(store_->add_routine(session_on(day(2026, 3, 4), RoutineKind::strength, 20 * 60)));
  ASSERT_TRUE(store_->add_routine(session_on(day(2026, 3, 9), RoutineKind::warmup, 7 * 60)));
  const auto window = store_->list_routines({day(2026, 3, 4), day(2026, 3, 5)});
  ASSERT_TRUE(window);
  ASSERT_EQ(window->size(), 3u);
  EXPECT_EQ((*window)[0].routine, RoutineKind::strength);
  EXPECT_EQ((*window)[1].routine, RoutineKind::cooldown);  // untimed first within its day
  EXPECT_EQ((*window)[2].routine, RoutineKind::warmup);
  const auto upto = store_->list_routines({std::nullopt, day(2026, 3, 4)});
  ASSERT_TRUE(upto);
  EXPECT_EQ(upto->size(), 1u);
}

TEST_P(RoutineContract, KeepsAGivenIdAndRefusesOneInUseAsAConflict) {
  RoutineSession r = session_on(day(2026, 3, 2), RoutineKind::warmup, std::nullopt);
  r.id = 7;
  ASSERT_EQ(store_->add_routine(r), 7);
  const auto again = store_->add_routine(r);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  r.id = 0;
  const auto next = store_->add_routine(r);
  ASSERT_TRUE(next);
  EXPECT_GT(*next, 7);
}

TEST_P(RoutineContract, AFailedTransactLeavesNoRoutine) {
  const auto r = store_->transact([&]() -> domain::Expected<void> {
    if (auto id = store_->add_routine(session_on(day(2026, 3, 2), RoutineKind::warmup, std::nullopt)); !id) {
      return std::unexpected(id.error());
    }
    return domain::fail(ErrorKind::invalid_input, "x", "rolled back");
  });
  EXPECT_FALSE(r);
  EXPECT_TRUE(store_->list_routines({})->empty());
}

INSTANTIATE_TEST_SUITE_P(AllStores, RoutineContract, ::testing::ValuesIn(store_kinds()), store_kind_name);

}  // namespace
}  // namespace stridecare::storage
