#include "importers/utc_offset.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace stridecare::importers {
namespace {

/// "-6 d 16 h 16 min", "+3 min 45 s": how far a difference is, for the doubt.
std::string span_text(std::int64_t s) {
  const char sign = s < 0 ? '-' : '+';
  std::int64_t left = std::llabs(s);
  const std::int64_t days = left / 86400;
  left %= 86400;
  const std::int64_t hours = left / 3600;
  left %= 3600;
  const std::int64_t minutes = left / 60;
  const std::int64_t secs = left % 60;
  std::string out(1, sign);
  if (days > 0) out += std::to_string(days) + " d ";
  if (hours > 0) out += std::to_string(hours) + " h ";
  if (minutes > 0) out += std::to_string(minutes) + " min ";
  if (secs > 0 || out.size() == 1) out += std::to_string(secs) + " s ";
  out.pop_back();
  return out;
}

}  // namespace

UtcOffsetReading read_utc_offset(std::int64_t local_minus_utc_s) {
  const std::int64_t d = local_minus_utc_s;
  const std::string said = "the file's local time is " + std::to_string(d) + " s (" + span_text(d) + ") from UTC";
  if (d < kMinUtcOffsetS - kQuarterHourSlackS || d > kMaxZoneOffsetS + kQuarterHourSlackS) {
    return {std::nullopt, said + ", beyond the -12 h .. +14 h of any time zone"};
  }
  const auto quarters = static_cast<std::int64_t>(std::llround(static_cast<double>(d) / kQuarterHourS));
  const std::int64_t snapped = quarters * kQuarterHourS;
  if (std::llabs(d - snapped) > kQuarterHourSlackS) {
    return {std::nullopt, said + ", not a whole number of quarter hours as every time zone is (a drifting clock)"};
  }
  if (snapped < kMinUtcOffsetS || snapped > kMaxZoneOffsetS) {
    return {std::nullopt, said + ", beyond the -12 h .. +14 h of any time zone"};
  }
  return {static_cast<int>(snapped), ""};
}

}  // namespace stridecare::importers
