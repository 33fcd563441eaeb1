// Strength logging rules (rules.md 4.2): STRENGTH-REST-1 between starts,
// STRENGTH-FREQ-1's weekly target, STRENGTH-DOSE-1's next loads and
// STRENGTH-PAIN-1's easier variant. Thresholds from the shipped rule book.

#include "planner/strength.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::StrengthExercise;
using domain::StrengthSet;
using testing::at;
using testing::book;
using testing::day;
using testing::lib;

const rules::StrengthThresholds& st() { return book().strength; }

Activity session(domain::Id id, domain::Date date, std::optional<int> time,
                 std::vector<StrengthExercise> exercises = {{"squat", 3, 10, 40.0}}) {
  Activity a;
  a.id = id;
  a.sport = domain::Sport::strength;
  a.date = date;
  a.time = time;
  a.duration_s = 45 * 60;
  a.exercises = std::move(exercises);
  return a;
}

// ---- STRENGTH-REST-1 -----------------------------------------------------------------------

TEST(StrengthRest, FiresAt47h59mBetweenStarts) {
  ASSERT_EQ(st().rest_hours, 48);
  const auto w = rest_warning(session(1, day(2026, 3, 2), at(18, 0)), session(2, day(2026, 3, 4), at(17, 59)), st());
  ASSERT_TRUE(w.has_value());
  ASSERT_TRUE(w->hours.has_value());
  EXPECT_NEAR(*w->hours, 47 + 59.0 / 60, 1e-9);
  EXPECT_EQ(w->days, 2);
  EXPECT_EQ(w->previous.id, 1);
  EXPECT_EQ(w->session.id, 2);
}

TEST(StrengthRest, DoesNotFireAtExactly48h) {
  EXPECT_FALSE(rest_warning(session(1, day(2026, 3, 2), at(18, 0)), session(2, day(2026, 3, 4), at(18, 0)), st()));
  EXPECT_FALSE(rest_warning(session(1, day(2026, 3, 2), at(18, 0)), session(2, day(2026, 3, 4), at(18, 1)), st()));
}

TEST(StrengthRest, AcrossMidnightAndMonthEnds) {
  // 2026-02-28 23:30 -> 2026-03-02 23:29 is 47 h 59 min.
  EXPECT_TRUE(rest_warning(session(1, day(2026, 2, 28), at(23, 30)), session(2, day(2026, 3, 2), at(23, 29)), st()));
  EXPECT_FALSE(rest_warning(session(1, day(2026, 2, 28), at(23, 30)), session(2, day(2026, 3, 2), at(23, 30)), st()));
}

/// Europe/London in 2026: BST (UTC+1) from 29 March 01:00 UTC to 25 October 01:00 UTC.
std::int64_t london_utc_minutes(domain::Date d, domain::MinuteOfDay m) {
  const std::int64_t local = std::chrono::sys_days{d}.time_since_epoch().count() * 1440 + m;
  const std::int64_t bst_from = std::chrono::sys_days{day(2026, 3, 29)}.time_since_epoch().count() * 1440 + 60;
  const std::int64_t bst_until = std::chrono::sys_days{day(2026, 10, 25)}.time_since_epoch().count() * 1440 + 60;
  const bool summer = local - 60 >= bst_from && local - 60 < bst_until;
  return summer ? local - 60 : local;
}

TEST(StrengthRest, CountsRealHoursWhenTheClocksGoBack) {
  // Saturday 18:00 BST -> Monday 17:30 GMT: 47.5 h on the clock, 48.5 h elapsed.
  const auto before = session(1, day(2026, 10, 24), at(18, 0));
  const auto after = session(2, day(2026, 10, 26), at(17, 30));
  EXPECT_FALSE(rest_warning(before, after, st(), london_utc_minutes));
  EXPECT_TRUE(rest_warning(before, after, st())) << "without a time zone the clock difference is used";
}

TEST(StrengthRest, CountsRealHoursWhenTheClocksGoForward) {
  // Saturday 18:00 GMT -> Monday 18:30 BST: 48.5 h on the clock, 47.5 h elapsed.
  const auto w = rest_warning(session(1, day(2026, 3, 28), at(18, 0)), session(2, day(2026, 3, 30), at(18, 30)), st(),
                              london_utc_minutes);
  ASSERT_TRUE(w.has_value());
  ASSERT_TRUE(w->hours.has_value());
  EXPECT_DOUBLE_EQ(*w->hours, 47.5);
  EXPECT_EQ(w->days, 2);
}

