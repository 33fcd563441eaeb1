#include "rules/triage.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rules/episodes.hpp"
#include "rules/rule_ids.hpp"

namespace stridecare::rules {
namespace {

using domain::Date;
using domain::PainCheckin;
using domain::Side;
using domain::Sign;
using domain::Site;
using domain::Timing;
using domain::where;

std::string signs_text(const PainCheckin& c, const std::vector<Sign>& wanted) {
  std::string out;
  for (Sign s : wanted) {
    if (!c.has(s)) continue;
    if (!out.empty()) out += " and ";
    std::string name(domain::name_of(s));
    std::replace(name.begin(), name.end(), '_', ' ');
    out += name;
  }
  return out;
}

/// A red-flag rule: a predicate on one check-in and the signs it names.
struct RedFlagRule {
  std::string_view id;
  Action action;
  std::function<bool(const PainCheckin&)> fires;
  std::vector<Sign> signs;
  std::string_view reason;
};

const std::vector<RedFlagRule>& red_flag_rules() {
  static const std::vector<RedFlagRule> rules{
      {ids::kRf1,
       Action::emergency,
       [](const PainCheckin& c) {
         return (c.has(Sign::swelling) || c.has(Sign::warmth) || c.has(Sign::redness)) && c.has(Sign::fever_or_unwell);
       },
       {Sign::swelling, Sign::warmth, Sign::redness, Sign::fever_or_unwell},
       "a hot, swollen joint with fever can be a joint infection"},
      {ids::kRf2,
       Action::emergency,
       [](const PainCheckin& c) { return c.has(Sign::cannot_bear_weight) || c.has(Sign::deformity); },
       {Sign::cannot_bear_weight, Sign::deformity},
       "possible fracture or dislocation"},
      {ids::kRf3,
       Action::emergency,
       [](const PainCheckin& c) { return c.has(Sign::numbness_tingling) && c.has(Sign::injury_trauma); },
       {Sign::numbness_tingling, Sign::injury_trauma},
       "numbness after an injury can mean nerve or blood-vessel damage"},
      {ids::kRf4,
       Action::urgent_care,
       [](const PainCheckin& c) { return c.has(Sign::locking) || c.has(Sign::giving_way); },
       {Sign::locking, Sign::giving_way},
       "a joint that locks or gives way needs a doctor's examination"},
      {ids::kRf5,
       Action::urgent_care,
       [](const PainCheckin& c) { return c.has(Sign::swelling) && c.has(Sign::injury_trauma); },
       {Sign::swelling, Sign::injury_trauma},
       "swelling after an injury can mean bleeding into the joint"},
      {ids::kRf6,
       Action::urgent_care,
       [](const PainCheckin& c) {
         return c.has(Sign::night_pain) || (c.site == Site::hip && c.has(Sign::fever_or_unwell));
       },
       {Sign::night_pain, Sign::fever_or_unwell},
       "night pain, or hip pain with fever, needs a doctor today"},
  };
  return rules;
}

/// The check-ins of one site+side up to the triage day, in (date, time, id) order.
struct Track {
  Site site;
  Side side;
  std::vector<const PainCheckin*> checkins;
};

/// One check-in day of a track: [begin, end) into `Track::checkins`.
struct Day {
  Date date;
  std::size_t begin;
  std::size_t end;
  int max_pain;
};

class TrackTriage {
 public:
  TrackTriage(const Track& track, const TriageInput& in, const RuleBook& book)
      : track_(track), c_(track.checkins), in_(in), book_(book), t_(book.triage) {
    pain_prefix_.push_back(0);
    for (std::size_t i = 0; i < c_.size(); ++i) {
      if (days_.empty() || days_.back().date != c_[i]->date) days_.push_back({c_[i]->date, i, i, 0});
      days_.back().end = i + 1;
      days_.back().max_pain = std::max(days_.back().max_pain, c_[i]->pain);
      pain_prefix_.push_back(pain_prefix_.back() + c_[i]->pain);
    }
  }

  void run(std::vector<FiredRule>& out, std::vector<ActiveEpisode>& episodes) {
    red_flags(out);
    seeds(out);
    persist_and_episodes(out, episodes);
    window_rules(out);
  }

 private:
  std::string where_of(const PainCheckin& c) const { return where(track_.site, track_.side, c.region); }

