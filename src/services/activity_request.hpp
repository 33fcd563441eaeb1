#pragma once
/// An activity as the API's `POST /api/activities` names it (../shared/spec/api.md), the same session the
/// CLI's `log run|cross|strength` builds from its flags.

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
domain::Expected<domain::Activity> activity_from_request(const Json& body);

}  // namespace stridecare::services
