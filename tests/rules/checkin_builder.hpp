#pragma once
// Terse construction of check-ins for rule tests.

#include <fstream>
#include <sstream>

#include "domain/checkin.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::rules::testing {

inline domain::Date day(int n) {  // day 0 = 2026-03-01
  return domain::add_days(domain::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{1}}, n);
}

struct CheckinBuilder {
  domain::PainCheckin c;

  CheckinBuilder(int on_day, int pain) {
    c.date = day(on_day);
    c.pain = pain;
    c.site = domain::Site::knee;
    c.side = domain::Side::left;
    c.timing = domain::Timing::after_run;
  }
  CheckinBuilder& sign(domain::Sign s) {
    c.set(s);
    return *this;
  }
  CheckinBuilder& timing(domain::Timing t) {
    c.timing = t;
    return *this;
  }
  CheckinBuilder& site(domain::Site s) {
    c.site = s;
    return *this;
  }
  CheckinBuilder& side(domain::Side s) {
    c.side = s;
    return *this;
  }
  CheckinBuilder& region(domain::Region r) {
    c.region = r;
    return *this;
  }
  CheckinBuilder& at(int minute_of_day) {
    c.time = minute_of_day;
    return *this;
  }
  CheckinBuilder& persists() {
    c.persists_after_run = true;
    return *this;
  }
  CheckinBuilder& cleared() {
    c.cleared_by_clinician = true;
    return *this;
  }
  operator domain::PainCheckin() const { return c; }  // NOLINT(google-explicit-constructor): terse tables
};

inline CheckinBuilder ci(int on_day, int pain) { return CheckinBuilder(on_day, pain); }

/// The rule book of data/rules.json, read from the source tree: tests use the same numbers as the program.
inline const RuleBook& book() {
  static const RuleBook b = [] {
    std::ifstream in(STRIDECARE_RULES_FILE);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_rule_book(text.str(), STRIDECARE_RULES_FILE);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return b;
}

}  // namespace stridecare::rules::testing