  FiredRule make(std::string_view id, Action action, std::string why, std::optional<Date> since,
                 std::vector<std::pair<std::string, double>> figures = {}) const {
    return FiredRule{std::string(id), action, std::move(why), track_.site, track_.side, since, std::move(figures)};
  }

  /// Distinct check-in days strictly after `day`.
  int check_in_days_after(Date day) const {
    return static_cast<int>(std::count_if(days_.begin(), days_.end(), [&](const Day& d) { return d.date > day; }));
  }

  bool clinician_cleared_after(std::size_t index) const {
    return std::any_of(c_.begin() + static_cast<std::ptrdiff_t>(index) + 1, c_.end(),
                       [](const PainCheckin* c) { return c->cleared_by_clinician; });
  }

  void red_flags(std::vector<FiredRule>& out) const {
    for (const auto& rule : red_flag_rules()) {
      std::optional<std::size_t> last;
      for (std::size_t i = 0; i < c_.size(); ++i) {
        if (rule.fires(*c_[i])) last = i;
      }
      if (!last) continue;
      const bool cleared =
          std::any_of(c_.begin() + static_cast<std::ptrdiff_t>(*last) + 1, c_.end(), [&](const PainCheckin* c) {
            return c->signs.none() && c->pain <= t_.red_flag_clear_pain_max && c->cleared_by_clinician;
          });
      if (cleared) continue;
      const PainCheckin& c = *c_[*last];
      out.push_back(make(rule.id, rule.action,
                         fmt::format("{} at the {} on {}: {}; in force until a later check-in has no warning sign, "
                                     "pain <= {} and clearance by a clinician",
                                     signs_text(c, rule.signs), where_of(c), domain::to_string(c.date), rule.reason,
                                     t_.red_flag_clear_pain_max),
                         c.date));
    }
  }

  /// A seed rule stays in force until a later check-in is cleared by a
  /// clinician or enough later check-in days are free of its sign. Because we
  /// look at the latest firing check-in, every later one is free of the sign.
  bool seed_cleared(std::size_t last) const {
    return clinician_cleared_after(last) || check_in_days_after(c_[last]->date) >= t_.sign_free_days_to_clear;
  }

  std::string seed_tail() const {
    return fmt::format("in force until a clinician clears it or {} later check-in days are free of it",
                       t_.sign_free_days_to_clear);
  }

  void seeds(std::vector<FiredRule>& out) const {
    std::set<Date> run_days(in_.run_days.begin(), in_.run_days.end());
    std::optional<std::size_t> seed1, seed2, seed3;
    for (std::size_t i = 0; i < c_.size(); ++i) {
      const PainCheckin& c = *c_[i];
      if ((c.has(Sign::swelling) || c.has(Sign::redness)) && c.pain > 0) seed1 = i;
      if (c.pain >= t_.severe_pain_min) seed2 = i;
      if (c.persists_after_run || (c.timing == Timing::at_rest && c.pain >= t_.at_rest_after_run_pain_min &&
                                   run_days.contains(domain::add_days(c.date, -1)))) {
        seed3 = i;
      }
    }
    if (seed1 && !seed_cleared(*seed1)) {
      const PainCheckin& c = *c_[*seed1];
      out.push_back(make(ids::kSeed1, Action::see_clinician,
                         fmt::format("{} with pain {}/10 at the {} on {}: swelling or redness with soreness needs a "
                                     "clinician's assessment; {}",
                                     signs_text(c, {Sign::swelling, Sign::redness}), c.pain, where_of(c),
                                     domain::to_string(c.date), seed_tail()),
                         c.date, {{"pain", c.pain}}));
    }
    if (seed2 && !seed_cleared(*seed2)) {
      const PainCheckin& c = *c_[*seed2];
      out.push_back(make(ids::kSeed2, Action::see_clinician,
                         fmt::format("pain {}/10 at the {} on {} is severe (>= {}); {}", c.pain, where_of(c),
                                     domain::to_string(c.date), t_.severe_pain_min, seed_tail()),
                         c.date, {{"pain", c.pain}, {"threshold", t_.severe_pain_min}}));
    }
    if (seed3 && !seed_cleared(*seed3)) {
      const PainCheckin& c = *c_[*seed3];
      const std::string what =
          c.persists_after_run ? fmt::format("pain at the {} did not stop when the run finished ({})", where_of(c),
                                             domain::to_string(c.date))
                               : fmt::format("pain {}/10 at rest at the {} on {}, the day after a run (>= {})", c.pain,
                                             where_of(c), domain::to_string(c.date), t_.at_rest_after_run_pain_min);
      out.push_back(make(ids::kSeed3, Action::see_clinician, fmt::format("{}; {}", what, seed_tail()), c.date,
                         {{"pain", c.pain}}));
    }
  }

