#include "planner/return_to_run.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "domain/chronology.hpp"
#include "rules/episodes.hpp"

namespace stridecare::planner {
namespace {

using domain::Activity;
using domain::Date;
using domain::PainCheckin;
using domain::Side;
using domain::Site;
using domain::Timing;

bool is_trigger(const rules::StandingSpan& s) { return s.id == "TRIAGE-PMM-1" || s.id.starts_with("TRIAGE-RF-"); }

/// A period in which a stop or a red flag of one site+side was in force:
/// [from, until) in days, `until` absent while it lasts.
struct Stopped {
  Date from;
  std::optional<Date> until;
  std::string ended_by;  ///< the rule whose end started the programme
};

std::vector<Stopped> stopped_periods(std::span<const rules::StandingSpan> spans, Site site, Side side) {
  std::vector<const rules::StandingSpan*> mine;
  for (const auto& s : spans) {
    if (s.site == site && s.side == side && is_trigger(s)) mine.push_back(&s);
  }
  std::sort(mine.begin(), mine.end(), [](auto* a, auto* b) { return a->from.date < b->from.date; });
  std::vector<Stopped> out;
  for (const rules::StandingSpan* s : mine) {
    const std::optional<Date> until = s->until ? std::optional(s->until->date) : std::nullopt;
    if (!out.empty() && (!out.back().until || s->from.date <= *out.back().until)) {
      auto& last = out.back();
      if (last.until && (!until || *until > *last.until)) {
        last.until = until;
        last.ended_by = s->id;
      } else if (last.until && until && *until == *last.until) {
        last.ended_by = s->id < last.ended_by ? s->id : last.ended_by;
      }
      continue;
    }
    out.push_back({s->from.date, until, s->id});
  }
  return out;
}

/// Check-ins of one site+side (`both` counting for each side), by day and time.
std::vector<const PainCheckin*> track_checkins(std::span<const PainCheckin> checkins, Site site, Side side,
                                               Date as_of) {
  std::vector<const PainCheckin*> out;
  for (const auto& c : checkins) {
    if (c.site == site && (c.side == side || c.side == Side::both) && c.date <= as_of) out.push_back(&c);
  }
  domain::sort_by_moment(std::span(out));
  return out;
}

enum class Verdict { good, hold, step_back, pending };

struct Judged {
  Verdict verdict = Verdict::hold;
  std::string why;
};

class Machine {
 public:
  Machine(const ReturnToRunInput& in, const rules::ReturnToRunThresholds& t, Site site, Side side)
      : in_(in), t_(t), checkins_(track_checkins(in.checkins, site, side, in.as_of)) {
    for (const auto& a : in.activities) {
      if (a.date > in.as_of) continue;
      if (a.sport == domain::Sport::run || a.sport == domain::Sport::walk) sessions_.push_back(&a);
    }
    domain::sort_by_moment(std::span(sessions_));
  }

  /// Follows `p` from its first day to the evaluation day or `stop` (exclusive).
  void follow(Programme& p, std::optional<Date> stop) {
    std::optional<Date> pending;  // a counted session waiting for its next-morning check-in
    std::optional<Date> last_run;
    for (auto it = first_on_or_after(p.from); it != sessions_.begin();) {
      --it;
      if ((*it)->sport == domain::Sport::run) {
        last_run = (*it)->date;
        break;
      }
    }
    const Date end = stop ? domain::add_days(*stop, -1) : in_.as_of;
    auto next = first_on_or_after(p.from);  // the days go forward one by one, and so do their sessions
    for (Date d = p.from; d <= end && d <= in_.as_of; d = domain::add_days(d, 1)) {
      if (pending) {
        judge(p, *pending, d);
        pending.reset();
        if (p.status == ProgrammeStatus::completed) {
          p.until = d;
          return;
        }
      }
      const auto& stage = t_.stages[static_cast<std::size_t>(p.stage)];
      const bool rest_day =
          !stage.walk_only() && last_run && domain::days_between(*last_run, d) <= t_.rest_days_between_runs;
      p.days.push_back({d, p.stage, rest_day});
      for (; next != sessions_.end() && (*next)->date == d; ++next) {
        const Activity* a = *next;
        const bool right_kind = stage.walk_only() ? a->sport == domain::Sport::walk : a->sport == domain::Sport::run;
        if (!pending && !rest_day && right_kind && a->duration_s >= stage.minutes() * 60.0 && !blocked_at(d, a->time)) {
          pending = d;
        }
        if (a->sport == domain::Sport::run) last_run = d;
      }
      if (d == in_.as_of) set_offer(p, stage, rest_day, pending == d);
    }
    if (pending && *pending < in_.as_of) judge(p, *pending, in_.as_of);
  }

