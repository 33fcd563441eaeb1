#pragma once
/// Human-readable output of the CLI (the `--json` output is the services' JSON).

#include <string>
#include <vector>

#include "cli/cli_context.hpp"
#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/profile.hpp"
#include "services/today.hpp"

namespace stridecare::cli {

std::string format_distance(double metres, Units units);
std::string describe(const domain::Activity& a, Units units);
std::string describe(const domain::PainCheckin& c);
std::string describe(const domain::Profile& p);
/// Action, rules with reasons, care advice and the disclaimer line (last).
std::string describe(const services::TodayReport& r);

}  // namespace stridecare::cli
