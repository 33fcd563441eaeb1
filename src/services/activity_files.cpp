#include "services/activity_files.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <xxhash.h>

#include "services/decompress.hpp"
#include "services/file_bytes.hpp"

namespace stridecare::services {
namespace {

using domain::ErrorKind;

std::string content_hash(std::span<const std::uint8_t> bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace

domain::Expected<Ingested> ingest_bytes(std::vector<std::uint8_t> bytes, const std::string& name, ReadOptions options) {
  if (is_gzip(bytes)) {
    auto unpacked = gunzip(bytes, name);
    if (!unpacked) return std::unexpected(std::move(unpacked.error()));
    if (is_gzip(*unpacked)) {
      return domain::fail(ErrorKind::invalid_file, name, name + ": gzip inside gzip; not an activity file");
    }
    bytes = std::move(*unpacked);  // the compressed bytes are freed here
  }
  auto recording = importers::decode_recording(bytes, name, options);
  if (!recording) return std::unexpected(std::move(recording.error()));
  return Ingested{std::move(*recording), content_hash(bytes)};
}

std::optional<std::string> archive_kind(std::span<const std::uint8_t> bytes) {
  const auto has = [&](std::size_t at, std::string_view magic) {
    return bytes.size() >= at + magic.size() &&
           std::equal(magic.begin(), magic.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at));
  };
  if (has(0, "PK\x03\x04") || has(0, "PK\x05\x06")) return "zip";
  constexpr std::size_t kTarMagicOffset = 257;
  if (has(kTarMagicOffset, "ustar")) return "tar";
  return std::nullopt;
}

domain::Expected<importers::Recording> read_activity_file(const std::filesystem::path& path, ReadOptions options) {
  auto bytes = read_file_bytes(path, kMaxActivityFileBytes);
  if (!bytes) return std::unexpected(bytes.error());
  if (const auto kind = archive_kind(*bytes)) {
    const std::string name = path.string();
    return domain::fail(domain::ErrorKind::invalid_file, name,
                        name + ": a " + *kind +
                            " archive; inspect reads one FIT, GPX or TCX file (`stridecare import` reads archives)");
  }
  auto ingested = ingest_bytes(std::move(*bytes), path.string(), options);
  if (!ingested) return std::unexpected(std::move(ingested.error()));
  return std::move(ingested->recording);
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
