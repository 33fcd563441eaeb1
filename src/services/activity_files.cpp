#include "services/activity_files.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "importers/fit/decode.hpp"
#include "importers/fit/reader.hpp"
#include "importers/xml/xml_activity.hpp"
#include "services/decompress.hpp"
#include "services/file_bytes.hpp"

namespace stridecare::services {
namespace {

using domain::ErrorKind;

/// Starts (after an optional BOM and white space) with '<', or is UTF-16 with a BOM.
bool looks_like_xml(std::span<const std::uint8_t> b) {
  constexpr std::array<std::uint8_t, 3> kUtf8Bom{0xEF, 0xBB, 0xBF};
  if (b.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return true;
  std::size_t i = b.size() >= 3 && std::equal(kUtf8Bom.begin(), kUtf8Bom.end(), b.begin()) ? 3 : 0;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
  return i < b.size() && b[i] == '<';
}

}  // namespace

std::string iso_utc(importers::UtcMillis t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  const auto ms = hms.subseconds().count();
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", int(ymd.year()), unsigned(ymd.month()),
                                unsigned(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (ms != 0) out += fmt::format(".{:03}", ms);
  return out + "Z";
}

domain::Expected<importers::Recording> read_activity_file(const std::filesystem::path& path, ReadOptions options) {
  auto bytes = read_file_bytes(path, kMaxActivityFileBytes);
  if (!bytes) return std::unexpected(bytes.error());
  return decode_activity_bytes(*bytes, path.string(), options);
}

domain::Expected<importers::Recording> decode_activity_bytes(std::span<const std::uint8_t> bytes,
                                                             const std::string& name, ReadOptions options) {
  if (bytes.empty()) return domain::fail(ErrorKind::invalid_file, name, name + ": empty file (0 bytes)");
  if (is_gzip(bytes)) {
    auto plain = gunzip(bytes, name);
    if (!plain) return std::unexpected(std::move(plain.error()));
    if (is_gzip(*plain))
      return domain::fail(ErrorKind::invalid_file, name, name + ": gzip inside gzip; not an activity file");
    return decode_activity_bytes(*plain, name, options);
  }
  if (importers::fit::looks_like_fit(bytes)) {
    return importers::fit::decode_fit(bytes, name, {.strict = options.strict});
  }
  if (!looks_like_xml(bytes)) {
    return domain::fail(ErrorKind::invalid_file, name, name + ": byte 0: not a FIT, GPX or TCX file");
  }
  // XML: GPX or TCX by its root element, parsed once.
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  auto recording = importers::parse_xml_activity(text, name);
  if (!recording && recording.error().message.starts_with(name + ": not a GPX or TCX file")) {
    recording.error().message.replace(name.size() + 2, std::string_view("not a GPX").size(), "not a FIT, GPX");
  }
  return recording;
}

Json inspect_json(const std::string& path, const importers::Recording& r, bool samples) {
  Json sessions = Json::array();
  std::size_t records = 0;
  std::size_t with_position = 0;
  std::size_t laps = 0;
  Json sample_list = Json::array();
  for (const auto& s : r.sessions) {
    if (!s.synthesized) {
      sessions.push_back({{"sport", s.sport.empty() ? Json(nullptr) : Json(s.sport)},
                          {"sub_sport", s.sub_sport.empty() ? Json(nullptr) : Json(s.sub_sport)},
                          {"start", s.start ? Json(iso_utc(*s.start)) : Json(nullptr)},
                          {"utc_offset_s", optional_json(s.utc_offset_s)},
                          {"total_distance_m", optional_json(s.total_distance_m)},
                          {"total_elapsed_s", optional_json(s.total_elapsed_s)},
                          {"total_timer_s", optional_json(s.total_timer_s)}});
    }
    records += s.samples.size();
    laps += s.laps.size();
    for (const auto& p : s.samples) {
      if (p.latitude_deg && p.longitude_deg) ++with_position;
      if (!samples) continue;
      sample_list.push_back({{"time", p.time ? Json(iso_utc(*p.time)) : Json(nullptr)},
                             {"lat_deg", optional_json(p.latitude_deg)},
                             {"lon_deg", optional_json(p.longitude_deg)},
                             {"altitude_m", optional_json(p.altitude_m)},
                             {"distance_m", optional_json(p.distance_m)},
                             {"speed_m_per_s", optional_json(p.speed_m_per_s)},
                             {"heart_rate_bpm", optional_json(p.heart_rate_bpm)},
                             {"cadence_rpm", optional_json(p.cadence_rpm)}});
    }
  }
  Json out = {{"path", path},
              {"format", r.format},
              {"sessions", sessions},
              {"records", records},
              {"records_with_position", with_position},
              {"laps", laps},
              {"warnings", r.warnings}};
  if (samples) out["samples"] = std::move(sample_list);
  return out;
}

}  // namespace stridecare::services
