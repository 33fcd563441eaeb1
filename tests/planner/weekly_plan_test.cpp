// The weekly plan (rules.md section 4): scenarios a runner meets, and the
// invariants of rules.md that must hold for any profile and history.
#include "planner/weekly_plan.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "domain/quantities.hpp"
#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::PainCheckin;
using domain::Sport;
using rules::Action;
using testing::book;
using testing::day;
using testing::lib;

constexpr double kKm = 1000;

/// A runner's history and the plan of the week that follows it.
struct Runner {
  domain::Profile profile;
  std::vector<Activity> activities;
  std::vector<PainCheckin> checkins;
  domain::Id next_id = 1;

  void run(domain::Date d, double km, int minutes_per_km = 6) {
    Activity a;
    a.id = next_id++;
    a.sport = Sport::run;
    a.date = d;
    a.time = 7 * 60;
    a.distance_m = km * kKm;
    a.duration_s = km * minutes_per_km * 60;
    a.rpe = 4;
    activities.push_back(a);
  }
  void strength(domain::Date d) {
    Activity a;
    a.id = next_id++;
    a.sport = Sport::strength;
    a.date = d;
    a.time = 18 * 60;
    a.duration_s = 40 * 60;
    a.exercises = {{"squat", 3, 10, 40.0}};
    activities.push_back(a);
  }
  PainCheckin& pain(domain::Date d, int p, domain::Timing timing = domain::Timing::after_run) {
    PainCheckin c;
    c.id = next_id++;
    c.date = d;
    c.pain = p;
    c.timing = timing;
    c.time = 20 * 60;
    checkins.push_back(c);
    return checkins.back();
  }
  /// Four weeks of easy runs on Tuesday and Thursday and a long run on Sunday, ending the day before `start`.
  void four_usual_weeks(domain::Date start, double easy_km = 8, double long_km = 14) {
    for (int w = 4; w >= 1; --w) {
      const domain::Date monday = domain::add_days(start, -7 * w);
      run(domain::add_days(monday, 1), easy_km);
      run(domain::add_days(monday, 3), easy_km);
      run(domain::add_days(monday, 6), long_km);
    }
  }
  WeeklyPlan plan(domain::Date start, std::optional<double> goal_m = std::nullopt) const {
    const DayAssessment a = assess_day({start, checkins, activities}, book());
    return plan_week({start, &profile, &a, checkins, activities, goal_m}, lib(), book());
  }
};

const domain::Date kMonday = day(2026, 3, 2);

std::vector<const PlannedSession*> sessions_of(const WeeklyPlan& p, SessionKind k) {
  std::vector<const PlannedSession*> out;
  for (const auto& d : p.days) {
    for (const auto& s : d.sessions) {
      if (s.kind == k) out.push_back(&s);
    }
  }
  return out;
}

std::vector<int> days_with(const WeeklyPlan& p, SessionKind k) {
  std::vector<int> out;
  for (std::size_t i = 0; i < p.days.size(); ++i) {
    if (p.days[i].has(k)) out.push_back(static_cast<int>(i));
  }
  return out;
}

bool cites(const PlannedSession& s, std::string_view id) {
  return std::any_of(s.rules.begin(), s.rules.end(), [&](const PlanReason& r) { return r.id == id; });
}

bool cites(const WeeklyPlan& p, std::string_view id) {
  return std::any_of(p.rules.begin(), p.rules.end(), [&](const PlanReason& r) { return r.id == id; });
}

/// MET-minutes of the low-impact sessions of a plan.
double cross_met_minutes(const WeeklyPlan& p) {
  double out = 0;
  for (const auto* s : sessions_of(p, SessionKind::cross)) {
    out += *s->duration_s / 60.0 * book().cross.met[static_cast<std::size_t>(s->sport)];
  }
  return out;
}

