#include "rules/triage.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "domain/chronology.hpp"
#include "rules/episodes.hpp"
#include "rules/rule_ids.hpp"

namespace stridecare::rules {
namespace {

using domain::Date;
using domain::PainCheckin;
using domain::Region;
using domain::Side;
using domain::Sign;
using domain::Site;
using domain::Timing;
using domain::where;

std::string sign_name(Sign s) {
  std::string name(domain::name_of(s));
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

std::string signs_text(const PainCheckin& c, const std::vector<Sign>& wanted) {
  std::string out;
  for (Sign s : wanted) {
    if (!c.has(s)) continue;
    if (!out.empty()) out += " and ";
    out += sign_name(s);
  }
  return out;
}

bool inflamed(const PainCheckin& c) { return c.has(Sign::swelling) || c.has(Sign::warmth) || c.has(Sign::redness); }

/// How a standing check-in rule ends (rules.md 2, "Clearing").
enum class Clearing {
  red_flag,  ///< a later check-in with no sign, pain <= red_flag_clear_pain_max and clinician clearance
  seed,      ///< a later clinician clearance, or sign_free_days_to_clear check-in days in a row free of it
};

/// What a rule needs besides the check-in.
struct RuleContext {
  const TriageThresholds& t;
  std::span<const Date> run_days;  ///< sorted, without repeats
};

/// A standing rule fired by single check-ins: a predicate, and the reason
/// (the signs, or the figures) it gives for one firing check-in.
struct CheckinRule {
  std::string_view id;
  Action action;
  Clearing clearing;
  std::function<bool(const PainCheckin&, const RuleContext&)> fires;
  std::function<std::string(const PainCheckin&, const RuleContext&)> what;
};

bool seed3_fires(const PainCheckin& c, const RuleContext& x) {
  return c.persists_after_run ||
         (c.timing == Timing::at_rest && c.pain >= x.t.at_rest_after_run_pain_min &&
          std::binary_search(x.run_days.begin(), x.run_days.end(), domain::add_days(c.date, -1)));
}

bool bone1_fires(const PainCheckin& c, const RuleContext& x) {
  return c.site == Site::hip && c.region == Region::front && c.pain >= x.t.groin_rest_pain_min &&
         (c.timing == Timing::at_rest || c.timing == Timing::next_morning);
}

const std::vector<CheckinRule>& checkin_rules() {
  using C = const PainCheckin&;
  using X = const RuleContext&;
  static const std::vector<CheckinRule> rules{
      {ids::kRf1, Action::emergency, Clearing::red_flag,
       [](C c, X) { return inflamed(c) && c.has(Sign::fever_or_unwell); },
       [](C c, X) {
         return fmt::format("{}: a hot, swollen joint with fever can be a joint infection",
                            signs_text(c, {Sign::swelling, Sign::warmth, Sign::redness, Sign::fever_or_unwell}));
       }},
      {ids::kRf2, Action::emergency, Clearing::red_flag,
       [](C c, X) { return c.has(Sign::cannot_bear_weight) || c.has(Sign::deformity); },
       [](C c, X) {
         return fmt::format("{}: possible fracture or dislocation",
                            signs_text(c, {Sign::cannot_bear_weight, Sign::deformity}));
       }},
      {ids::kRf3, Action::emergency, Clearing::red_flag,
       [](C c, X) { return c.has(Sign::numbness_tingling) && c.has(Sign::injury_trauma); },
       [](C, X) { return std::string("numbness or tingling after an injury: can mean nerve or blood-vessel damage"); }},
      {ids::kRf4, Action::urgent_care, Clearing::red_flag,
       [](C c, X) { return c.has(Sign::locking) || c.has(Sign::giving_way); },
       [](C c, X) {
         return fmt::format("{}: a joint that locks or gives way needs a doctor's examination",
                            signs_text(c, {Sign::locking, Sign::giving_way}));
       }},
      {ids::kRf5, Action::urgent_care, Clearing::red_flag,
       [](C c, X x) { return c.has(Sign::injury_trauma) && (c.has(Sign::swelling) || c.pain >= x.t.severe_pain_min); },
       [](C c, X x) {
         return c.has(Sign::swelling)
                    ? std::string("swelling after an injury: can mean bleeding into the joint")
                    : fmt::format("pain {}/10 after an injury (>= {}): severe pain after an injury needs a doctor",
                                  c.pain, x.t.severe_pain_min);
       }},
      {ids::kRf6, Action::urgent_care, Clearing::red_flag,
       [](C c, X) {
         return c.has(Sign::night_pain) || (c.has(Sign::fever_or_unwell) && (c.pain > 0 || c.site == Site::hip));
       },
       [](C c, X) {
         return c.has(Sign::night_pain)
                    ? std::string("pain that wakes you at night needs a doctor's examination")
                    : fmt::format("fever or feeling unwell with pain {}/10: can be an infection", c.pain);
       }},
      {ids::kRf7, Action::urgent_care, Clearing::red_flag, [](C c, X x) { return c.pain >= x.t.very_severe_pain_min; },
       [](C c, X x) {
         return fmt::format("pain {}/10 is very severe (>= {}): very painful joints need same-day help", c.pain,
                            x.t.very_severe_pain_min);
       }},
      {ids::kRf8, Action::urgent_care, Clearing::red_flag,
       [](C c, X) {
         return c.has(Sign::swelling) && (c.has(Sign::warmth) || c.has(Sign::redness)) && !c.has(Sign::fever_or_unwell);
       },
       [](C c, X) {
         return fmt::format("{}: a hot or red, swollen joint can be a joint infection even without fever",
                            signs_text(c, {Sign::swelling, Sign::warmth, Sign::redness}));
       }},
      {ids::kSeed1, Action::see_clinician, Clearing::seed, [](C c, X) { return inflamed(c); },
       [](C c, X) {
         return fmt::format("{} with pain {}/10: swelling, redness or warmth needs a clinician's assessment",
                            signs_text(c, {Sign::swelling, Sign::redness, Sign::warmth}), c.pain);
       }},
      {ids::kSeed2, Action::see_clinician, Clearing::seed, [](C c, X x) { return c.pain >= x.t.severe_pain_min; },
       [](C c, X x) { return fmt::format("pain {}/10 is severe (>= {})", c.pain, x.t.severe_pain_min); }},
      {ids::kSeed3, Action::see_clinician, Clearing::seed, seed3_fires,
       [](C c, X x) {
         return c.persists_after_run ? std::string("the pain did not stop when the run finished")
                                     : fmt::format("pain {}/10 at rest the day after a run (>= {})", c.pain,
                                                   x.t.at_rest_after_run_pain_min);
       }},
      {ids::kNeuro1, Action::see_clinician, Clearing::seed,
       [](C c, X) { return c.has(Sign::numbness_tingling) && !c.has(Sign::injury_trauma); },
       [](C, X) { return std::string("numbness or tingling: nerve symptoms need a clinician's assessment"); }},
      {ids::kBone1, Action::see_clinician, Clearing::seed, bone1_fires,
       [](C c, X x) {
         return fmt::format("groin pain {}/10 {} (>= {}): in a runner this can be a stress fracture of the hip", c.pain,
                            c.timing == Timing::at_rest ? "at rest" : "on waking", x.t.groin_rest_pain_min);
       }},
  };
  return rules;
}

/// The check-ins of one site+side up to the triage day, in (date, time, id) order.
struct Track {
  Site site;
  Side side;
  std::vector<const PainCheckin*> checkins;
};

/// The figures of PERSIST-1's latest firing, worded at the end.
struct PersistFiring {
  Date from;  ///< the episode's start, or the clinician's clearance after it
  bool since_clearance;
  Date day;
  double recent_mean;
  double first_week_mean;
};

/// One check-in day of a track: [begin, end) into `Track::checkins`.
struct Day {
  Date date;
  std::size_t begin;
  std::size_t end;
  int max_pain;
};

Moment moment_of(const PainCheckin& c) { return {c.date, c.time}; }

/// The state of one standing rule while the history is read.
struct Standing {
  std::optional<std::size_t> open;  ///< index of its span in the output while in force
  /// The latest firing check-in. Its reason is worded only if the rule is
  /// still in force at the end: a long history fires rules thousands of times.
  const PainCheckin* fired_by = nullptr;
  Date last_fire_day{};          ///< its day
  std::optional<Date> free_day;  ///< the latest check-in day free of it since then
  int free_run = 0;              ///< check-in days in a row free of it, ending on `free_day`
};

class TrackTriage {
 public:
  TrackTriage(const Track& track, const TriageInput& in, const RuleBook& book, std::span<const Date> run_days)
      : track_(track),
        c_(track.checkins),
        in_(in),
        book_(book),
        t_(book.triage),
        ctx_{book.triage, run_days},
        states_(checkin_rules().size()) {
    pain_prefix_.push_back(0);
    serial_.reserve(c_.size());
    for (std::size_t i = 0; i < c_.size(); ++i) {
      serial_.push_back(serial(c_[i]->date));
      if (days_.empty() || days_.back().date != c_[i]->date) days_.push_back({c_[i]->date, i, i, 0});
      days_.back().end = i + 1;
      days_.back().max_pain = std::max(days_.back().max_pain, c_[i]->pain);
      pain_prefix_.push_back(pain_prefix_.back() + c_[i]->pain);
    }
    for (const ProgrammeInForce& p : in_.programmes) {
      if (p.site == track_.site && p.side == track_.side) {
        held_.add(p.from, p.until);
        programmes_.push_back(&p);
      }
    }
  }

  void run(TriageResult& out) {
    EpisodeTracker tracker(book_.episode, held_);
    // Every calendar day from the first check-in: PERSIST-1 can begin on a day without a check-in (the episode
    // turns old enough), and what is in force on a day must not depend on the day triage is asked about.
    std::size_t next = 0;
    for (Date d = days_.empty() ? in_.as_of : days_.front().date; !days_.empty() && d <= in_.as_of;
         d = domain::add_days(d, 1)) {
      const Day* today = next < days_.size() && days_[next].date == d ? &days_[next++] : nullptr;
      if (today) {
        checkin_rules_on(*today);
        pmm1_on(*today);
        tracker.add_day(d, today->max_pain);
      }
      persist_on(d, today, tracker.active_on(d));
    }
    const auto active_now = tracker.active_on(in_.as_of);
    episode_at_latest_ = days_.empty() ? std::nullopt : tracker.active_on(days_.back().date);

    bool standing_in_force = false;
    for (std::size_t k = 0; k < states_.size(); ++k) {
      if (in_force(states_[k])) out.rules.push_back(checkin_reason(checkin_rules()[k], *states_[k].fired_by));
    }
    if (in_force(pmm1_)) out.rules.push_back(pmm1_reason());
    if (in_force(persist_) && persist_fired_) out.rules.push_back(persist_reason(*persist_fired_));
    for (const Standing* st : {&pmm1_, &persist_}) standing_in_force |= in_force(*st);
    for (const Standing& st : states_) standing_in_force |= in_force(st);
    const bool programme = return_to_run(out);
    window_rules(out);
    if (active_now) {
      const Day& latest = days_.back();
      const bool signs = std::any_of(c_.begin() + static_cast<std::ptrdiff_t>(latest.begin),
                                     c_.begin() + static_cast<std::ptrdiff_t>(latest.end),
                                     [](const PainCheckin* c) { return inflamed(*c); });
      out.episodes.push_back(
          {track_.site, track_.side, active_now->start, domain::days_between(active_now->start, in_.as_of), signs});
    }
    if ((active_now || standing_in_force || programme) && !days_.empty() &&
        domain::days_between(days_.back().date, in_.as_of) >= t_.checkin_due_after_days) {
      out.checkin_due.push_back({track_.site, track_.side, days_.back().date});
    }
    for (StandingSpan& s : spans_) out.spans.push_back(std::move(s));
  }

 private:
  std::string place(std::optional<Region> region = std::nullopt) const {
    return where(track_.site, track_.side, region);
  }

  FiredRule make(std::string_view id, Action action, std::string why, std::optional<Date> since,
                 std::vector<std::pair<std::string, double>> figures = {}) const {
    return FiredRule{std::string(id), action, std::move(why), track_.site, track_.side, since, std::move(figures)};
  }

  std::string seed_tail() const {
    return fmt::format("in force until a clinician clears it or {} check-in days in a row are free of it",
                       t_.sign_free_days_to_clear);
  }

  void open_span(Standing& st, std::string_view id, Action action, Moment from) {
    if (st.open) return;
    st.open = spans_.size();
    spans_.push_back({std::string(id), action, track_.site, track_.side, from, std::nullopt});
  }

  void close_span(Standing& st, Moment until) {
    if (!st.open) return;
    spans_[*st.open].until = until;
    st.open.reset();
    st.free_day.reset();
    st.free_run = 0;
  }

  /// A check-in day free of a rule that is in force: counts towards
  /// sign_free_days_to_clear days in a row; true when they are reached.
  bool count_free_day(Standing& st, Date day) const {
    if (!st.open || st.last_fire_day >= day) return false;
    st.free_run = st.free_day && *st.free_day == domain::add_days(day, -1) ? st.free_run + 1 : 1;
    st.free_day = day;
    return st.free_run >= t_.sign_free_days_to_clear;
  }

  /// When a day-level end condition holds: every check-in of the day meets it (a day that broke it would
  /// have fired the rule again), so it holds from the day's first check-in on.
  Moment first_of(const Day& d) const { return moment_of(*c_[d.begin]); }

  void fire(Standing& st, std::string_view id, Action action, const PainCheckin& c) {
    open_span(st, id, action, moment_of(c));
    st.fired_by = &c;
    st.last_fire_day = c.date;
    st.free_day.reset();
    st.free_run = 0;
  }

  void checkin_rules_on(const Day& d) {
    const auto& rules = checkin_rules();
    for (std::size_t i = d.begin; i < d.end; ++i) {
      const PainCheckin& c = *c_[i];
      for (std::size_t k = 0; k < rules.size(); ++k) {
        const CheckinRule& rule = rules[k];
        Standing& st = states_[k];
        if (rule.fires(c, ctx_)) {
          fire(st, rule.id, rule.action, c);
        } else if (st.open && c.cleared_by_clinician &&
                   (rule.clearing == Clearing::seed || (c.signs.none() && c.pain <= t_.red_flag_clear_pain_max))) {
          close_span(st, moment_of(c));
        }
      }
    }
    for (std::size_t k = 0; k < rules.size(); ++k) {
      if (rules[k].clearing == Clearing::seed && count_free_day(states_[k], d.date)) {
        close_span(states_[k], first_of(d));
      }
    }
  }

  FiredRule checkin_reason(const CheckinRule& rule, const PainCheckin& c) const {
    const std::string tail =
        rule.clearing == Clearing::red_flag
            ? fmt::format(
                  "in force until a later check-in has no warning sign, pain <= {} and clearance by a clinician",
                  t_.red_flag_clear_pain_max)
            : seed_tail();
    return make(rule.id, rule.action,
                fmt::format("{} ({}, {}); {}", rule.what(c, ctx_), place(c.region), domain::to_string(c.date), tail),
                c.date, {{"pain", c.pain}});
  }

  /// TRIAGE-PMM-1: pain above the stop threshold on a check-in day; ends on a
  /// later check-in day whose highest pain is at most stop_ends_pain_max.
  void pmm1_on(const Day& d) {
    if (d.max_pain > t_.stop_running_pain_above) {
      const auto first = std::find_if(c_.begin() + static_cast<std::ptrdiff_t>(d.begin), c_.end(),
                                      [&](const PainCheckin* c) { return c->pain > t_.stop_running_pain_above; });
      const bool was_open = pmm1_.open.has_value();
      fire(pmm1_, ids::kPmm1, Action::stop_running, **first);
      pmm1_peak_ = d.max_pain;
      if (!was_open) held_.add(d.date, std::nullopt);
      if (!was_open) pmm1_from_ = d.date;
    } else if (pmm1_.open && d.date > pmm1_.last_fire_day && d.max_pain <= t_.stop_ends_pain_max) {
      held_.close(pmm1_from_, d.date);
      close_span(pmm1_, first_of(d));
    }
  }

  FiredRule pmm1_reason() const {
    const PainCheckin& c = *pmm1_.fired_by;
    return make(
        ids::kPmm1, Action::stop_running,
        fmt::format("pain {}/10 at the {} on {} is above {}/10; in force until a later check-in day with "
                    "pain at or below {}/10",
                    pmm1_peak_, place(), domain::to_string(c.date), t_.stop_running_pain_above, t_.stop_ends_pain_max),
        c.date, {{"pain", pmm1_peak_}, {"threshold", t_.stop_running_pain_above}});
  }

  static int serial(Date d) { return static_cast<int>(std::chrono::sys_days{d}.time_since_epoch().count()); }

  /// Mean pain of the check-ins dated first..last (inclusive); nullopt when none.
  /// Prefix sums over day serials keep it O(log n): PERSIST-1 asks it for every day.
  std::optional<double> mean_pain(Date first, Date last) const {
    const auto begin = std::lower_bound(serial_.begin(), serial_.end(), serial(first));
    const auto end = std::upper_bound(begin, serial_.end(), serial(last));
    const auto n = end - begin;
    if (n <= 0) return std::nullopt;
    const auto sum = pain_prefix_[static_cast<std::size_t>(end - serial_.begin())] -
                     pain_prefix_[static_cast<std::size_t>(begin - serial_.begin())];
    return static_cast<double>(sum) / static_cast<double>(n);
  }

  /// mean_pain(day - window_days + 1, day) for PERSIST-1, which asks it for the days in order: two cursors move
  /// forward through the check-ins instead of two searches a day.
  /// REQUIRES: `day` is not before the day of the previous call.
  std::optional<double> recent_mean(Date day) {
    const int last = serial(day);
    const int first = last - (t_.window_days - 1);
    while (recent_begin_ < serial_.size() && serial_[recent_begin_] < first) ++recent_begin_;
    recent_end_ = std::max(recent_end_, recent_begin_);
    while (recent_end_ < serial_.size() && serial_[recent_end_] <= last) ++recent_end_;
    if (recent_end_ == recent_begin_) return std::nullopt;
    return static_cast<double>(pain_prefix_[recent_end_] - pain_prefix_[recent_begin_]) /
           static_cast<double>(recent_end_ - recent_begin_);
  }

  /// The mean pain of the first window_days days from `from`: fixed for an episode, so asked once.
  std::optional<double> first_week_mean(Date from) {
    if (!first_week_ || first_week_->first != from) {
      first_week_ = {from, mean_pain(from, domain::add_days(from, t_.window_days - 1))};
    }
    return first_week_->second;
  }

  /// TRIAGE-PERSIST-1 on `day` (a check-in day when `d` is given). A
  /// clinician's clearance restarts its clock: the episode is measured again
  /// from the clearance day.
  void persist_on(Date day, const Day* d, const std::optional<Episode>& ep) {
    if (d && persist_.open && day > persist_.last_fire_day) {
      const auto cleared = std::find_if(c_.begin() + static_cast<std::ptrdiff_t>(d->begin),
                                        c_.begin() + static_cast<std::ptrdiff_t>(d->end),
                                        [](const PainCheckin* c) { return c->cleared_by_clinician; });
      if (cleared != c_.begin() + static_cast<std::ptrdiff_t>(d->end)) {
        close_span(persist_, moment_of(**cleared));
        persist_since_ = day;
      }
    }
    if (ep) {
      const Date from = persist_since_ && *persist_since_ > ep->start ? *persist_since_ : ep->start;
      const bool old_enough = domain::days_between(from, day) >= t_.persist_min_episode_days;
      const auto recent = old_enough ? recent_mean(day) : std::nullopt;
      const auto first = recent ? first_week_mean(from) : std::nullopt;
      if (recent && first && *recent >= *first) {
        const PainCheckin& latest = d ? *c_[d->end - 1] : *c_.back();
        open_span(persist_, ids::kPersist1, Action::see_clinician, {day, d ? latest.time : std::nullopt});
        persist_fired_ = PersistFiring{from, from != ep->start, day, *recent, *first};
        persist_.fired_by = &latest;
        persist_.last_fire_day = day;
        persist_.free_day.reset();
        persist_.free_run = 0;
        return;
      }
    }
    if (d && count_free_day(persist_, day)) close_span(persist_, first_of(*d));
  }

  FiredRule persist_reason(const PersistFiring& f) const {
    const int age = domain::days_between(f.from, f.day);
    return make(ids::kPersist1, Action::see_clinician,
                fmt::format("the {} pain episode {} on {} ({} days before {}) and its {}-day mean pain {:.1f} has not "
                            "fallen below the first week's {:.1f}; {}",
                            place(), f.since_clearance ? "was last assessed by a clinician" : "began",
                            domain::to_string(f.from), age, domain::to_string(f.day), t_.window_days, f.recent_mean,
                            f.first_week_mean, seed_tail()),
                f.day, {{"episode_days", age}, {"recent_mean", f.recent_mean}, {"first_week_mean", f.first_week_mean}});
  }

  /// In force at the end of the history, with a firing to word.
  static bool in_force(const Standing& st) { return st.open && st.fired_by; }

  /// TRIAGE-RTR-1 for a programme in force on the triage day.
  bool return_to_run(TriageResult& out) const {
    for (const ProgrammeInForce* p : programmes_) {
      if (p->from > in_.as_of || (p->until && *p->until <= in_.as_of)) continue;
      out.rules.push_back(make(
          ids::kRtr1, Action::reduce,
          fmt::format("return-to-run programme for the {} since {}: {}", place(), domain::to_string(p->from), p->stage),
          p->from));
      return true;
    }
    return false;
  }

  void window_rules(TriageResult& out) const {
    if (days_.empty()) return;
    const Day& latest = days_.back();
    const int w = t_.window_days;
    if (domain::days_between(latest.date, in_.as_of) >= w) return;  // no check-in in the window
    const std::string day_text = domain::to_string(latest.date);
    const int peak = latest.max_pain;

    if (peak >= t_.reduce_pain_min && peak <= t_.stop_running_pain_above) {
      out.rules.push_back(make(ids::kPmm3, Action::reduce,
                               fmt::format("pain {}/10 at the {} on {} is in the {}-{} band, which allows no "
                                           "progression",
                                           peak, place(), day_text, t_.reduce_pain_min, t_.stop_running_pain_above),
                               latest.date, {{"pain", peak}}));
    }

    const std::optional<int> previous_day_last =
        days_.size() >= 2 && days_[days_.size() - 2].date == domain::add_days(latest.date, -1)
            ? std::optional<int>(c_[days_[days_.size() - 2].end - 1]->pain)
            : std::nullopt;
    for (std::size_t i = latest.begin; i < latest.end; ++i) {
      const PainCheckin& c = *c_[i];
      if (c.timing != Timing::next_morning) continue;
      const bool high = c.pain > t_.next_morning_pain_above;
      const bool rose = previous_day_last && c.pain > *previous_day_last;
      if (!high && !rose) continue;
      out.rules.push_back(make(ids::kPmm2, Action::reduce,
                               high ? fmt::format("next-morning pain {}/10 at the {} on {} is above {}/10: the pain "
                                                  "did not settle overnight",
                                                  c.pain, place(), day_text, t_.next_morning_pain_above)
                                    : fmt::format("next-morning pain {}/10 at the {} on {} is higher than the {}/10 of "
                                                  "the evening before: the pain did not settle overnight",
                                                  c.pain, place(), day_text, *previous_day_last),
                               latest.date, {{"pain", c.pain}}));
      break;
    }

    const auto recent = mean_pain(domain::add_days(in_.as_of, -(w - 1)), in_.as_of);
    const auto before = mean_pain(domain::add_days(in_.as_of, -(2 * w - 1)), domain::add_days(in_.as_of, -w));
    if (recent && before && *recent >= *before + t_.worsening_mean_increase) {
      out.rules.push_back(make(ids::kPmm4, Action::reduce,
                               fmt::format("mean pain at the {} rose from {:.1f} to {:.1f} over the last two {}-day "
                                           "windows (>= +{:.1f}): the pain is worsening week to week",
                                           place(), *before, *recent, w, t_.worsening_mean_increase),
                               in_.as_of, {{"recent_mean", *recent}, {"previous_mean", *before}}));
    }

    if (episode_at_latest_ && in_.load_warnings) {
      const Date start = episode_at_latest_->start;
      for (const LoadWarningRef& warning :
           in_.load_warnings(domain::add_days(start, -t_.load_warning_lead_days), start)) {
        const int lead = domain::days_between(warning.date, start);
        if (lead < 0 || lead > t_.load_warning_lead_days) continue;
        out.rules.push_back(make(ids::kLoad1, Action::reduce,
                                 fmt::format("the {} pain episode began on {}, {} {} on {} ({}): the soreness began "
                                             "as you trained harder",
                                             place(), domain::to_string(start),
                                             lead == 0   ? std::string("the day of")
                                             : lead == 1 ? std::string("1 day after")
                                                         : fmt::format("{} days after", lead),
                                             warning.id, domain::to_string(warning.date), warning.summary),
                                 start, {{"days_after_warning", lead}}));
        break;
      }
    }
  }

  const Track& track_;
  const std::vector<const PainCheckin*>& c_;
  const TriageInput& in_;
  const RuleBook& book_;
  const TriageThresholds& t_;
  RuleContext ctx_;
  std::vector<Day> days_;
  std::vector<int> serial_;        ///< serial_[i] = the day serial of c_[i]->date
  std::vector<long> pain_prefix_;  ///< pain_prefix_[i] = sum of the pain of c_[0..i)
  std::size_t recent_begin_ = 0;   ///< recent_mean's window: [begin, end)
  std::size_t recent_end_ = 0;
  std::optional<std::pair<Date, std::optional<double>>> first_week_;  ///< first_week_mean's last answer
  std::vector<Standing> states_;                                      ///< one per checkin_rules() entry
  Standing pmm1_;
  Date pmm1_from_{};
  int pmm1_peak_ = 0;  ///< the highest pain of the day of PMM-1's latest firing
  Standing persist_;
  std::optional<PersistFiring> persist_fired_;
  std::optional<Date> persist_since_;
  HeldDays held_;
  std::vector<const ProgrammeInForce*> programmes_;
  std::vector<StandingSpan> spans_;
  std::optional<Episode> episode_at_latest_;
};

}  // namespace

bool StandingSpan::in_force_on(Date day) const { return from.date <= day && (!until || until->date > day); }

bool StandingSpan::in_force_at(Date day, std::optional<domain::MinuteOfDay> time) const {
  if (!time) return in_force_on(domain::add_days(day, -1));
  const auto at_or_before = [&](const Moment& m) {
    return m.date < day || (m.date == day && m.time && *m.time <= *time);
  };
  return at_or_before(from) && (!until || !at_or_before(*until));
}

LoadWarningLookup lookup_in(std::vector<LoadWarningRef> warnings) {
  return [warnings = std::move(warnings)](Date from, Date to) {
    std::vector<LoadWarningRef> out;
    for (const auto& w : warnings) {
      if (domain::days_between(from, w.date) >= 0 && domain::days_between(w.date, to) >= 0) out.push_back(w);
    }
    return out;
  };
}

TriageResult triage(const TriageInput& input, const RuleBook& book) {
  std::map<std::pair<Site, Side>, Track> tracks;
  for (const PainCheckin& c : input.checkins) {
    if (c.date > input.as_of) continue;
    for (const Side side : sides_of(c.side)) {
      auto [it, inserted] = tracks.try_emplace({c.site, side}, Track{c.site, side, {}});
      it->second.checkins.push_back(&c);
    }
  }
  std::vector<Date> run_days(input.run_days.begin(), input.run_days.end());
  if (!std::is_sorted(run_days.begin(), run_days.end())) std::sort(run_days.begin(), run_days.end());
  run_days.erase(std::unique(run_days.begin(), run_days.end()), run_days.end());
  TriageResult result;
  for (auto& [key, track] : tracks) {
    domain::sort_by_moment(std::span(track.checkins));
    TrackTriage(track, input, book, run_days).run(result);
  }
  // A programme of a site+side with no check-in at all (none can exist without one, but the input is the caller's).
  for (const FiredRule& r : result.rules) result.action = most_urgent(result.action, r.action);

  if (result.rules.empty()) {
    // TRIAGE-OK-1: say what it rests on: the latest pain of each recent site, or no recent check-in.
    const int w = book.triage.window_days;
    for (const auto& [key, track] : tracks) {
      const PainCheckin* latest = track.checkins.back();
      if (domain::days_between(latest->date, input.as_of) >= w) continue;
      int peak = 0;
      for (const PainCheckin* c : track.checkins) {
        if (c->date == latest->date) peak = std::max(peak, c->pain);
      }
      result.rules.push_back(FiredRule{
          std::string(ids::kOk1),
          Action::keep_going,
          fmt::format("latest pain {}/10 at the {} on {} is within the safe 0-{} range", peak,
                      where(track.site, track.side), domain::to_string(latest->date), book.triage.reduce_pain_min - 1),
          track.site,
          track.side,
          latest->date,
          {{"pain", peak}}});
    }
    if (result.rules.empty()) {
      result.rules.push_back(FiredRule{std::string(ids::kOk1),
                                       Action::keep_going,
                                       fmt::format("no pain check-in in the last {} days", w),
                                       std::nullopt,
                                       std::nullopt,
                                       std::nullopt,
                                       {}});
    }
  }
  std::stable_sort(result.rules.begin(), result.rules.end(), [](const FiredRule& a, const FiredRule& b) {
    return std::tie(a.action, a.id) < std::tie(b.action, b.id);
  });
  std::stable_sort(result.spans.begin(), result.spans.end(), [](const StandingSpan& a, const StandingSpan& b) {
    return std::tuple(a.from.date, a.from.time.value_or(-1)) < std::tuple(b.from.date, b.from.time.value_or(-1));
  });
  return result;
}

std::pair<std::vector<FiredRule>, std::vector<FiredRule>> split_by_level(const TriageResult& r) {
  std::pair<std::vector<FiredRule>, std::vector<FiredRule>> out;
  for (const FiredRule& f : r.rules) (f.action == r.action ? out.first : out.second).push_back(f);
  return out;
}

}  // namespace stridecare::rules
