// `load --from --to --json` is written field by field (services/load.cpp,
// SeriesWriter) for speed. These tests hold it to the per-day reports
// (`load --json` of each day): the output must parse, and every day must
// have the same fields, in the same order, with the same values.

#include <algorithm>
#include <chrono>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rules/rule_book.hpp"
#include "services/json_output.hpp"
#include "services/load.hpp"
#include "storage/memory_store.hpp"
#include "support/test_values.hpp"

namespace stridecare::services {
namespace {

using domain::Date;

using test_support::ymd;

// ---- the reference: each day as `load --json` reports it --------------------------------

/// The series as the per-day reports would give it: to_json(LoadReport) of
/// each day with its "day" fields flattened in, and the day's own warnings
/// (warnings_between) as {"id","level","value"}, with its numbers as every
/// document prints them (normalise_numbers, docs/json.md).
Json reference_series(const analytics::LoadAnalysis& a, Date from, Date to, const domain::LoadParameters& p) {
  Json days = Json::array();
  for (auto day = std::chrono::sys_days{from}; day <= std::chrono::sys_days{to}; day += std::chrono::days{1}) {
    const Date date{day};
    const Json report = to_json(load_report(a, date, p));
    Json j = {{"date", report["date"]}};
    for (const auto& [k, v] : report["day"].items()) j[k] = v;
    for (const auto& [k, v] : report.items()) {
      if (k != "date" && k != "day" && k != "warnings" && k != "notes") j[k] = v;
    }
    Json warnings = Json::array();
    for (const auto& w : analytics::warnings_between(a, date, date, p)) {
      warnings.push_back({{"id", domain::name_of(w.rule)},
                          {"level", w.level.empty() ? Json(nullptr) : Json(w.level)},
                          {"value", w.value}});
    }
    j["warnings"] = warnings;
    days.push_back(std::move(j));
  }
  Json series{{"from", domain::to_string(from)}, {"to", domain::to_string(to)}, {"days", std::move(days)}};
  normalise_numbers(series);
  return series;
}

// ---- data ----------------------------------------------------------------------------------

/// About three years of varied training ending 2026-03-01: runs with logged
/// RPE, runs recorded with heart rate and no RPE (estimated), cross-training,
/// strength, rest days, a two-month break (EWMA decays towards tiny numbers)
/// and sudden long runs (spikes, weekly jumps, ACWR and monotony warnings).
std::vector<domain::Activity> varied_history() {
  std::mt19937 rng(7);  // NOLINT(cert-msc32-c,cert-msc51-cpp): fixed on purpose
  std::uniform_real_distribution<double> km(3, 14);
  std::uniform_int_distribution<int> rpe(2, 9);
  std::uniform_int_distribution<int> hr(120, 175);
  std::uniform_int_distribution<int> percent(0, 99);
  const Date last = ymd(2026, 3, 1);
  constexpr int kDays = 1100;
  std::vector<domain::Activity> out;
  for (int i = 0; i < kDays; ++i) {
    const Date day = domain::add_days(last, i - (kDays - 1));
    if (i > 500 && i < 560) continue;  // the break
    const int roll = percent(rng);
    if (roll < 20) continue;  // rest
    domain::Activity a;
    a.date = day;
    if (roll < 30) {
      a.sport = roll % 2 == 0 ? domain::Sport::cycle : domain::Sport::swim;
      a.duration_s = 40 * 60;
      a.rpe = rpe(rng);
    } else if (roll < 35) {
      a.sport = domain::Sport::strength;
      a.duration_s = 30 * 60;
      a.rpe = rpe(rng);
    } else {
      const double k = roll > 96 ? 25 : km(rng);
      a.sport = domain::Sport::run;
      a.distance_m = k * 1000;
      a.duration_s = k * 337.5;
      if (roll % 4 == 0) {
        auto& r = a.recorded.emplace();
        r.moving_s = a.duration_s - 61;
        r.avg_heart_rate_bpm = hr(rng);
        r.max_heart_rate_bpm = *r.avg_heart_rate_bpm + 20;
      } else {
        a.rpe = rpe(rng);
      }
    }
    a.id = static_cast<domain::Id>(out.size() + 1);
    out.push_back(std::move(a));
  }
  return out;
}

struct Written {
  std::string text;
  int pieces = 0;
};

Written write(const analytics::LoadAnalysis& a, Date from, Date to, const domain::LoadParameters& p) {
  Written w;
  write_load_series_json(a, from, to, p, [&w](std::string_view piece) {
    EXPECT_FALSE(piece.empty());
    w.text.append(piece);
    ++w.pieces;
  });
  return w;
}

/// `n` as 32 lower-case hex digits (a content hash).
std::string hex32(long n) {
  std::string out(32, '0');
  for (std::size_t i = 32; i-- > 0 && n > 0; n /= 16) out[i] = "0123456789abcdef"[n % 16];
  return out;
}

const domain::LoadParameters& params() { return rules::default_rule_book().load; }

// ---- tests ---------------------------------------------------------------------------------

TEST(LoadSeriesJson, EachDayEqualsThatDaysReportOverYearsOfVariedTraining) {
  const auto acts = varied_history();
  const Date to = ymd(2026, 3, 1);
  const auto a = analytics::analyse(acts, to, params());
  // From before the first session (zero days, null metrics) through the end.
  const Date from = domain::add_days(a.history.days.front().day, -10);
  const auto written = write(a, from, to, params());
  EXPECT_GT(written.pieces, 1) << "a long series is written in pieces";
  ASSERT_EQ(written.text.back(), '\n');

  // It parses, with the same fields, in the same order, and the same values on every day.
  const Json j = Json::parse(written.text);
  EXPECT_EQ(j, reference_series(a, from, to, params()));
  ASSERT_EQ(j["days"].size(), static_cast<std::size_t>(domain::days_between(from, to) + 1));
  const std::vector<std::string> fields = {"date",
                                           "run_km",
                                           "run_duration_s",
                                           "srpe_load",
                                           "impact_load",
                                           "sessions",
                                           "estimated",
                                           "history_days",
                                           "acwr_ewma",
                                           "acwr_rolling",
                                           "acwr_rolling_uncoupled",
                                           "acute_load",
                                           "chronic_load",
                                           "acute_load_rolling",
                                           "chronic_load_rolling",
                                           "weekly_run_km",
                                           "last_week_run_km",
                                           "weekly_change",
                                           "two_week_change",
                                           "longest_run_30d_km",
                                           "monotony",
                                           "strain",
                                           "weekly_load",
                                           "warnings"};
  std::size_t warnings = 0;
  bool some_level_null = false;
  for (const auto& day : j["days"]) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : day.items()) keys.push_back(k);
    ASSERT_EQ(keys, fields);
    for (const auto& w : day["warnings"]) {
      std::vector<std::string> wkeys;
      for (const auto& [k, v] : w.items()) wkeys.push_back(k);
      EXPECT_EQ(wkeys, (std::vector<std::string>{"id", "level", "value"}));
      some_level_null = some_level_null || w["level"].is_null();
      ++warnings;
    }
  }
  // The data exercise what the writer must get right.
  EXPECT_GT(warnings, 50u);
  EXPECT_TRUE(some_level_null) << "a monotony warning (level null)";
  EXPECT_TRUE(j["days"][0]["acwr_ewma"].is_null());
  EXPECT_EQ(j["days"][0]["history_days"], 0);
}

