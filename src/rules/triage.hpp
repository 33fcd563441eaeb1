#pragma once
/// Triage (rules.md section 2, rules version 2): from the check-ins, run days,
/// load warnings and the return-to-run programmes in force to exactly one
/// action, with every rule that fired and the figures that fired it. A pure
/// function: no clock, no storage.
///
/// Safety contract: a standing rule (TRIAGE-RF-*, -SEED-*, -NEURO-1, -BONE-1,
/// -PERSIST-1, -PMM-1, -RTR-1), once fired, stays in force until its own end
/// condition holds; no benign, older or later check-in and no other rule
/// downgrades it. A `both` check-in counts for the left and the right side.
/// The history is read in order: what is in force at a moment depends only
/// on check-ins at or before it, so the spans of one call answer for any
/// earlier moment too.

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

/// A local day and, when known, the time of day.
struct Moment {
  domain::Date date{};
  std::optional<domain::MinuteOfDay> time;
  bool operator==(const Moment&) const = default;
};

/// A return-to-run programme (PLAN-RTR-1) of one site+side, as the planner
/// follows it (planner/return_to_run.hpp): TRIAGE-RTR-1 is in force on the
/// days [from, until).
struct ProgrammeInForce {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;  ///< left or right, never both
  domain::Date from{};                     ///< the day it started
  std::optional<domain::Date> until;       ///< the day it was completed or cancelled
  std::string stage;                       ///< where the runner is, for the reason, e.g. "stage 2 of 7: ..."
  bool operator==(const ProgrammeInForce&) const = default;
};

struct TriageInput {
  domain::Date as_of{};                           ///< triage as of the end of this local day
  std::span<const domain::PainCheckin> checkins;  ///< any order; those after `as_of` are ignored
  std::span<const domain::Date> run_days;         ///< local days with at least one run
  LoadWarningLookup load_warnings;                ///< empty: no load warnings
  std::span<const ProgrammeInForce> programmes;   ///< empty: no programme (TRIAGE-RTR-1 never fires)
};

/// A rule that fired, for one site+side.
struct FiredRule {
  std::string id;  ///< e.g. TRIAGE-SEED-2
  Action action = Action::keep_going;
  std::string why;                   ///< one factual sentence with the figures that fired it (no advice)
  std::optional<domain::Site> site;  ///< absent for TRIAGE-OK-1 with no recent check-in
  std::optional<domain::Side> side;
  std::optional<domain::Date> since;                    ///< day of the check-in (or evaluation) that fired it
  std::vector<std::pair<std::string, double>> figures;  ///< named numbers behind `why`
};

/// One period in which a standing rule was in force for one site+side: from
/// the check-in that first fired it to the check-in (or day) that ended it.
struct StandingSpan {
  std::string id;  ///< e.g. TRIAGE-PMM-1
  Action action = Action::keep_going;
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  Moment from;                  ///< the first firing check-in
  std::optional<Moment> until;  ///< what ended it; absent while in force

  /// In force at the end of `day`.
  bool in_force_on(domain::Date day) const;
  /// In force at the start of a session (SAFE-LOG-1): check-ins of that day
  /// at or before `time` count; without a time, the previous day's state.
  bool in_force_at(domain::Date day, std::optional<domain::MinuteOfDay> time) const;
};

/// An active pain episode as of the triage day.
struct ActiveEpisode {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date start{};
  int episode_day = 0;    ///< days since start; day 0 = first day
  bool inflamed = false;  ///< the latest check-in day reports swelling, warmth or redness (no heat)
};

/// SAFE-ASK-1: a site+side with an episode, a stop or a programme active and
/// no check-in for the rule book's checkin_due_after_days or more.
struct CheckinDue {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date last{};  ///< the latest check-in day of that site+side
};

struct TriageResult {
  Action action = Action::keep_going;   ///< the most urgent action any rule fired
  std::vector<FiredRule> rules;         ///< most urgent first
  std::vector<ActiveEpisode> episodes;  ///< episodes in progress on `as_of`
  std::vector<StandingSpan> spans;      ///< every standing-rule span up to `as_of` (ended ones too), by start
  std::vector<CheckinDue> checkin_due;  ///< SAFE-ASK-1
};

TriageResult triage(const TriageInput& input, const RuleBook& book);

/// The rules of `r` at its action's level, and the less urgent ones ("also noted").
std::pair<std::vector<FiredRule>, std::vector<FiredRule>> split_by_level(const TriageResult& r);

}  // namespace stridecare::rules
