#pragma once
/// The rule book: every threshold and advice text of rules.md, read from the
/// data file `data/rules.json` so a physiotherapist can tune it without
/// recompiling and the tests read the very same numbers.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/load_parameters.hpp"
#include "rules/action.hpp"

namespace stridecare::rules {

/// Thresholds of triage (rules.md section 2). Pain values are on the 0-10 scale.
struct TriageThresholds {
  int window_days = 0;                 ///< PMM/LOAD rules look at D-(window-1)..D
  int severe_pain_min = 0;             ///< TRIAGE-SEED-2: pain >= this
  int at_rest_after_run_pain_min = 0;  ///< TRIAGE-SEED-3: at_rest pain >= this the day after a run
  int persist_min_episode_days = 0;    ///< TRIAGE-PERSIST-1: episode at least this many days old
  int stop_running_pain_above = 0;     ///< TRIAGE-PMM-1: pain > this
  int reduce_pain_min = 0;             ///< TRIAGE-PMM-3: pain in [this, stop_running_pain_above]
  int next_morning_pain_above = 0;     ///< TRIAGE-PMM-2: next-morning pain > this
  double worsening_mean_increase = 0;  ///< TRIAGE-PMM-4: 7-day mean >= previous 7-day mean + this
  int load_warning_lead_days = 0;      ///< TRIAGE-LOAD-1: episode begins within this many days of a warning
  int red_flag_clear_pain_max = 0;     ///< TRIAGE-RF-* clear at pain <= this (with clinician clearance)
  int sign_free_days_to_clear = 0;     ///< TRIAGE-SEED-*/NEURO-1/BONE-1/PERSIST-1 clear after this many sign-free
                                       ///< check-in days in a row
  int stop_ends_pain_max = 0;          ///< TRIAGE-PMM-1 ends on a later check-in day with highest pain <= this
  int very_severe_pain_min = 0;        ///< TRIAGE-RF-7: pain >= this
  int groin_rest_pain_min = 0;         ///< TRIAGE-BONE-1: hip front pain >= this at rest or next morning
  int checkin_due_after_days = 0;      ///< SAFE-ASK-1: ask when the last check-in is this many days old or older
};

/// One stage of the return-to-run programme (PLAN-RTR-1): `intervals` x
/// (walk `walk_min` / run `run_min`); a stage with run_min 0 is a walk.
struct ReturnToRunStage {
  int intervals = 0;
  int walk_min = 0;  ///< min
  int run_min = 0;   ///< min
  int repeats = 0;   ///< sessions needed before the stage can advance