TEST(StrengthRest, WithoutATimeComparesDays) {
  const auto untimed = [](domain::Id id, domain::Date d) { return session(id, d, std::nullopt); };
  // Same day and the next day fire; two days apart does not.
  const auto same = rest_warning(untimed(1, day(2026, 3, 2)), untimed(2, day(2026, 3, 2)), st());
  ASSERT_TRUE(same.has_value());
  EXPECT_FALSE(same->hours.has_value());
  EXPECT_EQ(same->days, 0);
  EXPECT_TRUE(rest_warning(untimed(1, day(2026, 3, 2)), untimed(2, day(2026, 3, 3)), st()));
  EXPECT_FALSE(rest_warning(untimed(1, day(2026, 3, 2)), untimed(2, day(2026, 3, 4)), st()));
  // One time missing is enough to compare days: the next day fires, two days later does not.
  EXPECT_TRUE(rest_warning(session(1, day(2026, 3, 2), at(6, 0)), untimed(2, day(2026, 3, 3)), st()));
  EXPECT_FALSE(rest_warning(session(1, day(2026, 3, 2), at(23, 59)), untimed(2, day(2026, 3, 4)), st()));
}

TEST(StrengthRest, AroundASessionChecksTheSessionsBeforeAndAfter) {
  const std::vector<Activity> stored{session(1, day(2026, 3, 1), at(8, 0)), session(2, day(2026, 3, 5), at(8, 0))};
  const Activity logged = session(3, day(2026, 3, 3), at(7, 0));  // 47 h after 1, 49 h before 2
  const auto warnings = rest_warnings_around(stored, logged, st());
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].previous.id, 1);
  EXPECT_EQ(warnings[0].session.id, 3);

  const Activity late = session(4, day(2026, 3, 4), at(9, 0));  // 24 h before 2: it is the later one's neighbour
  const auto before_next = rest_warnings_around(stored, late, st());
  ASSERT_EQ(before_next.size(), 1U);
  EXPECT_EQ(before_next[0].previous.id, 4);
  EXPECT_EQ(before_next[0].session.id, 2);
}

TEST(StrengthRest, IgnoresOtherSports) {
  Activity run = session(1, day(2026, 3, 2), at(8, 0), {});
  run.sport = domain::Sport::run;
  run.distance_m = 5000;
  EXPECT_TRUE(rest_warnings_around(std::vector<Activity>{run}, session(2, day(2026, 3, 2), at(9, 0)), st()).empty());
}

// ---- STRENGTH-FREQ-1 -----------------------------------------------------------------------

TEST(StrengthFrequency, ProfileTargetOnceEstablishedAndNoEpisode) {
  EXPECT_EQ(frequency_target(3, false, 10, st()).target, 3);
  EXPECT_EQ(frequency_target(2, false, 10, st()).target, 2);
}

TEST(StrengthFrequency, SessionsMinDuringAPainEpisode) {
  const auto t = frequency_target(3, true, 10, st());
  EXPECT_EQ(t.target, st().sessions_min);
  EXPECT_NE(t.why.find("pain episode"), std::string::npos);
}

TEST(StrengthFrequency, SessionsMinInTheFirstWeeksOfHistory) {
  EXPECT_EQ(frequency_target(3, false, std::nullopt, st()).target, st().sessions_min);
  EXPECT_EQ(frequency_target(3, false, st().new_athlete_weeks - 1, st()).target, st().sessions_min);
  EXPECT_EQ(frequency_target(3, false, st().new_athlete_weeks, st()).target, 3);
}

TEST(StrengthFrequency, WeekStartsOnMonday) {
  EXPECT_EQ(week_start(day(2026, 3, 4)), day(2026, 3, 2));  // Wednesday
  EXPECT_EQ(week_start(day(2026, 3, 2)), day(2026, 3, 2));  // Monday
  EXPECT_EQ(week_start(day(2026, 3, 8)), day(2026, 3, 2));  // Sunday
}

// ---- STRENGTH-DOSE-1 / STRENGTH-PAIN-1 -----------------------------------------------------

/// The next doses after one session (2026-03-02 08:00) of exercise `e`.
std::vector<NextDose> after_one(const StrengthExercise& e, bool in_episode = false) {
  return next_doses(std::vector<Activity>{session(1, day(2026, 3, 2), at(8, 0), {e})}, in_episode, lib(), st());
}

TEST(StrengthDose, AllSetsAtTwelveWithLowPainAddsFivePercentRoundedToHalfKg) {
  const auto next = after_one({"squat", 3, 12, 42.0, {}, 3});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].exercise, "squat");
  EXPECT_EQ(next[0].rule, "STRENGTH-DOSE-1");
  EXPECT_EQ(next[0].load_kg, 44.0);  // 42 x 1.05 = 44.1 -> 44.0
  EXPECT_EQ(next[0].sets, 3);
  EXPECT_EQ(next[0].reps, st().reps_min);
  EXPECT_NE(next[0].why.find("42 kg"), std::string::npos) << next[0].why;
}

