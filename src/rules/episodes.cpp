#include "rules/episodes.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace stridecare::rules {

using domain::Date;

void HeldDays::add(Date from, std::optional<Date> until) {
  const std::chrono::sys_days f{from};
  const auto at = std::upper_bound(spans_.begin(), spans_.end(), f, [](auto d, const Span& s) { return d < s.first; });
  spans_.emplace(at, f, until ? std::optional(std::chrono::sys_days{*until}) : std::nullopt);
  merged_.reset();
  ++version_;
}

void HeldDays::close(Date from, Date until) {
  const std::chrono::sys_days f{from};
  for (auto& [start, end] : spans_) {
    if (start == f && !end) end = std::chrono::sys_days{until};
  }
  merged_.reset();
  ++version_;
}

const std::vector<HeldDays::Span>& HeldDays::merged() const {
  if (merged_) return *merged_;
  std::vector<Span> out;
  for (const Span& s : spans_) {
    if (s.second && s.first >= *s.second) continue;  // an empty interval holds no day
    // Touching intervals join too: [a, b) and [b, c) hold every day of [a, c).
    if (!out.empty() && (!out.back().second || *out.back().second >= s.first)) {
      if (out.back().second && (!s.second || *out.back().second < *s.second)) out.back().second = s.second;
      continue;
    }
    out.push_back(s);
  }
  merged_ = std::move(out);
  return *merged_;
}

bool HeldDays::held(Date day) const {
  const auto f = first_free_from(day);
  return !f || *f != day;
}

std::optional<Date> HeldDays::first_free_from(Date day) const {
  const auto& m = merged();
  const std::chrono::sys_days d{day};
  // The last interval starting on or before `day` is the only one that can cover it.
  auto it = std::upper_bound(m.begin(), m.end(), d, [](auto x, const Span& s) { return x < s.first; });
  if (it == m.begin()) return day;
  --it;
  if (!it->second) return std::nullopt;
  return d < *it->second ? Date{*it->second} : day;
}

std::optional<Date> EpisodeTracker::end_of_current() const {
  if (!current_) return std::nullopt;
  if (end_ && end_->held_version == held_.version()) return end_->end;
  std::optional<Date> end = held_.first_free_from(domain::add_days(current_->last_pain_day, t_.quiet_days_to_end));
  if (current_->pain_free_end) {
    const auto by_days = held_.first_free_from(*current_->pain_free_end);
    if (by_days && (!end || *by_days < *end)) end = by_days;
  }
  end_ = EndAnswer{held_.version(), end};
  return end;
}

void EpisodeTracker::add_day(Date day, int max_pain) {
  const auto end = end_of_current();
  const bool in_progress = current_ && (!end || day < *end);
  if (max_pain > 0) {
    end_.reset();
    if (!in_progress) {
      current_ = Episode{day, day, 0, std::nullopt};
    } else {
      current_->last_pain_day = day;
      current_->pain_free_days_after = 0;
      current_->pain_free_end.reset();
    }
  } else if (in_progress) {
    if (++current_->pain_free_days_after == t_.pain_free_checkin_days_to_end) {
      current_->pain_free_end = day;
      end_.reset();
    }
  }
}

std::optional<Episode> EpisodeTracker::active_on(Date day) const {
  if (!current_) return std::nullopt;
  const auto end = end_of_current();
  if (end && *end <= day) return std::nullopt;
  return current_;
}

std::span<const domain::Side> sides_of(domain::Side side) {
  static constexpr std::array kBoth{domain::Side::left, domain::Side::right};
  static constexpr std::array kLeft{domain::Side::left};
  static constexpr std::array kRight{domain::Side::right};
  switch (side) {
    case domain::Side::both:
      return kBoth;
    case domain::Side::left:
      return kLeft;
    case domain::Side::right:
      return kRight;
  }
  return kBoth;
}

std::vector<SiteEpisode> all_episodes(std::span<const domain::PainCheckin> checkins, const EpisodeThresholds& t) {
  struct Entry {
    domain::Site site;
    domain::Side side;
    Date date;
    int pain;
  };
  std::vector<Entry> sorted;
  sorted.reserve(checkins.size());
  for (const auto& c : checkins) {
    for (const auto side : sides_of(c.side)) sorted.push_back({c.site, side, c.date, c.pain});
  }
  const auto key = [](const Entry& e) { return std::tuple{e.site, e.side, std::chrono::sys_days{e.date}}; };
  std::sort(sorted.begin(), sorted.end(), [&key](const Entry& x, const Entry& y) { return key(x) < key(y); });

  const HeldDays none;
  std::vector<SiteEpisode> out;
  for (std::size_t i = 0; i < sorted.size();) {
    const domain::Site site = sorted[i].site;
    const domain::Side side = sorted[i].side;
    EpisodeTracker tracker(t, none);
    std::optional<Date> last_start;
    while (i < sorted.size() && sorted[i].site == site && sorted[i].side == side) {
      const Date day = sorted[i].date;
      int max_pain = 0;
      for (; i < sorted.size() && sorted[i].site == site && sorted[i].side == side && sorted[i].date == day; ++i) {
        max_pain = std::max(max_pain, sorted[i].pain);
      }
      tracker.add_day(day, max_pain);
      const auto active = tracker.active_on(day);
      if (max_pain > 0 && active && active->start != last_start) {
        last_start = active->start;
        out.push_back({site, side, active->start});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const SiteEpisode& x, const SiteEpisode& y) {
    return std::tuple{std::chrono::sys_days{x.start}, x.site, x.side} <
           std::tuple{std::chrono::sys_days{y.start}, y.site, y.side};
  });
  return out;
}

}  // namespace stridecare::rules
