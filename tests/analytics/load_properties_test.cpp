// RapidCheck properties of the load metrics (rules.md section 3) over random
// histories, with the parameters of data/rules.json.

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "analytics/insights.hpp"
#include "load_builder.hpp"

namespace stridecare::analytics {
namespace {

using domain::Activity;
using domain::LoadRule;
using domain::Sport;
using testing::day;
using testing::metrics_of;
using testing::of_rule;
using testing::params;

/// Rounding slack of the EWMA bounds: each step rounds its two products and
/// their sum (a few ulps); the recursion is a contraction, so the error stays
/// a few ulps of the largest load and never accumulates with the days.
constexpr double kUlpSlack = 1e-12;

/// Any session on one of days 0..max_day: a run (with distance) or another
/// sport; RPE logged, missing with heart rate, or missing without; moving time
/// sometimes. RPE 0, swims, strength and `other` sessions carry no impact load.
rc::Gen<Activity> any_session(int max_day) {
  return rc::gen::exec([max_day] {
    Activity a;
    a.date = day(*rc::gen::inRange(0, max_day + 1));
    a.sport = *rc::gen::element(Sport::run, Sport::run, Sport::run, Sport::walk, Sport::cycle, Sport::swim,
                                Sport::elliptical, Sport::row, Sport::strength, Sport::other);
    a.duration_s = 60.0 * *rc::gen::inRange(1, 240);
    if (a.sport == Sport::run) a.distance_m = 100.0 * *rc::gen::inRange(1, 400);
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
        break;   // RPE missing, no file
      case 1: {  // RPE missing, file with heart rate
        auto& r = a.recorded.emplace();
        r.avg_heart_rate_bpm = *rc::gen::inRange(60, 200);
        if (*rc::gen::inRange(0, 2) == 0) r.max_heart_rate_bpm = *rc::gen::inRange(*r.avg_heart_rate_bpm, 220);
        if (*rc::gen::inRange(0, 2) == 0) r.moving_s = a.duration_s * 0.9;
        break;
      }
      default:
        a.rpe = *rc::gen::inRange(0, 11);
    }
    return a;
  });
}

/// A history whose first session is on day 0, over days 0..max_day.
rc::Gen<std::vector<Activity>> any_history(int max_day) {
  return rc::gen::exec([max_day] {
    auto acts = *rc::gen::container<std::vector<Activity>>(any_session(max_day));
    Activity first = *any_session(0);
    acts.push_back(first);
    for (std::size_t i = 0; i < acts.size(); ++i) acts[i].id = static_cast<domain::Id>(i + 1);
    return acts;
  });
}

bool finite(const std::optional<double>& x) { return !x || std::isfinite(*x); }

// EWMA_t = lambda x_t + (1 - lambda) EWMA_(t-1) with EWMA_0 = 0 is a convex
// combination of 0 and x_1..x_t. So the exact invariant is
//   min(0, x_1..x_t) <= EWMA_t <= max(0, x_1..x_t),
// and NOT min(x_1..x_t) <= EWMA_t: after the first day EWMA_1 = lambda x_1 < x_1.
// Loads are >= 0, so this reads 0 <= EWMA_t <= max(x_1..x_t). It also holds
// that EWMA_t >= lambda x_t (the older part is >= 0).
RC_GTEST_PROP(LoadProperties, EwmaStaysBetweenZeroAndTheHighestDailyLoadSoFar, ()) {
  const auto& p = params();
  const int max_day = *rc::gen::inRange(0, 120);
  const auto acts = *any_history(max_day);
  const LoadAnalysis a = analyse(acts, day(max_day), p);
  const double lambda_a = 2.0 / (p.acute_days + 1);
  const double lambda_c = 2.0 / (p.chronic_days + 1);
  double highest = 0;
  const auto metrics = metrics_of(a);
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const double x = a.history.days[i].impact_load;
    RC_ASSERT(x >= 0);
    highest = std::max(highest, x);
    const double slack = kUlpSlack * highest;
    const DayMetrics& m = metrics[i];
    if (m.acute_ewma) {
      RC_ASSERT(*m.acute_ewma >= 0);
      RC_ASSERT(*m.acute_ewma <= highest + slack);
      RC_ASSERT(*m.acute_ewma >= lambda_a * x - slack);
    }
    if (m.chronic_ewma) {
      RC_ASSERT(*m.chronic_ewma >= 0);
      RC_ASSERT(*m.chronic_ewma <= highest + slack);
      RC_ASSERT(*m.chronic_ewma >= lambda_c * x - slack);
    }
  }
}

