#include "planner/weekly_plan.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/units.hpp"
#include "rules/rule_ids.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::Date;
using domain::Sport;
using rules::Action;

constexpr int kDays = 7;
constexpr double kHalfKm = 500;  ///< m: planned distances are rounded to this

/// What the history before the week says about the runner's running.
struct RunHistory {
  double mean_week_m = 0;    ///< mean weekly run distance of the last mean_weeks weeks
  double longest_m = 0;      ///< longest run of the last longest_run_days days
  int runs_per_week = 0;     ///< rounded mean number of runs a week over the same weeks
  double pace_s_per_km = 0;  ///< median pace of the recent runs with a distance and a time
  double last_week_m = 0;    ///< the 7 days before the start
};

RunHistory run_history(std::span<const Activity> activities, Date start, const rules::PlanThresholds& t) {
  RunHistory h;
  const Date mean_from = domain::add_days(start, -kDays * t.mean_weeks);
  const Date longest_from = domain::add_days(start, -t.longest_run_days);
  const Date week_from = domain::add_days(start, -kDays);
  int runs = 0;
  std::vector<double> paces;
  for (const Activity& a : activities) {
    if (a.kind() != domain::ActivityKind::run || !(a.date < start)) continue;
    const double m = a.distance_m.value_or(0);
    if (!(a.date < mean_from)) {
      h.mean_week_m += m / t.mean_weeks;
      ++runs;
    }
    if (!(a.date < week_from)) h.last_week_m += m;
    if (!(a.date < longest_from)) {
      h.longest_m = std::max(h.longest_m, m);
      if (m > 0 && a.duration_s > 0) paces.push_back(a.duration_s / (m / domain::kMetresPerKm));
    }
  }
  h.runs_per_week = static_cast<int>(std::lround(static_cast<double>(runs) / t.mean_weeks));
  if (paces.empty()) {
    h.pace_s_per_km = t.default_easy_pace_s_per_km;
  } else {
    std::nth_element(paces.begin(), paces.begin() + static_cast<std::ptrdiff_t>(paces.size() / 2), paces.end());
    h.pace_s_per_km = paces[paces.size() / 2];
  }
  return h;
}

/// Run distance of the days [from, to).
double run_distance(std::span<const Activity> activities, Date from, Date to) {
  double m = 0;
  for (const Activity& a : activities) {
    if (a.kind() == domain::ActivityKind::run && !(a.date < from) && a.date < to) m += a.distance_m.value_or(0);
  }
  return m;
}

double round_half_km_down(double m) { return std::floor(m / kHalfKm) * kHalfKm; }

std::string km(double m, domain::UnitSystem u) { return domain::format_distance(m, u, 1); }

std::size_t distinct_exercises(const Routine& r) {
  std::vector<std::string> ids;
  for (const auto& step : r.steps) {
    if (std::find(ids.begin(), ids.end(), step.exercise) == ids.end()) ids.push_back(step.exercise);
  }
  return ids.size();
}

/// The fired rule of `id` at the action's level, if any.
const rules::FiredRule* at_level(const DayAssessment& a, std::string_view id) {
  for (const auto& r : a.triage.rules) {
    if (r.id == id && r.action == a.triage.action) return &r;
  }
  return nullptr;
}

/// The sore site that picks the low-impact sports (CROSS-SITE-1): the most recent episode's.
std::optional<domain::Site> sore_site(const DayAssessment& a) {
  const rules::ActiveEpisode* latest = nullptr;
  for (const auto& e : a.triage.episodes) {
    if (!latest || latest->start < e.start) latest = &e;
  }
  if (latest) return latest->site;
  return std::nullopt;
}

