#include "planner/safety.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/rule_ids.hpp"

namespace stridecare::planner {
namespace {

std::string instead(rules::Action action) {
  switch (action) {
    case rules::Action::emergency:
    case rules::Action::urgent_care:
      return "no exercise until a doctor has seen you";
    case rules::Action::see_clinician:
      return "no running until a clinician has assessed you; pain-free cross-training and strength only";
    case rules::Action::stop_running:
      return "no running until a check-in day with low pain ends the stop; pain-free cross-training and strength "
             "only";
    case rules::Action::reduce:
    case rules::Action::keep_going:
      break;
  }
  return "run only as the return-to-run programme's stage says";
}

/// "urgent care", as the runner reads it.
std::string action_words(rules::Action action) {
  std::string words(domain::name_of(action));
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

}  // namespace

std::optional<SafetyWarning> safe_log_warning(const domain::Activity& run, std::span<const rules::StandingSpan> spans,
                                              std::span<const Programme> programmes, const rules::RuleBook& book) {
  if (run.sport != domain::Sport::run) return std::nullopt;
  const rules::StandingSpan* worst = nullptr;
  for (const auto& s : spans) {
    if (s.in_force_at(run.date, run.time) && (!worst || s.action < worst->action)) worst = &s;
  }
  const std::string when =
      run.time ? fmt::format("{} {}", domain::to_string(run.date), domain::time_of_day_to_string(*run.time))
               : domain::to_string(run.date);
  if (worst) {
    return SafetyWarning{std::string(rules::ids::kSafeLog1),
                         worst->action,
                         worst->id,
                         worst->site,
                         worst->side,
                         fmt::format("this run ({}) is stored, but the action in force at its start was {} for the {} "
                                     "({}): {}.",
                                     when, action_words(worst->action), domain::where(worst->site, worst->side),
                                     worst->id, instead(worst->action))};
  }
  const auto& t = book.return_to_run;
  for (const Programme& p : programmes) {
    const auto day = p.on(run.date);
    if (!day) continue;
    const auto& stage = t.stages[static_cast<std::size_t>(day->stage)];
    std::string why;
    if (stage.walk_only()) {
      why = fmt::format("stage {} of the return-to-run programme is a {}: no running yet", day->stage,
                        session_text(stage));
    } else if (day->rest_day) {
      why = fmt::format(
          "it was a rest day of the return-to-run programme (at least {} between runs)",
          t.rest_days_between_runs == 1 ? std::string("1 day") : fmt::format("{} days", t.rest_days_between_runs));
    } else if (run.duration_s > stage.minutes() * 60.0 * (1 + t.longer_than_session_tolerance)) {
      why = fmt::format("{} min is longer than stage {}'s session: {}", static_cast<int>(run.duration_s / 60),
                        day->stage, session_text(stage));
    } else {
      continue;
    }
    return SafetyWarning{std::string(rules::ids::kSafeLog1),
                         rules::Action::reduce,
                         std::string(kPlanRtr1),
                         p.site,
                         p.side,
                         fmt::format("this run ({}) is stored, but {} ({}, {}): {}.", when, why,
                                     domain::where(p.site, p.side), rules::ids::kRtr1, instead(rules::Action::reduce))};
  }
  return std::nullopt;
}

}  // namespace stridecare::planner