TEST(WeeklyPlan, AHealthyRunnerGetsThreeRunsTheLongRunOnItsDayStrengthTwiceAndARestDay) {
  Runner r;
  r.four_usual_weeks(kMonday);
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_EQ(p.days.size(), 7U);
  EXPECT_EQ(p.action, Action::keep_going);
  EXPECT_FALSE(p.first.has_value());
  const auto runs = sessions_of(p, SessionKind::run);
  ASSERT_EQ(runs.size(), 3U);
  // PLAN-GRAD-1: the 4-week mean is 30 km: at most 33 km, no run over 15.4 km (110% of 14 km).
  EXPECT_LE(p.run_distance_m(), 1.10 * 30 * kKm + 1e-6);
  EXPECT_GE(p.run_distance_m(), 28 * kKm);
  for (const auto* s : runs) {
    EXPECT_LE(*s->distance_m, 1.10 * 14 * kKm + 1e-6);
    EXPECT_TRUE(cites(*s, kPlanGrad1));
    ASSERT_TRUE(s->warmup && s->cooldown);
    EXPECT_TRUE(std::find(s->warmup->rules.begin(), s->warmup->rules.end(), "ROUTINE-WARM-1") !=
                s->warmup->rules.end());
    for (const auto& step : s->cooldown->steps) {
      if (step.seconds) {
        EXPECT_TRUE(*step.seconds >= 20 && *step.seconds <= 30) << step.exercise;
      }
    }
  }
  EXPECT_TRUE(p.days[6].has(SessionKind::run));  // Sunday: the long run
  EXPECT_TRUE(p.days[6].sessions.front().long_run);
  EXPECT_TRUE(p.days[0].rest());  // Monday, after the long run: PLAN-REST-1
  EXPECT_TRUE(cites(p, kPlanRest1));
  const auto strength = days_with(p, SessionKind::strength);
  ASSERT_EQ(strength.size(), 2U);
  EXPECT_GE(strength[1] - strength[0], 2);
  for (int d : strength) {
    EXPECT_TRUE(d != 5 && d != 6 && d != 0) << "strength on day " << d;
  }
}

TEST(WeeklyPlan, AWeeklyGoalIsApproachedWithinGradualIncreaseAndHeldOnceReached) {
  Runner r;
  r.four_usual_weeks(kMonday);
  EXPECT_LE(r.plan(kMonday, 40 * kKm).run_distance_m(), 33 * kKm);
  EXPECT_LE(r.plan(kMonday, 25 * kKm).run_distance_m(), 25 * kKm);
  EXPECT_GE(r.plan(kMonday, 25 * kKm).run_distance_m(), 22 * kKm);
}

TEST(WeeklyPlan, PainThisWeekMeansNoIncrease) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 3, 1), 2);
  const WeeklyPlan p = r.plan(kMonday);
  EXPECT_LE(p.run_distance_m(), 30 * kKm);
  EXPECT_TRUE(cites(p, kPlanGrad1));
}

TEST(WeeklyPlan, ReduceCutsTheWeekAndRefillsTheRemovedLoadWithSwimming) {
  Runner r;
  r.profile.cross_training = {Sport::swim, Sport::cycle};
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 3, 1), 4).region = domain::Region::front;  // PMM-3: reduce
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_EQ(p.action, Action::reduce);
  // PLAN-CUT-1: 70% of 30 km, no run over 80% of 14 km.
  EXPECT_LE(p.run_distance_m(), 0.70 * 30 * kKm + 1e-6);
  for (const auto* s : sessions_of(p, SessionKind::run)) {
    EXPECT_LE(*s->distance_m, 0.80 * 14 * kKm + 1e-6);
    EXPECT_FALSE(s->long_run);
  }
  // CROSS-SWAP-1 / CROSS-EQUIV-1: the removed running's MET-minutes, within 10%, swimming first (knee).
  const auto cross = sessions_of(p, SessionKind::cross);
  ASSERT_FALSE(cross.empty());
  EXPECT_EQ(cross.front()->sport, Sport::swim);
  const double removed_min = (30 * kKm - p.run_distance_m()) / kKm * 6;  // at 6:00/km
  const double removed_met_min = removed_min * book().cross.met[static_cast<std::size_t>(Sport::run)];
  EXPECT_NEAR(cross_met_minutes(p), removed_met_min, 0.10 * removed_met_min);
  for (const auto* s : cross) {
    EXPECT_LE(*s->duration_s, book().cross.max_session_min * 60);
    EXPECT_TRUE(cites(*s, kCrossSwap1) && cites(*s, kCrossEquiv1) && cites(*s, kCrossSite1) && cites(*s, kPlanCut1));
  }
}

TEST(WeeklyPlan, ARedFlagPlansNothingButTheDoctor) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 3, 1), 3).signs.set(static_cast<std::size_t>(domain::Sign::locking));
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_TRUE(rules::more_urgent_or_equal(p.action, Action::urgent_care));
  ASSERT_TRUE(p.first.has_value());
  for (const auto& d : p.days) {
    EXPECT_TRUE(d.rest()) << domain::to_string(d.date);
  }
  EXPECT_TRUE(cites(p, kPlanStop1));
}