class Planner {
 public:
  Planner(const PlanInput& in, const ExerciseLibrary& lib, const rules::RuleBook& book)
      : in_(in),
        a_(*in.assessment),
        p_(*in.profile),
        lib_(lib),
        book_(book),
        t_(book.plan),
        units_(in.profile->units.value_or(domain::UnitSystem::metric)),
        history_(run_history(in.activities, in.start, book.plan)) {
    plan_.start = in.start;
    plan_.action = a_.triage.action;
    for (int i = 0; i < kDays; ++i) {
      const Date d = domain::add_days(in.start, i);
      plan_.days.push_back({d, p_.available_days[domain::weekday_index(std::chrono::weekday{d})], {}, {}});
    }
    ctx_ = routine_context(a_.triage.episodes, in.checkins, p_.gym_access);
  }

  WeeklyPlan run() {
    const Action action = a_.triage.action;
    if (action == Action::emergency || action == Action::urgent_care) {
      plan_.first = book_.action_text.at(action);
      plan_.rules.push_back({std::string(kPlanStop1), fmt::format("{}: no exercise at all until a doctor has seen you "
                                                                  "(SAFE-GUIDE-1)",
                                                                  domain::name_of(action))});
      return std::move(plan_);
    }
    choose_rest_days();
    note_done_today();
    const auto programmes = a_.active_programmes();
    if (action == Action::see_clinician || action == Action::stop_running) {
      if (action == Action::see_clinician) plan_.first = book_.action_text.at(action);
      stop_week();
    } else if (!programmes.empty() && at_level(a_, rules::ids::kRtr1)) {
      programme_week(*programmes.front());
    } else if (action == Action::reduce) {
      running_week(/*reduce=*/true);
    } else {
      running_week(/*reduce=*/false);
    }
    place_strength();
    attach_routines();
    return std::move(plan_);
  }

