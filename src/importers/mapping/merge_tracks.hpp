#pragma once
/// GPX devices (Garmin handhelds above all) split one outing into a track per
/// pause: "ACTIVE LOG", "ACTIVE LOG #2"... Stored as they are, one walk
/// becomes seven activities of a few hundred metres, and the load model
/// sees seven sessions. Tracks that follow each other closely are one
/// activity with a lap per track.

#include <vector>

#include "importers/recording.hpp"

namespace stridecare::importers {

/// A pause longer than this between one track's end and the next track's
/// start begins another activity (the next run of the day, not a traffic light).
inline constexpr double kMaxPauseBetweenTracksS = 30 * 60.0;

/// Merges runs of consecutive sessions of the same sport (and sub-sport)
/// whose gap is at most kMaxPauseBetweenTracksS: the merged session spans
/// from the first start to the last end, sums distances and timer times,
/// keeps every sample (cumulative distances carried on across tracks), and
/// has a lap per merged track when the tracks had none. Sessions without
/// times are kept apart.
std::vector<SessionRecord> merge_consecutive_tracks(std::vector<SessionRecord> sessions);

}  // namespace stridecare::importers