 private:
  /// The first session dated `d` or later (sessions_ is sorted by date): a programme finds its first day's
  /// sessions here, then walks on with its days, as a scan of ten years per programme would be quadratic.
  std::vector<const Activity*>::const_iterator first_on_or_after(Date d) const {
    return std::lower_bound(sessions_.begin(), sessions_.end(), d,
                            [](const Activity* a, Date x) { return a->date < x; });
  }

  /// The more urgent rule in force at a session's start, if any.
  const rules::StandingSpan* blocking_at(Date d, std::optional<domain::MinuteOfDay> time) const {
    for (const auto& s : in_.spans) {
      if (s.in_force_at(d, time)) return &s;
    }
    return nullptr;
  }
  /// A session with a time is judged at its start; one without, by the end of its day (a day is offered when no
  /// more urgent action is in force on it).
  bool blocked_at(Date d, std::optional<domain::MinuteOfDay> time) const {
    if (time) return blocking_at(d, time) != nullptr;
    return std::any_of(in_.spans.begin(), in_.spans.end(),
                       [&](const rules::StandingSpan& s) { return s.in_force_on(d); });
  }

  void set_offer(Programme& p, const rules::ReturnToRunStage& stage, bool rest_day, bool done_today) const {
    const rules::StandingSpan* now = nullptr;
    for (const auto& s : in_.spans) {
      if (s.in_force_on(in_.as_of)) now = &s;
    }
    if (done_today) {
      p.offer = Offer::done;
      p.offer_note = "today's session is logged: check in tonight and tomorrow morning";
    } else if (now) {
      p.offer = Offer::waiting;
      p.offer_note = fmt::format("not while {} is in force for the {}", now->id, domain::where(now->site, now->side));
    } else if (rest_day) {
      p.offer = Offer::rest_day;
      p.offer_note = "rest day: at least one day between programme runs";
    } else {
      p.offer = Offer::session;
      p.offer_note = session_text(stage);
    }
  }

  /// The check-ins of `day`, as [begin, end) into checkins_.
  std::pair<std::size_t, std::size_t> day_range(Date day) const {
    const auto b = std::lower_bound(checkins_.begin(), checkins_.end(), day,
                                    [](const PainCheckin* c, Date d) { return c->date < d; });
    const auto e = std::upper_bound(b, checkins_.end(), day, [](Date d, const PainCheckin* c) { return d < c->date; });
    return {static_cast<std::size_t>(b - checkins_.begin()), static_cast<std::size_t>(e - checkins_.begin())};
  }

  Judged verdict(Date day, Date next) const {
    const auto [b, e] = day_range(day);
    const auto [nb, ne] = day_range(next);
    for (std::size_t i = nb; i < ne; ++i) {
      const PainCheckin& c = *checkins_[i];
      if ((c.timing == Timing::next_morning || c.timing == Timing::at_rest) && c.pain > t_.step_back_pain_above) {
        return {Verdict::step_back,
                fmt::format("pain {}/10 {} the day after (above {}/10)", c.pain,
                            c.timing == Timing::at_rest ? "at rest" : "the next morning", t_.step_back_pain_above)};
      }
    }
    if (next > in_.as_of) return {Verdict::pending, ""};
    if (b == e) return {Verdict::hold, "no check-in on the day of the session"};
    int peak = 0;
    for (std::size_t i = b; i < e; ++i) peak = std::max(peak, checkins_[i]->pain);
    const int evening = checkins_[e - 1]->pain;
    if (peak > t_.session_pain_max) {
      return {Verdict::hold, fmt::format("pain {}/10 on the day (above {}/10)", peak, t_.session_pain_max)};
    }
    bool morning = false;
    for (std::size_t i = nb; i < ne; ++i) {
      const PainCheckin& c = *checkins_[i];
      if (c.timing != Timing::next_morning) continue;
      morning = true;
      if (c.pain > t_.next_morning_pain_max || c.pain > evening) {
        return {Verdict::hold,
                fmt::format("next-morning pain {}/10 (needs {}/10 or less and not above the evening's {}/10)", c.pain,
                            t_.next_morning_pain_max, evening)};
      }
    }
    if (!morning) return {Verdict::hold, "no next-morning check-in the day after"};
    const auto swollen = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i) {
        if (checkins_[i]->has(domain::Sign::swelling)) return true;
      }
      return false;
    };
    if (swollen(b, e) || swollen(nb, ne)) return {Verdict::hold, "swelling reported"};
    return {Verdict::good, ""};
  }

