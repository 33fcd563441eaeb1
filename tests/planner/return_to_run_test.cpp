// The return-to-run programme (PLAN-RTR-1, TRIAGE-RTR-1) and SAFE-LOG-1 over whole days, through
// planner::assess_day: scenarios a runner lives through, then RapidCheck properties of rules.md 4.3.

#include <algorithm>
#include <optional>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "planner/day_assessment.hpp"
#include "planner/safety.hpp"
#include "planner_support.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::PainCheckin;
using domain::Sign;
using domain::Timing;
using rules::Action;

using testing::book;

domain::Date day(int n) {
  return domain::add_days(domain::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{1}}, n);
}

/// A history built day by day: check-ins of the left knee and sessions.
struct History {
  std::vector<PainCheckin> checkins;
  std::vector<Activity> activities;
  domain::Id next_id = 1;

  PainCheckin& pain(int d, int p, Timing timing = Timing::after_run, std::optional<int> minute = std::nullopt) {
    PainCheckin c;
    c.id = next_id++;
    c.date = day(d);
    c.pain = p;
    c.timing = timing;
    c.time = minute;
    checkins.push_back(c);
    return checkins.back();
  }
  Activity& session(int d, domain::Sport sport, double minutes, std::optional<int> minute = std::nullopt) {
    Activity a;
    a.id = next_id++;
    a.sport = sport;
    a.date = day(d);
    a.time = minute;
    a.duration_s = minutes * 60;
    if (sport == domain::Sport::run) a.distance_m = minutes * 150;
    activities.push_back(a);
    return activities.back();
  }
  /// A session and its check-ins: pain that evening and the next morning.
  void programme_day(int d, domain::Sport sport, double minutes, int evening = 1, int morning = 1) {
    session(d, sport, minutes, 9 * 60);
    pain(d, evening, Timing::after_run, 20 * 60);
    pain(d + 1, morning, Timing::next_morning, 7 * 60);
  }
  DayAssessment on(int d) const { return assess_day({day(d), checkins, activities}, book()); }
};

const rules::ReturnToRunStage& stage(int s) { return book().return_to_run.stages[static_cast<std::size_t>(s)]; }

int last_stage() { return static_cast<int>(book().return_to_run.stages.size()) - 1; }

const Programme& only_programme(const DayAssessment& a) {
  const auto active = a.active_programmes();
  if (active.size() != 1) throw std::logic_error("expected one programme in force");
  return *active.front();
}

bool fired(const DayAssessment& a, std::string_view id) {
  return std::any_of(a.triage.rules.begin(), a.triage.rules.end(), [&](const auto& r) { return r.id == id; });
}

/// Pain 6 on day 0 (TRIAGE-PMM-1), pain 2 on day 2 ends the stop: the programme starts on day 2.
History after_a_stop() {
  History h;
  h.pain(0, 6);
  h.pain(2, 2, Timing::at_rest, 8 * 60);
  return h;
}

TEST(ReturnToRun, StartsAtTheWalkOnTheDayTheStopEnds) {
  const History h = after_a_stop();
  EXPECT_EQ(h.on(1).triage.action, Action::stop_running);
  const auto a = h.on(2);
  EXPECT_EQ(a.triage.action, Action::reduce);
  EXPECT_TRUE(fired(a, "TRIAGE-RTR-1"));
  const Programme& p = only_programme(a);
  EXPECT_EQ(p.stage, 0);
  EXPECT_EQ(p.offer, Offer::session);
  EXPECT_EQ(p.from, day(2));
  EXPECT_EQ(stage_text(0, book().return_to_run), "Stage 0 of 7: brisk walk, 30 min, pain-free");
}

TEST(ReturnToRun, AdvancesAfterTheStagesRepeatsEachWithARestDayBetweenRuns) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);  // stage 0: one walk
  EXPECT_EQ(only_programme(h.on(3)).stage, 1);
  h.programme_day(3, domain::Sport::run, stage(1).minutes());
  EXPECT_EQ(only_programme(h.on(4)).done, 1);
  EXPECT_EQ(only_programme(h.on(4)).offer, Offer::rest_day);
  h.programme_day(5, domain::Sport::run, stage(1).minutes());
  const auto assessed = h.on(6);  // the programme lives in the assessment
  const Programme& p = only_programme(assessed);
  EXPECT_EQ(p.stage, 2);
  EXPECT_EQ(p.done, 0);
  EXPECT_EQ(stage_text(2, book().return_to_run), "Stage 2 of 7: 5 x (walk 3 min / run 2 min), 25 min");
}

