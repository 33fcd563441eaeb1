#pragma once
// Terse construction of activities for the load analytics tests, and the load
// parameters read from data/rules.json (the file the program ships).

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::analytics::testing {

/// The rule book of data/rules.json, read from the source tree: the tests use
/// the same thresholds as the program.
inline const rules::RuleBook& book() {
  static const rules::RuleBook b = [] {
    std::ifstream in(STRIDECARE_RULES_FILE);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = rules::parse_rule_book(text.str(), STRIDECARE_RULES_FILE);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return b;
}

/// The `load` section of data/rules.json.
inline const domain::LoadParameters& params() { return book().load; }

inline domain::Date ymd(int y, unsigned m, unsigned d) {
  return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// Day n of the test calendar. Day 0 is Monday 2026-03-02, so every day 7k is
/// a Monday (ISO weeks are days 7k..7k+6), and day 27 is Sunday 2026-03-29,
/// the day the clocks go forward in Europe/London.
inline domain::Date day(int n) { return domain::add_days(ymd(2026, 3, 2), n); }

struct ActivityBuilder {
  domain::Activity a;

  ActivityBuilder(domain::Id id, domain::Sport sport, int on_day, double minutes) {
    a.id = id;
    a.sport = sport;
    a.date = day(on_day);
    a.duration_s = minutes * 60;
  }
  ActivityBuilder& metres(double m) {
    a.distance_m = m;
    return *this;
  }
  ActivityBuilder& rpe(int r) {
    a.rpe = r;
    return *this;
  }
  ActivityBuilder& no_rpe() {
    a.rpe.reset();
    return *this;
  }
  ActivityBuilder& moving_minutes(double m) {
    recorded().moving_s = m * 60;
    return *this;
  }
  ActivityBuilder& avg_hr(int bpm) {
    recorded().avg_heart_rate_bpm = bpm;
    return *this;
  }
  ActivityBuilder& max_hr(int bpm) {
    recorded().max_heart_rate_bpm = bpm;
    return *this;
  }
  domain::Recorded& recorded() {
    if (!a.recorded) a.recorded.emplace();
    return *a.recorded;
  }
  operator domain::Activity() const { return a; }  // NOLINT(google-explicit-constructor): terse tables
};

/// A run of `metres` taking `minutes` at session RPE `rpe`: its load is rpe x minutes.
inline ActivityBuilder run(domain::Id id, int on_day, double metres, double minutes, int rpe) {
  ActivityBuilder b(id, domain::Sport::run, on_day, minutes);
  b.metres(metres).rpe(rpe);
  return b;
}

/// A session of another sport, without distance.
inline ActivityBuilder session(domain::Id id, domain::Sport sport, int on_day, double minutes, int rpe) {
  ActivityBuilder b(id, sport, on_day, minutes);
  b.rpe(rpe);
  return b;
}

/// The metrics of every day of `a`, in order.
inline std::vector<DayMetrics> metrics_of(const LoadAnalysis& a) { return compute_metrics(a.history, a.params); }

/// The warnings of one rule.
inline std::vector<LoadWarning> of_rule(const std::vector<LoadWarning>& ws, domain::LoadRule rule) {
  std::vector<LoadWarning> out;
  std::copy_if(ws.begin(), ws.end(), std::back_inserter(out), [rule](const LoadWarning& w) { return w.rule == rule; });
  return out;
}

}  // namespace stridecare::analytics::testing
