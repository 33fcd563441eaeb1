#include "domain/validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "domain/quantities.hpp"
#include "domain/text.hpp"

namespace stridecare::domain {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Expected<void> check_scale(int value, const char* field, const char* what) {
  if (value < kScaleMin || value > kScaleMax) {
    return invalid(field, std::to_string(value) + " is out of range; " + what + " is an integer 0-10");
  }
  return {};
}

Expected<void> check_note(const std::string& note) {
  if (note.size() > kMaxNoteBytes) {
    return invalid("note", "is " + std::to_string(note.size()) + " bytes; at most " + std::to_string(kMaxNoteBytes) +
                               " are allowed");
  }
  // Stored text is UTF-8: the JSON of every export and listing carries it.
  if (const auto at = first_invalid_utf8(note)) {
    return invalid("note", "is not valid UTF-8 text (byte " + std::to_string(*at) + " of " +
                               std::to_string(note.size()) + " is not part of a UTF-8 character)");
  }
  return {};
}

}  // namespace

namespace {

bool finite_at_least(const std::optional<double>& v, double min) { return !v || (std::isfinite(*v) && *v >= min); }

Expected<void> validate_recorded(const Recorded& r) {
  if (r.source.name.empty()) return invalid("source", "an imported activity needs its file's name");
  if (first_invalid_utf8(r.source.name)) {
    return invalid("source", "the file name is not valid UTF-8 (import stores it with U+FFFD replacing the bad bytes)");
  }
  if (r.source.session_index < 0) return invalid("source", "session index is negative");
  if (r.source.format != "fit" && r.source.format != "gpx" && r.source.format != "tcx") {
    return invalid("source", "format '" + r.source.format + "' is not fit, gpx or tcx");
  }
  const auto& h = r.source.content_hash;
  if (h.size() != kContentHashHexDigits ||
      !std::all_of(h.begin(), h.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
    return invalid("source", "content hash is not 32 lower-case hex digits");
  }
  if (r.utc_offset_s && std::abs(*r.utc_offset_s) > kMaxUtcOffsetS) {
    return invalid("utc_offset", std::to_string(*r.utc_offset_s) + " s is beyond the +-18 h a UTC offset can be");
  }
  if (!finite_at_least(r.moving_s, 0) || (r.moving_s && *r.moving_s > kMaxDurationS)) {
    return invalid("moving_time", "is not a duration of 0-24 h");
  }
  if (!finite_at_least(r.elevation_gain_m, 0)) return invalid("elevation_gain", "is not a height >= 0 m");
  if (!finite_at_least(r.avg_cadence_spm, 0)) return invalid("cadence", "is not a cadence >= 0");
  for (const auto& hr : {r.avg_heart_rate_bpm, r.max_heart_rate_bpm}) {
    if (hr && (*hr < kMinHeartRateBpm || *hr > kMaxHeartRateBpm)) {
      return invalid("heart_rate", std::to_string(*hr) + " bpm is out of range; allowed " +
                                       std::to_string(kMinHeartRateBpm) + "-" + std::to_string(kMaxHeartRateBpm));
    }
  }
  for (const auto& lap : r.laps) {
    if (!std::isfinite(lap.start_offset_s) || lap.start_offset_s < 0 || !std::isfinite(lap.elapsed_s) ||
        lap.elapsed_s < 0 || !finite_at_least(lap.distance_m, 0)) {
      return invalid("laps", "a lap has a negative or non-finite start, duration or distance");
    }
  }
  return {};
}

}  // namespace

Expected<void> validate(const Activity& a) {
  if (!a.date.ok()) return invalid("date", "is not a day of the calendar");
  if (!std::isfinite(a.duration_s) || a.duration_s <= 0) {
    return invalid("duration", num(a.duration_s) + " s is not a positive duration");
  }
  if (a.duration_s > kMaxDurationS) {
    return invalid("duration",
                   format_duration(a.duration_s) + " is longer than 24:00:00, the longest a session may be");
  }
  if (a.rpe) {
    if (auto ok = check_scale(*a.rpe, "rpe", "RPE (CR-10)"); !ok) return ok;
  }
  if (a.distance_m) {
    const double m = *a.distance_m;
    if (!std::isfinite(m) || m <= 0) return invalid("distance", num(m) + " m is not a positive distance");
    if (m > kMaxDistanceM) {
      return invalid("distance", num(m / 1000) + " km is more than the 1000 km allowed in one session");
    }
    if (a.sport == Sport::run) {
      const double pace = a.duration_s / (m / kMetresPerKm);
      if (pace < kFastestPaceSPerKm) {
        // Pace shown rounded down: rounded to nearest, 119.9 s/km would read
        // "2:00 min/km, faster than the 2:00 min/km".
        return invalid("distance",
                       num(m / 1000) + " km in " + format_duration(a.duration_s) + " is " +
                           format_duration(std::floor(pace)) +
                           " min/km, faster than the 2:00 min/km any run can be; check distance and duration");
      }
    }
  } else if (a.sport == Sport::run) {
    return invalid("distance", "a run needs a distance");
  }
  if (a.sport != Sport::strength && !a.exercises.empty()) {
    return invalid("exercise", "only strength sessions list exercises");
  }
  for (const auto& ex : a.exercises) {
    if (ex.exercise.empty()) return invalid("exercise", "an exercise needs a name");
    if (ex.sets < 1 || ex.sets > kMaxSets) {
      return invalid("exercise", ex.exercise + ": " + std::to_string(ex.sets) + " sets is out of range; allowed 1-" +
                                     std::to_string(kMaxSets));
    }
    if (ex.reps < 1 || ex.reps > kMaxReps) {
      return invalid("exercise", ex.exercise + ": " + std::to_string(ex.reps) + " reps is out of range; allowed 1-" +
                                     std::to_string(kMaxReps));
    }
    if (ex.load_kg && (!std::isfinite(*ex.load_kg) || *ex.load_kg < 0 || *ex.load_kg > kMaxLoadKg)) {
      return invalid("exercise", ex.exercise + ": load " + num(*ex.load_kg) + " kg is out of range; allowed 0-1000 kg");
    }
    if (ex.pain && (*ex.pain < kScaleMin || *ex.pain > kScaleMax)) {
      return invalid("exercise", ex.exercise + ": pain " + std::to_string(*ex.pain) + " is out of range; allowed 0-10");
    }
    if (!ex.per_set.empty()) {
      // The summary fields must say what the sets say (domain/activity.hpp).
      int fewest = ex.per_set.front().reps;
      std::optional<double> heaviest;
      for (const auto& set : ex.per_set) {
        if (set.reps < 1 || set.reps > kMaxReps) {
          return invalid("exercise", ex.exercise + ": a set of " + std::to_string(set.reps) +
                                         " reps is out of range; allowed 1-" + std::to_string(kMaxReps));
        }
        if (set.load_kg && (!std::isfinite(*set.load_kg) || *set.load_kg < 0 || *set.load_kg > kMaxLoadKg)) {
          return invalid("exercise",
                         ex.exercise + ": load " + num(*set.load_kg) + " kg is out of range; allowed 0-1000 kg");
        }
        fewest = std::min(fewest, set.reps);
        if (set.load_kg && (!heaviest || *set.load_kg > *heaviest)) heaviest = set.load_kg;
      }
      if (static_cast<std::size_t>(ex.sets) != ex.per_set.size() || ex.reps != fewest || ex.load_kg != heaviest) {
        return invalid("exercise", ex.exercise +
                                       ": sets, reps and load_kg must be the number of sets, the fewest reps and "
                                       "the heaviest load of the sets listed");
      }
    }
  }
  if (a.time && (*a.time < 0 || *a.time >= 24 * 60)) return invalid("time", "is not a time of day (00:00-23:59)");
  if (a.recorded) {
    if (auto ok = validate_recorded(*a.recorded); !ok) return ok;
  }
  return check_note(a.note);
}

Expected<void> validate(const PainCheckin& c) {
  if (!c.date.ok()) return invalid("date", "is not a day of the calendar");
  if (c.time && (*c.time < 0 || *c.time >= 24 * 60)) return invalid("time", "is not a time of day (00:00-23:59)");
  if (auto ok = check_scale(c.pain, "pain", "pain (0-10 numeric rating scale)"); !ok) return ok;
  if (c.site == Site::hip && c.region == Region::inner) {
    return invalid("region", "'inner' is not a hip region; hip regions are front|outer|back");
  }
  return check_note(c.note);
}

Expected<void> validate(const RoutineSession& r) {
  if (!r.date.ok()) return invalid("date", "is not a day of the calendar");
  if (r.time && (*r.time < 0 || *r.time >= 24 * 60)) return invalid("time", "is not a time of day (00:00-23:59)");
  if (r.steps_total < 1 || r.steps_total > kMaxRoutineSteps) {
    return invalid("steps_total", std::to_string(r.steps_total) + " is not 1-" + std::to_string(kMaxRoutineSteps));
  }
  if (r.steps_done < 0 || r.steps_done > r.steps_total) {
    return invalid("steps_done", std::to_string(r.steps_done) + " is not 0-" + std::to_string(r.steps_total));
  }
  if (r.steps_skipped < 0 || r.steps_skipped > r.steps_done) {
    return invalid("steps_skipped", std::to_string(r.steps_skipped) + " is not 0-" + std::to_string(r.steps_done));
  }
  if (!(r.seconds >= 0 && r.seconds <= kMaxDurationS)) {
    return invalid("seconds", "must be 0-" + std::to_string(static_cast<int>(kMaxDurationS)));
  }
  return {};
}

Expected<void> validate(const Profile& p) {
  if (p.time_zone.empty()) return invalid("tz", "a time zone name is required, e.g. Europe/London");
  if (p.strength_per_week < 2 || p.strength_per_week > 3) {
    return invalid("strength_per_week", std::to_string(p.strength_per_week) +
                                            " is not allowed; 2 or 3 strength sessions per week (STRENGTH-FREQ-1)");
  }
  if (!p.long_run_day.ok()) {
    return invalid("long_run_day", not_a_day(std::to_string(p.long_run_day.c_encoding())));
  }
  if (p.weekly_goal_m && !(*p.weekly_goal_m > 0 && *p.weekly_goal_m <= kMaxWeeklyGoalM)) {
    return invalid("weekly_goal", "must be more than 0 and at most " +
                                      std::to_string(static_cast<int>(kMaxWeeklyGoalM / kMetresPerKm)) + " km a week");
  }
  if (p.session_time && (*p.session_time < 0 || *p.session_time >= 24 * 60)) {
    return invalid("session_time", "is not a time of day (00:00-23:59)");
  }
  for (Sport s : p.cross_training) {
    if (!is_cross_training(s)) {
      return invalid("cross",
                     std::string(name_of(s)) + " is not cross-training; allowed swim|walk|cycle|elliptical|row");
    }
  }
  return {};
}

}  // namespace stridecare::domain
