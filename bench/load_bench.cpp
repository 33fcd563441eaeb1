// Training-load analytics over 10 years of daily history, in memory (issue 4:
// all metrics for 10 years in under 2 ms in-process; bench/load.sh prints the
// verdict). The thresholds are the real ones, from the rule book compiled into
// the program (data/rules.json).
//
// The history: 3,650 days ending 2026-03-01, one session a day at least, built
// once before timing:
// - runs of 5-16 km at 5:00-6:30 min/km with a logged RPE of 3-7;
// - every 5th run recorded by a watch (moving time, mean and max heart rate)
//   and without RPE, so the RPE is estimated from heart rate;
// - every 7th day a cross-training session (cycle, swim, elliptical,
//   alternately) instead of the run, and every 10th day a strength session
//   as well.
//
// Benchmarks (time per call; days/s = days of history analysed per second;
// faults/call = minor page faults per call, from getrusage):
//   BM_Analyse              analytics::analyse() (the load history, the
//                           EWMAs and sums, every run's spike), then the
//                           DayMetrics of every day
//   BM_AnalyseWarnings      analyse() + warnings_between() over the whole history
//   BM_WarningsBetween      warnings_between() alone, on an analysis built once
//   BM_FindInsights         find_insights() with 12 pain episodes, on an analysis built once
// each twice: /fresh_memory (every call's memory new to the process, as in a
// one-shot CLI process) and /reused_memory (freed memory kept in the process:
// the computation alone); see `Memory`.
// Usage: load_bench [--benchmark_...]

#include <chrono>
#include <cstddef>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>

#include "analytics/insights.hpp"
#include "analytics/load_warnings.hpp"
#include "rules/rule_book.hpp"

namespace {

namespace analytics = stridecare::analytics;
namespace domain = stridecare::domain;

constexpr int kDays = 3650;
constexpr int kEpisodes = 12;

domain::Date last_day() { return domain::Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}}; }
domain::Date first_day() { return domain::add_days(last_day(), -(kDays - 1)); }

const domain::LoadParameters& params() { return stridecare::rules::default_rule_book().load; }

std::vector<domain::Activity> make_history() {
  std::mt19937 rng(42);  // NOLINT(cert-msc32-c,cert-msc51-cpp): a fixed history, on purpose
  std::uniform_real_distribution<double> km(5, 16);
  std::uniform_real_distribution<double> pace_s_per_km(300, 390);
  std::uniform_int_distribution<int> rpe(3, 7);
  std::uniform_int_distribution<int> avg_hr(135, 172);
  const domain::Sport cross[] = {domain::Sport::cycle, domain::Sport::swim, domain::Sport::elliptical};
  std::vector<domain::Activity> out;
  out.reserve(kDays + kDays / 10 + 1);
  domain::Id id = 1;
  int runs = 0;
  for (int i = 0; i < kDays; ++i) {
    domain::Activity a;
    a.id = id++;
    a.date = domain::add_days(first_day(), i);
    if (i % 7 == 3) {
      a.sport = cross[(i / 7) % 3];
      a.duration_s = 45 * 60;
      a.rpe = 4;
    } else {
      const double d_km = km(rng);
      a.sport = domain::Sport::run;
      a.distance_m = d_km * 1000;
      a.duration_s = d_km * pace_s_per_km(rng);
      if (++runs % 5 == 0) {
        auto& r = a.recorded.emplace();
        r.moving_s = a.duration_s * 0.97;
        r.avg_heart_rate_bpm = avg_hr(rng);
        r.max_heart_rate_bpm = *r.avg_heart_rate_bpm + 18;
      } else {
        a.rpe = rpe(rng);
      }
    }
    out.push_back(std::move(a));
    if (i % 10 == 6) {
      domain::Activity s;
      s.id = id++;
      s.date = domain::add_days(first_day(), i);
      s.sport = domain::Sport::strength;
      s.duration_s = 30 * 60;
      s.rpe = 6;
      s.exercises = {{"squat", 3, 10, 40.0}, {"calf_raise", 3, 15, std::nullopt}};
      out.push_back(std::move(s));
    }
  }
  return out;
}

const std::vector<domain::Activity>& history() {
  static const std::vector<domain::Activity> h = make_history();
  return h;
}

/// Where a call's memory comes from.
/// - fresh: every call touches pages new to the process, as the one analysis
///   of a `stridecare load` process does. After each call (untimed)
///   malloc_trim(0) hands all free memory back to the kernel; on this VM a
///   first touch of a 4 KiB page costs ~10-14 us (docs/performance.md).
///   Whether glibc's defaults do this by themselves between calls depends on
///   what else lives on the heap, so it is made explicit.
/// - reused: freed memory stays in the process (mallopt; what a long-running
///   process settles into): the computation and malloc alone. mallopt is
///   process-wide and cannot be undone, so these run last.
enum class Memory { fresh, reused };