  /// Mean pain of the check-ins dated first..last (inclusive); nullopt when none.
  /// Prefix sums keep it O(log n): PERSIST-1 asks it for every check-in day.
  std::optional<double> mean_pain(Date first, Date last) const {
    const auto begin =
        std::lower_bound(c_.begin(), c_.end(), first, [](const PainCheckin* c, Date d) { return c->date < d; });
    const auto end = std::upper_bound(begin, c_.end(), last, [](Date d, const PainCheckin* c) { return d < c->date; });
    const auto n = end - begin;
    if (n <= 0) return std::nullopt;
    const auto sum = pain_prefix_[static_cast<std::size_t>(end - c_.begin())] -
                     pain_prefix_[static_cast<std::size_t>(begin - c_.begin())];
    return static_cast<double>(sum) / static_cast<double>(n);
  }

  struct PersistFiring {
    Date day;
    Date start;
    double recent_mean;
    double first_week_mean;
  };

  std::optional<PersistFiring> persist_at(Date day, const std::optional<Episode>& ep) const {
    if (!ep || domain::days_between(ep->start, day) < t_.persist_min_episode_days) return std::nullopt;
    const int w = t_.window_days;
    const auto recent = mean_pain(domain::add_days(day, -(w - 1)), day);
    const auto first = mean_pain(ep->start, domain::add_days(ep->start, w - 1));
    if (!recent || !first || *recent < *first) return std::nullopt;
    return PersistFiring{day, ep->start, *recent, *first};
  }

  void persist_and_episodes(std::vector<FiredRule>& out, std::vector<ActiveEpisode>& episodes) {
    EpisodeTracker tracker(book_.episode);
    std::optional<PersistFiring> last_firing;
    for (const Day& d : days_) {
      tracker.add_day(d.date, d.max_pain);
      if (auto f = persist_at(d.date, tracker.active_on(d.date))) last_firing = f;
    }
    const auto active_now = tracker.active_on(in_.as_of);
    if (auto f = persist_at(in_.as_of, active_now)) last_firing = f;
    episode_at_latest_ = days_.empty() ? std::nullopt : tracker.active_on(days_.back().date);

    if (last_firing) {
      const bool cleared =
          std::any_of(c_.begin(), c_.end(),
                      [&](const PainCheckin* c) { return c->date > last_firing->day && c->cleared_by_clinician; }) ||
          check_in_days_after(last_firing->day) >= t_.sign_free_days_to_clear;
      if (!cleared) {
        out.push_back(make(
            ids::kPersist1, Action::see_clinician,
            fmt::format("the {} pain episode began on {} ({} days before {}) and its {}-day mean pain {:.1f} has not "
                        "fallen below the first week's {:.1f}; {}",
                        where(track_.site, track_.side), domain::to_string(last_firing->start),
                        domain::days_between(last_firing->start, last_firing->day), domain::to_string(last_firing->day),
                        t_.window_days, last_firing->recent_mean, last_firing->first_week_mean, seed_tail()),
            last_firing->day,
            {{"episode_days", domain::days_between(last_firing->start, last_firing->day)},
             {"recent_mean", last_firing->recent_mean},
             {"first_week_mean", last_firing->first_week_mean}}));
      }
    }
    if (active_now) {
      const Day& latest = days_.back();
      const bool swelling = std::any_of(c_.begin() + static_cast<std::ptrdiff_t>(latest.begin),
                                        c_.begin() + static_cast<std::ptrdiff_t>(latest.end),
                                        [](const PainCheckin* c) { return c->has(Sign::swelling); });
      episodes.push_back(
          {track_.site, track_.side, active_now->start, domain::days_between(active_now->start, in_.as_of), swelling});
    }
  }