TEST(ReturnToRun, ARunOnTheRestDayDoesNotCount) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);
  h.programme_day(3, domain::Sport::run, stage(1).minutes());
  h.programme_day(4, domain::Sport::run, stage(1).minutes());  // the day after a run
  const auto assessed = h.on(5);                               // the programme lives in the assessment
  const Programme& p = only_programme(assessed);
  EXPECT_EQ(p.stage, 1);
  EXPECT_EQ(p.done, 1);
}

TEST(ReturnToRun, HoldsWithoutTheNextMorningCheckin) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);
  h.session(3, domain::Sport::run, stage(1).minutes(), 9 * 60);
  h.pain(3, 1, Timing::after_run, 20 * 60);
  const auto a = h.on(6);
  const Programme& p = only_programme(a);
  EXPECT_EQ(p.stage, 1);
  EXPECT_EQ(p.done, 0);
  ASSERT_FALSE(p.events.empty());
  EXPECT_NE(p.events.back().what.find("no next-morning check-in"), std::string::npos) << p.events.back().what;
  ASSERT_EQ(a.triage.checkin_due.size(), 1u) << "SAFE-ASK-1 asks while the programme waits";
}

TEST(ReturnToRun, ASessionShorterThanTheStageDoesNotCount) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 29);
  EXPECT_EQ(only_programme(h.on(3)).stage, 0);
}

TEST(ReturnToRun, StepsBackOneStageWhenPainLastsIntoTheNextDay) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);
  h.programme_day(3, domain::Sport::run, stage(1).minutes());
  h.programme_day(5, domain::Sport::run, stage(1).minutes());
  ASSERT_EQ(only_programme(h.on(6)).stage, 2);
  const int over = book().return_to_run.step_back_pain_above + 1;
  h.programme_day(7, domain::Sport::run, stage(2).minutes(), 2, over);  // day 6 is the rest day
  const auto a = h.on(8);
  EXPECT_EQ(only_programme(a).stage, 1);
  EXPECT_EQ(a.triage.action, Action::reduce) << "pain 4 is not a stop; the programme goes on a stage lower";
}

TEST(ReturnToRun, ANewStopCancelsItAndTheNextProgrammeStartsAtTheWalk) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);
  h.programme_day(3, domain::Sport::run, stage(1).minutes());
  h.pain(5, 7);
  const auto stopped = h.on(6);
  EXPECT_LE(stopped.triage.action, Action::stop_running);
  EXPECT_TRUE(stopped.active_programmes().empty());
  h.pain(7, 2, Timing::at_rest);
  h.pain(8, 1, Timing::at_rest);
  h.pain(9, 1, Timing::at_rest);  // three days in a row free of severe pain clear TRIAGE-SEED-2 too
  const auto a = h.on(9);
  ASSERT_EQ(a.active_programmes().size(), 1u);
  EXPECT_EQ(only_programme(a).stage, 0);
  EXPECT_EQ(only_programme(a).from, day(7));
  const auto cancelled = std::count_if(a.programmes.begin(), a.programmes.end(),
                                       [](const Programme& p) { return p.status == ProgrammeStatus::cancelled; });
  EXPECT_EQ(cancelled, 1);
}

TEST(ReturnToRun, EndsAfterTheLastStageAndTheRunnerContinues) {
  History h = after_a_stop();
  h.programme_day(2, domain::Sport::walk, 30);
  int d = 3;
  for (int s = 1; s <= last_stage(); ++s) {
    for (int k = 0; k < stage(s).repeats; ++k) {
      h.programme_day(d, domain::Sport::run, stage(s).minutes(), 0, 0);
      d += 2;
    }
  }
  const auto during = h.on(d - 2);
  ASSERT_EQ(during.active_programmes().size(), 1u);
  EXPECT_EQ(only_programme(during).stage, last_stage());
  const auto after = h.on(d);
  EXPECT_TRUE(after.active_programmes().empty());
  EXPECT_FALSE(fired(after, "TRIAGE-RTR-1"));
  EXPECT_EQ(after.triage.action, Action::keep_going);
  EXPECT_EQ(after.programmes.front().status, ProgrammeStatus::completed);
}

