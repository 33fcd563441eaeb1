#include "importers/mapping/merge_tracks.hpp"

#include <optional>
#include <utility>

namespace stridecare::importers {
namespace {

std::optional<UtcMillis> first_time(const SessionRecord& s) {
  if (s.start) return s.start;
  for (const auto& p : s.samples) {
    if (p.time) return p.time;
  }
  return std::nullopt;
}

std::optional<UtcMillis> end_time(const SessionRecord& s) {
  for (auto it = s.samples.rbegin(); it != s.samples.rend(); ++it) {
    if (it->time) return it->time;
  }
  const auto start = first_time(s);
  if (start && s.total_elapsed_s) {
    return plus_seconds(*start, *s.total_elapsed_s);
  }
  return start;
}

/// The session as one lap of the merged activity.
Lap as_lap(const SessionRecord& s) {
  Lap lap;
  lap.start = first_time(s);
  lap.elapsed_s = s.total_elapsed_s;
  lap.timer_s = s.total_timer_s ? s.total_timer_s : s.total_elapsed_s;
  lap.distance_m = s.total_distance_m;
  return lap;
}

void append(SessionRecord& into, SessionRecord&& next, bool into_is_single_track) {
  if (into_is_single_track && into.laps.empty()) into.laps.push_back(as_lap(into));
  if (next.laps.empty()) {
    into.laps.push_back(as_lap(next));
  } else {
    for (const auto& l : next.laps) into.laps.push_back(l);
  }
  const double carried_m = into.total_distance_m.value_or(0);
  for (auto& p : next.samples) {
    if (p.distance_m) *p.distance_m += carried_m;
    into.samples.push_back(p);
  }
  if (next.total_distance_m) into.total_distance_m = carried_m + *next.total_distance_m;
  const double timer_into = into.total_timer_s ? *into.total_timer_s : into.total_elapsed_s.value_or(0);
  const double timer_next = next.total_timer_s ? *next.total_timer_s : next.total_elapsed_s.value_or(0);
  into.total_timer_s = timer_into + timer_next;
  const auto start = first_time(into);
  const auto end = end_time(next);
  if (start && end) into.total_elapsed_s = seconds_between(*start, *end);
  into.synthesized = into.synthesized && next.synthesized;
}

}  // namespace

std::vector<SessionRecord> merge_consecutive_tracks(std::vector<SessionRecord> sessions) {
  std::vector<SessionRecord> out;
  bool last_is_single_track = true;
  for (auto& s : sessions) {
    if (!out.empty()) {
      auto& prev = out.back();
      const auto prev_end = end_time(prev);
      const auto next_start = first_time(s);
      if (prev_end && next_start && prev.sport == s.sport && prev.sub_sport == s.sub_sport &&
          *next_start >= *prev_end && seconds_between(*prev_end, *next_start) <= kMaxPauseBetweenTracksS) {
        append(prev, std::move(s), last_is_single_track);
        last_is_single_track = false;
        continue;
      }
    }
    out.push_back(std::move(s));
    last_is_single_track = true;
  }
  return out;
}

}  // namespace stridecare::importers