// A constant daily load c > 0 from day 1:
// - rolling ACWR (coupled and uncoupled) is exactly 1 from day min_history_days
//   on: both means are c. The loads here are whole numbers (integer RPE x whole
//   minutes, run factor 1), so the window sums are exact and the ratio is 1.0
//   exactly, not merely close.
// - EWMA ACWR is NOT 1: from a 0 start, acute_t = c (1 - a^t) and
//   chronic_t = c (1 - k^t) with a = 1 - lambda_a < k = 1 - lambda_c, so
//   ACWR_t = (1 - a^t) / (1 - k^t) > 1 (1.156 on day 28 with 7/28). What holds:
//   it equals that closed form (whatever c), never falls below 1, never rises
//   from one day to the next, and 0 <= ACWR_t - 1 <= k^t / (1 - k^t), which
//   tends to 0 (6.2e-7 after 200 days).
RC_GTEST_PROP(LoadProperties, ConstantDailyLoadGivesRollingAcwrOneAndEwmaAcwrTendingToOne, ()) {
  const auto& p = params();
  const int days = *rc::gen::inRange(p.min_history_days, 400);
  const int rpe = *rc::gen::inRange(1, 11);
  const int minutes = *rc::gen::inRange(1, 181);
  std::vector<Activity> acts;
  for (int d = 0; d < days; ++d) acts.push_back(testing::run(d + 1, d, 5000, minutes, rpe));
  const LoadAnalysis a = analyse(acts, day(days - 1), p);
  const double ka = 1 - 2.0 / (p.acute_days + 1);
  const double kc = 1 - 2.0 / (p.chronic_days + 1);
  std::optional<double> previous;
  for (const DayMetrics& m : metrics_of(a)) {
    if (m.history_days < p.min_history_days) {
      RC_ASSERT(!m.acwr_ewma);
      RC_ASSERT(!m.acwr_rolling);
      continue;
    }
    RC_ASSERT(m.acwr_rolling);
    RC_ASSERT(*m.acwr_rolling == 1.0);
    RC_ASSERT(*m.acwr_rolling_uncoupled == 1.0);
    RC_ASSERT(m.acwr_ewma);
    const double t = m.history_days;
    const double closed = (1 - std::pow(ka, t)) / (1 - std::pow(kc, t));
    RC_ASSERT(std::abs(*m.acwr_ewma - closed) <= 1e-12 * closed);
    RC_ASSERT(*m.acwr_ewma >= 1.0);
    RC_ASSERT(*m.acwr_ewma - 1 <= std::pow(kc, t) / (1 - std::pow(kc, t)) + 1e-12);
    if (previous) RC_ASSERT(*m.acwr_ewma <= *previous + 1e-12);
    previous = m.acwr_ewma;
  }
}

// Adding a run longer than the first spike threshold x the longest run of the
// spike window before its day, once the history is min_history_days long,
// always raises LOAD-SPIKE-1 for that run, on its day, in the band of its ratio.
RC_GTEST_PROP(LoadProperties, ARunLongerThanTheFirstBandTimesTheWindowsLongestAlwaysSpikes, ()) {
  const auto& p = params();
  const int on = *rc::gen::inRange(p.min_history_days - 1, 100);  // history_days = on + 1
  auto acts = *any_history(on);
  // At least one run in the spike window before the run's day.
  const int earlier = *rc::gen::inRange(std::max(0, on - p.spike_window_days), on);
  acts.push_back(
      testing::run(static_cast<domain::Id>(acts.size() + 1), earlier, 100.0 * *rc::gen::inRange(1, 400), 60, 5));
  // The longest run of days on - spike_window_days .. on - 1, as the test sees it.
  double longest = 0;
  for (const Activity& x : acts) {
    const int back = domain::days_between(x.date, day(on));
    if (x.sport == Sport::run && back >= 1 && back <= p.spike_window_days) longest = std::max(longest, *x.distance_m);
  }
  RC_PRE(longest > 0);
  const double factor = p.spike_bands.front().above + *rc::gen::inRange(1, 3000) / 1000.0;
  Activity spike = testing::run(static_cast<domain::Id>(acts.size() + 1), on, std::ceil(longest * factor), 90, 6);
  acts.push_back(spike);
  const LoadAnalysis a = analyse(acts, day(on), p);
  const auto expect_spike = [&](const std::vector<LoadWarning>& ws) {
    const auto spikes = of_rule(ws, LoadRule::spike);
    const auto it =
        std::find_if(spikes.begin(), spikes.end(), [&](const LoadWarning& w) { return w.activity == spike.id; });
    RC_ASSERT(it != spikes.end());
    RC_ASSERT(it->date == day(on));
    RC_ASSERT(it->value > p.spike_bands.front().above);
    RC_ASSERT(it->value == *spike.distance_m / longest);
    RC_ASSERT(it->level == spike_band(it->value, p)->name);
  };
  expect_spike(warnings_between(a, day(0), day(on), p));
  expect_spike(warnings_as_of(a, day(on), p));
}

void assert_finite(const LoadAnalysis& a) {
  for (const DayLoad& d : a.history.days) {
    RC_ASSERT(std::isfinite(d.srpe_load));
    RC_ASSERT(std::isfinite(d.impact_load));
  }
  for (const DayMetrics& m : metrics_of(a)) {
    RC_ASSERT(finite(m.acute_ewma));
    RC_ASSERT(finite(m.chronic_ewma));
    RC_ASSERT(finite(m.acwr_ewma));
    RC_ASSERT(finite(m.acute_rolling));
    RC_ASSERT(finite(m.chronic_rolling));
    RC_ASSERT(finite(m.acwr_rolling));
    RC_ASSERT(finite(m.acwr_rolling_uncoupled));
    RC_ASSERT(std::isfinite(m.week_run_m));
    RC_ASSERT(finite(m.last_week_run_m));
    RC_ASSERT(finite(m.week_change));
    RC_ASSERT(finite(m.two_week_change));
    RC_ASSERT(finite(m.longest_run_30d_m));
    RC_ASSERT(std::isfinite(m.window_srpe_load));
    RC_ASSERT(finite(m.monotony));
    RC_ASSERT(finite(m.strain));
  }
  for (const RunSpike& s : a.spikes) {
    RC_ASSERT(finite(s.ratio));
    RC_ASSERT(finite(s.longest_before_m));
  }
}