 private:
  /// PLAN-REST-1: the days the profile leaves free, else the day after the long run.
  void choose_rest_days() {
    int rest = 0;
    for (const PlanDay& d : plan_.days) rest += d.available ? 0 : 1;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < plan_.days.size(); ++i) order.push_back(i);
    // After the long run first, then the day before it, then from the end of the week.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return rest_rank(x) < rest_rank(y); });
    for (std::size_t i : order) {
      if (rest >= t_.rest_days_min) break;
      if (!plan_.days[i].available) continue;
      rest_[i] = true;
      ++rest;
    }
    for (std::size_t i = 0; i < plan_.days.size(); ++i) {
      if (!plan_.days[i].available) rest_[i] = true;
      if (rest_[i]) {
        plan_.days[i].notes.push_back(
            {std::string(kPlanRest1),
             plan_.days[i].available
                 ? fmt::format("a full rest day: at least {} a week, so the body adapts to the training; the day "
                               "after the long run when it can be",
                               t_.rest_days_min)
                 : std::string("not one of your training days (profile --available): a full rest day")});
      }
    }
    const auto first_rest = std::find(rest_.begin(), rest_.end(), true) - rest_.begin();
    plan_.rules.push_back(PlanReason{
        std::string(kPlanRest1),
        fmt::format("at least {} full rest day a week; no two hard days in a row (first rest day: "
                    "{})",
                    t_.rest_days_min, domain::to_string(plan_.days[static_cast<std::size_t>(first_rest)].date))});
  }

  int rest_rank(std::size_t i) const {
    const auto wd = std::chrono::weekday{plan_.days[i].date};
    if (wd == p_.long_run_day + std::chrono::days{1}) return 0;
    if (wd == p_.long_run_day - std::chrono::days{1}) return 1;
    if (wd == p_.long_run_day) return kDays + 1;
    return 2 + static_cast<int>(kDays - 1 - i);
  }

  bool can_train(std::size_t i) const { return plan_.days[i].available && !rest_[i] && !(i == 0 && done_today_); }

  /// A run or low-impact session already logged on the first day: that day's training is done, and a run
  /// counts towards the week.
  void note_done_today() {
    std::string done;
    for (const Activity& a : in_.activities) {
      if (a.date != in_.start || a.kind() == domain::ActivityKind::strength) continue;
      done_today_ = true;
      ran_today_m_ += a.kind() == domain::ActivityKind::run ? a.distance_m.value_or(0) : 0;
      done += fmt::format("{}{} {} min", done.empty() ? "" : ", ", domain::name_of(a.sport),
                          std::lround(a.duration_s / domain::kSecondsPerMinute));
    }
    if (done_today_ && plan_.days[0].available && !rest_[0]) {
      plan_.days[0].notes.push_back(
          {std::string(kPlanRest1), fmt::format("today's training is done ({} logged): nothing more is planned "
                                                "today but what the week still holds",
                                                done)});
    }
  }

  std::optional<std::size_t> long_run_index() const {
    for (std::size_t i = 0; i < plan_.days.size(); ++i) {
      if (std::chrono::weekday{plan_.days[i].date} == p_.long_run_day && can_train(i)) return i;
    }
    return std::nullopt;
  }

  /// `n` training days, the long run's day first, then spread out: each next day is the one furthest from
  /// the days already chosen.
  std::vector<std::size_t> spread_days(int n, std::optional<std::size_t> anchor) const {
    std::vector<std::size_t> chosen;
    if (anchor) chosen.push_back(*anchor);
    while (static_cast<int>(chosen.size()) < n) {
      std::optional<std::size_t> best;
      int best_gap = -1;
      for (std::size_t i = 0; i < plan_.days.size(); ++i) {
        if (!can_train(i) || std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
        int gap = kDays;
        for (std::size_t c : chosen) gap = std::min(gap, std::abs(static_cast<int>(i) - static_cast<int>(c)));
        if (gap > best_gap) {
          best_gap = gap;
          best = i;
        }
      }
      if (!best) break;
      chosen.push_back(*best);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
  }

  PlannedSession run_session(double m, bool long_run, std::vector<PlanReason> why) const {
    PlannedSession s;
    s.kind = SessionKind::run;
    s.sport = Sport::run;
    s.distance_m = m;
    s.duration_s = static_cast<int>(std::lround(m / domain::kMetresPerKm * history_.pace_s_per_km));
    s.long_run = long_run;
    s.effort = long_run ? "long, easy" : "easy";
    s.title = fmt::format("{} run {}", long_run ? "Long" : "Easy", km(m, units_));
    s.rules = std::move(why);
    return s;
  }

  /// PLAN-GRAD-1 (continue) or PLAN-CUT-1 (reduce), then CROSS-SWAP-1 for what a cut removed.
  void running_week(bool reduce) {
    const double mean = history_.mean_week_m;
    const std::string mean_text = fmt::format("the {}-week mean of {}", t_.mean_weeks, km(mean, units_));
    double week = 0;
    double run_cap = 0;
    PlanReason reason;
    if (mean <= 0) {
      start_week();
      return;
    }
    if (reduce) {
      double base = mean;
      std::string base_text = mean_text;
      if (const auto* load = at_level(a_, rules::ids::kLoad1); load && load->since) {
        // The last week before the spike that the episode followed.
        int lead = 0;
        for (const auto& [name, value] : load->figures) {
          if (name == "days_after_warning") lead = static_cast<int>(value);
        }
        const Date warning = domain::add_days(*load->since, -lead);
        base = run_distance(in_.activities, domain::add_days(warning, -kDays), warning);
        base_text = fmt::format("the {} of the week before the load warning of {} (TRIAGE-LOAD-1)", km(base, units_),
                                domain::to_string(warning));
      }
      week = t_.cut_week * base;
      run_cap = t_.cut_run_max * history_.longest_m;
      reason = {std::string(kPlanCut1),
                fmt::format("week {}: {:.0f}% of {}; no run over {} ({:.0f}% of the {}-day longest run of {}); no "
                            "intensity",
                            km(round_half_km_down(week), units_), t_.cut_week * 100, base_text, km(run_cap, units_),
                            t_.cut_run_max * 100, t_.longest_run_days, km(history_.longest_m, units_))};
    } else {
      run_cap = t_.grad_run_max * history_.longest_m;
      if (a_.pain_in_last_week) {
        week = std::min(mean, history_.last_week_m > 0 ? history_.last_week_m : mean);
        reason = {std::string(kPlanGrad1),
                  fmt::format("pain was logged in the last 7 days: no increase: week {} (the last 7 days: {}; {}); no "
                              "run over {}",
                              km(round_half_km_down(week), units_), km(history_.last_week_m, units_), mean_text,
                              km(run_cap, units_))};
      } else {
        week = t_.grad_week_max * mean;
        reason = {
            std::string(kPlanGrad1),
            fmt::format("week at most {}: {:.0f}% of {}; no run over {} ({:.0f}% of the {}-day longest run of {})",
                        km(round_half_km_down(week), units_), t_.grad_week_max * 100, mean_text, km(run_cap, units_),
                        t_.grad_run_max * 100, t_.longest_run_days, km(history_.longest_m, units_))};
      }
      if (in_.weekly_goal_m && *in_.weekly_goal_m < week) {
        week = *in_.weekly_goal_m;
        reason.why += fmt::format("; held at your weekly goal of {}", km(week, units_));
      } else if (in_.weekly_goal_m) {
        reason.why += fmt::format("; towards your weekly goal of {}", km(*in_.weekly_goal_m, units_));
      }
    }
    plan_.rules.push_back(reason);
    const double planned = place_runs(std::max(0.0, week - ran_today_m_), run_cap, reason, !reduce) + ran_today_m_;
    if (reduce) refill(mean - planned, reason);
  }

  /// No run in the history: a small first week of easy runs by time.
  void start_week() {
    const double pace = history_.pace_s_per_km;
    const double m = round_half_km_down(t_.start_run_min * domain::kSecondsPerMinute / pace * domain::kMetresPerKm);
    PlanReason reason{std::string(kPlanGrad1),
                      fmt::format("no run in the last {} weeks: {} easy runs of about {} min to begin with",
                                  t_.mean_weeks, t_.start_runs_per_week, t_.start_run_min)};
    plan_.rules.push_back(reason);
    for (std::size_t i : spread_days(t_.start_runs_per_week, std::nullopt)) {
      plan_.days[i].sessions.push_back(run_session(std::max(m, kHalfKm), false, {reason}));
    }
  }

  /// Places `week` metres of running on the training days, none over `cap`; returns what was placed.
  double place_runs(double week, double cap, const PlanReason& reason, bool long_run_allowed) {
    const double min_run = t_.min_run_km * domain::kMetresPerKm;
    int n = std::max(1, history_.runs_per_week);
    int training_days = 0;
    for (std::size_t i = 0; i < plan_.days.size(); ++i) training_days += can_train(i) ? 1 : 0;
    n = std::min(n, training_days);
    // Fewer runs when the week cannot give each one a worthwhile distance.
    while (n > 1 && week / n < min_run) --n;
    if (training_days == 0) {
      plan_.rules.push_back({reason.id,
                             "no run this week: none of its days is one of your training days (profile "
                             "--available)"});
      return 0;
    }
    if (n <= 0 || week < min_run || cap < min_run) {
      plan_.rules.push_back({reason.id, fmt::format("no run this week: {} is below the shortest run planned ({})",
                                                    km(std::min(week, cap), units_), km(min_run, units_))});
      return 0;
    }
    const auto anchor = long_run_allowed ? long_run_index() : std::nullopt;
    const auto days = spread_days(n, anchor);
    const bool has_long = anchor.has_value() && days.size() > 1;
    const auto easy_count = static_cast<double>(days.size() - (has_long ? 1 : 0));
    // The long run grows with the week from the runner's own longest run (at least long_run_share of the week),
    // leaving each easy run its worthwhile distance.
    double long_m = 0;
    if (has_long) {
      const double grown = history_.mean_week_m > 0 ? history_.longest_m * week / history_.mean_week_m : 0;
      long_m = std::min({cap, std::max(week * t_.long_run_share, grown), week - easy_count * min_run});
      long_m = round_half_km_down(long_m);
    }
    const double easy_m = round_half_km_down(std::min({cap, (week - long_m) / easy_count, has_long ? long_m : cap}));
    double placed = 0;
    for (std::size_t i : days) {
      const bool is_long = has_long && i == *anchor;
      const double m = is_long ? long_m : easy_m;
      if (m < min_run) continue;
      plan_.days[i].sessions.push_back(run_session(m, is_long, {reason}));
      placed += m;
    }
    return placed;
  }

  /// CROSS-SITE-1: the runner's low-impact sports, best first for the sore site.
  std::vector<Sport> cross_sports() const {
    const auto site = sore_site(a_);
    const auto& prefer = !site                         ? book_.cross.prefer_none
                         : *site == domain::Site::knee ? book_.cross.prefer_knee
                                                       : book_.cross.prefer_hip;
    std::vector<Sport> out;
    for (Sport s : prefer) {
      if (std::find(p_.cross_training.begin(), p_.cross_training.end(), s) != p_.cross_training.end()) out.push_back(s);
    }
    return out;
  }

  std::optional<std::string> cross_condition(Sport s) const {
    std::optional<std::string> out = stop_condition();
    const auto site = sore_site(a_);
    std::optional<std::string> site_note;
    if (s == Sport::cycle && site == domain::Site::knee) site_note = "only if pedalling is pain-free";
    if (s == Sport::walk && site) site_note = "only if walking is pain-free";
    if (site_note) out = out ? *out + "; " + *site_note : *site_note;
    return out;
  }

  /// SAFE-GUIDE-2's condition under the stopping actions.
  std::optional<std::string> stop_condition() const {
    const Action a = a_.triage.action;
    if (a != Action::stop_running && a != Action::see_clinician) return std::nullopt;
    const int limit = book_.safe.cross_strength_pain_max;
    return fmt::format("only while pain stays at or below {}/10; stop if it rises above {}", limit, limit);
  }

  /// CROSS-SWAP-1 and CROSS-EQUIV-1: refills `removed_m` of running with low-impact sessions on the training
  /// days without a run, each at most max_session_min; says what could not be refilled.
  void refill(double removed_m, const PlanReason& cause) {
    if (removed_m <= 0) return;
    const auto sports = cross_sports();
    const double run_met = book_.cross.met[static_cast<std::size_t>(Sport::run)];
    const double run_min = removed_m / domain::kMetresPerKm * history_.pace_s_per_km / domain::kSecondsPerMinute;
    double met_min = run_min * run_met;
    if (sports.empty()) {
      plan_.rules.push_back({std::string(kCrossSwap1),
                             fmt::format("{} of running removed ({} MET-min) is not refilled: no low-impact sport in "
                                         "your profile (profile --cross)",
                                         km(removed_m, units_), std::lround(met_min))});
      return;
    }
    plan_.rules.push_back(
        {std::string(kCrossSwap1), fmt::format("{} of running removed by {} ({:.0f} min at your pace of {}/km, {:.0f} "
                                               "MET-min at {} MET) is refilled with low-impact sessions",
                                               km(removed_m, units_), cause.id, run_min,
                                               domain::format_duration(history_.pace_s_per_km), met_min, run_met)});
    std::vector<std::size_t> days;
    for (std::size_t i = 0; i < plan_.days.size(); ++i) {
      if (can_train(i) && !plan_.days[i].has(SessionKind::run)) days.push_back(i);
    }
    const double cap = book_.cross.max_session_min;
    // Spread over the free days: sessions of at least split_session_min, as few as the cap allows.
    const double first_min = met_min / book_.cross.met[static_cast<std::size_t>(sports.front())];
    const auto by_split = static_cast<std::size_t>(first_min / book_.cross.split_session_min);
    const auto by_cap = static_cast<std::size_t>(std::ceil(first_min / cap));
    const std::size_t sessions =
        std::clamp<std::size_t>(std::max(by_split, by_cap), 1, std::max<std::size_t>(days.size(), 1));
    const double share = met_min / static_cast<double>(sessions);
    std::size_t next_sport = 0;
    for (std::size_t i : days) {
      const Sport s = sports[next_sport++ % sports.size()];
      const double met = book_.cross.met[static_cast<std::size_t>(s)];
      const double minutes = std::min(cap, std::round(std::min(share, met_min) / met));
      if (minutes < book_.cross.min_session_min) break;
      const double replaced_m =
          minutes * met / run_met * domain::kSecondsPerMinute / history_.pace_s_per_km * domain::kMetresPerKm;
      PlannedSession x;
      x.kind = SessionKind::cross;
      x.sport = s;
      x.duration_s = static_cast<int>(minutes * domain::kSecondsPerMinute);
      x.effort = "easy to moderate";
      x.title = fmt::format("{} {} min (replaces {} of running)", sport_title(s), static_cast<int>(minutes),
                            km(std::min(removed_m, replaced_m), units_));
      x.condition = cross_condition(s);
      x.rules = {cause,
                 {std::string(kCrossSwap1), fmt::format("refills running removed by {}", cause.id)},
                 {std::string(kCrossEquiv1),
                  fmt::format(
                      "{:.0f} MET-min / {} MET = {:.1f} min{}{}", std::min(share, met_min), met,
                      std::min(share, met_min) / met,
                      std::min(share, met_min) / met > cap ? fmt::format(", capped at {:.0f} min", cap) : std::string(),
                      sessions > 1 ? fmt::format(" (1 of {} sessions refilling {:.0f} MET-min)", sessions,
                                                 share * static_cast<double>(sessions))
                                   : std::string())},
                 {std::string(kCrossSite1), site_reason(s)}};
      met_min -= minutes * met;
      plan_.days[i].sessions.push_back(std::move(x));
    }
    const double smallest = book_.cross.min_session_min * book_.cross.met[static_cast<std::size_t>(sports.front())];
    if (met_min >= smallest) {
      plan_.rules.push_back(
          {std::string(kCrossEquiv1),
           fmt::format("{:.0f} MET-min could not be refilled: no more training days this week", met_min)});
    }
  }

  std::string site_reason(Sport s) const {
    const auto site = sore_site(a_);
    if (!site) return fmt::format("{}: one of your low-impact sports (no pain episode)", domain::name_of(s));
    return fmt::format("{}: preferred for {} pain among your sports", domain::name_of(s), domain::name_of(*site));
  }

  static std::string sport_title(Sport s) {
    switch (s) {
      case Sport::swim:
        return "Swim";
      case Sport::walk:
        return "Brisk walk";
      case Sport::cycle:
        return "Cycle";
      case Sport::elliptical:
        return "Elliptical";
      case Sport::row:
        return "Row";
      default:
        return "Session";
    }
  }

  /// PLAN-STOP-1: no runs; the usual running refilled with low-impact sessions under SAFE-GUIDE-2's condition.
  void stop_week() {
    const auto why = std::find_if(a_.triage.rules.begin(), a_.triage.rules.end(),
                                  [&](const auto& r) { return r.action == a_.triage.action; });
    PlanReason reason{
        std::string(kPlanStop1),
        fmt::format("{} ({}): no runs this week; cross-training and strength only while pain stays at or "
                    "below {}/10",
                    domain::name_of(a_.triage.action), why != a_.triage.rules.end() ? why->id : std::string("triage"),
                    book_.safe.cross_strength_pain_max)};
    plan_.rules.push_back(reason);
    refill(history_.mean_week_m, reason);
  }

  /// PLAN-RTR-1: the stage's session on every other training day (a rest day between runs), from the first
  /// day the programme offers one; the rest of the usual running refilled.
  void programme_week(const Programme& p) {
    const auto& stage = book_.return_to_run.stages[static_cast<std::size_t>(p.stage)];
    PlanReason reason{std::string(kPlanRtr1),
                      fmt::format("return-to-run programme for the {} since {}: {}; a rest day between runs; the "
                                  "stage advances after {} good sessions, and the plan follows your check-ins",
                                  domain::where(p.site, p.side), domain::to_string(p.from),
                                  stage_text(p.stage, book_.return_to_run), stage.repeats)};
    plan_.rules.push_back(reason);
    // Today is taken when the programme offers its session (the walk stage has no rest days); after a run, or
    // with today's session already logged, the sessions begin tomorrow.
    std::size_t i = p.offer == Offer::session || (stage.walk_only() && p.offer != Offer::done) ? 0 : 1;
    double run_m = 0;
    for (; i < plan_.days.size(); ++i) {
      if (!can_train(i)) continue;
      PlannedSession s;
      s.kind = stage.walk_only() ? SessionKind::cross : SessionKind::run;
      s.sport = stage.walk_only() ? Sport::walk : Sport::run;
      s.duration_s = stage.minutes() * static_cast<int>(domain::kSecondsPerMinute);
      s.effort = "pain-free";
      s.programme = true;
      s.title = "Return to run: " + session_text(stage);
      s.rules = {reason};
      plan_.days[i].sessions.push_back(std::move(s));
      run_m +=
          stage.run_min * stage.intervals * domain::kSecondsPerMinute / history_.pace_s_per_km * domain::kMetresPerKm;
      if (!stage.walk_only()) ++i;  // the rest day after a run
    }
    refill(history_.mean_week_m - run_m, reason);
  }

  /// STRENGTH-FREQ-1, -REST-1 and -HARD-1: strength on training days at least rest_hours after the last session
  /// (this week's and last week's count), never on the long run's day, its eve or the day after it (no two hard
  /// days in a row), preferring days with an easy run or a low-impact session.
  void place_strength() {
    std::optional<Date> last;
    std::optional<domain::MinuteOfDay> last_time;
    for (const Activity* s : strength_session_order(in_.activities)) {
      if (!(in_.start < s->date)) {  // today's session counts too
        last = s->date;
        last_time = s->time;
      }
    }
    std::optional<int> history_weeks;
    if (!in_.activities.empty()) {
      const auto first = std::min_element(in_.activities.begin(), in_.activities.end(),
                                          [](const Activity& x, const Activity& y) { return x.date < y.date; });
      if (first->date < in_.start) history_weeks = domain::days_between(first->date, in_.start) / kDays;
    }
    const auto target = frequency_target(p_.strength_per_week, ctx_.in_episode(), history_weeks, book_.strength);
    const PlanReason freq{std::string(kStrengthFreq1), target.why};
    const int rest_days = (book_.strength.rest_hours + 23) / 24;
    std::vector<std::size_t> chosen;
    const auto ok = [&](std::size_t i) {
      if (!can_train(i) || plan_.days[i].has(SessionKind::strength)) return false;
      const PlanDay& d = plan_.days[i];
      if (last && domain::days_between(*last, d.date) < rest_days) return false;
      for (std::size_t c : chosen) {
        if (std::abs(static_cast<int>(c) - static_cast<int>(i)) < rest_days) return false;
      }
      for (int k : {-1, 0, 1}) {
        const int j = static_cast<int>(i) + k;
        if (j >= 0 && j < kDays && has_long_run(static_cast<std::size_t>(j))) return false;
      }
      // The long run may be just after the week: never the day before it.
      return std::chrono::weekday{d.date} + std::chrono::days{1} != p_.long_run_day || !runs_long_ever();
    };
    for (int pass = 0; pass < 2 && static_cast<int>(chosen.size()) < target.target; ++pass) {
      for (std::size_t i = 0; i < plan_.days.size() && static_cast<int>(chosen.size()) < target.target; ++i) {
        const bool easy_day = plan_.days[i].has(SessionKind::run) || plan_.days[i].has(SessionKind::cross);
        if ((pass == 0) == easy_day && ok(i)) chosen.push_back(i);
      }
    }
    std::sort(chosen.begin(), chosen.end());
    auto ctx = ctx_;
    ctx.easier_variants = stop_condition().has_value();
    ctx.doses = next_doses(in_.activities, ctx_.in_episode(), lib_, book_.strength);
    for (std::size_t i : chosen) {
      PlannedSession s;
      s.kind = SessionKind::strength;
      s.sport = Sport::strength;
      s.strength = build_strength(lib_, ctx, book_);
      s.effort = fmt::format("{}-{} sets of {}-{} reps, 2-3 reps in reserve", book_.strength.sets_min,
                             book_.strength.sets_max, book_.strength.reps_min, book_.strength.reps_max);
      s.title = fmt::format("Strength: {} exercises", distinct_exercises(*s.strength));
      s.condition = stop_condition();
      if (last && last_time && *last_time > 0 && domain::days_between(*last, plan_.days[i].date) == rest_days) {
        // Two days after an evening session: the rest_hours end that evening, not at midnight.
        const std::string from =
            fmt::format("not before {} ({} h after the session of {})", domain::time_of_day_to_string(*last_time),
                        book_.strength.rest_hours, domain::to_string(*last));
        s.condition = s.condition ? *s.condition + "; " + from : from;
      }
      s.rules = {freq,
                 {std::string(kStrengthRest1),
                  last ? fmt::format("at least {} h after the last session ({})", book_.strength.rest_hours,
                                     domain::to_string(*last))
                       : fmt::format("at least {} h between sessions", book_.strength.rest_hours)},
                 {std::string(kStrengthHard1), "not the day before the long run"}};
      plan_.days[i].sessions.push_back(std::move(s));
      last = plan_.days[i].date;
      last_time.reset();
    }
    if (static_cast<int>(chosen.size()) < target.target) {
      plan_.rules.push_back(
          {std::string(kStrengthFreq1),
           fmt::format("{} of {} strength sessions fit this week: the others would fall within {} h of another, on "
                       "the long run's day, its eve or the day after, or on a rest day",
                       chosen.size(), target.target, book_.strength.rest_hours)});
    }
  }

  bool has_long_run(std::size_t i) const {
    const auto& ss = plan_.days[i].sessions;
    return std::any_of(ss.begin(), ss.end(), [](const PlannedSession& s) { return s.long_run; });
  }

  bool runs_long_ever() const {
    for (std::size_t i = 0; i < plan_.days.size(); ++i) {
      if (has_long_run(i)) return true;
    }
    return false;
  }

  /// ROUTINE-WARM-1 and ROUTINE-COOL-1 around every run (the programme's walk-runs too).
  void attach_routines() {
    for (PlanDay& d : plan_.days) {
      for (PlannedSession& s : d.sessions) {
        if (s.kind != SessionKind::run) continue;
        s.warmup = build_warmup(lib_, ctx_, book_);
        s.cooldown = build_cooldown(lib_, ctx_, book_);
      }
    }
  }

  const PlanInput& in_;
  const DayAssessment& a_;
  const domain::Profile& p_;
  const ExerciseLibrary& lib_;
  const rules::RuleBook& book_;
  const rules::PlanThresholds& t_;
  domain::UnitSystem units_;
  RunHistory history_;
  RoutineContext ctx_;
  WeeklyPlan plan_;
  std::array<bool, kDays> rest_{};
  bool done_today_ = false;  ///< a run or low-impact session is logged on the first day
  double ran_today_m_ = 0;   ///< m run on the first day
};

}  // namespace

bool PlanDay::has(SessionKind k) const {
  return std::any_of(sessions.begin(), sessions.end(), [k](const PlannedSession& s) { return s.kind == k; });
}

double WeeklyPlan::run_distance_m() const {
  double m = 0;
  for (const PlanDay& d : days) {
    for (const PlannedSession& s : d.sessions) {
      if (s.kind == SessionKind::run) m += s.distance_m.value_or(0);
    }
  }
  return m;
}

WeeklyPlan plan_week(const PlanInput& in, const ExerciseLibrary& lib, const rules::RuleBook& book) {
  return Planner(in, lib, book).run();
}

}  // namespace stridecare::planner