TEST(ReturnToRun, AClinicianClearedRedFlagStartsAProgramme) {
  History h;
  h.pain(0, 3).set(Sign::locking);
  EXPECT_EQ(h.on(2).triage.action, Action::urgent_care);
  h.pain(3, 1, Timing::at_rest).cleared_by_clinician = true;
  const auto a = h.on(3);
  EXPECT_EQ(a.triage.action, Action::reduce);
  EXPECT_EQ(only_programme(a).stage, 0);
}

TEST(ReturnToRun, AClearedSeedRuleReturnsWithoutAProgramme) {
  History h;
  h.pain(0, 2).set(Sign::swelling);
  EXPECT_EQ(h.on(1).triage.action, Action::see_clinician);
  h.pain(2, 0, Timing::at_rest).cleared_by_clinician = true;
  const auto a = h.on(2);
  EXPECT_TRUE(a.programmes.empty());
  EXPECT_EQ(a.triage.action, Action::keep_going);
}

TEST(ReturnToRun, NothingIsOfferedWhileAMoreUrgentActionIsInForceElsewhere) {
  History h = after_a_stop();
  PainCheckin& hip = h.pain(2, 1, Timing::at_rest, 9 * 60);
  hip.site = domain::Site::hip;
  hip.set(Sign::swelling);  // TRIAGE-SEED-1 at the hip
  h.programme_day(3, domain::Sport::walk, 30);
  const auto a = h.on(4);
  EXPECT_EQ(a.triage.action, Action::see_clinician);
  const Programme& p = only_programme(a);
  EXPECT_EQ(p.offer, Offer::waiting);
  EXPECT_EQ(p.stage, 0) << "the walk on day 3 was done while TRIAGE-SEED-1 was in force";
}

