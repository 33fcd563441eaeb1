#include "rules/episodes.hpp"

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

}  // namespace stridecare::rules
