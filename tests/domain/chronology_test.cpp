// The order in which check-ins and activities happened, which triage and the
// return-to-run programme read their histories in.
#include "domain/chronology.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "domain/checkin.hpp"

namespace stridecare::domain {
namespace {

PainCheckin at(Id id, int d, std::optional<MinuteOfDay> time) {
  PainCheckin c;
  c.id = id;
  c.date = Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{static_cast<unsigned>(d)}};
  c.time = time;
  return c;
}

std::vector<Id> ids(const std::vector<const PainCheckin*>& v) {
  std::vector<Id> out;
  for (const PainCheckin* c : v) out.push_back(c->id);
  return out;
}

TEST(Chronology, OrdersByDayThenTimeWithUntimedFirstThenId) {
  const std::vector<PainCheckin> all{at(1, 2, 8 * 60), at(2, 1, 20 * 60), at(3, 2, std::nullopt), at(4, 1, 20 * 60),
                                     at(5, 1, 7 * 60)};
  std::vector<const PainCheckin*> v;
  for (const auto& c : all) v.push_back(&c);
  sort_by_moment(std::span(v));
  EXPECT_EQ(ids(v), (std::vector<Id>{5, 2, 4, 3, 1}));
}

TEST(Chronology, LeavesAHistoryAlreadyInOrderAsItIs) {
  const std::vector<PainCheckin> all{at(1, 1, std::nullopt), at(2, 1, 9 * 60), at(3, 3, 9 * 60)};
  std::vector<const PainCheckin*> v;
  for (const auto& c : all) v.push_back(&c);
  sort_by_moment(std::span(v));
  EXPECT_EQ(ids(v), (std::vector<Id>{1, 2, 3}));
  EXPECT_TRUE(happened_before(all[0], all[1]));
  EXPECT_FALSE(happened_before(all[1], all[1]));
}

}  // namespace
}  // namespace stridecare::domain
