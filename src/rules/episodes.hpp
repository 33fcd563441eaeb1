#pragma once
/// Pain episodes (rules.md section 1) of one site+side.
///
/// An episode begins on the first day with pain > 0 when no episode is in
/// progress, and ends after `pain_free_checkin_days_to_end` pain-free
/// check-in days in a row or `quiet_days_to_end` days without pain > 0, but
/// never on a day when a TRIAGE-PMM-1 stop or a return-to-run programme is in
/// force for the site+side (`HeldDays`): silence ends neither. It then ends
/// on the first day that is not held. Pain after an episode ended begins a
/// new episode.

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "domain/checkin.hpp"
#include "domain/date.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::rules {

/// Days on which an episode may not end: [from, until) intervals, `until`
/// absent for one still open.
class HeldDays {
 public:
  void add(domain::Date from, std::optional<domain::Date> until);
  /// Closes the open interval that began on `from`.
  void close(domain::Date from, domain::Date until);
  bool held(domain::Date day) const;
  /// The first day on or after `day` that is not held; nullopt when an open interval covers it.
  std::optional<domain::Date> first_free_from(domain::Date day) const;
  /// Changes with every add() and close(): what was asked before may no longer hold.
  std::uint64_t version() const { return version_; }

 private:
  /// Kept as day serials: every day of the history searches them, and a serial compares as one number.
  using Span = std::pair<std::chrono::sys_days, std::optional<std::chrono::sys_days>>;
  /// The union of `spans_` as disjoint intervals by start, built when first asked after a change: every day
  /// of ten years of history asks, while the spans change only when a stop or a programme begins or ends.
  const std::vector<Span>& merged() const;

  std::vector<Span> spans_;  ///< by start: stops arrive in day order, so merging needs no sort
  mutable std::optional<std::vector<Span>> merged_;
  std::uint64_t version_ = 0;
};

struct Episode {
  domain::Date start{};          ///< day 0: first day with pain > 0
  domain::Date last_pain_day{};  ///< latest check-in day with pain > 0
  int pain_free_days_after = 0;  ///< pain-free check-in days since `last_pain_day`
  /// The day on which `pain_free_days_after` reached the end count.
  std::optional<domain::Date> pain_free_end;
};

/// Follows the episodes of one site+side as its check-in days arrive.
class EpisodeTracker {
 public:
  /// `held` must outlive the tracker; it may grow as days are added, as long
  /// as what it says of days already added does not change.
  EpisodeTracker(const EpisodeThresholds& thresholds, const HeldDays& held) : t_(thresholds), held_(held) {}

  /// Adds one check-in day with the highest pain of that day (0-10).
  /// REQUIRES: days are added in strictly increasing order.
  void add_day(domain::Date day, int max_pain);

  /// The episode in progress on `day`, if any.
  /// REQUIRES: `day` is not before the last day added.
  std::optional<Episode> active_on(domain::Date day) const;

 private:
  /// The first day the current episode is no longer in progress; nullopt while it cannot end yet.
  /// Asked twice a day for every day of the history: kept until the episode or the held days change.
  std::optional<domain::Date> end_of_current() const;

  EpisodeThresholds t_;
  const HeldDays& held_;
  std::optional<Episode> current_;
  struct EndAnswer {
    std::uint64_t held_version;
    std::optional<domain::Date> end;
  };
  mutable std::optional<EndAnswer> end_;
};

/// One episode of one site+side, for the history views (insights).
struct SiteEpisode {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date start{};
};

/// Every episode in `checkins` (any order; `both` counts for the left and
/// the right side), each site+side followed by its own EpisodeTracker with
/// no held days; ordered by start, then site and side.
std::vector<SiteEpisode> all_episodes(std::span<const domain::PainCheckin> checkins, const EpisodeThresholds& t);

/// The sides a check-in counts for: `both` is the left and the right.
std::span<const domain::Side> sides_of(domain::Side side);

}  // namespace stridecare::rules
