// Weekly adherence of the routines (rules.md 4.1, 4.2): warm-ups before and
// cool-downs after runs, strength sessions logged or guided, per ISO week.

#include "planner/adherence.hpp"

#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::RoutineKind;
using domain::RoutineSession;
using testing::at;
using testing::day;

Activity activity(domain::Id id, domain::Sport sport, domain::Date date, std::optional<int> time = std::nullopt) {
  Activity a;
  a.id = id;
  a.sport = sport;
  a.date = date;
  a.time = time;
  a.duration_s = 30 * 60;
  return a;
}

RoutineSession routine(domain::Id id, RoutineKind kind, domain::Date date, std::optional<int> time = std::nullopt,
                       int skipped = 0) {
  RoutineSession r;
  r.id = id;
  r.routine = kind;
  r.date = date;
  r.time = time;
  r.steps_total = 4;
  r.steps_done = 4;
  r.steps_skipped = skipped;
  r.seconds = 300;
  return r;
}

TEST(IsoWeek, NamesTheWeekByItsThursdaysYear) {
  EXPECT_EQ(iso_week(day(2026, 3, 2)), "2026-W10");
  EXPECT_EQ(iso_week(day(2026, 3, 8)), "2026-W10");
  EXPECT_EQ(iso_week(day(2027, 1, 1)), "2026-W53");  // a Friday: its Thursday is 2026-12-31
  EXPECT_EQ(iso_week(day(2024, 12, 30)), "2025-W01");
}

TEST(Adherence, ClipsTheWeeksToTheRange) {
  const auto weeks = adherence({}, {}, day(2026, 3, 4), day(2026, 3, 10));
  ASSERT_EQ(weeks.size(), 2U);
  EXPECT_EQ(weeks[0].from, day(2026, 3, 4));
  EXPECT_EQ(weeks[0].to, day(2026, 3, 8));
  EXPECT_EQ(weeks[1].from, day(2026, 3, 9));
  EXPECT_EQ(weeks[1].to, day(2026, 3, 10));
}

TEST(Adherence, AWarmUpCountsBeforeTheRunAndACoolDownAfterItWhenBothHaveTimes) {
  const std::vector<Activity> runs{activity(1, domain::Sport::run, day(2026, 3, 3), at(18, 0))};
  struct Case {
    int warmup_at, cooldown_at, with_warmup, with_cooldown;
  };
  for (const Case c :
       {Case{at(17, 50), at(18, 40), 1, 1}, Case{at(18, 30), at(17, 0), 0, 0}, Case{at(18, 0), at(18, 0), 0, 1}}) {
    const std::vector<RoutineSession> done{routine(1, RoutineKind::warmup, day(2026, 3, 3), c.warmup_at),
                                           routine(2, RoutineKind::cooldown, day(2026, 3, 3), c.cooldown_at)};
    const auto weeks = adherence(runs, done, day(2026, 3, 2), day(2026, 3, 8));
    EXPECT_EQ(weeks[0].runs, 1);
    EXPECT_EQ(weeks[0].runs_with_warmup, c.with_warmup) << c.warmup_at;
    EXPECT_EQ(weeks[0].runs_with_cooldown, c.with_cooldown) << c.cooldown_at;
  }
}

TEST(Adherence, OneWarmUpCountsForOneRunAndAnotherDayDoesNotCount) {
  const std::vector<Activity> runs{activity(1, domain::Sport::run, day(2026, 3, 3)),
                                   activity(2, domain::Sport::run, day(2026, 3, 3)),
                                   activity(3, domain::Sport::run, day(2026, 3, 4))};
  const auto weeks =
      adherence(runs, std::vector{routine(1, RoutineKind::warmup, day(2026, 3, 3))}, day(2026, 3, 2), day(2026, 3, 8));
  EXPECT_EQ(weeks[0].runs, 3);
  EXPECT_EQ(weeks[0].runs_with_warmup, 1);
}

TEST(Adherence, ARoutineSkippedThroughDoesNotCount) {
  const std::vector<Activity> runs{activity(1, domain::Sport::run, day(2026, 3, 3))};
  const auto weeks = adherence(runs, std::vector{routine(1, RoutineKind::warmup, day(2026, 3, 3), std::nullopt, 4)},
                               day(2026, 3, 2), day(2026, 3, 8));
  EXPECT_EQ(weeks[0].runs_with_warmup, 0);
}

TEST(Adherence, StrengthCountsLoggedSessionsAndGuidedRoutinesOnOtherDays) {
  const std::vector<Activity> logged{activity(1, domain::Sport::strength, day(2026, 3, 3)),
                                     activity(2, domain::Sport::swim, day(2026, 3, 4))};
  const auto weeks = adherence(logged,
                               std::vector{routine(1, RoutineKind::strength, day(2026, 3, 3)),
                                           routine(2, RoutineKind::strength, day(2026, 3, 6)),
                                           routine(3, RoutineKind::strength, day(2026, 3, 6))},
                               day(2026, 3, 2), day(2026, 3, 8));
  EXPECT_EQ(weeks[0].strength_sessions, 2);
  EXPECT_EQ(weeks[0].runs, 0);
}

}  // namespace
}  // namespace stridecare::planner
