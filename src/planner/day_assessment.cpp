#include "planner/day_assessment.hpp"

#include <algorithm>

#include "rules/rule_ids.hpp"

namespace stridecare::planner {
namespace {

int evidence_rank(domain::LoadRule r) {
  switch (r) {
    case domain::LoadRule::spike:
      return 0;
    case domain::LoadRule::week:
      return 1;
    case domain::LoadRule::monotony:
      return 2;
    case domain::LoadRule::acwr:
      return 3;
  }
  return 3;
}

std::vector<domain::Date> run_days_of(std::span<const domain::Activity> activities, domain::Date as_of) {
  std::vector<domain::Date> days;
  for (const auto& a : activities) {
    if (a.kind() == domain::ActivityKind::run && a.date <= as_of) days.push_back(a.date);
  }
  if (!std::is_sorted(days.begin(), days.end())) std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

}  // namespace

rules::LoadWarningLookup triage_lookup(const analytics::LoadAnalysis& a, const domain::LoadParameters& p,
                                       domain::UnitSystem units) {
  return [&a, &p, units](domain::Date from, domain::Date to) {
    auto found = analytics::warnings_between(a, from, to, p);
    std::erase_if(found, [](const analytics::LoadWarning& w) { return !analytics::can_drive_action(w.rule); });
    std::stable_sort(found.begin(), found.end(), [](const analytics::LoadWarning& x, const analytics::LoadWarning& y) {
      const int rx = evidence_rank(x.rule);
      const int ry = evidence_rank(y.rule);
      if (rx != ry) return rx < ry;
      return x.date > y.date;
    });
    std::vector<rules::LoadWarningRef> out;
    out.reserve(found.size());
    for (const auto& w : found) {
      out.push_back({std::string(domain::name_of(w.rule)), w.date, analytics::summary(w, units)});
    }
    return out;
  };
}

std::vector<const Programme*> DayAssessment::active_programmes() const {
  std::vector<const Programme*> out;
  for (const Programme& p : programmes) {
    if (p.from <= date && (!p.until || date < *p.until)) out.push_back(&p);
  }
  return out;
}

namespace {

struct Followed {
  rules::TriageResult triage;
  std::vector<Programme> programmes;
};

/// Triage over the history with the return-to-run programmes its stops and red flags start. Programmes hold
/// episodes open (which PERSIST-1 reads) and any rule in force pauses a programme, so triage is read again
/// with the programmes, and the programmes followed again over those spans; a third reading only when that
/// changed them. The load lookup adds TRIAGE-LOAD-1 and never changes a span.
Followed follow(const AssessmentInput& in, std::span<const domain::Date> run_days,
                const rules::LoadWarningLookup& lookup, const rules::RuleBook& book) {
  Followed out;
  out.triage = rules::triage({in.as_of, in.checkins, run_days, lookup, {}}, book);
  out.programmes = follow_return_to_run({in.as_of, in.checkins, in.activities, out.triage.spans}, book);
  if (out.programmes.empty()) return out;
  const auto periods = programme_periods(out.programmes, in.as_of, book);
  out.triage = rules::triage({in.as_of, in.checkins, run_days, lookup, periods}, book);
  out.programmes = follow_return_to_run({in.as_of, in.checkins, in.activities, out.triage.spans}, book);
  const auto again = programme_periods(out.programmes, in.as_of, book);
  if (again != periods) out.triage = rules::triage({in.as_of, in.checkins, run_days, lookup, again}, book);
  return out;
}

}  // namespace

StandingState standing_state(const AssessmentInput& in, const rules::RuleBook& book) {
  Followed f = follow(in, run_days_of(in.activities, in.as_of), {}, book);
  return {std::move(f.triage.spans), std::move(f.programmes), std::move(f.triage.episodes)};
}

DayAssessment assess_day(const AssessmentInput& in, const rules::RuleBook& book) {
  const auto run_days = run_days_of(in.activities, in.as_of);
  const analytics::LoadAnalysis load = analytics::analyse(in.activities, in.as_of, book.load);
  Followed f = follow(in, run_days, triage_lookup(load, book.load, in.units), book);
  DayAssessment out;
  out.date = in.as_of;
  out.programmes = std::move(f.programmes);
  out.triage = std::move(f.triage);
  out.warnings = analytics::warnings_as_of(load, in.as_of, book.load);
  out.care = rules::care_advice(out.triage, book);

  const domain::Date week_from = domain::add_days(in.as_of, -(book.triage.window_days - 1));
  out.pain_in_last_week = std::any_of(in.checkins.begin(), in.checkins.end(), [&](const domain::PainCheckin& c) {
    return c.pain > 0 && c.date >= week_from && c.date <= in.as_of;
  });
  const auto [at_level, also] = rules::split_by_level(out.triage);
  const bool programme_sets_running = std::any_of(at_level.begin(), at_level.end(),
                                                  [](const rules::FiredRule& r) { return r.id == rules::ids::kRtr1; });
  if (out.triage.action == rules::Action::keep_going && !out.pain_in_last_week) {
    out.action_text = book.continue_pain_free_text;
  } else if (out.triage.action == rules::Action::reduce && programme_sets_running) {
    out.action_text = book.return_to_run_text;
  } else {
    out.action_text = book.action_text.at(out.triage.action);
  }
  return out;
}

}  // namespace stridecare::planner
