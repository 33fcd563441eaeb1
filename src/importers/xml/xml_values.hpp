#pragma once
/// Strict readers for the text of XML elements and attributes: decimal
/// numbers and xsd:dateTime. pugixml's `as_double` reads "12abc" as 12 and
/// "undefined" as 0; these readers take the whole text or nothing.

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "importers/recording.hpp"

namespace stridecare::importers::xml {

/// `text` without XML whitespace (space, tab, CR, LF) at either end.
/// XML 1.0 white space (production S): space, tab, line feed, carriage return.
constexpr bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_xml_space(std::string_view text);

/// `text` trimmed, ASCII letters in lower case (`Running` -> `running`).
std::string ascii_lower_trimmed(std::string_view text);

/// `text` made safe for a one-line message: at most `max_bytes` bytes (cut on
/// a UTF-8 boundary, "..." appended), control characters replaced by spaces.
std::string shorten_for_message(std::string_view text, std::size_t max_bytes = 40);

/// A finite decimal number filling all of `text` (XML whitespace around it
/// allowed): optional sign, digits with an optional fraction, an optional
/// exponent. nullopt for empty text, trailing garbage, hexadecimal, `inf`,
/// `nan`, and magnitudes a double cannot hold. Uses `std::from_chars`, so it
/// is locale-independent and allocation-free.
std::optional<double> parse_decimal(std::string_view text);

/// How an xsd:dateTime stated its zone.
enum class Zone {
  none,    ///< no zone designator: the importers read such times as UTC and warn
  utc,     ///< `Z`
  offset,  ///< `+hh:mm` or `-hh:mm` (also `+00:00`)
};

struct DateTime {
  UtcMillis utc{};  ///< the instant (a time without zone is taken as UTC)
  Zone zone = Zone::none;
  int offset_s = 0;  ///< local time - UTC as written, seconds; 0 unless `zone == Zone::offset`
};

/// Parses xsd:dateTime `YYYY-MM-DDThh:mm:ss[.fff...][Z|+hh:mm|-hh:mm]` (XML
/// whitespace around it allowed). Strict: exactly four year digits
/// (0001-9999), two-digit fields, real calendar days (2024-02-29 yes,
/// 2023-02-29 no), hour 00-23 (or 24:00:00, the end of the day, as xsd
/// allows), minutes and seconds 00-59 (no leap second), offsets up to 14:00.
/// Fractional seconds of any length are truncated to milliseconds.
/// The error is a short static reason, e.g. "month out of range".
std::expected<DateTime, std::string_view> parse_xsd_datetime(std::string_view text);

}  // namespace stridecare::importers::xml
