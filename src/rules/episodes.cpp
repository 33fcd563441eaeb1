#include "rules/episodes.hpp"

#include <algorithm>
#include <tuple>

namespace stridecare::rules {

void EpisodeTracker::add_day(domain::Date day, int max_pain) {
  if (max_pain > 0) {
    if (!current_ || domain::days_between(current_->last_pain_day, day) >= t_.quiet_days_to_end) {
      current_ = Episode{day, day, 0};
    } else {
      current_->last_pain_day = day;
      current_->pain_free_days_after = 0;
    }
  } else if (current_) {
    ++current_->pain_free_days_after;
  }
}

std::optional<Episode> EpisodeTracker::active_on(domain::Date day) const {
  if (!current_) return std::nullopt;
  if (current_->pain_free_days_after >= t_.pain_free_checkin_days_to_end) return std::nullopt;
  if (domain::days_between(current_->last_pain_day, day) >= t_.quiet_days_to_end) return std::nullopt;
  return current_;
}

std::vector<SiteEpisode> all_episodes(std::span<const domain::PainCheckin> checkins, const EpisodeThresholds& t) {
  std::vector<const domain::PainCheckin*> sorted;
  sorted.reserve(checkins.size());
  for (const auto& c : checkins) sorted.push_back(&c);
  const auto key = [](const domain::PainCheckin* c) {
    return std::tuple{c->site, c->side, std::chrono::sys_days{c->date}};
  };
  std::sort(sorted.begin(), sorted.end(), [&key](auto* x, auto* y) { return key(x) < key(y); });

  std::vector<SiteEpisode> out;
  for (std::size_t i = 0; i < sorted.size();) {
    const domain::Site site = sorted[i]->site;
    const domain::Side side = sorted[i]->side;
    EpisodeTracker tracker(t);
    std::optional<domain::Date> last_start;
    while (i < sorted.size() && sorted[i]->site == site && sorted[i]->side == side) {
      const domain::Date day = sorted[i]->date;
      int max_pain = 0;
      for (; i < sorted.size() && sorted[i]->site == site && sorted[i]->side == side && sorted[i]->date == day; ++i) {
        max_pain = std::max(max_pain, sorted[i]->pain);
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