// Sparse histories (most days empty, long gaps), and sessions that carry no
// load (RPE 0, swims and strength: zero impact): every metric is either
// absent or a finite number, and so is every warning's figure.
RC_GTEST_PROP(LoadProperties, ZeroLoadDaysNeverProduceNanOrInfinity, ()) {
  const auto& p = params();
  const int max_day = *rc::gen::inRange(0, 200);
  const int sessions = *rc::gen::inRange(1, 12);
  std::vector<Activity> acts;
  for (int i = 0; i < sessions; ++i) {
    Activity s = *any_session(max_day);
    if (*rc::gen::inRange(0, 2) == 0) {  // no load at all
      s.rpe = 0;
      s.recorded.reset();
    }
    if (*rc::gen::inRange(0, 3) == 0) s.sport = *rc::gen::element(Sport::swim, Sport::strength);
    if (s.sport != Sport::run) s.distance_m.reset();
    s.id = i + 1;
    acts.push_back(s);
  }
  const LoadAnalysis a = analyse(acts, day(max_day), p);
  assert_finite(a);
  for (const LoadWarning& w : warnings_between(a, day(0), day(max_day), p)) {
    RC_ASSERT(std::isfinite(w.value));
    for (const auto& [name, v] : w.figures) RC_ASSERT(std::isfinite(v));
  }
  // Also through a run of empty days after the last session.
  assert_finite(analyse(acts, day(max_day + *rc::gen::inRange(1, 400)), p));
}

// The day series and the day loads do not depend on the order the activities come in.
RC_GTEST_PROP(LoadProperties, DayLoadsDoNotDependOnTheOrderOfTheActivities, ()) {
  const auto& p = params();
  const int max_day = *rc::gen::inRange(0, 60);
  const auto acts = *any_history(max_day);
  auto shuffled = acts;
  std::reverse(shuffled.begin(), shuffled.end());
  const LoadHistory x = build_load_history(acts, day(max_day), p);
  const LoadHistory y = build_load_history(shuffled, day(max_day), p);
  RC_ASSERT(x.days.size() == static_cast<std::size_t>(max_day) + 1);
  RC_ASSERT(y.days.size() == x.days.size());
  for (std::size_t i = 0; i < x.days.size(); ++i) {
    RC_ASSERT(x.days[i].day == day(static_cast<int>(i)));
    RC_ASSERT(y.days[i].day == x.days[i].day);
    RC_ASSERT(std::abs(y.days[i].srpe_load - x.days[i].srpe_load) <= 1e-9 * (1 + x.days[i].srpe_load));
    RC_ASSERT(std::abs(y.days[i].run_distance_m - x.days[i].run_distance_m) <= 1e-9 * (1 + x.days[i].run_distance_m));
    RC_ASSERT(y.days[i].sessions == x.days[i].sessions);
    RC_ASSERT(y.days[i].longest_run_m == x.days[i].longest_run_m);
  }
}

// With fewer episodes than insight_min_episodes, insights say nothing but
// that, whatever the training and the pain days.
RC_GTEST_PROP(LoadProperties, FewerEpisodesThanTheMinimumNeverGiveInsights, ()) {
  const auto& p = params();
  const int max_day = *rc::gen::inRange(0, 150);
  const auto acts = *rc::gen::oneOf(any_history(max_day), rc::gen::just(std::vector<Activity>{}));
  const LoadAnalysis a = analyse(acts, day(max_day), p);
  const int n = *rc::gen::inRange(0, p.insight_min_episodes);
  std::vector<PainEpisode> episodes;
  for (int i = 0; i < n; ++i) {
    episodes.push_back({*rc::gen::element(domain::Site::knee, domain::Site::hip),
                        *rc::gen::element(domain::Side::left, domain::Side::right, domain::Side::both),
                        day(*rc::gen::inRange(0, max_day + 1))});
  }
  std::vector<domain::Date> pain_days;
  for (int i = *rc::gen::inRange(0, 20); i > 0; --i) pain_days.push_back(day(*rc::gen::inRange(0, max_day + 1)));
  const Insights in = find_insights(a, episodes, pain_days, testing::book().triage.load_warning_lead_days, p);
  RC_ASSERT(!in.enough_data);
  RC_ASSERT(in.sites.empty());
  RC_ASSERT(!in.message.empty());
  RC_ASSERT(in.message.find("at least " + std::to_string(p.insight_min_episodes)) != std::string::npos);
}

}  // namespace
}  // namespace stridecare::analytics