TEST(StrengthDose, RoundsToHalfKgAndAlwaysAddsSomething) {
  EXPECT_EQ(round_load_kg(42.0 * 1.05), 44.0);
  EXPECT_EQ(round_load_kg(40.0 * 1.05), 42.0);
  EXPECT_EQ(round_load_kg(45.0 * 1.05), 47.5);  // 47.25 -> 47.5 (half away from zero)
  const auto next = after_one({"curl", 2, 12, 4.0});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].load_kg, 4.5);  // 4.2 rounds back to 4.0: at least +0.5 kg
}

TEST(StrengthDose, NotEverySetAtTwelveKeepsTheLoadAndAddsARep) {
  const StrengthExercise per_set{"squat", 3, 11, 40.0, {{12, 40.0}, {12, 40.0}, {11, 40.0}}};
  const auto next = after_one(per_set);
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].load_kg, 40.0);
  EXPECT_EQ(next[0].reps, 12);
  EXPECT_EQ(next[0].rule, "STRENGTH-DOSE-1");
}

TEST(StrengthDose, PainAboveTheLimitKeepsTheLoadOutsideAnEpisode) {
  const auto next = after_one({"squat", 3, 12, 40.0, {}, 4});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].exercise, "squat");
  EXPECT_EQ(next[0].load_kg, 40.0);
  EXPECT_NE(next[0].why.find("pain 4"), std::string::npos);
}

TEST(StrengthDose, PainAboveTheLimitHoldsTheRepsToo) {
  const auto next = after_one({"squat", 3, 10, 40.0, {}, 4});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].reps, 10);
  EXPECT_EQ(next[0].load_kg, 40.0);
  EXPECT_EQ(next[0].rule, "STRENGTH-DOSE-1");
}

TEST(StrengthDose, PainAtTheLimitStillProgresses) {
  const auto next = after_one({"squat", 3, 10, 40.0, {}, 3});
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].reps, 11);
}

TEST(StrengthDose, PainAboveThreeInAnEpisodeSwapsInTheEasierVariant) {
  const auto next = after_one({"squat", 3, 10, 40.0, {}, 4}, true);
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].from, "squat");
  EXPECT_EQ(next[0].exercise, *lib().find("squat")->easier);
  EXPECT_EQ(next[0].rule, "STRENGTH-PAIN-1");
}

TEST(StrengthDose, PainAtTheLimitInAnEpisodeDoesNotSwap) {
  const auto next = after_one({"squat", 3, 10, 40.0, {}, 3}, true);
  ASSERT_EQ(next.size(), 1U);
  EXPECT_EQ(next[0].exercise, "squat");
}

TEST(StrengthDose, BodyWeightAddsASetThenLoad) {
  const auto two = after_one({"lunge", 2, 12, std::nullopt});
  ASSERT_EQ(two.size(), 1U);
  EXPECT_EQ(two[0].sets, 3);
  EXPECT_EQ(two[0].load_kg, std::nullopt);
  const auto three = after_one({"lunge", 3, 12, std::nullopt});
  ASSERT_EQ(three.size(), 1U);
  EXPECT_EQ(three[0].sets, 3);
  EXPECT_NE(three[0].why.find("add load"), std::string::npos);
}

TEST(StrengthDose, FollowsEachExercisesLatestSession) {
  const std::vector<Activity> sessions{
      session(2, day(2026, 3, 5), at(8, 0), {{"squat", 3, 12, 50.0}}),
      session(1, day(2026, 3, 2), at(8, 0), {{"squat", 3, 8, 40.0}, {"lunge", 3, 8, std::nullopt}}),
  };
  const auto next = next_doses(sessions, false, lib(), st());
  ASSERT_EQ(next.size(), 2U);
  EXPECT_EQ(next[0].exercise, "squat");
  EXPECT_EQ(next[0].load_kg, 52.5);
  EXPECT_EQ(next[0].last, day(2026, 3, 5));
  EXPECT_EQ(next[1].exercise, "lunge");
  EXPECT_EQ(next[1].reps, 9);
}

// ---- STRENGTH-HARD-1 -----------------------------------------------------------------------

