// The weekly plan over 10 years of daily history, in memory (issue 12: a plan
// in under 2 ms in-process for a runner with 10 years of history). The
// thresholds are the real ones, from the rule book compiled into the program.
//
// The history: 3,650 days ending 2026-03-01, built once before timing:
// - a run every day but every 7th (5-16 km at 5:00-6:30 min/km, RPE 3-7);
// - a strength session every 3rd day;
// - a pain check-in of the left knee every day: pain 0-3 mostly, and every
//   60th day a 6 (a stop), so that stops, their ends and return-to-run
//   programmes run through the whole history.
//
// Benchmarks (time per call):
//   BM_AssessDay     planner::assess_day() as of the last day: triage with the
//                    programmes it starts, the load warnings, care advice
//   BM_PlanWeek      planner::plan_week() on an assessment made once
//   BM_AssessAndPlan both, as `plan` will do: the figure held to the 2 ms target
// Usage: plan_bench [--benchmark_...]

#include <chrono>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "planner/weekly_plan.hpp"
#include "rules/rule_book.hpp"

namespace {

namespace domain = stridecare::domain;
namespace planner = stridecare::planner;

constexpr int kDays = 3650;

domain::Date last_day() { return domain::Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}}; }

struct History {
  std::vector<domain::Activity> activities;
  std::vector<domain::PainCheckin> checkins;
  domain::Profile profile;
};

const History& history() {
  static const History h = [] {
    History out;
    std::mt19937 rng(7);  // NOLINT(cert-msc32-c,cert-msc51-cpp): a fixed history, on purpose
    std::uniform_real_distribution<double> km(5, 16);
    std::uniform_real_distribution<double> pace(300, 390);
    std::uniform_int_distribution<int> rpe(3, 7);
    std::uniform_int_distribution<int> pain(0, 3);
    domain::Id id = 1;
    for (int i = 0; i < kDays; ++i) {
      const domain::Date d = domain::add_days(last_day(), -(kDays - 1) + i);
      if (i % 7 != 6) {
        domain::Activity a;
        a.id = id++;
        a.sport = domain::Sport::run;
        a.date = d;
        a.time = 7 * 60;
        a.distance_m = km(rng) * 1000;
        a.duration_s = *a.distance_m / 1000 * pace(rng);
        a.rpe = rpe(rng);
        out.activities.push_back(a);
      }
      if (i % 3 == 0) {
        domain::Activity s;
        s.id = id++;
        s.sport = domain::Sport::strength;
        s.date = d;
        s.time = 18 * 60;
        s.duration_s = 40 * 60;
        s.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
        out.activities.push_back(s);
      }
      domain::PainCheckin c;
      c.id = id++;
      c.date = d;
      c.time = 20 * 60;
      c.pain = i % 60 == 0 ? 6 : pain(rng);
      c.timing = domain::Timing::after_run;
      out.checkins.push_back(c);
    }
    out.profile.cross_training = {domain::Sport::swim, domain::Sport::cycle};
    return out;
  }();
  return h;
}

planner::DayAssessment assess() {
  const History& h = history();
  return planner::assess_day({last_day(), h.checkins, h.activities}, stridecare::rules::default_rule_book());
}

planner::WeeklyPlan plan(const planner::DayAssessment& a) {
  const History& h = history();
  return planner::plan_week({last_day(), &h.profile, &a, h.checkins, h.activities, std::nullopt},
                            planner::default_exercise_library(), stridecare::rules::default_rule_book());
}

void BM_AssessDay(benchmark::State& state) {
  history();
  for (auto _ : state) benchmark::DoNotOptimize(assess());
}

void BM_PlanWeek(benchmark::State& state) {
  const auto a = assess();
  for (auto _ : state) benchmark::DoNotOptimize(plan(a));
}

void BM_AssessAndPlan(benchmark::State& state) {
  history();
  for (auto _ : state) {
    const auto a = assess();
    benchmark::DoNotOptimize(plan(a));
  }
  state.counters["target_ms"] = 2;
}

BENCHMARK(BM_AssessDay)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PlanWeek)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AssessAndPlan)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
