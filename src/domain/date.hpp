#pragma once
/// Calendar days. A `Date` is a day in the athlete's own time zone (a local
/// day), never a UTC instant.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace stridecare::domain {

using Date = std::chrono::year_month_day;

/// Parses exactly `YYYY-MM-DD` and rejects impossible days (2026-02-30).
/// `field` names the input in the error.
Expected<Date> parse_date(std::string_view text, std::string_view field = "date");

/// `YYYY-MM-DD`.
std::string to_string(Date d);

/// Whole days from `from` to `to` (negative when `to` is earlier).
inline int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

inline Date add_days(Date d, int n) { return Date{std::chrono::sys_days{d} + std::chrono::days{n}}; }

/// The days `from`..`to` (both included) as a range: ok when `from` is not
/// after `to`, else `invalid_input` on field "from": "2026-03-10 is after
/// TO_NAME 2026-03-01" (`--to` on the command line).
Expected<void> check_range(Date from, Date to, std::string_view to_name = "to");

/// Days `from`..`to`, both included; an absent end is open.
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;

  bool contains(Date d) const { return (!from || d >= *from) && (!to || d <= *to); }
};

/// The range of the texts `from` and `to` (each `YYYY-MM-DD` or absent), the fields named "from" and
/// "to" in errors, and `to_name` where `to` is before `from` (as check_range words it).
Expected<DateRange> parse_date_range(const std::optional<std::string>& from, const std::optional<std::string>& to,
                                     std::string_view to_name = "to");

/// Minutes since local midnight, 0..1439.
using MinuteOfDay = int;

/// Parses `HH:MM` (24-hour clock).
Expected<MinuteOfDay> parse_time_of_day(std::string_view text, std::string_view field = "time");
std::string time_of_day_to_string(MinuteOfDay m);

/// Minutes since the Unix epoch (UTC) of a local day and time in some time
/// zone: real elapsed time across daylight-saving changes. Made by the
/// services from the athlete's zone (services::utc_minutes_in).
using UtcMinutesOf = std::function<std::int64_t(Date, MinuteOfDay)>;

}  // namespace stridecare::domain
