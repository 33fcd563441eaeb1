#pragma once
/// Human-readable output of the CLI (the `--json` output is the services' JSON).

#include <string>
#include <vector>

#include "cli/cli_context.hpp"
#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/profile.hpp"
#include "services/insights.hpp"
#include "services/load.hpp"
#include "services/plan.hpp"
#include "services/safe_log.hpp"
#include "services/strength.hpp"
#include "services/today.hpp"

namespace stridecare::cli {

using domain::format_distance;
/// `squat 3x10 @ 40 kg`, or set by set `squat 10 @ 40 kg, 8 @ 42.5 kg`, then ` pain N` when
/// logged; loads rounded for display (domain::format_load).
std::string describe(const domain::StrengthExercise& e, Units units);
std::string describe(const domain::Activity& a, Units units);
/// `warning STRENGTH-REST-1: ...`, one line.
std::string describe(const planner::RestWarning& w);
/// `warning STRENGTH-HARD-1: ...`, one line.
std::string describe(const planner::LongRunEveWarning& w);
/// One line per warning, each ending in a newline.
std::string describe(const services::StrengthWarnings& w);
/// The `strength` command's text.
std::string describe(const services::StrengthReport& r, Units units);
std::string describe(const domain::PainCheckin& c);
std::string describe(const domain::Profile& p, domain::UnitSystem units);
// today_text.cpp
/// The day's report for a terminal: the check-ins due first (SAFE-ASK-1), the
/// action, the rules at its level, the less urgent ones apart ("Also
/// noted"), the return-to-run stage, load warnings, self-care advice (the
/// long evidence notes only with `verbose`) and the disclaimer line, last.
std::string describe(const services::TodayReport& r, const rules::RuleBook& book, TextStyle& style);
/// `warning SAFE-LOG-1: ...`, one paragraph.
std::string describe(const planner::SafetyWarning& w);
/// `text` as lines of at most `width` columns (words are not split), the
/// first starting with `first`, the others indented by `indent` spaces.
std::string wrap(std::string_view text, std::string_view first, std::size_t indent, std::size_t width = 80);

// plan_text.cpp
/// One planned session: its headline after `first`, then (indented by
/// `indent`) its condition, warm-up, exercises, cool-down and rules.
std::string describe(const planner::PlannedSession& s, Units units, std::string_view first, std::size_t indent);
/// The week: the action and why, the week's rules, each day's sessions (a
/// rest day with the rule that keeps it free), what changed since the plan
/// last shown, and the disclaimer line, last.
std::string describe(const services::PlanReport& r, TextStyle& style);

// load_text.cpp
/// One warning: ID and the summary with its figures; the evidence note with --verbose.
std::string describe(const analytics::LoadWarning& w, TextStyle& style);
/// The line that says where the evidence notes left out are ("" with --verbose).
std::string evidence_hint(const TextStyle& style);
std::string describe(const services::LoadReport& r, const domain::LoadParameters& p, TextStyle& style);
/// One line per day of [from, to], then what the columns mean.
/// The table of `load --from --to`, from services::for_each_load_day.
std::string describe_series(services::Session& s, domain::Date from, domain::Date to, TextStyle& style);
std::string describe(const analytics::Insights& i, TextStyle& style);

}  // namespace stridecare::cli
