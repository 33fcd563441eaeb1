#pragma once
/// Parsing of the quantities a person types: distances, durations, exercise
/// doses. Pure functions; `field` names the input in the error message.

#include <string>
#include <string_view>

#include "domain/activity.hpp"
#include "domain/error.hpp"

namespace stridecare::domain {

inline constexpr double kMetresPerKm = 1000.0;
inline constexpr double kMetresPerMile = 1609.344;
inline constexpr double kSecondsPerMinute = 60.0;

/// `8.2km`, `5mi`, `800m`, or a bare number of kilometres. Result in metres, > 0.
Expected<double> parse_distance_m(std::string_view text, std::string_view field = "distance");

/// `MM:SS`, `HH:MM:SS`, `45min`, `90s`, `1h30min`, or a bare number of minutes.
/// Result in seconds, > 0.
Expected<double> parse_duration_s(std::string_view text, std::string_view field = "duration");

/// Names of exercises outside the library start with this (`custom:hip_thrust`).
inline constexpr std::string_view kCustomExercisePrefix = "custom:";

/// The NAME of an exercise as parse_exercise reads it: up to the first `:`
/// after an optional `custom:` prefix (which it keeps); "" when there is no `:`.
std::string_view exercise_name_of(std::string_view text);

/// `NAME:SETSxREPS[@LOAD]`, LOAD in `kg` or `lb` (stored in kg):
/// `squat:3x10@40kg`, `lunge:3x8`, `deadlift:3x8@135lb`; or set by set,
/// `NAME:REPS[@LOAD],REPS[@LOAD],...` (`squat:10@40kg,10@40kg,8@42.5kg`,
/// filling `per_set` and the summary fields of StrengthExercise); either form
/// may end in `,pain=N` (0-10, pain during the exercise). NAME may be
/// `custom:NAME` (exercise_name_of). Ranges of sets,
/// reps and loads are checked by domain::validate.
Expected<StrengthExercise> parse_exercise(std::string_view text, std::string_view field = "exercise");

/// `45:00` or `1:05:30`, for display.
std::string format_duration(double seconds);

}  // namespace stridecare::domain
