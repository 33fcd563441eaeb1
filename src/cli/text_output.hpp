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
/// The `strength` command's text.
std::string describe(const services::StrengthReport& r, Units units);
std::string describe(const domain::PainCheckin& c);
std::string describe(const domain::Profile& p);
/// Action, rules with reasons, care advice and the disclaimer line (last).
std::string describe(const services::TodayReport& r);

// load_text.cpp
/// One warning: ID, the summary with its figures, and the evidence note.
std::string describe(const analytics::LoadWarning& w);
std::string describe(const services::LoadReport& r, Units units);
/// One line per day of [from, to].
std::string describe_series(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                            const domain::LoadParameters& p, Units units);
std::string describe(const analytics::Insights& i);

}  // namespace stridecare::cli
