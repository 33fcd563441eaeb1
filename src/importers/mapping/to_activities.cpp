#include "importers/mapping/to_activities.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "domain/quantities.hpp"
#include "domain/validate.hpp"
#include "importers/mapping/developer_distance.hpp"
#include "importers/mapping/merge_tracks.hpp"
#include "importers/mapping/sport_names.hpp"

namespace stridecare::importers {
namespace {

using domain::ErrorKind;
using domain::Sport;
using std::chrono::milliseconds;
using std::chrono::seconds;

/// Steps per minute from what a file states: running and walking cadence is
/// per leg in FIT, TCX and Garmin's GPX extension, so both legs are twice it.
double cadence_spm(double file_cadence_rpm, Sport sport) {
  return sport == Sport::run || sport == Sport::walk ? 2 * file_cadence_rpm : file_cadence_rpm;
}

/// Sport from the pace when the file names none: a GPX without <type> is the
/// usual case, and most of those come from runners.
Sport sport_from_pace(double speed_m_per_s) {
  if (speed_m_per_s < kWalkRunBoundaryMPerS) return Sport::walk;
  if (speed_m_per_s > kRunCycleBoundaryMPerS) return Sport::cycle;
  return Sport::run;
}

/// Time in motion: intervals between consecutive samples no longer than a
/// pause and at walking speed or faster (by the samples' speed, else by their
/// distance).
std::optional<double> moving_time_s(const std::vector<domain::TrackPoint>& points) {
  if (points.size() < 2) return std::nullopt;
  double moving = 0;
  bool any_motion_data = false;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const auto& a = points[i - 1];
    const auto& b = points[i];
    const double dt = b.offset_s - a.offset_s;
    if (dt <= 0 || dt > kMaxMovingGapS) continue;
    std::optional<double> speed = b.speed_m_per_s;
    if (!speed && a.distance_m && b.distance_m) speed = (*b.distance_m - *a.distance_m) / dt;
    if (!speed) continue;
    any_motion_data = true;
    if (*speed >= kMovingSpeedMPerS) moving += dt;
  }
  if (!any_motion_data) return std::nullopt;
  return moving;
}

/// Total climb, counting a rise only once it exceeds the hysteresis above the
/// last low point, so altimeter noise on the flat adds nothing.
std::optional<double> elevation_gain_m(const std::vector<domain::TrackPoint>& points) {
  std::optional<double> low;
  double gain = 0;
  bool any = false;
  for (const auto& p : points) {
    if (!p.altitude_m) continue;
    any = true;
    const double alt = *p.altitude_m;
    if (!low || alt < *low) {
      low = alt;
    } else if (alt - *low >= kElevationHysteresisM) {
      gain += alt - *low;
      low = alt;
    }
  }
  if (!any) return std::nullopt;
  return gain;
}

struct HeartRate {
  std::optional<int> avg;
  std::optional<int> max;
};

HeartRate heart_rate(const std::vector<domain::TrackPoint>& points) {
  long long sum = 0;
  long long n = 0;
  int max = 0;
  for (const auto& p : points) {
    if (!p.heart_rate_bpm || *p.heart_rate_bpm < domain::kMinHeartRateBpm ||
        *p.heart_rate_bpm > domain::kMaxHeartRateBpm) {
      continue;
    }
    sum += *p.heart_rate_bpm;
    ++n;
    max = std::max(max, *p.heart_rate_bpm);
  }
  if (n == 0) return {};
  return {static_cast<int>(std::lround(static_cast<double>(sum) / static_cast<double>(n))), max};
}

std::optional<double> average_cadence(const std::vector<domain::TrackPoint>& points) {
  double sum = 0;
  long long n = 0;
  for (const auto& p : points) {
    if (!p.cadence_spm || *p.cadence_spm <= 0) continue;  // 0 = standing, not a cadence
    sum += *p.cadence_spm;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / static_cast<double>(n);
}

std::string session_label(const domain::SourceFile& source, std::size_t index, std::size_t count) {
  return count > 1 ? source.name + ": session " + std::to_string(index + 1) : source.name;
}

domain::Expected<MappedActivity> map_session(const SessionRecord& s, domain::SourceFile source,
                                             const std::string& label, const ZoneOffset& zone_offset,
                                             const std::optional<Annotation>& annotation) {
  MappedActivity out;
  std::optional<UtcMillis> start = s.start;
  for (const auto& p : s.samples) {
    if (start) break;
    start = p.time;
  }
  if (!start) {
    return domain::fail(ErrorKind::invalid_file, source.name, label + ": no time in the file, so no day to put it on");
  }
  const auto start_s = std::chrono::floor<seconds>(*start);

  // The track: timed samples in time order. A sample earlier than the one
  // before it (a clock jump) is dropped rather than reordered: reordering
  // would invent a path.
  std::size_t dropped = 0;
  out.track.points.reserve(s.samples.size());
  for (const auto& p : s.samples) {
    if (!p.time) continue;
    const double offset = seconds_between(*start, *p.time);
    if (!out.track.points.empty() && offset < out.track.points.back().offset_s) {
      ++dropped;
      continue;
    }
    domain::TrackPoint t;
    t.offset_s = offset;
    t.latitude_deg = p.latitude_deg;
    t.longitude_deg = p.longitude_deg;
    t.altitude_m = p.altitude_m;
    t.distance_m = p.distance_m;
    t.speed_m_per_s = p.speed_m_per_s;
    t.heart_rate_bpm = p.heart_rate_bpm;
    t.power_w = p.power_w;
    if (p.cadence_rpm) t.cadence_spm = *p.cadence_rpm;  // scaled to steps once the sport is known
    out.track.points.push_back(t);
  }
  if (dropped > 0) {
    out.notes.push_back(label + ": " + std::to_string(dropped) +
                        " samples earlier than the one before them were left out");
  }

  std::optional<double> elapsed = s.total_elapsed_s;
  if ((!elapsed || *elapsed <= 0) && !out.track.points.empty()) elapsed = out.track.points.back().offset_s;
  if (!elapsed || !std::isfinite(*elapsed) || *elapsed <= 0) {
    return domain::fail(ErrorKind::invalid_file, source.name, label + ": no duration (one point in time only)");
  }

  std::optional<double> distance = s.total_distance_m;
  if (!distance || *distance <= 0) {
    distance.reset();
    for (const auto& p : out.track.points) {
      if (p.distance_m && (!distance || *p.distance_m > *distance)) distance = p.distance_m;
    }
    if (distance && *distance <= 0) distance.reset();
  }
  // The file's own distance is absent or 0: an app's developer field that names the distance in a length unit.
  if (!distance) {
    if (const auto dev = developer_distance(s.developer_values)) {
      distance = dev->metres;
      out.notes.push_back(label + ": the file's own distance is " + (s.total_distance_m ? "0" : "missing") +
                          "; taken from the developer field " + dev->field + ": " +
                          std::to_string(std::lround(dev->metres)) + " m");
    }
  }

  auto& recorded = out.activity.recorded.emplace();
  recorded.moving_s = s.total_timer_s && *s.total_timer_s > 0 ? s.total_timer_s : moving_time_s(out.track.points);
  // Never more time in motion than time elapsed: records can span beyond the
  // session's own total (a device that kept logging after the stop button).
  if (recorded.moving_s && *recorded.moving_s > *elapsed) recorded.moving_s = *elapsed;

  std::optional<Sport> sport = annotation ? annotation->sport : std::nullopt;
  if (!sport) sport = sport_from_names(s.sport, s.sub_sport);
  if (!sport) {
    if (distance) {
      const double time = recorded.moving_s && *recorded.moving_s > 0 ? *recorded.moving_s : *elapsed;
      const double speed = *distance / time;
      const double pace = time / (*distance / domain::kMetresPerKm);
      if (speed < kSlowestGuessMPerS || speed > kFastestGuessMPerS) {
        // A device left standing, or a track of GPS jumps: no sport moves like that.
        sport = Sport::other;
        out.notes.push_back(label + ": the file names no sport and its pace of " +
                            domain::format_duration(std::floor(pace)) +
                            " min/km is no sport's (a device left standing?); stored as other");
      } else {
        sport = sport_from_pace(speed);
        out.notes.push_back(label + ": the file names no sport; taken as " + std::string(domain::name_of(*sport)) +
                            " from its pace of " + domain::format_duration(std::floor(pace)) + " min/km");
      }
    } else {
      sport = Sport::other;
      out.notes.push_back(label + ": the file names no sport and has no distance; stored as other");
    }
  }
  for (auto& p : out.track.points) {
    if (p.cadence_spm) p.cadence_spm = cadence_spm(*p.cadence_spm, *sport);
  }

  auto& a = out.activity;
  a.sport = *sport;
  a.distance_m = distance;
  a.duration_s = *elapsed;
  if (annotation) {
    a.rpe = annotation->rpe;
    a.note = annotation->name;
    if (!annotation->description.empty()) a.note += (a.note.empty() ? "" : " - ") + annotation->description;
    if (a.note.size() > domain::kMaxNoteBytes) a.note.resize(domain::kMaxNoteBytes);
  }

  recorded.source = std::move(source);
  recorded.start_utc = start_s;
  const bool file_offset_ok = s.utc_offset_s && std::abs(*s.utc_offset_s) <= domain::kMaxUtcOffsetS;
  recorded.utc_offset_s = file_offset_ok ? *s.utc_offset_s : static_cast<int>(zone_offset(start_s).count());
  a.date = domain::Date{std::chrono::floor<std::chrono::days>(start_s + seconds{*recorded.utc_offset_s})};
  recorded.elevation_gain_m = elevation_gain_m(out.track.points);
  const auto hr = heart_rate(out.track.points);
  recorded.avg_heart_rate_bpm = hr.avg;
  recorded.max_heart_rate_bpm = hr.max;
  recorded.avg_cadence_spm = average_cadence(out.track.points);

  double cumulative = 0;
  for (const auto& lap : s.laps) {
    domain::LapSummary l;
    l.start_offset_s = lap.start ? std::max(0.0, seconds_between(*start, *lap.start)) : cumulative;
    l.elapsed_s = lap.elapsed_s ? *lap.elapsed_s : lap.timer_s.value_or(0);
    if (!std::isfinite(l.elapsed_s) || l.elapsed_s < 0) l.elapsed_s = 0;
    if (lap.distance_m && std::isfinite(*lap.distance_m) && *lap.distance_m >= 0) l.distance_m = lap.distance_m;
    cumulative = l.start_offset_s + l.elapsed_s;
    recorded.laps.push_back(l);
  }

  if (auto ok = domain::validate(a); !ok) {
    // `source` was moved into the recording: name the file from there.
    return domain::fail(ErrorKind::invalid_file, recorded.source.name,
                        label + ": " + ok.error().field + ": " + ok.error().message);
  }
  return out;
}

}  // namespace

domain::Expected<std::vector<MappedActivity>> to_activities(const Recording& recording,
                                                            const domain::SourceFile& source,
                                                            const ZoneOffset& zone_offset,
                                                            const std::optional<Annotation>& annotation) {
  std::vector<MappedActivity> out;
  if (recording.sessions.empty()) {
    return domain::fail(ErrorKind::invalid_file, source.name, source.name + ": no activity in the file");
  }
  // GPX tracks are pieces of one recording; FIT and TCX sessions are activities of their own.
  const std::vector<SessionRecord> merged =
      recording.format == "gpx" ? merge_consecutive_tracks(recording.sessions) : std::vector<SessionRecord>{};
  const std::vector<SessionRecord>& sessions = recording.format == "gpx" ? merged : recording.sessions;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    domain::SourceFile s = source;
    s.session_index = static_cast<int>(i);
    auto mapped =
        map_session(sessions[i], std::move(s), session_label(source, i, sessions.size()), zone_offset, annotation);
    if (!mapped) return std::unexpected(std::move(mapped.error()));
    out.push_back(std::move(*mapped));
  }
  return out;
}

}  // namespace stridecare::importers