  int minutes() const { return intervals * (walk_min + run_min); }
  bool walk_only() const { return run_min == 0; }
};

/// PLAN-RTR-1 and TRIAGE-RTR-1 (rules.md 2, 4.3).
struct ReturnToRunThresholds {
  std::vector<ReturnToRunStage> stages;      ///< stage 0 first; at least two
  int session_pain_max = 0;                  ///< a session counts as good with pain <= this that day
  int next_morning_pain_max = 0;             ///< and next-morning pain <= this (not above the evening before)
  int step_back_pain_above = 0;              ///< pain > this the day after a session steps back one stage
  int rest_days_between_runs = 0;            ///< rest days between two programme runs
  double longer_than_session_tolerance = 0;  ///< SAFE-LOG-1: a run longer than the session by more than this fraction
};

/// Pain episodes (rules.md section 1).
struct EpisodeThresholds {
  int quiet_days_to_end = 0;              ///< days without pain > 0 that end (and separate) episodes
  int pain_free_checkin_days_to_end = 0;  ///< consecutive pain-free check-in days that end an episode
};

/// Self-care timing (rules.md 2.1). Episode days count from 0.
struct CareThresholds {
  int ice_last_episode_day = 0;    ///< CARE-ICE-1 on episode days 0..this
  int heat_first_episode_day = 0;  ///< CARE-HEAT-1 from this episode day on
};

/// Warm-up and cool-down (rules.md 4.1).
struct RoutineThresholds {
  int warmup_min_s = 0;      ///< ROUTINE-WARM-1: at least this long, s
  int warmup_max_s = 0;      ///< ROUTINE-WARM-1: at most this long, s
  int seconds_per_rep = 0;   ///< s, to time drills counted in repetitions
  int hold_min_s = 0;        ///< ROUTINE-COOL-1: a static hold lasts at least this, s
  int hold_max_s = 0;        ///< ROUTINE-COOL-1: and at most this, s
  int hold_repetitions = 0;  ///< ROUTINE-COOL-1: holds per side
};

/// Strength work (rules.md 4.2).
struct StrengthThresholds {
  int sessions_min = 0;               ///< STRENGTH-FREQ-1: per week, in a pain episode or the first weeks
  int sessions_max = 0;               ///< STRENGTH-FREQ-1: per week otherwise
  int new_athlete_weeks = 0;          ///< STRENGTH-FREQ-1: "the first 4 weeks"
  int rest_hours = 0;                 ///< STRENGTH-REST-1: between the starts of two sessions, h
  int sets_min = 0;                   ///< STRENGTH-DOSE-1
  int sets_max = 0;                   ///< STRENGTH-DOSE-1
  int reps_min = 0;                   ///< STRENGTH-DOSE-1
  int reps_max = 0;                   ///< STRENGTH-DOSE-1: progress when every set reaches this
  double progress_load_fraction = 0;  ///< STRENGTH-DOSE-1: load increase, e.g. 0.05
  int progress_pain_max = 0;          ///< STRENGTH-DOSE-1: progress only with pain <= this
  int pain_swap_above = 0;            ///< STRENGTH-PAIN-1: pain > this in a set swaps in the easier variant
};

/// What each action allows (rules.md 2.2).
struct SafeThresholds {
  int cross_strength_pain_max = 0;  ///< SAFE-GUIDE-2: cool-down, strength, cross-training while pain <= this
};

/// Running volume and progression (rules.md 4.3). Fractions are of the mean
/// weekly run distance of the last `mean_weeks` weeks and of the longest run
/// of the last `longest_run_days` days.
struct PlanThresholds {
  int mean_weeks = 0;                  ///< PLAN-GRAD-1 / PLAN-CUT-1: weeks in the mean
  int longest_run_days = 0;            ///< days in "the 30-day longest run"
  double grad_week_max = 0;            ///< PLAN-GRAD-1: week <= this x the mean
  double grad_run_max = 0;             ///< PLAN-GRAD-1: run <= this x the longest
  double cut_week = 0;                 ///< PLAN-CUT-1: week = this x the mean
  double cut_run_max = 0;              ///< PLAN-CUT-1: run <= this x the longest
  int rest_days_min = 0;               ///< PLAN-REST-1: full rest days per week
  double long_run_share = 0;           ///< the long run's part of the week (stridecare default)
  int start_runs_per_week = 0;         ///< no run history: this many easy runs (stridecare default)
  int start_run_min = 0;               ///< ... of this many minutes, min
  int default_easy_pace_s_per_km = 0;  ///< s/km when no recent run gives a pace
  double min_run_km = 0;               ///< km: a shorter run is not planned
};

/// Cross-training (rules.md 4.4).
struct CrossThresholds {
  /// CROSS-EQUIV-1: MET by sport (run: running at 8 km/h); 0 for sports without one.
  std::array<double, domain::EnumNames<domain::Sport>::table.size()> met{};
  int max_session_min = 0;  ///< CROSS-EQUIV-1: a replacement lasts at most this, min
  int min_session_min = 0;  ///< a shorter replacement is not planned, min (stridecare default)
  /// The refill is spread over free days in sessions at least this long, min (stridecare default).
  int split_session_min = 0;
  /// CROSS-SITE-1: preferred low-impact sports, best first, by sore site (knee, hip) and with no episode.
  std::vector<domain::Sport> prefer_knee, prefer_hip, prefer_none;
};

struct RuleBook {
  TriageThresholds triage;
  EpisodeThresholds episode;
  CareThresholds care;
  domain::LoadParameters load;                      ///< training load (rules.md section 3)
  RoutineThresholds routine;                        ///< rules.md 4.1
  StrengthThresholds strength;                      ///< rules.md 4.2
  ReturnToRunThresholds return_to_run;              ///< rules.md 4.3 (PLAN-RTR-1)
  SafeThresholds safe;                              ///< rules.md 2.2
  PlanThresholds plan;                              ///< rules.md 4.3
  CrossThresholds cross;                            ///< rules.md 4.4
  std::map<Action, std::string> action_text;        ///< what each action means to the user
  std::string continue_pain_free_text;              ///< `continue` when no pain was logged in the last 7 days
  std::string return_to_run_text;                   ///< `reduce` while a return-to-run programme sets the running
  std::map<std::string, std::string> advice;        ///< care advice text by rule ID (CARE-*)
  std::map<std::string, std::string> advice_brief;  ///< the same in one or two lines, for text output
  std::string heat_withheld_text;                   ///< CARE-HEAT-1 while swelling, warmth or redness is present
  std::string run_stop_text;                        ///< CARE-RUN-1 for stop_running and see_clinician
  std::string run_return_text;                      ///< CARE-RUN-1 during a return-to-run programme
  std::string disclaimer;                           ///< ends every output that gives care advice
  /// Every number read, by its path in the file ("triage.severe_pain_min",
  /// "load.spike_bands[1].above"): what explanations quote, so a tuned book
  /// is explained with its own numbers.
  std::map<std::string, double, std::less<>> numbers;
};

/// Parses and validates a rule book. `source` names the file in errors
/// ("rules.json: triage.severe_pain_min: missing").
domain::Expected<RuleBook> parse_rule_book(std::string_view json_text, std::string_view source);

/// The rule book compiled into the program from data/rules.json.
const RuleBook& default_rule_book();

/// The text of data/rules.json as compiled into the program.
std::string_view default_rule_book_text();

}  // namespace stridecare::rules
