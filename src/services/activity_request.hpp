#pragma once
/// An activity as the API's `POST /api/activities` names it (../shared/spec/api.md), the same session the
/// CLI's `log run|cross|strength` builds from its flags.

#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/error.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

/// `{"kind": "run"|"cross"|"strength", "date": "YYYY-MM-DD", "time": "HH:MM", "sport": (cross only) "swim",
/// "distance_km": 8.2, "duration_min": 45, "rpe": 5, "exercises": ["squat:3x10@40kg", ...] (strength only),
/// "note": "..."}`. `date` and `duration_min` are required (strength: 45 min when absent), `distance_km`
/// for a run. Errors (`invalid_input`) name the field: a wrong type, a value out of range, an unknown sport
/// or exercise, in the words of the CLI's flags. Not yet validated against the store (domain::validate and
/// the future-date checks are the caller's, as for the CLI).
/// Validated as the CLI validates a session (domain::validate), its errors naming the request's keys
/// (`duration_min`, `distance_km`, `exercises`).
domain::Expected<domain::Activity> activity_from_request(const Json& body);

/// The keys activity_from_request reads: any other key in a request is refused, so that a misspelled one is
/// never silently dropped.
const std::vector<std::string>& activity_request_fields();

/// The keys of a new check-in (`POST /api/checkins`): those of to_json(PainCheckin), less `id`. A warning sign
/// misspelled is an error, never a sign left out.
const std::vector<std::string>& checkin_request_fields();

/// The keys of a recorded routine (`POST /api/routines`): those of to_json(RoutineSession), less `id` and
/// `completed` (which follows from the steps).
const std::vector<std::string>& routine_request_fields();

/// The keys of a profile document (`PUT /api/profile`): those of to_json(Profile), the optional ones too.
const std::vector<std::string>& profile_request_fields();

}  // namespace stridecare::services