TEST(WeeklyPlan, AStopPlansNoRunButLowImpactAndStrengthUnderThePainLimit) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 3, 1), 6);  // PMM-1
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_EQ(p.action, Action::stop_running);
  EXPECT_TRUE(sessions_of(p, SessionKind::run).empty());
  const auto cross = sessions_of(p, SessionKind::cross);
  ASSERT_FALSE(cross.empty());
  for (const auto* s : cross) {
    ASSERT_TRUE(s->condition.has_value());
    EXPECT_NE(s->condition->find("at or below 2/10"), std::string::npos) << *s->condition;
  }
  for (const auto* s : sessions_of(p, SessionKind::strength)) EXPECT_TRUE(s->condition.has_value());
}

TEST(WeeklyPlan, TheReturnToRunProgrammeRunsOnlyItsSessionsWithARestDayBetween) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 2, 26), 6);                           // a stop
  r.pain(day(2026, 2, 28), 2, domain::Timing::at_rest);  // ends it: the programme starts at the walk
  r.activities.push_back([&] {
    Activity walk;
    walk.id = r.next_id++;
    walk.sport = Sport::walk;
    walk.date = day(2026, 2, 28);
    walk.duration_s = 30 * 60;
    return walk;
  }());
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_EQ(p.action, Action::reduce);
  for (const auto* s : sessions_of(p, SessionKind::run)) {
    EXPECT_TRUE(s->programme) << s->title;
  }
  const auto runs = days_with(p, SessionKind::run);
  for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_GE(runs[i] - runs[i - 1], 2);
}

TEST(WeeklyPlan, ARunnerWithThreeAvailableDaysTrainsOnlyOnThem) {
  Runner r;
  r.profile.available_days = {false, true, false, true, false, false, true};  // Tue, Thu, Sun
  r.four_usual_weeks(kMonday);
  const WeeklyPlan p = r.plan(kMonday);
  for (std::size_t i = 0; i < p.days.size(); ++i) {
    if (!r.profile.available_days[i]) {
      EXPECT_TRUE(p.days[i].rest()) << i;
    }
  }
  EXPECT_EQ(sessions_of(p, SessionKind::run).size(), 3U);
}

