#pragma once
/// Personal insights: what preceded this runner's pain episodes in their own
/// data, against their pain-free weeks. A pure function.
///
/// Before an episode means the days start - lead_days .. start (the window of
/// TRIAGE-LOAD-1). A pain-free week is an ISO week (Monday-Sunday) inside the
/// history with no check-in pain > 0 and no episode starting in it or in the
/// lead_days after it.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "domain/checkin.hpp"

namespace stridecare::analytics {

/// A pain episode as the rules found it (rules/episodes.hpp).
struct PainEpisode {
  domain::Site site = domain::Site::knee;
  domain::Side side = domain::Side::left;
  domain::Date start{};
};

/// The load in one window: before an episode, or a pain-free week.
struct WindowLoad {
  domain::Date from{};
  domain::Date to{};                ///< inclusive
  std::optional<double> max_spike;  ///< highest single-run spike of a run in the window
  double run_km = 0;                ///< run distance in the window, km
  std::optional<double> max_acwr;   ///< highest EWMA ACWR in the window
  bool in_history = false;          ///< the whole window lies after the history's first day
};

struct EpisodeLoad {
  PainEpisode episode;
  WindowLoad before;
};

/// How often runs over one spike band came before episodes and in pain-free weeks.
struct BandCount {
  std::string band;  ///< small, moderate, large
  double above = 0;
  int episodes = 0;         ///< episodes with a run over `above` in the window before
  int pain_free_weeks = 0;  ///< pain-free weeks with a run over `above`
};

/// The insight for one site (or all sites together).
struct SiteInsight {
  std::optional<domain::Site> site;  ///< nullopt: every site
  std::vector<EpisodeLoad> episodes;
  std::vector<BandCount> bands;
  int episodes_under_first_band = 0;  ///< episodes whose window held no run over the first band
  double mean_run_km_before = 0;      ///< mean over `episodes`
  std::optional<double> mean_max_acwr_before;
  /// The highest band that came before at least half of the episodes and
  /// more often than in pain-free weeks: this runner's caution threshold
  /// (the sharpest statement the counts support).
  std::optional<BandCount> caution;
  std::string text;  ///< the finding in one or two sentences, counts included
};

struct Insights {
  bool enough_data = false;
  std::string message;  ///< says plainly when the data are too few
  int pain_free_weeks = 0;
  double pain_free_mean_run_km = 0;  ///< mean weekly run distance of the pain-free weeks
  std::optional<double> pain_free_mean_max_acwr;
  std::vector<SiteInsight> sites;  ///< every site together first, then each site with enough episodes
};

/// Nothing is said of a site with fewer than `p.insight_min_episodes` episodes.
/// `pain_days`: local days with a check-in of pain > 0 (any order, repeats allowed).
Insights find_insights(const LoadAnalysis& a, std::span<const PainEpisode> episodes,
                       std::span<const domain::Date> pain_days, int lead_days, const domain::LoadParameters& p);

}  // namespace stridecare::analytics