TEST(StrengthHard, FiresOnTheDayBeforeTheLongRunDayOnly) {
  const auto w = long_run_eve_warning(day(2026, 3, 7), std::chrono::Sunday);  // a Saturday
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->long_run, day(2026, 3, 8));
  EXPECT_EQ(w->session, day(2026, 3, 7));
  EXPECT_FALSE(long_run_eve_warning(day(2026, 3, 8), std::chrono::Sunday));  // the long-run day itself
  EXPECT_FALSE(long_run_eve_warning(day(2026, 3, 6), std::chrono::Sunday));
  EXPECT_TRUE(long_run_eve_warning(day(2026, 2, 28), std::chrono::Sunday));  // across a month end
  EXPECT_TRUE(long_run_eve_warning(day(2026, 3, 3), std::chrono::Wednesday));
}

// ---- the strength session at the next doses (build_strength over next_doses) ---------------

/// Steps of `id` in `r`.
std::vector<RoutineStep> steps_of(const Routine& r, std::string_view id) {
  std::vector<RoutineStep> out;
  for (const auto& s : r.steps) {
    if (s.exercise == id) out.push_back(s);
  }
  return out;
}

TEST(StrengthSession, ALoggedExerciseIsDoneAtItsNextDoseAndTheOthersAtTheStartDose) {
  const std::vector<Activity> sessions{session(1, day(2026, 3, 2), at(8, 0), {{"lunge", 3, 8, 10.0}})};
  auto ctx = testing::no_episode(true);
  ctx.doses = next_doses(sessions, false, lib(), st());
  const Routine r = build_strength(lib(), ctx, book());
  const auto lunge = steps_of(r, "lunge");
  ASSERT_EQ(lunge.size(), 6U);  // 3 sets, left and right
  for (const auto& s : lunge) {
    EXPECT_EQ(s.reps, 9);
    EXPECT_EQ(s.load_kg, 10.0);
  }
  for (const auto& s : steps_of(r, "squat")) EXPECT_FALSE(s.load_kg.has_value());
  EXPECT_TRUE(testing::mentions(r.notes, "Lunge: not every set reached 12 reps"));
}

TEST(StrengthSession, PainInAnEpisodeDoesTheVariantAtTheSameSetsRepsAndLoad) {
  const std::vector<Activity> sessions{
      session(1, day(2026, 3, 2), at(8, 0), {{"squat", 3, 10, 40.0, {}, std::optional<int>(5)}})};
  auto ctx = testing::context(domain::Site::knee, std::nullopt, true);
  ctx.doses = next_doses(sessions, true, lib(), st());
  ASSERT_EQ(ctx.doses.at(0).exercise, "partial_squat");
  const Routine r = build_strength(lib(), ctx, book());
  EXPECT_TRUE(steps_of(r, "squat").empty());
  const auto partial = steps_of(r, "partial_squat");
  ASSERT_EQ(partial.size(), 3U);
  EXPECT_EQ(partial[0].reps, 10);
  EXPECT_EQ(partial[0].load_kg, 40.0);
  EXPECT_NE(std::find(r.rules.begin(), r.rules.end(), "STRENGTH-PAIN-1"), r.rules.end());
}

TEST(StrengthSession, TheVariantsOwnNewerSessionWins) {
  const std::vector<Activity> sessions{
      session(1, day(2026, 3, 2), at(8, 0), {{"squat", 3, 10, 40.0, {}, std::optional<int>(5)}}),
      session(2, day(2026, 3, 5), at(8, 0), {{"partial_squat", 2, 12, 20.0, {}, std::optional<int>(1)}})};
  auto ctx = testing::context(domain::Site::knee, std::nullopt, true);
  ctx.doses = next_doses(sessions, true, lib(), st());
  const auto partial = steps_of(build_strength(lib(), ctx, book()), "partial_squat");
  ASSERT_EQ(partial.size(), 2U);
  EXPECT_EQ(partial[0].reps, 8);
  EXPECT_EQ(partial[0].load_kg, 21.0);
}

TEST(StrengthSession, EasierVariantsOnlySwapsEveryExerciseThatHasOne) {
  auto ctx = testing::no_episode(true);
  ctx.easier_variants = true;
  const Routine r = build_strength(lib(), ctx, book());
  for (const auto& s : r.steps) {
    bool is_a_variant = false;
    for (const auto& e : lib().all()) is_a_variant = is_a_variant || e.easier == s.exercise;
    EXPECT_TRUE(!testing::exercise(s.exercise).easier || is_a_variant) << s.exercise;
  }
  EXPECT_TRUE(steps_of(r, "squat").empty());
  EXPECT_FALSE(steps_of(r, "partial_squat").empty());
}

}  // namespace
}  // namespace stridecare::planner
