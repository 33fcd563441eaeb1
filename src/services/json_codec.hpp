#pragma once
/// The JSON spelling of stridecare's documents (product.md: the contract for
/// `--json` output, exports and the HTTP API). Decoders validate every field
/// and name it in the error (`activities[3].pain`).

#include <string>

#include <nlohmann/json.hpp>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/error.hpp"
#include "domain/profile.hpp"
#include "rules/care.hpp"
#include "rules/triage.hpp"

namespace stridecare::services {

using Json = nlohmann::ordered_json;

Json to_json(const domain::Activity& a);
Json to_json(const domain::PainCheckin& c);
Json to_json(const domain::Profile& p);
Json to_json(const rules::FiredRule& r);
Json to_json(const rules::CareAdvice& c);

/// `path` prefixes field names in errors, e.g. "activities[3]".
domain::Expected<domain::Activity> activity_from_json(const Json& j, const std::string& path);
domain::Expected<domain::PainCheckin> checkin_from_json(const Json& j, const std::string& path);
domain::Expected<domain::Profile> profile_from_json(const Json& j, const std::string& path);

}  // namespace stridecare::services