// Regression (a first try of the API): with no training day the plan said "no run this week: 11.2 km is below
// the shortest run planned (2.0 km)".
TEST(WeeklyPlan, NoTrainingDayAtAllSaysSoNotThatTheWeekIsTooShort) {
  Runner r;
  r.profile.available_days = {false, false, false, false, false, false, false};
  r.four_usual_weeks(kMonday);
  const WeeklyPlan p = r.plan(kMonday);
  EXPECT_TRUE(sessions_of(p, SessionKind::run).empty());
  bool said = false;
  for (const auto& rule : p.rules) {
    EXPECT_EQ(rule.why.find("is below the shortest run"), std::string::npos) << rule.why;
    said = said || rule.why.find("none of its days is one of your training days") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

TEST(WeeklyPlan, StrengthKeeps48HoursFromLastWeeksSession) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.strength(day(2026, 3, 1));  // Sunday evening
  const WeeklyPlan p = r.plan(kMonday);
  const auto strength = days_with(p, SessionKind::strength);
  ASSERT_FALSE(strength.empty());
  EXPECT_GE(strength.front(), 1);  // Tuesday at the earliest, and then from 18:00
  if (strength.front() == 1) {
    const auto& s = *std::find_if(p.days[1].sessions.begin(), p.days[1].sessions.end(),
                                  [](const PlannedSession& x) { return x.kind == SessionKind::strength; });
    ASSERT_TRUE(s.condition.has_value());
    EXPECT_NE(s.condition->find("not before 18:00"), std::string::npos) << *s.condition;
  }
}

/// The stage the plan's PLAN-RTR-1 names ("Stage 2 of 7: ..."), or -1 without one.
int planned_stage(const WeeklyPlan& p) {
  for (const auto& x : p.rules) {
    const auto at = x.why.find("Stage ");
    if (x.id == kPlanRtr1 && at != std::string::npos) return std::stoi(x.why.substr(at + 6));
  }
  return -1;
}

TEST(WeeklyPlan, AReturnToRunningAdvancesHoldsAndStepsBackWithTheCheckinsOverTwoWeeks) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.pain(day(2026, 3, 2), 6);                                         // TRIAGE-PMM-1: stop
  r.pain(day(2026, 3, 4), 2, domain::Timing::at_rest).time = 8 * 60;  // the stop ends: the walk comes next
  const auto session = [&](domain::Date d, Sport sport, double minutes, int morning_pain, bool morning = true) {
    Activity a;
    a.id = r.next_id++;
    a.sport = sport;
    a.date = d;
    a.time = 9 * 60;
    a.duration_s = minutes * 60;
    if (sport == Sport::run) a.distance_m = minutes / 6 * kKm;
    a.rpe = 3;
    r.activities.push_back(a);
    r.pain(d, 1);
    if (morning) r.pain(domain::add_days(d, 1), morning_pain, domain::Timing::next_morning).time = 7 * 60;
  };
  const auto minutes = [](int stage) { return book().return_to_run.stages[static_cast<std::size_t>(stage)].minutes(); };
  const auto only_programme_runs = [](const WeeklyPlan& p) {
    for (const auto* s : sessions_of(p, SessionKind::run)) EXPECT_TRUE(s->programme) << s->title;
    const auto runs = days_with(p, SessionKind::run);
    for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_GE(runs[i] - runs[i - 1], 2);
  };

  WeeklyPlan p = r.plan(day(2026, 3, 4));
  EXPECT_EQ(planned_stage(p), 0);
  EXPECT_TRUE(sessions_of(p, SessionKind::run).empty());  // the walk first
  ASSERT_FALSE(p.days[0].sessions.empty());
  EXPECT_TRUE(p.days[0].sessions.front().programme);

  session(day(2026, 3, 4), Sport::walk, 30, 1);  // stage 0 done, pain-free the next morning: advance
  p = r.plan(day(2026, 3, 5));
  EXPECT_EQ(planned_stage(p), 1);
  only_programme_runs(p);
  ASSERT_FALSE(sessions_of(p, SessionKind::run).empty());

  session(day(2026, 3, 5), Sport::run, minutes(1), 1);
  session(day(2026, 3, 7), Sport::run, minutes(1), 1);  // a rest day between: stage 1 repeated
  p = r.plan(day(2026, 3, 8));
  EXPECT_EQ(planned_stage(p), 2);
  only_programme_runs(p);

  session(day(2026, 3, 8), Sport::run, minutes(2), 0, false);  // no next-morning check-in: it does not count
  p = r.plan(day(2026, 3, 10));
  EXPECT_EQ(planned_stage(p), 2);

  session(day(2026, 3, 10), Sport::run, minutes(2), 4);  // pain 4 the next morning: one stage back
  p = r.plan(day(2026, 3, 11));
  EXPECT_EQ(planned_stage(p), 1);
  only_programme_runs(p);
}

TEST(WeeklyPlan, TrainingLoggedOnTheFirstDayLeavesItDoneAndCountsTowardsTheWeek) {
  Runner r;
  r.four_usual_weeks(kMonday);
  r.run(day(2026, 3, 3), 9);  // Tuesday's run, logged before the plan is asked for
  const WeeklyPlan p = r.plan(day(2026, 3, 3));
  EXPECT_TRUE(p.days[0].rest());
  ASSERT_FALSE(p.days[0].notes.empty());
  EXPECT_EQ(p.days[0].notes.front().id, kPlanRest1);
  EXPECT_NE(p.days[0].notes.front().why.find("today's training is done"), std::string::npos)
      << p.days[0].notes.front().why;
  // PLAN-GRAD-1 over the 9 km already run and the planned ones: at most 110% of 30 km.
  EXPECT_LE(p.run_distance_m() + 9 * kKm, 1.10 * 30 * kKm + 1e-6);
}

TEST(WeeklyPlan, ALargeRefillIsSpreadOverFreeDaysInSessionsOfAtLeastTheSplitLength) {
  Runner r;
  r.profile.cross_training = {Sport::swim, Sport::cycle};
  r.four_usual_weeks(kMonday, 12, 20);  // 44 km a week
  r.pain(day(2026, 3, 1), 6);           // stop: every run refilled
  const WeeklyPlan p = r.plan(kMonday);
  ASSERT_EQ(p.action, Action::stop_running);
  const auto cross = sessions_of(p, SessionKind::cross);
  ASSERT_GE(cross.size(), 3U);
  for (const auto* s : cross) {
    EXPECT_GE(*s->duration_s, book().cross.split_session_min * 60) << s->title;
    EXPECT_LE(*s->duration_s, book().cross.max_session_min * 60) << s->title;
  }
  std::vector<int> days = days_with(p, SessionKind::cross);
  EXPECT_EQ(days.size(), cross.size()) << "one replacement a day";
}