void set_memory(Memory m) {
  constexpr int kMmapThresholdBytes = 64 << 20;
  constexpr int kTrimThresholdBytes = 256 << 20;
  if (m == Memory::reused) {
    mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
    mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
  }
}

long minor_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

/// Runs `call` in the timing loop; reports days/s and page faults per call.
template <class Call>
void run(benchmark::State& state, Memory memory, Call&& call) {
  set_memory(memory);
  call();  // warm: the history, the rule book, and (reused) the allocator's pool
  const long faults_before = minor_faults();
  for (auto _ : state) {
    if (memory == Memory::fresh) {
      state.PauseTiming();
      malloc_trim(0);
      state.ResumeTiming();
    }
    call();
  }
  const long faults = minor_faults() - faults_before;
  state.counters["days"] = kDays;
  state.counters["days/s"] = benchmark::Counter(static_cast<double>(kDays) * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.counters["faults/call"] = static_cast<double>(faults) / static_cast<double>(state.iterations());
}

void BM_Analyse(benchmark::State& state, Memory memory) {
  const auto& acts = history();
  const auto& p = params();
  const auto check = analytics::analyse(acts, last_day(), p);
  const auto last = check.at(check.history.days.size() - 1);
  if (check.history.days.size() != static_cast<std::size_t>(kDays) || !last.acwr_ewma || !last.monotony ||
      check.history.sessions.size() != acts.size()) {
    state.SkipWithError("unexpected analysis: not 3,650 days with every metric on the last one");
    return;
  }
  run(state, memory, [&] {
    // Every metric of every day: the analysis, then each day's DayMetrics.
    auto a = analytics::analyse(acts, last_day(), p);
    double acwr_sum = 0;
    for (std::size_t i = 0; i < a.history.days.size(); ++i) acwr_sum += a.at(i).acwr_ewma.value_or(0);
    benchmark::DoNotOptimize(acwr_sum);
    benchmark::ClobberMemory();
  });
}

void BM_AnalyseWarnings(benchmark::State& state, Memory memory) {
  const auto& acts = history();
  const auto& p = params();
  std::size_t warnings = 0;
  run(state, memory, [&] {
    auto a = analytics::analyse(acts, last_day(), p);
    auto w = analytics::warnings_between(a, first_day(), last_day(), p);
    warnings = w.size();
    benchmark::DoNotOptimize(w.data());
    benchmark::ClobberMemory();
  });
  state.counters["warnings"] = static_cast<double>(warnings);
}

void BM_WarningsBetween(benchmark::State& state, Memory memory) {
  const auto& p = params();
  const auto a = analytics::analyse(history(), last_day(), p);
  run(state, memory, [&] {
    auto w = analytics::warnings_between(a, first_day(), last_day(), p);
    benchmark::DoNotOptimize(w.data());
    benchmark::ClobberMemory();
  });
}

void BM_FindInsights(benchmark::State& state, Memory memory) {
  const auto& p = params();
  const auto a = analytics::analyse(history(), last_day(), p);
  // A dozen episodes spread over the ten years, knee and hip alternately,
  // each with five days of pain from its start.
  std::vector<analytics::PainEpisode> episodes;
  std::vector<domain::Date> pain_days;
  for (int e = 0; e < kEpisodes; ++e) {
    const domain::Date start = domain::add_days(first_day(), 120 + e * 290);
    episodes.push_back({e % 2 == 0 ? domain::Site::knee : domain::Site::hip,
                        e % 3 == 0 ? domain::Side::right : domain::Side::left, start});
    for (int d = 0; d < 5; ++d) pain_days.push_back(domain::add_days(start, d));
  }
  const int lead_days = stridecare::rules::default_rule_book().triage.load_warning_lead_days;
  bool enough = false;
  int weeks = 0;
  run(state, memory, [&] {
    auto found = analytics::find_insights(a, episodes, pain_days, lead_days, p);
    enough = found.enough_data;
    weeks = found.pain_free_weeks;
    benchmark::DoNotOptimize(found.sites.data());
    benchmark::ClobberMemory();
  });
  if (!enough) state.SkipWithError("find_insights found too few episodes");
  state.counters["episodes"] = kEpisodes;
  state.counters["pain_free_weeks"] = weeks;
}

// Fresh memory first, then reused (see Memory).
BENCHMARK_CAPTURE(BM_Analyse, fresh_memory, Memory::fresh)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_AnalyseWarnings, fresh_memory, Memory::fresh)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WarningsBetween, fresh_memory, Memory::fresh)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FindInsights, fresh_memory, Memory::fresh)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Analyse, reused_memory, Memory::reused)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_AnalyseWarnings, reused_memory, Memory::reused)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_WarningsBetween, reused_memory, Memory::reused)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_FindInsights, reused_memory, Memory::reused)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
