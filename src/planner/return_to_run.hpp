#pragma once
/// The return-to-run programme (PLAN-RTR-1, TRIAGE-RTR-1; rules.md 2 and
/// 4.3) as a pure state machine over check-ins and logged or imported
/// sessions, one programme per site+side.
///
/// A programme starts on the day a TRIAGE-PMM-1 stop ends or a TRIAGE-RF-*
/// action is cleared (when no other stop or red flag of that site+side is in
/// force); a new stop or red flag cancels it, and a new programme starts at
/// stage 0 when that ends. Stage 0 is the brisk walk; each stage needs its
/// repeats (sessions of at least its length on a day it is offered: no more
/// urgent action in force at the session's start, and for running stages a
/// rest day after any run). A session is judged on the check-ins of its day
/// and the next morning: all good -> it counts; pain above
/// step_back_pain_above on a next_morning or at_rest check-in the day after
/// -> one stage back; anything missing or short of good -> hold. The
/// programme is done the day the last stage's last session is judged good.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "rules/rule_book.hpp"
#include "rules/triage.hpp"

namespace stridecare::planner {

inline constexpr std::string_view kPlanRtr1 = "PLAN-RTR-1";

enum class ProgrammeStatus { active, completed, cancelled };

/// What the machine did on a day, for the runner's history and the tests.
struct ProgrammeEvent {
  domain::Date date{};
  std::string what;  ///< e.g. "stage 1 session of 2026-03-04 counted (2 of 2): advanced to stage 2"
};

/// Where a programme stood at the start of a day (before that day's sessions).
struct ProgrammeDay {
  domain::Date date{};
  int stage = 0;
  bool rest_day = false;  ///< a running stage and a run within the rest days before
};

/// What the programme offers on its evaluation day.
enum class Offer {
  session,   ///< the stage's session may be done today
  rest_day,  ///< a running stage, the day after a run
  waiting,   ///< a more urgent action is in force: nothing is offered
  done,      ///< today's session is logged; its check-ins decide
};

struct Programme {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date from{};                ///< the first day it is in force
  std::optional<domain::Date> until;  ///< the first day it is no longer in force
  ProgrammeStatus status = ProgrammeStatus::active;
  std::string started_by;  ///< e.g. "TRIAGE-PMM-1 ended on 2026-03-05 (pain 2/10)"
  int stage = 0;           ///< 0 (the walk) .. last stage
  int done = 0;            ///< sessions of this stage judged good
  Offer offer = Offer::waiting;
  std::string offer_note;          ///< why, in plain words (the more urgent rule, the run of yesterday)
  std::vector<ProgrammeDay> days;  ///< from `from` to the evaluation day (or `until`)
  std::vector<ProgrammeEvent> events;

  /// The stage at the start of `day`, when the programme is in force then.
  std::optional<ProgrammeDay> on(domain::Date day) const;
};

struct ReturnToRunInput {
  domain::Date as_of{};                           ///< evaluate up to the end of this day
  std::span<const domain::PainCheckin> checkins;  ///< any order
  std::span<const domain::Activity> activities;   ///< any order; later ones are ignored
  std::span<const rules::StandingSpan> spans;     ///< from a triage of the same check-ins
};

/// Every programme up to `as_of` (ended ones too), by site+side and start.
std::vector<Programme> follow_return_to_run(const ReturnToRunInput& in, const rules::RuleBook& book);

/// Every programme's period as triage takes them (TRIAGE-RTR-1 on the days
/// in force; episodes held open), with the stage of `day` in the reason.
std::vector<rules::ProgrammeInForce> programme_periods(std::span<const Programme> programmes, domain::Date day,
                                                       const rules::RuleBook& book);

/// "brisk walk, 30 min", "5 x (walk 3 min / run 2 min), 25 min", "run 20 min without stopping".
std::string session_text(const rules::ReturnToRunStage& stage);
/// "Stage 2 of 7: 5 x (walk 3 min / run 2 min), 25 min" (the walk is stage 0).
std::string stage_text(int stage, const rules::ReturnToRunThresholds& t);

}  // namespace stridecare::planner
