#pragma once
/// `insights`: what preceded this runner's pain episodes in their own load
/// history (analytics/insights.hpp), as of a day.

#include "analytics/insights.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

Expected<analytics::Insights> insights(Session& s, domain::Date as_of);

/// `{"enough_data","message","pain_free_weeks","pain_free_mean_run_km","pain_free_mean_max_acwr",
///   "insights":[{"site","episodes","text","caution","bands","episodes_under_first_band",
///   "mean_run_km_before","mean_max_acwr_before","episode_details":[...]}]}`.
Json to_json(const analytics::Insights& i);

}  // namespace stridecare::services
