#pragma once
/// The weekly plan (rules.md section 4): what to do on each of the seven days
/// from a start date, so that the whole protocol is followed without thinking
/// about it: runs within PLAN-GRAD-1 or PLAN-CUT-1, none under PLAN-STOP-1,
/// the return-to-run programme's sessions (PLAN-RTR-1), low-impact sessions
/// that refill what was removed (CROSS-SWAP-1, CROSS-EQUIV-1, CROSS-SITE-1),
/// strength 2-3 times a week at least 48 h apart (STRENGTH-FREQ-1, -REST-1,
/// -HARD-1) and a full rest day (PLAN-REST-1). Every session carries the rule
/// IDs that produced it with their figures (rules.md section 5).
/// A pure function of its inputs.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/profile.hpp"
#include "planner/day_assessment.hpp"
#include "planner/exercise_library.hpp"
#include "planner/routines.hpp"
#include "planner/strength.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::planner {

inline constexpr std::string_view kPlanGrad1 = "PLAN-GRAD-1";
inline constexpr std::string_view kPlanCut1 = "PLAN-CUT-1";
inline constexpr std::string_view kPlanStop1 = "PLAN-STOP-1";
inline constexpr std::string_view kPlanRest1 = "PLAN-REST-1";
inline constexpr std::string_view kCrossSwap1 = "CROSS-SWAP-1";
inline constexpr std::string_view kCrossEquiv1 = "CROSS-EQUIV-1";
inline constexpr std::string_view kCrossSite1 = "CROSS-SITE-1";

enum class SessionKind { run, cross, strength, rest };

/// A rule that shaped a session or the week, with the figures behind it.
struct PlanReason {
  std::string id;   ///< e.g. PLAN-GRAD-1
  std::string why;  ///< e.g. "week 33.0 km: at most 110% of the 4-week mean of 30.0 km"
  bool operator==(const PlanReason&) const = default;
};

struct PlannedSession {
  SessionKind kind = SessionKind::rest;
  domain::Sport sport = domain::Sport::run;  ///< run, a low-impact sport, or strength
  std::optional<double> distance_m;          ///< m; runs
  std::optional<int> duration_s;             ///< s; runs (from the runner's easy pace), cross, the programme's sessions
  std::string effort;                        ///< e.g. "easy", "long, easy", "pain-free"
  std::string title;                         ///< e.g. "Easy run 6 km", "Swim 40 min (replaces 6.0 km of running)"
  std::optional<std::string> condition;      ///< when it may be done at all (SAFE-GUIDE-2, CROSS-SITE-1)
  bool long_run = false;
  bool programme = false;           ///< a return-to-run session (PLAN-RTR-1)
  std::optional<Routine> warmup;    ///< before every run (ROUTINE-WARM-1)
  std::optional<Routine> cooldown;  ///< after every run (ROUTINE-COOL-1)
  std::optional<Routine> strength;  ///< the strength session's steps (STRENGTH-EX-1, -DOSE-1, -PAIN-1)
  std::vector<PlanReason> rules;
};

struct PlanDay {
  domain::Date date{};
  bool available = true;                 ///< the profile's training day
  std::vector<PlannedSession> sessions;  ///< none: a full rest day
  std::vector<PlanReason> notes;         ///< a rest day's rule (PLAN-REST-1); what the day could not hold, and why

  bool rest() const { return sessions.empty(); }
  bool has(SessionKind k) const;
};

struct WeeklyPlan {
  domain::Date start{};
  rules::Action action = rules::Action::keep_going;
  /// Before anything else: see a clinician (the clinician actions); with
  /// emergency and urgent care nothing else is planned (SAFE-GUIDE-1).
  std::optional<std::string> first;
  std::vector<PlanDay> days;      ///< seven, from `start`
  std::vector<PlanReason> rules;  ///< the week's volume and the rules behind it

  double run_distance_m() const;
};

struct PlanInput {
  domain::Date start{};                           ///< the first day planned
  const domain::Profile* profile = nullptr;       ///< REQUIRES: not null
  const DayAssessment* assessment = nullptr;      ///< as of `start`; REQUIRES: not null
  std::span<const domain::PainCheckin> checkins;  ///< up to `start` (the sore place for the routines)
  std::span<const domain::Activity> activities;   ///< history; those dated before `start` count
  std::optional<double> weekly_goal_m;            ///< m: approached within PLAN-GRAD-1, held once reached
};

/// The plan for the seven days from `in.start`.
WeeklyPlan plan_week(const PlanInput& in, const ExerciseLibrary& lib, const rules::RuleBook& book);

}  // namespace stridecare::planner