// ---- properties ----------------------------------------------------------------------------------------

Runner random_runner() {
  Runner r;
  for (std::size_t i = 0; i < 7; ++i) r.profile.available_days[i] = *rc::gen::inRange(0, 4) != 0;
  r.profile.long_run_day = std::chrono::weekday{static_cast<unsigned>(*rc::gen::inRange(0, 7))};
  r.profile.strength_per_week = *rc::gen::inRange(2, 4);
  r.profile.cross_training = *rc::gen::container<std::vector<Sport>>(
      rc::gen::element(Sport::swim, Sport::walk, Sport::cycle, Sport::elliptical, Sport::row));
  r.profile.gym_access = *rc::gen::arbitrary<bool>();
  const int days = *rc::gen::inRange(0, 60);
  for (int d = 1; d <= days; ++d) {
    const domain::Date date = domain::add_days(kMonday, -d);
    if (*rc::gen::inRange(0, 3) == 0) r.run(date, *rc::gen::inRange(3, 25), *rc::gen::inRange(4, 9));
    if (*rc::gen::inRange(0, 6) == 0) r.strength(date);
    if (*rc::gen::inRange(0, 4) == 0) {
      PainCheckin& c = r.pain(date, *rc::gen::inRange(0, 11));
      c.site = *rc::gen::element(domain::Site::knee, domain::Site::hip);
      if (*rc::gen::inRange(0, 15) == 0)
        c.signs.set(static_cast<std::size_t>(*rc::gen::inRange(0, domain::kSignCount)));
    }
  }
  return r;
}

double longest_before(const Runner& r, int days) {
  double m = 0;
  for (const auto& a : r.activities) {
    if (a.sport == Sport::run && a.date < kMonday && !(a.date < domain::add_days(kMonday, -days))) {
      m = std::max(m, a.distance_m.value_or(0));
    }
  }
  return m;
}

double mean_week_before(const Runner& r) {
  double m = 0;
  for (const auto& a : r.activities) {
    if (a.sport == Sport::run && a.date < kMonday && !(a.date < domain::add_days(kMonday, -28))) {
      m += a.distance_m.value_or(0);
    }
  }
  return m / 4;
}

/// The median pace (s/km, the upper one of an even count) of the runs of the 30 days before the week.
double median_pace_before(const Runner& r) {
  std::vector<double> paces;
  for (const auto& a : r.activities) {
    if (a.sport == Sport::run && a.date < kMonday && !(a.date < domain::add_days(kMonday, -30)) &&
        a.distance_m.value_or(0) > 0) {
      paces.push_back(a.duration_s / (*a.distance_m / kKm));
    }
  }
  if (paces.empty()) return book().plan.default_easy_pace_s_per_km;
  std::sort(paces.begin(), paces.end());
  return paces[paces.size() / 2];
}

