#pragma once
/// Pain episodes (rules.md section 1) of one site+side.
///
/// An episode begins on the first day with pain > 0 after at least
/// `quiet_days_to_end` days without pain > 0 (or ever), and ends after
/// `pain_free_checkin_days_to_end` consecutive pain-free check-in days or
/// `quiet_days_to_end` days without pain > 0. Policy where the two sentences of
/// rules.md meet: pain that returns within the quiet period after an episode
/// ended on pain-free check-in days resumes that episode (its day count goes
/// on), because it has not yet been 7 days without pain.

#include <optional>
#include <span>
#include <vector>

#include "domain/checkin.hpp"
#include "domain/date.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::rules {

struct Episode {
  domain::Date start{};          ///< day 0: first day with pain > 0
  domain::Date last_pain_day{};  ///< latest check-in day with pain > 0
  int pain_free_days_after = 0;  ///< pain-free check-in days since `last_pain_day`
};

/// Follows the episodes of one site+side as its check-in days arrive.
class EpisodeTracker {
 public:
  explicit EpisodeTracker(const EpisodeThresholds& thresholds) : t_(thresholds) {}

  /// Adds one check-in day with the highest pain of that day (0-10).
  /// REQUIRES: days are added in strictly increasing order.
  void add_day(domain::Date day, int max_pain);

  /// The episode in progress on `day`, if any.
  /// REQUIRES: `day` is not before the last day added.
  std::optional<Episode> active_on(domain::Date day) const;

 private:
  EpisodeThresholds t_;
  std::optional<Episode> current_;
};

/// One episode of one site+side, for the history views (insights).
struct SiteEpisode {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date start{};
};

/// Every episode in `checkins` (any order), each site+side followed by its
/// own EpisodeTracker; ordered by start, then site and side.
std::vector<SiteEpisode> all_episodes(std::span<const domain::PainCheckin> checkins, const EpisodeThresholds& t);

}  // namespace stridecare::rules