  void judge(Programme& p, Date session, Date today) {
    const Date next = domain::add_days(session, 1);
    const Judged j = verdict(session, next);
    const std::string on = domain::to_string(session);
    const int stages = static_cast<int>(t_.stages.size()) - 1;
    switch (j.verdict) {
      case Verdict::pending:
        return;
      case Verdict::hold:
        p.events.push_back({today, fmt::format("stage {} session of {} not counted: {}", p.stage, on, j.why)});
        return;
      case Verdict::step_back:
        p.events.push_back({next, fmt::format("stage {} session of {}: {}: back to stage {}", p.stage, on, j.why,
                                              std::max(0, p.stage - 1))});
        p.stage = std::max(0, p.stage - 1);
        p.done = 0;
        return;
      case Verdict::good:
        break;
    }
    const int repeats = t_.stages[static_cast<std::size_t>(p.stage)].repeats;
    ++p.done;
    if (p.done < repeats) {
      p.events.push_back(
          {next, fmt::format("stage {} session of {} counted ({} of {})", p.stage, on, p.done, repeats)});
      return;
    }
    if (p.stage == stages) {
      p.status = ProgrammeStatus::completed;
      p.events.push_back({next, fmt::format("stage {} session of {} counted ({} of {}): programme complete", p.stage,
                                            on, p.done, repeats)});
      return;
    }
    p.events.push_back({next, fmt::format("stage {} session of {} counted ({} of {}): on to stage {}", p.stage, on,
                                          p.done, repeats, p.stage + 1)});
    ++p.stage;
    p.done = 0;
  }

  const ReturnToRunInput& in_;
  const rules::ReturnToRunThresholds& t_;
  std::vector<const PainCheckin*> checkins_;
  std::vector<const Activity*> sessions_;
};

}  // namespace

std::optional<ProgrammeDay> Programme::on(Date day) const {
  if (day < from || (until && *until <= day)) return std::nullopt;
  const auto it =
      std::lower_bound(days.begin(), days.end(), day, [](const ProgrammeDay& d, Date x) { return d.date < x; });
  if (it == days.end() || it->date != day) return std::nullopt;
  return *it;
}

std::vector<Programme> follow_return_to_run(const ReturnToRunInput& in, const rules::RuleBook& book) {
  std::map<std::pair<Site, Side>, bool> tracks;
  for (const auto& s : in.spans) {
    if (is_trigger(s)) tracks[{s.site, s.side}] = true;
  }
  std::vector<Programme> out;
  for (const auto& [key, unused] : tracks) {
    const auto [site, side] = key;
    const auto periods = stopped_periods(in.spans, site, side);
    Machine machine(in, book.return_to_run, site, side);
    for (std::size_t i = 0; i < periods.size(); ++i) {
      if (!periods[i].until || *periods[i].until > in.as_of) continue;
      Programme p;
      p.site = site;
      p.side = side;
      p.from = *periods[i].until;
      p.started_by = fmt::format("{} ended on {}", periods[i].ended_by, domain::to_string(p.from));
      const std::optional<Date> cancel = i + 1 < periods.size() ? std::optional(periods[i + 1].from) : std::nullopt;
      machine.follow(p, cancel);
      if (cancel && p.status == ProgrammeStatus::active && *cancel <= in.as_of) {
        p.status = ProgrammeStatus::cancelled;
        p.until = cancel;
        p.events.push_back({*cancel, "cancelled: a new stop or red flag"});
      }
      out.push_back(std::move(p));
    }
  }
  return out;
}

std::vector<rules::ProgrammeInForce> programme_periods(std::span<const Programme> programmes, Date day,
                                                       const rules::RuleBook& book) {
  std::vector<rules::ProgrammeInForce> out;
  for (const Programme& p : programmes) {
    const auto at = p.on(day);
    const int stage = at ? at->stage : p.stage;
    const int repeats = book.return_to_run.stages[static_cast<std::size_t>(stage)].repeats;
    out.push_back({p.site, p.side, p.from, p.until,
                   fmt::format("stage {} of {}, {} of {} sessions done", stage,
                               static_cast<int>(book.return_to_run.stages.size()) - 1, p.done, repeats)});
  }
  return out;
}

std::string session_text(const rules::ReturnToRunStage& s) {
  if (s.walk_only()) return fmt::format("brisk walk, {} min, pain-free", s.minutes());
  if (s.walk_min == 0 && s.intervals == 1) return fmt::format("run {} min without stopping", s.run_min);
  return fmt::format("{} x (walk {} min / run {} min), {} min", s.intervals, s.walk_min, s.run_min, s.minutes());
}

std::string stage_text(int stage, const rules::ReturnToRunThresholds& t) {
  return fmt::format("Stage {} of {}: {}", stage, static_cast<int>(t.stages.size()) - 1,
                     session_text(t.stages[static_cast<std::size_t>(stage)]));
}

}  // namespace stridecare::planner
