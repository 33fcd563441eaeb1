#pragma once
// A runner the plan and calendar tests share: four weeks of three runs
// (7, 7 and 12 km) before a Monday, in the in-memory store, and the pain
// check-ins that change their week.

#include <optional>

#include <gtest/gtest.h>

#include "rules/rule_book.hpp"
#include "services/journal.hpp"
#include "storage/memory_store.hpp"
#include "support/test_values.hpp"

namespace stridecare::services {

class UsualRunner : public ::testing::Test {
 protected:
  storage::MemoryStore store;
  Session session{store, rules::default_rule_book()};
  const domain::Date start = stridecare::test_support::ymd(2026, 3, 16);  // a Monday

  void SetUp() override {
    for (int week = 0; week < 4; ++week) {
      for (int day : {1, 3, 6}) {
        domain::Activity a;
        a.sport = domain::Sport::run;
        a.date = domain::add_days(start, -28 + week * 7 + day);
        a.distance_m = day == 6 ? 12000 : 7000;
        a.duration_s = *a.distance_m * 0.33;
        a.rpe = 4;
        ASSERT_TRUE(log_activity(session, a));
      }
    }
  }

  /// A left-knee check-in after a run, with a warning sign when given.
  void check_in(domain::Date date, int pain, std::optional<domain::Sign> sign = std::nullopt) {
    domain::PainCheckin c;
    c.date = date;
    c.pain = pain;
    c.site = domain::Site::knee;
    c.side = domain::Side::left;
    if (sign) c.set(*sign);
    ASSERT_TRUE(log_checkin(session, c));
  }
};

}  // namespace stridecare::services