RC_GTEST_PROP(WeeklyPlanProperties, HoldsTheInvariantsOfTheRules, ()) {
  const Runner r = random_runner();
  const DayAssessment a = assess_day({kMonday, r.checkins, r.activities}, book());
  const WeeklyPlan p = plan_week({kMonday, &r.profile, &a, r.checkins, r.activities, std::nullopt}, lib(), book());
  RC_TAG(domain::name_of(p.action));
  RC_ASSERT(p.days.size() == 7U);
  RC_ASSERT(std::any_of(p.days.begin(), p.days.end(), [](const PlanDay& d) { return d.rest(); }));  // PLAN-REST-1
  for (std::size_t i = 0; i < p.days.size(); ++i) {
    if (!r.profile.available_days[i]) RC_ASSERT(p.days[i].rest());
  }
  const auto runs = sessions_of(p, SessionKind::run);
  if (rules::more_urgent_or_equal(p.action, Action::stop_running)) RC_ASSERT(runs.empty());
  if (rules::more_urgent_or_equal(p.action, Action::urgent_care)) {
    for (const auto& d : p.days) RC_ASSERT(d.rest());
  }
  for (const auto* s : runs) {
    RC_ASSERT(s->warmup.has_value() && s->cooldown.has_value());
    for (const auto& step : s->cooldown->steps) {
      if (step.seconds) RC_ASSERT(*step.seconds >= 20 && *step.seconds <= 30);
    }
  }
  bool programme = false;  // PLAN-RTR-1: its walks are cross sessions, its runs runs
  for (const auto& d : p.days) {
    for (const auto& s : d.sessions) programme = programme || s.programme;
  }
  if (programme) {
    for (const auto* s : runs) RC_ASSERT(s->programme);
  } else if (!runs.empty() && mean_week_before(r) > 0) {
    const double longest = longest_before(r, 30);
    const double mean = mean_week_before(r);
    if (p.action == Action::keep_going) {
      RC_ASSERT(p.run_distance_m() <= 1.10 * mean + 1e-6);
      for (const auto* s : runs) RC_ASSERT(*s->distance_m <= 1.10 * longest + 1e-6);
    }
    const bool after_spike = std::any_of(a.triage.rules.begin(), a.triage.rules.end(),
                                         [](const auto& x) { return x.id == "TRIAGE-LOAD-1"; });
    if (p.action == Action::reduce && !after_spike) {
      RC_ASSERT(p.run_distance_m() <= 0.70 * mean + 1e-6);
      for (const auto* s : runs) RC_ASSERT(*s->distance_m <= 0.80 * longest + 1e-6);
    }
  }
  // STRENGTH-REST-1: 48 h between strength sessions, last week's included.
  std::vector<domain::Date> strength;
  for (const auto& act : r.activities) {
    if (act.sport == Sport::strength) strength.push_back(act.date);
  }
  for (const auto& d : p.days) {
    if (d.has(SessionKind::strength)) strength.push_back(d.date);
  }
  std::sort(strength.begin(), strength.end());
  const auto planned_from = std::lower_bound(strength.begin(), strength.end(), kMonday);
  for (auto it = planned_from; it != strength.end(); ++it) {
    if (it != strength.begin()) RC_ASSERT(domain::days_between(*(it - 1), *it) >= 2);
  }
  // Under continue and reduce, two strength sessions whenever three training days far enough apart allow it.
  if (p.action == Action::keep_going || p.action == Action::reduce) {
    int training = 0;
    for (const auto& d : p.days) training += d.available ? 1 : 0;
    const auto planned = strength.end() - planned_from;
    RC_ASSERT(planned <= 3);
    if (training == 7) RC_ASSERT(planned >= 2);
  }
  // CROSS-SWAP-1 / CROSS-EQUIV-1: the running removed below the 4-week mean comes back as MET-minutes within 10%,
  // unless the sessions hit the cap or the week ran out of days (the plan says so).
  if (!programme && mean_week_before(r) > 0 && !r.profile.cross_training.empty() &&
      (p.action == Action::reduce || p.action == Action::stop_running || p.action == Action::see_clinician)) {
    const double removed_m = mean_week_before(r) - p.run_distance_m();
    const double removed = removed_m / kKm * median_pace_before(r) / 60.0 * book().cross.met[0];
    const double refilled = cross_met_minutes(p);
    RC_TAG(removed > 0 ? "refill" : "nothing removed");
    RC_ASSERT(refilled <= 1.10 * std::max(removed, 0.0) + 1e-6);
    bool short_of_days = false;
    for (const auto& x : p.rules) short_of_days = short_of_days || (x.id == "CROSS-EQUIV-1");
    bool capped = false;
    for (const auto* s : sessions_of(p, SessionKind::cross)) {
      capped = capped || *s->duration_s >= book().cross.max_session_min * 60;
    }
    double smallest = 1e9;
    for (Sport sp : r.profile.cross_training) {
      smallest = std::min(
          smallest, static_cast<double>(book().cross.min_session_min) * book().cross.met[static_cast<std::size_t>(sp)]);
    }
    if (!short_of_days && !capped && removed >= 2 * smallest) RC_ASSERT(refilled >= 0.90 * removed);
  }
  // CROSS-EQUIV-1: no replacement over the cap.
  for (const auto* s : sessions_of(p, SessionKind::cross)) {
    if (!s->programme) RC_ASSERT(*s->duration_s <= book().cross.max_session_min * 60);
  }
}

}  // namespace
}  // namespace stridecare::planner
