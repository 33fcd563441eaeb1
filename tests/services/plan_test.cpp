// The plan as the runner sees it over the in-memory store: the JSON
// document of product.md, the plan shown remembered, and what changed since
// told with its rule.

#include "services/plan.hpp"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_values.hpp"
#include "usual_runner.hpp"

namespace stridecare::services {
namespace {

using stridecare::test_support::ymd;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class PlanService : public UsualRunner {
 protected:
  PlanReport shown(Remember remember = Remember::yes) {
    auto r = plan(session, start, domain::UnitSystem::metric, remember);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }
};

TEST_F(PlanService, JsonHasSevenDaysFromTheStartAndEveryRunCarriesItsRoutinesAndRules) {
  const Json j = to_json(shown());
  EXPECT_EQ(j["start"], "2026-03-16");
  EXPECT_EQ(j["action"], "continue");
  ASSERT_EQ(j["days"].size(), 7U);
  EXPECT_EQ(j["days"][0]["date"], "2026-03-16");
  EXPECT_EQ(j["days"][6]["date"], "2026-03-22");
  EXPECT_EQ(j["days"][6]["weekday"], "sun");
  int runs = 0;
  int rests = 0;
  for (const auto& d : j["days"]) {
    ASSERT_FALSE(d["sessions"].empty()) << d;  // a free day says so as a rest session
    for (const auto& s : d["sessions"]) {
      ASSERT_FALSE(s["rules"].empty()) << s;
      for (const auto& r : s["rules"]) {
        EXPECT_FALSE(r["id"].get<std::string>().empty());
        EXPECT_FALSE(r["why"].get<std::string>().empty());
      }
      if (s["kind"] == "run") {
        ++runs;
        EXPECT_GT(s["distance_km"].get<double>(), 0);
        EXPECT_FALSE(s["warmup"].empty()) << s;
        EXPECT_FALSE(s["cooldown"].empty()) << s;
        for (const auto& step : s["cooldown"]) {
          if (step.contains("hold_s")) {
            EXPECT_GE(step["hold_s"].get<int>(), 20);
            EXPECT_LE(step["hold_s"].get<int>(), 30);
          }
        }
      }
      if (s["kind"] == "rest") {
        ++rests;
        EXPECT_EQ(d["sessions"].size(), 1U);
      }
    }
  }
  EXPECT_EQ(runs, 3);
  EXPECT_GE(rests, 1);
  EXPECT_TRUE(j["changes"].empty());
}

TEST_F(PlanService, TheLongRunIsOnTheProfilesDay) {
  const PlanReport r = shown();
  int long_runs = 0;
  for (const auto& d : r.plan.days) {
    for (const auto& s : d.sessions) {
      if (!s.long_run) continue;
      ++long_runs;
      EXPECT_EQ(std::chrono::weekday{d.date}, std::chrono::Sunday);
    }
  }
  EXPECT_EQ(long_runs, 1);
}

TEST_F(PlanService, ThePlanAfterANewCheckinTellsEachChangedDayWithTheRuleBehindIt) {
  const PlanReport before = shown();
  EXPECT_TRUE(before.changes.empty());
  check_in(ymd(2026, 3, 15), 4);
  const PlanReport after = shown();
  EXPECT_EQ(domain::name_of(after.plan.action), "reduce");
  ASSERT_FALSE(after.changes.empty());
  for (const auto& c : after.changes) {
    EXPECT_NE(c.was, c.now);
    EXPECT_THAT(c.why, HasSubstr("TRIAGE-PMM-3")) << c.why;
    EXPECT_THAT(c.why, HasSubstr("was continue, now reduce")) << c.why;
  }
  // Shown once, the same plan has nothing new to tell.
  EXPECT_TRUE(shown().changes.empty());
}

TEST_F(PlanService, APlanLookedAtWithoutRememberingIsNotTheOneChangesAreToldAgainst) {
  shown(Remember::no);
  check_in(ymd(2026, 3, 15), 4);
  EXPECT_TRUE(shown().changes.empty());
}

TEST_F(PlanService, DaySummaryJoinsTheSessionsAndCallsAnEmptyDayRest) {
  const PlanReport r = shown();
  for (const auto& d : r.plan.days) {
    const std::string s = day_summary(d);
    if (d.sessions.empty()) {
      EXPECT_EQ(s, "Rest");
    } else {
      EXPECT_THAT(s, StartsWith(d.sessions.front().title));
    }
  }
}

}  // namespace
}  // namespace stridecare::services
