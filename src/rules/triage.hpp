#pragma once
/// Triage (rules.md section 2): from the check-ins, run days and load warnings
/// to exactly one action, with every rule that fired and the figures that
/// fired it. A pure function: no clock, no storage.
///
/// Safety contract: a red-flag or seed rule, once fired by a check-in, stays
/// in force until its clearing condition holds; no benign, older or later
/// check-in and no other rule downgrades it.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "domain/checkin.hpp"
#include "rules/action.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::rules {

/// A training-load warning (rules.md section 3) as triage sees it; the load
/// analytics produce these (TRIAGE-LOAD-1).
struct LoadWarningRef {
  std::string id;       ///< e.g. LOAD-SPIKE-1
  domain::Date date{};  ///< local day of the session or week that raised it
  std::string summary;  ///< the figures, e.g. "14.2 km is 1.29 x your longest run of 11.0 km"
};

/// The load warnings raised on local days in [from, to], the one to name
/// first first. TRIAGE-LOAD-1 asks for the days before each episode's start,
/// so the caller computes only what is asked. Must leave out warnings that may
/// not drive an action on their own (LOAD-ACWR-1).
using LoadWarningLookup = std::function<std::vector<LoadWarningRef>(domain::Date from, domain::Date to)>;

/// A lookup over a fixed list, in list order (tests, small callers).
LoadWarningLookup lookup_in(std::vector<LoadWarningRef> warnings);

struct TriageInput {
  domain::Date as_of{};                           ///< triage as of this local day
  std::span<const domain::PainCheckin> checkins;  ///< any order; those after `as_of` are ignored
  std::span<const domain::Date> run_days;         ///< local days with at least one run
  LoadWarningLookup load_warnings;                ///< empty: no load warnings
};

/// A rule that fired, for one site+side.
struct FiredRule {
  std::string id;  ///< e.g. TRIAGE-SEED-2
  Action action = Action::keep_going;
  std::string why;                   ///< one sentence with the figures that fired it
  std::optional<domain::Site> site;  ///< absent for TRIAGE-OK-1 with no recent check-in
  std::optional<domain::Side> side;
  std::optional<domain::Date> since;                    ///< day of the check-in (or evaluation) that fired it
  std::vector<std::pair<std::string, double>> figures;  ///< named numbers behind `why`
};

/// An active pain episode as of the triage day.
struct ActiveEpisode {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date start{};
  int episode_day = 0;    ///< days since start; day 0 = first day
  bool swelling = false;  ///< the latest check-in day reports swelling
};

struct TriageResult {
  Action action = Action::keep_going;   ///< the most urgent action any rule fired
  std::vector<FiredRule> rules;         ///< most urgent first
  std::vector<ActiveEpisode> episodes;  ///< episodes in progress on `as_of`
};

TriageResult triage(const TriageInput& input, const RuleBook& book);

}  // namespace stridecare::rules
