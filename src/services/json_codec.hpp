#pragma once
/// The JSON spelling of stridecare's documents (product.md: the contract for
/// `--json` output, exports and the HTTP API). Decoders validate every field
/// and name it in the error (`activities[3].pain`).

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/error.hpp"
#include "domain/profile.hpp"
#include "domain/routine_session.hpp"
#include "rules/care.hpp"
#include "rules/triage.hpp"

namespace stridecare::services {

using Json = nlohmann::ordered_json;

/// The value, or JSON null when absent.
Json optional_json(const auto& v) { return v ? Json(*v) : Json(nullptr); }

/// ISO 8601 UTC, `2017-06-11T14:34:09Z`, with milliseconds (`.250`) only when
/// not whole seconds: every instant the program writes, to the second or not.
std::string iso_utc(std::chrono::sys_time<std::chrono::milliseconds> t);
/// `2017-06-11T14:34:09Z` back (exactly that shape).
domain::Expected<domain::UtcSeconds> parse_iso_utc(std::string_view text, const std::string& field);

Json to_json(const domain::Recorded& r);
/// Columns of equal length (`offset_s`, `lat_deg`, ... with nulls for absent values).
Json to_json(const domain::Track& t);
Json to_json(const domain::Activity& a);
Json to_json(const domain::PainCheckin& c);
Json to_json(const domain::Profile& p);
Json to_json(const domain::RoutineSession& r);
Json to_json(const rules::FiredRule& r);
Json to_json(const rules::CareAdvice& c);

/// `path` prefixes field names in errors, e.g. "activities[3]".
domain::Expected<domain::Activity> activity_from_json(const Json& j, const std::string& path);
domain::Expected<domain::PainCheckin> checkin_from_json(const Json& j, const std::string& path);
domain::Expected<domain::Track> track_from_json(const Json& j, const std::string& path);
domain::Expected<domain::Profile> profile_from_json(const Json& j, const std::string& path);
domain::Expected<domain::RoutineSession> routine_from_json(const Json& j, const std::string& path);

}  // namespace stridecare::services