TEST(LoadSeriesJson, EachDayEqualsThatDaysReportOnShortAndEmptyRanges) {
  const auto acts = varied_history();
  const Date to = ymd(2026, 3, 1);
  const auto a = analytics::analyse(acts, to, params());
  for (const auto& [from, until] : {std::pair{to, to}, std::pair{ymd(2025, 12, 29), ymd(2026, 1, 4)},
                                    std::pair{ymd(2010, 1, 1), ymd(2010, 1, 3)}, std::pair{ymd(2025, 6, 1), to}}) {
    EXPECT_EQ(Json::parse(write(a, from, until, params()).text), reference_series(a, from, until, params()))
        << domain::to_string(from) << ".." << domain::to_string(until);
  }
  const analytics::LoadAnalysis none = analytics::analyse({}, to, params());
  EXPECT_EQ(Json::parse(write(none, ymd(2026, 2, 1), to, params()).text),
            reference_series(none, ymd(2026, 2, 1), to, params()));
}

TEST(LoadSeriesJson, BandNamesThatNeedEscapingAreEscaped) {
  auto p = params();
  ASSERT_FALSE(p.spike_bands.empty());
  p.spike_bands.front().name = "sma\"ll\\ \t caf\xc3\xa9";
  const auto acts = varied_history();
  const Date to = ymd(2026, 3, 1);
  const auto a = analytics::analyse(acts, to, p);
  const Date from = a.history.days.front().day;
  const auto text = write(a, from, to, p).text;
  EXPECT_EQ(Json::parse(text), reference_series(a, from, to, p));
  EXPECT_NE(text.find(R"("sma\"ll\\ \t café")"), std::string::npos);
}

TEST(LoadSeriesJson, ThroughTheSessionMatchesTheReferenceSeries) {
  storage::MemoryStore store;
  Session s{store, rules::default_rule_book()};
  for (auto a : varied_history()) {
    a.id = 0;
    if (a.recorded) {  // a distinct file for each recorded run
      a.recorded->source = {"run.fit", "fit", hex32(std::chrono::sys_days{a.date}.time_since_epoch().count()), 0};
      a.recorded->start_utc = std::chrono::sys_days{a.date} + std::chrono::hours{7};
    }
    const auto added = store.add_activity(a);
    ASSERT_TRUE(added) << added.error().message;
  }
  const Date from = ymd(2025, 1, 1);
  const Date to = ymd(2026, 3, 1);
  std::string streamed;
  ASSERT_TRUE(write_load_series_json(s, from, to, [&](std::string_view piece) { streamed.append(piece); }));
  const auto a = analyse_load(s, to);
  ASSERT_TRUE(a);
  EXPECT_EQ(Json::parse(streamed), reference_series(*a, from, to, s.rules.load));
}

}  // namespace
}  // namespace stridecare::services