TEST(SafeLog, WarnsOfARunDuringAStopNamingTheActionAndRule) {
  History h;
  h.pain(0, 6, Timing::after_run, 18 * 60);
  const Activity& run = h.session(1, domain::Sport::run, 40, 7 * 60);
  const auto state = standing_state({day(1), h.checkins, h.activities}, book());
  const auto w = safe_log_warning(run, state.spans, state.programmes, book());
  ASSERT_TRUE(w);
  EXPECT_EQ(w->id, "SAFE-LOG-1");
  EXPECT_EQ(w->action, Action::stop_running);
  EXPECT_EQ(w->rule, "TRIAGE-PMM-1");
  EXPECT_NE(w->message.find("stop running"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("cross-training"), std::string::npos) << w->message;
}

TEST(SafeLog, TheActionAtTheRunsStartCounts) {
  History h;
  h.pain(0, 6, Timing::after_run, 18 * 60);  // the stop begins after the morning run
  const Activity morning = h.session(0, domain::Sport::run, 40, 7 * 60);
  const Activity untimed = h.session(0, domain::Sport::run, 40);  // without a time: the day before
  const Activity evening = h.session(0, domain::Sport::run, 40, 19 * 60);
  const auto state = standing_state({day(0), h.checkins, h.activities}, book());
  EXPECT_FALSE(safe_log_warning(morning, state.spans, state.programmes, book()));
  EXPECT_FALSE(safe_log_warning(untimed, state.spans, state.programmes, book()));
  EXPECT_TRUE(safe_log_warning(evening, state.spans, state.programmes, book()));
}

TEST(SafeLog, WarnsOfARunLongerThanTheStageAllowsOrOnTheWalkOrARestDay) {
  History h = after_a_stop();
  const Activity at_walk = h.session(2, domain::Sport::run, 10, 10 * 60);
  h.programme_day(3, domain::Sport::walk, 30);
  const Activity ok = h.session(4, domain::Sport::run, stage(1).minutes(), 10 * 60);
  const Activity rest = h.session(5, domain::Sport::run, 10, 10 * 60);
  const Activity longer = h.session(7, domain::Sport::run, 60, 10 * 60);
  const auto state = standing_state({day(7), h.checkins, h.activities}, book());
  const auto check = [&](const Activity& a) { return safe_log_warning(a, state.spans, state.programmes, book()); };
  ASSERT_TRUE(check(at_walk));
  EXPECT_EQ(check(at_walk)->rule, "PLAN-RTR-1");
  EXPECT_FALSE(check(ok));
  ASSERT_TRUE(check(rest));
  EXPECT_NE(check(rest)->message.find("rest day"), std::string::npos) << check(rest)->message;
  ASSERT_TRUE(check(longer));
  EXPECT_NE(check(longer)->message.find("longer"), std::string::npos) << check(longer)->message;
}

// ---- properties ------------------------------------------------------------------------------------------

constexpr int kProgrammeDays = 40;

/// After a stop that ends on day 2: random days of runs and walks of stage lengths and check-ins
/// with pain 0-5 (no new stop, no sign), so the programme is never interrupted.
History random_programme() {
  History h = after_a_stop();
  for (int d = 2; d < kProgrammeDays; ++d) {
    const int what = *rc::gen::inRange(0, 4);
    const int s = *rc::gen::inRange(0, last_stage() + 1);
    if (what == 1) h.session(d, domain::Sport::run, stage(s).minutes(), 9 * 60);
    if (what == 2) h.session(d, domain::Sport::walk, 30, 9 * 60);
    const int checkins = *rc::gen::inRange(0, 3);
    for (int k = 0; k < checkins; ++k) {
      const auto timing =
          *rc::gen::element(Timing::during_run, Timing::after_run, Timing::next_morning, Timing::at_rest);
      h.pain(d, *rc::gen::inRange(0, 6), timing, timing == Timing::next_morning ? 7 * 60 : 20 * 60 + k);
    }
  }
  return h;
}

bool good_session_day(const History& h, int d, int s) {
  const bool session = std::any_of(h.activities.begin(), h.activities.end(), [&](const Activity& a) {
    return a.date == day(d) && a.sport == (s == 0 ? domain::Sport::walk : domain::Sport::run) &&
           a.duration_s >= stage(s).minutes() * 60.0;
  });
  int peak = -1;
  int evening = -1;
  std::optional<int> evening_minute;
  bool morning_ok = false;
  bool morning_bad = false;
  for (const auto& c : h.checkins) {
    if (c.date == day(d)) {
      peak = std::max(peak, c.pain);
      if (!evening_minute || c.time.value_or(-1) >= *evening_minute) {
        evening_minute = c.time.value_or(-1);
        evening = c.pain;
      }
    }
  }
  for (const auto& c : h.checkins) {
    if (c.date != day(d + 1) || c.timing != Timing::next_morning) continue;
    (c.pain <= book().return_to_run.next_morning_pain_max && c.pain <= evening ? morning_ok : morning_bad) = true;
  }
  return session && peak >= 0 && peak <= book().return_to_run.session_pain_max && morning_ok && !morning_bad;
}

RC_GTEST_PROP(ReturnToRunProperties, AStageAdvancesOnlyAfterItsRepeatsOfGoodSessionsWithARestDayBetweenRuns, ()) {
  const History h = random_programme();
  const auto a = h.on(kProgrammeDays);
  RC_ASSERT(!a.programmes.empty());
  const Programme& p = a.programmes.front();
  int began = domain::days_between(day(0), p.from);
  for (std::size_t i = 1; i < p.days.size(); ++i) {
    const int before = p.days[i - 1].stage;
    const int now = p.days[i].stage;
    const int today = domain::days_between(day(0), p.days[i].date);
    if (now > before) {
      RC_ASSERT(now == before + 1);
      std::vector<int> good;
      for (int d = began; d < today; ++d) {
        if (good_session_day(h, d, before)) good.push_back(d);
      }
      RC_ASSERT(static_cast<int>(good.size()) >= stage(before).repeats);
      if (before > 0) {
        bool spaced = false;  // at least two good runs with a rest day between
        for (std::size_t x = 0; x < good.size() && !spaced; ++x) {
          for (std::size_t y = x + 1; y < good.size(); ++y) spaced |= good[y] - good[x] > 1;
        }
        RC_ASSERT(spaced);
      }
    }
    if (now != before) began = today;
  }
}

RC_GTEST_PROP(ReturnToRunProperties, PainAboveThreeIntoTheNextDayAlwaysStepsBack, ()) {
  const History h = random_programme();
  const auto a = h.on(kProgrammeDays);
  const Programme& p = a.programmes.front();
  // The spans the programme was followed over.
  const auto spans = standing_state({day(kProgrammeDays), h.checkins, h.activities}, book()).spans;
  for (std::size_t i = 0; i + 1 < p.days.size(); ++i) {
    const ProgrammeDay& d = p.days[i];
    const int s = d.stage;
    // Offered: not a rest day, and no standing rule in force at the start (TRIAGE-SEED-3 can fire on pain at
    // rest the day after a run).
    const bool counted_session =
        !d.rest_day && std::any_of(h.activities.begin(), h.activities.end(), [&](const Activity& x) {
          return x.date == d.date && x.sport == (s == 0 ? domain::Sport::walk : domain::Sport::run) &&
                 x.duration_s >= stage(s).minutes() * 60.0 &&
                 std::none_of(spans.begin(), spans.end(),
                              [&](const rules::StandingSpan& span) { return span.in_force_at(x.date, x.time); });
        });
    const bool pain_next_day = std::any_of(h.checkins.begin(), h.checkins.end(), [&](const PainCheckin& c) {
      return c.date == domain::add_days(d.date, 1) &&
             (c.timing == Timing::next_morning || c.timing == Timing::at_rest) &&
             c.pain > book().return_to_run.step_back_pain_above;
    });
    if (counted_session && pain_next_day) RC_ASSERT(p.days[i + 1].stage == std::max(0, s - 1));
  }
}

RC_GTEST_PROP(ReturnToRunProperties, NoSessionIsOfferedWhileStopRunningOrAMoreUrgentActionIsInForce, ()) {
  History h;
  const int n = *rc::gen::inRange(1, 40);
  for (int k = 0; k < n; ++k) {
    const int d = *rc::gen::inRange(0, 30);
    PainCheckin& c = h.pain(d, *rc::gen::inRange(0, 11),
                            *rc::gen::element(Timing::after_run, Timing::next_morning, Timing::at_rest));
    c.site = *rc::gen::element(domain::Site::knee, domain::Site::hip);
    c.side = *rc::gen::element(domain::Side::left, domain::Side::right, domain::Side::both);
    for (int s = 0; s < domain::kSignCount; ++s) {
      if (*rc::gen::inRange(0, 12) == 0) c.signs.set(static_cast<std::size_t>(s));
    }
    c.cleared_by_clinician = *rc::gen::inRange(0, 5) == 0;
    if (*rc::gen::inRange(0, 3) == 0) h.session(d, domain::Sport::run, 25, 9 * 60);
  }
  const auto a = h.on(*rc::gen::inRange(0, 40));
  if (rules::more_urgent_or_equal(a.triage.action, Action::stop_running)) {
    for (const Programme* p : a.active_programmes()) RC_ASSERT(p->offer != Offer::session);
  }
}

/// A flat view of what an assessment says, to compare two ways of reaching it.
std::string summary(const rules::TriageResult& t, const std::vector<Programme>& programmes) {
  std::string out = std::string(domain::name_of(t.action)) + "\n";
  for (const auto& r : t.rules) out += r.id + ": " + r.why + "\n";
  for (const auto& sp : t.spans) {
    out += sp.id + " from " + domain::to_string(sp.from.date) + " until " +
           (sp.until ? domain::to_string(sp.until->date) : std::string("-")) + "\n";
  }
  for (const auto& e : t.episodes) out += "episode " + domain::to_string(e.start) + "\n";
  for (const auto& p : programmes) {
    out += "programme " + domain::to_string(p.from) + " stage " + std::to_string(p.stage) + " until " +
           (p.until ? domain::to_string(*p.until) : std::string("-")) + "\n";
  }
  return out;
}

// The assessment reads triage once, twice or three times (docs/performance.md, issue 11); it must say exactly
// what the three readings it replaced said: standing rules alone, again with the programmes they start, then
// with the programmes followed over those spans and the load warnings.
RC_GTEST_PROP(DayAssessmentProperties, SaysWhatTheThreeReadingsItReplacedSaid, ()) {
  History h;
  const int n = *rc::gen::inRange(1, 30);
  for (int k = 0; k < n; ++k) {
    const int d = *rc::gen::inRange(0, 30);
    PainCheckin& c = h.pain(d, *rc::gen::inRange(0, 11),
                            *rc::gen::element(Timing::after_run, Timing::next_morning, Timing::at_rest));
    c.side = *rc::gen::element(domain::Side::left, domain::Side::right, domain::Side::both);
    if (*rc::gen::inRange(0, 10) == 0) c.signs.set(static_cast<std::size_t>(*rc::gen::inRange(0, domain::kSignCount)));
    c.cleared_by_clinician = *rc::gen::inRange(0, 4) == 0;
  }
  for (int d = 0; d < 30; ++d) {
    if (*rc::gen::inRange(0, 3) == 0) h.session(d, *rc::gen::element(domain::Sport::run, domain::Sport::walk), 35);
  }
  const domain::Date as_of = day(*rc::gen::inRange(0, 35));
  std::vector<domain::Date> run_days;
  for (const auto& a : h.activities) {
    if (a.sport == domain::Sport::run && a.date <= as_of) run_days.push_back(a.date);
  }
  std::sort(run_days.begin(), run_days.end());
  run_days.erase(std::unique(run_days.begin(), run_days.end()), run_days.end());

  const auto load = analytics::analyse(h.activities, as_of, book().load);
  const auto lookup = triage_lookup(load, book().load, domain::UnitSystem::metric);
  const auto first = rules::triage({as_of, h.checkins, run_days, {}, {}}, book());
  auto programmes = follow_return_to_run({as_of, h.checkins, h.activities, first.spans}, book());
  const auto second =
      rules::triage({as_of, h.checkins, run_days, {}, programme_periods(programmes, as_of, book())}, book());
  programmes = follow_return_to_run({as_of, h.checkins, h.activities, second.spans}, book());
  const auto third =
      rules::triage({as_of, h.checkins, run_days, lookup, programme_periods(programmes, as_of, book())}, book());

  const DayAssessment a = assess_day({as_of, h.checkins, h.activities}, book());
  RC_TAG(a.programmes.empty() ? "no programme" : "a programme", a.triage.spans.empty() ? "no span" : "spans");
  RC_ASSERT(summary(a.triage, a.programmes) == summary(third, programmes));
  // The standing state (SAFE-LOG-1, the routines) is the same reading without the load warnings.
  const StandingState st = standing_state({as_of, h.checkins, h.activities}, book());
  RC_ASSERT(summary({third.action, {}, st.episodes, st.spans, {}}, st.programmes) ==
            summary({third.action, {}, third.episodes, third.spans, {}}, programmes));
}

TEST(RoutineContext, TheProgrammeKeepsTheEpisodeAndSoTheTailoredRoutinesAfterPainFreeDays) {
  History h = after_a_stop();
  h.checkins.front().region = domain::Region::outer;
  for (int d = 3; d <= 6; ++d) h.pain(d, 0, Timing::at_rest, 8 * 60);  // pain-free days that would end an episode
  const StandingState st = standing_state({day(6), h.checkins, h.activities}, book());
  ASSERT_EQ(st.episodes.size(), 1U);
  const RoutineContext ctx = routine_context(st.episodes, h.checkins, false);
  EXPECT_EQ(ctx.sore_site, domain::Site::knee);
  EXPECT_EQ(ctx.sore_region, domain::Region::outer);
  // Without the programme (what the routines read before), the episode had ended.
  EXPECT_TRUE(rules::triage({day(6), h.checkins, {}, {}, {}}, book()).episodes.empty());
}

TEST(RoutineContext, ACheckinOfBothSidesGivesTheRegionOfEachSide) {
  History h;
  PainCheckin& c = h.pain(0, 3, Timing::after_run, 18 * 60);
  c.side = domain::Side::both;
  c.region = domain::Region::outer;
  const StandingState st = standing_state({day(0), h.checkins, h.activities}, book());
  ASSERT_EQ(st.episodes.size(), 2U);
  const RoutineContext ctx = routine_context(st.episodes, h.checkins, true);
  EXPECT_EQ(ctx.sore_region, domain::Region::outer);
  EXPECT_TRUE(ctx.gym_access);
}

}  // namespace
}  // namespace stridecare::planner
