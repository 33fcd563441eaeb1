#pragma once
/// Plausibility limits for what a person or a file can claim. These are
/// sanity bounds on input, not coaching thresholds (those live in
/// data/rules.json).

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/error.hpp"
#include "domain/profile.hpp"
#include "domain/routine_session.hpp"

namespace stridecare::domain {

inline constexpr int kScaleMin = 0;  ///< pain (NRS) and RPE (CR-10) share the 0-10 scale
inline constexpr int kScaleMax = 10;
inline constexpr double kMaxDurationS = 24 * 3600.0;     ///< no session lasts longer than a day
inline constexpr double kFastestPaceSPerKm = 120.0;      ///< 2:00 min/km is faster than any world record
inline constexpr double kMaxDistanceM = 1000.0 * 1000;   ///< 1,000 km in one session
inline constexpr double kMaxWeeklyGoalM = 500.0 * 1000;  ///< 500 km a week: beyond any runner's training
inline constexpr int kMaxSets = 20;
inline constexpr int kMaxReps = 200;
inline constexpr double kMaxLoadKg = 1000.0;
inline constexpr std::size_t kMaxNoteBytes = 4000;
inline constexpr int kMinHeartRateBpm = 20;  ///< below: a sensor glitch, not a heart
inline constexpr int kMaxHeartRateBpm = 260;
inline constexpr int kMaxUtcOffsetS = 18 * 3600;          ///< ISO 8601 bounds of a UTC offset
inline constexpr std::size_t kContentHashHexDigits = 32;  ///< SourceFile::content_hash
inline constexpr int kMaxRoutineSteps = 1000;

/// Checks every field of an activity; the error names the first bad field.
Expected<void> validate(const Activity& a);
Expected<void> validate(const PainCheckin& c);
Expected<void> validate(const RoutineSession& r);
/// Everything but the time zone name, which needs the time zone database
/// (checked by the service layer).
Expected<void> validate(const Profile& p);

}  // namespace stridecare::domain
