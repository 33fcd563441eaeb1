#include "importers/xml/sample_fields.hpp"

#include <cmath>
#include <string>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/xml_document.hpp"

namespace stridecare::importers::xml {
namespace {

constexpr std::string_view kNotANumber = "value that is not a number ignored";
constexpr std::string_view kNegative = "negative value ignored";
constexpr std::string_view kTooLarge = "value too large ignored";
constexpr std::string_view kBadTime = "time that is not an xsd:dateTime ignored";
constexpr std::string_view kNoZone = "times without a zone read as UTC";
constexpr std::string_view kNoCoordinates = "track point without lat/lon kept without a position";
constexpr std::string_view kBadCoordinates = "non-numeric position ignored, point kept";
constexpr std::string_view kOutOfRange = "position out of range ignored, point kept";
constexpr std::string_view kNullIsland = "position 0,0 (no GPS fix) ignored, point kept";

void detail_value(WarningLog& log, pugi::xml_node element, std::string_view text) {
  std::string d = "<";
  d += element.name();
  d += "> \"";
  d += shorten_for_message(text);
  d += "\"";
  log.detail(d);
}

std::string coordinates(const char* lat, const char* lon) {
  return "lat=\"" + shorten_for_message(lat) + "\" lon=\"" + shorten_for_message(lon) + "\"";
}

}  // namespace

std::size_t count_elements(pugi::xml_node node, std::span<const std::string_view> path) {
  if (path.empty()) return 1;
  std::size_t n = 0;
  for (pugi::xml_node child : node.children()) {
    if (is_element(child) && local_name(child.name()) == path.front()) n += count_elements(child, path.subspan(1));
  }
  return n;
}

void reserve_samples(std::vector<Sample>& samples, std::size_t n) {
  samples.reserve(n);
  prepare_for_writing(samples.data(), samples.capacity() * sizeof(Sample));
}

void read_number(pugi::xml_node element, std::optional<double>& out, Range range, WarningLog& log) {
  if (out) return;
  const std::string_view text = trim_xml_space(element.child_value());
  if (text.empty()) return;
  const std::optional<double> value = parse_decimal(text);
  if (!value) {
    if (log.note(kNotANumber, element)) detail_value(log, element, text);
    return;
  }
  if (range == Range::non_negative && *value < 0.0) {
    if (log.note(kNegative, element)) detail_value(log, element, text);
    return;
  }
  out = *value;
}

void read_whole(pugi::xml_node element, std::optional<int>& out, WarningLog& log) {
  if (out) return;
  std::optional<double> value;
  read_number(element, value, Range::non_negative, log);
  if (!value) return;
  if (*value > 1'000'000.0) {
    if (log.note(kTooLarge, element)) detail_value(log, element, trim_xml_space(element.child_value()));
    return;
  }
  out = static_cast<int>(std::lround(*value));
}

std::optional<DateTime> read_time(pugi::xml_node element, WarningLog& log) {
  const std::string_view text = element.child_value();
  const auto parsed = parse_xsd_datetime(text);
  if (!parsed) {
    if (log.note(kBadTime, element)) {
      std::string d = "\"";
      d += shorten_for_message(trim_xml_space(text));
      d += "\", ";
      d += parsed.error();
      log.detail(d);
    }
    return std::nullopt;
  }
  if (parsed->zone == Zone::none && log.note(kNoZone, element)) log.detail(trim_xml_space(text));
  return *parsed;
}

void read_position(const char* lat_text, const char* lon_text, pugi::xml_node point, Sample& sample, bool warn_missing,
                   WarningLog& log) {
  const bool lat_empty = trim_xml_space(lat_text).empty();
  const bool lon_empty = trim_xml_space(lon_text).empty();
  if (lat_empty && lon_empty) {
    if (warn_missing) log.note(kNoCoordinates, point);
    return;
  }
  const std::optional<double> lat = parse_decimal(lat_text);
  const std::optional<double> lon = parse_decimal(lon_text);
  if (!lat || !lon) {
    if (log.note(kBadCoordinates, point)) log.detail(coordinates(lat_text, lon_text));
    return;
  }
  if (std::fabs(*lat) > 90.0 || std::fabs(*lon) > 180.0) {
    if (log.note(kOutOfRange, point)) log.detail(coordinates(lat_text, lon_text));
    return;
  }
  if (*lat == 0.0 && *lon == 0.0) {
    log.note(kNullIsland, point);
    return;
  }
  sample.latitude_deg = *lat;
  sample.longitude_deg = *lon;
}

}  // namespace stridecare::importers::xml