  void window_rules(std::vector<FiredRule>& out) const {
    if (days_.empty()) return;
    const Day& latest = days_.back();
    const int w = t_.window_days;
    if (domain::days_between(latest.date, in_.as_of) >= w) return;  // no check-in in the window
    const std::string day_text = domain::to_string(latest.date);
    const std::string place = where(track_.site, track_.side);
    const int peak = latest.max_pain;

    if (peak > t_.stop_running_pain_above) {
      out.push_back(make(ids::kPmm1, Action::stop_running,
                         fmt::format("pain {}/10 at the {} on {} is above {}/10, more than running can allow", peak,
                                     place, day_text, t_.stop_running_pain_above),
                         latest.date, {{"pain", peak}, {"threshold", t_.stop_running_pain_above}}));
    } else if (peak >= t_.reduce_pain_min) {
      out.push_back(make(ids::kPmm3, Action::reduce,
                         fmt::format("pain {}/10 at the {} on {} is in the {}-{} band: decrease your running, no "
                                     "progression",
                                     peak, place, day_text, t_.reduce_pain_min, t_.stop_running_pain_above),
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
      out.push_back(make(ids::kPmm2, Action::reduce,
                         high ? fmt::format("next-morning pain {}/10 at the {} on {} is above {}/10: the pain did not "
                                            "settle overnight",
                                            c.pain, place, day_text, t_.next_morning_pain_above)
                              : fmt::format("next-morning pain {}/10 at the {} on {} is higher than the {}/10 of the "
                                            "evening before: the pain did not settle overnight",
                                            c.pain, place, day_text, *previous_day_last),
                         latest.date, {{"pain", c.pain}}));
      break;
    }

    const auto recent = mean_pain(domain::add_days(in_.as_of, -(w - 1)), in_.as_of);
    const auto before = mean_pain(domain::add_days(in_.as_of, -(2 * w - 1)), domain::add_days(in_.as_of, -w));
    if (recent && before && *recent >= *before + t_.worsening_mean_increase) {
      out.push_back(make(ids::kPmm4, Action::reduce,
                         fmt::format("mean pain at the {} rose from {:.1f} to {:.1f} over the last two {}-day windows "
                                     "(>= +{:.1f}): the pain is worsening week to week",
                                     place, *before, *recent, w, t_.worsening_mean_increase),
                         in_.as_of, {{"recent_mean", *recent}, {"previous_mean", *before}}));
    }

    if (episode_at_latest_ && in_.load_warnings) {
      const domain::Date start = episode_at_latest_->start;
      for (const LoadWarningRef& warning :
           in_.load_warnings(domain::add_days(start, -t_.load_warning_lead_days), start)) {
        const int lead = domain::days_between(warning.date, start);
        if (lead < 0 || lead > t_.load_warning_lead_days) continue;
        out.push_back(make(ids::kLoad1, Action::reduce,
                           fmt::format("the {} pain episode began on {}, {} days after {} on {} ({}): cut back, then "
                                       "increase gradually",
                                       place, domain::to_string(episode_at_latest_->start), lead, warning.id,
                                       domain::to_string(warning.date), warning.summary),
                           episode_at_latest_->start, {{"days_after_warning", lead}}));
        break;
      }
    }
  }

  const Track& track_;
  const std::vector<const PainCheckin*>& c_;
  const TriageInput& in_;
  const RuleBook& book_;
  const TriageThresholds& t_;
  std::vector<Day> days_;
  std::vector<long> pain_prefix_;  ///< pain_prefix_[i] = sum of the pain of c_[0..i)
  std::optional<Episode> episode_at_latest_;
};

}  // namespace

LoadWarningLookup lookup_in(std::vector<LoadWarningRef> warnings) {
  return [warnings = std::move(warnings)](domain::Date from, domain::Date to) {
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
    auto [it, inserted] = tracks.try_emplace({c.site, c.side}, Track{c.site, c.side, {}});
    it->second.checkins.push_back(&c);
  }
  TriageResult result;
  for (auto& [key, track] : tracks) {
    std::stable_sort(track.checkins.begin(), track.checkins.end(), [](const PainCheckin* a, const PainCheckin* b) {
      return std::tuple(a->date, a->time.value_or(-1), a->id) < std::tuple(b->date, b->time.value_or(-1), b->id);
    });
    TrackTriage(track, input, book).run(result.rules, result.episodes);
  }
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
  return result;
}

}  // namespace stridecare::rules
