#pragma once
/// Strength logging rules (rules.md 4.2) over logged sessions: the 48 h rest
/// between starts (STRENGTH-REST-1), the weekly target (STRENGTH-FREQ-1) and
/// the next dose of each exercise (STRENGTH-DOSE-1, STRENGTH-PAIN-1). Pure
/// functions; every threshold comes from the rule book.

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activity.hpp"
#include "planner/exercise_library.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::planner {

inline constexpr std::string_view kStrengthFreq1 = "STRENGTH-FREQ-1";
inline constexpr std::string_view kStrengthRest1 = "STRENGTH-REST-1";
inline constexpr std::string_view kStrengthDose1 = "STRENGTH-DOSE-1";
inline constexpr std::string_view kStrengthPain1 = "STRENGTH-PAIN-1";
inline constexpr std::string_view kStrengthHard1 = "STRENGTH-HARD-1";

/// Two strength sessions that started closer than the rule book's rest_hours.
struct RestWarning {
  domain::Activity previous;    ///< the earlier of the two (by start)
  domain::Activity session;     ///< the later
  std::optional<double> hours;  ///< between the starts, when both have a time
  int days = 0;                 ///< local days between the two days
  int rest_hours = 0;           ///< the threshold, for the message
};

/// STRENGTH-REST-1 for one pair (`earlier` started no later than `later`).
/// With both start times, fires when less than rest_hours separate the
/// starts (47 h 59 min fires, 48 h 00 min does not), in real hours when
/// `utc` (the athlete's zone) is given, else as if local time were UTC.
/// When either time is missing the days are compared: it fires when
/// days x 24 h < rest_hours, so with 48 h the same or the next day fires and
/// two days apart does not.
std::optional<RestWarning> rest_warning(const domain::Activity& earlier, const domain::Activity& later,
                                        const rules::StrengthThresholds& t, const domain::UtcMinutesOf& utc = {});

/// The warnings between `session` and its neighbours (the strength session
/// that started just before it and the one just after it) among `sessions`
/// (other sports and `session` itself are ignored).
std::vector<RestWarning> rest_warnings_around(std::span<const domain::Activity> sessions,
                                              const domain::Activity& session, const rules::StrengthThresholds& t,
                                              const domain::UtcMinutesOf& utc = {});

/// The warnings between consecutive strength sessions of `sessions`, oldest first.
std::vector<RestWarning> rest_warnings(std::span<const domain::Activity> sessions, const rules::StrengthThresholds& t,
                                       const domain::UtcMinutesOf& utc = {});

/// STRENGTH-HARD-1: a strength session on the day before the long run.
struct LongRunEveWarning {
  domain::Date session{};   ///< the strength session's day
  domain::Date long_run{};  ///< the next day
  std::chrono::weekday long_run_day;
};

/// Fires when the day after `day` is a `long_run_day` (the profile's).
std::optional<LongRunEveWarning> long_run_eve_warning(domain::Date day, std::chrono::weekday long_run_day);

/// Strength sessions sorted by start: day, then time (a session without a
/// time first), then id (domain::happened_before).
std::vector<domain::Activity> strength_sessions(std::span<const domain::Activity> activities);
/// The same order, pointing into `activities` (which must outlive the result): no copy of ten years of sessions.
std::vector<const domain::Activity*> strength_session_order(std::span<const domain::Activity> activities);

/// STRENGTH-FREQ-1's sessions for a week.
struct FrequencyTarget {
  int target = 0;
  std::string why;  ///< e.g. "pain episode active: 2 sessions"
};

/// `per_week` is the profile's strength_per_week; `history_weeks` the whole
/// weeks since the first logged activity (nullopt: nothing logged yet). The
/// target is sessions_min during a pain episode or the first
/// new_athlete_weeks weeks, otherwise per_week (within sessions_min-max).
FrequencyTarget frequency_target(int per_week, bool in_episode, std::optional<int> history_weeks,
                                 const rules::StrengthThresholds& t);

/// The Monday of `day`'s ISO week.
domain::Date week_start(domain::Date day);

/// The next dose of one exercise.
struct NextDose {
  std::string exercise;  ///< what to do next (the easier variant when swapped)
  std::string from;      ///< the exercise as logged
  int sets = 0;
  int reps = 0;
  std::optional<double> load_kg;  ///< none: body weight
  std::string rule;               ///< STRENGTH-DOSE-1 or STRENGTH-PAIN-1
  std::string why;                ///< with the figures behind it
  domain::Date last{};            ///< day of the session it follows
};

/// Rounds a load to the nearest 0.5 kg.
double round_load_kg(double kg);

/// STRENGTH-DOSE-1 (and STRENGTH-PAIN-1 in an episode) for each exercise's
/// latest session among `sessions`; exercises of the newest session first,
/// each session's in their logged order:
/// - every set at reps_max and pain (when logged) <= progress_pain_max:
///   load x (1 + progress_load_fraction) rounded to 0.5 kg (at least +0.5 kg)
///   at reps_min; body weight: one more set up to sets_max at reps_max, then
///   "add load";
/// - pain above progress_pain_max: the same load and reps (no progression);
/// - otherwise the same load, one more rep per set (up to reps_max);
/// - in a pain episode with pain > pain_swap_above: the library's easier
///   variant at the same sets, reps and load.
std::vector<NextDose> next_doses(std::span<const domain::Activity> sessions, bool in_episode,
                                 const ExerciseLibrary& lib, const rules::StrengthThresholds& t);

}  // namespace stridecare::planner
