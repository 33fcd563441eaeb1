#include "importers/xml/xml_values.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace stridecare::importers::xml {
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads exactly `count` digits at `pos`; nullopt when any is not a digit.
std::optional<int> fixed_digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(s[i])) return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

bool char_at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

}  // namespace

std::string_view trim_xml_space(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string ascii_lower_trimmed(std::string_view text) {
  std::string out(trim_xml_space(text));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<double> parse_decimal(std::string_view text) {
  text = trim_xml_space(text);
  // from_chars takes no leading '+'; xsd:decimal and xsd:double allow one.
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  }
  // Only digits, '.', sign and exponent may start a number: this keeps out "inf", "nan", "infinity".
  if (text.empty()) return std::nullopt;
  const char first = text.front() == '-' && text.size() > 1 ? text[1] : text.front();
  if (!is_digit(first) && first != '.') return std::nullopt;
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::expected<DateTime, std::string_view> parse_xsd_datetime(std::string_view text) {
  using std::unexpected;
  const std::string_view s = trim_xml_space(text);
  if (s.empty()) return unexpected("empty");
  // YYYY-MM-DDThh:mm:ss
  const auto year = fixed_digits(s, 0, 4);
  if (!year || !char_at(s, 4, '-')) return unexpected("year must be four digits followed by '-'");
  const auto month = fixed_digits(s, 5, 2);
  if (!month || !char_at(s, 7, '-')) return unexpected("month must be two digits followed by '-'");
  const auto day = fixed_digits(s, 8, 2);
  if (!day || !char_at(s, 10, 'T')) return unexpected("day must be two digits followed by 'T'");
  const auto hour = fixed_digits(s, 11, 2);
  if (!hour || !char_at(s, 13, ':')) return unexpected("hour must be two digits followed by ':'");
  const auto minute = fixed_digits(s, 14, 2);
  if (!minute || !char_at(s, 16, ':')) return unexpected("minute must be two digits followed by ':'");
  const auto second = fixed_digits(s, 17, 2);
  if (!second) return unexpected("seconds must be two digits");
  std::size_t pos = 19;

  int millis = 0;
  bool fraction_nonzero = false;
  if (char_at(s, pos, '.')) {
    ++pos;
    const std::size_t digits_start = pos;
    int scale = 100;
    while (pos < s.size() && is_digit(s[pos])) {
      const int digit = s[pos] - '0';
      if (digit != 0) fraction_nonzero = true;
      if (scale > 0) {  // digits past the millisecond are truncated
        millis += digit * scale;
        scale /= 10;
      }
      ++pos;
    }
    if (pos == digits_start) return unexpected("'.' must be followed by digits");
  }

  DateTime out;
  if (pos == s.size()) {
    out.zone = Zone::none;
  } else if (s[pos] == 'Z' && pos + 1 == s.size()) {
    out.zone = Zone::utc;
  } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size()) {
    const auto off_h = fixed_digits(s, pos + 1, 2);
    const auto off_m = fixed_digits(s, pos + 4, 2);
    if (!off_h || !char_at(s, pos + 3, ':') || !off_m) return unexpected("zone offset must be +hh:mm or -hh:mm");
    if (*off_m > 59 || *off_h * 60 + *off_m > 14 * 60) return unexpected("zone offset out of range");
    out.zone = Zone::offset;
    out.offset_s = (s[pos] == '-' ? -1 : 1) * (*off_h * 3600 + *off_m * 60);
  } else {
    return unexpected("unexpected text after the seconds (want Z, +hh:mm, -hh:mm or nothing)");
  }

  if (*year < 1) return unexpected("year out of range");
  if (*month < 1 || *month > 12) return unexpected("month out of range");
  const std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return unexpected("day out of range");
  const bool end_of_day = *hour == 24 && *minute == 0 && *second == 0 && !fraction_nonzero;
  if (*hour > 23 && !end_of_day) return unexpected("hour out of range");
  if (*minute > 59) return unexpected("minutes out of range");
  if (*second > 59) return unexpected("seconds out of range");

  using std::chrono::milliseconds;
  const std::int64_t clock_ms = ((std::int64_t{*hour} * 60 + *minute) * 60 + *second) * 1000 + millis;
  out.utc =
      UtcMillis{std::chrono::sys_days{ymd}} + milliseconds{clock_ms} - milliseconds{std::int64_t{out.offset_s} * 1000};
  return out;
}

std::string shorten_for_message(std::string_view text, std::size_t max_bytes) {
  bool cut = false;
  if (text.size() > max_bytes) {
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;  // not inside a code point
    text = text.substr(0, end);
    cut = true;
  }
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  if (cut) out += "...";
  return out;
}

}  // namespace stridecare::importers::xml
