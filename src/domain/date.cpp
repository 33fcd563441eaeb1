#include "domain/date.hpp"

#include <charconv>
#include <cstdio>

namespace stridecare::domain {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

Expected<Date> parse_date(std::string_view text, std::string_view field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return invalid(std::string(field), "'" + std::string(text) + "' is not a date; use YYYY-MM-DD");
  }
  Date d{std::chrono::year{to_int(text.substr(0, 4))}, std::chrono::month{unsigned(to_int(text.substr(5, 2)))},
         std::chrono::day{unsigned(to_int(text.substr(8, 2)))}};
  if (!d.ok()) return invalid(std::string(field), "'" + std::string(text) + "' is not a day of the calendar");
  // Plausible days of a training log; the bounds also keep every date arithmetic far from overflow.
  constexpr int kFirstYear = 1900;
  constexpr int kLastYear = 2999;
  if (d.year() < std::chrono::year{kFirstYear} || d.year() > std::chrono::year{kLastYear}) {
    return invalid(std::string(field), "'" + std::string(text) + "' is outside the years " +
                                           std::to_string(kFirstYear) + "-" + std::to_string(kLastYear) +
                                           " a date may take");
  }
  return d;
}

Expected<void> check_range(Date from, Date to, std::string_view to_name) {
  if (std::chrono::sys_days{from} <= std::chrono::sys_days{to}) return {};
  return invalid("from", to_string(from) + " is after " + std::string(to_name) + " " + to_string(to));
}

Expected<DateRange> parse_date_range(const std::optional<std::string>& from, const std::optional<std::string>& to,
                                     std::string_view to_name) {
  DateRange r;
  if (from) {
    auto d = parse_date(*from, "from");
    if (!d) return std::unexpected(d.error());
    r.from = *d;
  }
  if (to) {
    auto d = parse_date(*to, "to");
    if (!d) return std::unexpected(d.error());
    r.to = *d;
  }
  if (r.from && r.to) {
    if (auto ok = check_range(*r.from, *r.to, to_name); !ok) return std::unexpected(ok.error());
  }
  return r;
}

std::string to_string(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
  return buf;
}

Expected<MinuteOfDay> parse_time_of_day(std::string_view text, std::string_view field) {
  const bool shape_ok =
      (text.size() == 5 && text[2] == ':' && all_digits(text.substr(0, 2)) && all_digits(text.substr(3, 2)));
  if (shape_ok) {
    const int h = to_int(text.substr(0, 2));
    const int m = to_int(text.substr(3, 2));
    if (h < 24 && m < 60) return h * 60 + m;
  }
  return invalid(std::string(field), "'" + std::string(text) + "' is not a time of day; use HH:MM (00:00-23:59)");
}

std::string time_of_day_to_string(MinuteOfDay m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

}  // namespace stridecare::domain
