#pragma once
/// Reading activity files from disk: the I/O around the pure importers.
/// The format is recognised by content, not by the file name.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "domain/error.hpp"
#include "importers/ingest.hpp"
#include "importers/recording.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

/// No activity file is larger: FIT files of a 24-hour ultra are tens of MB.
inline constexpr std::uint64_t kMaxActivityFileBytes = 256ULL << 20;

using ReadOptions = importers::ReadOptions;

/// One activity file as read: gzip unwrapped once, the format sniffed once, decoded.
struct Ingested {
  importers::Recording recording;
  /// XXH3-128 of the unwrapped bytes, hex: the same file gzipped or not is one source.
  std::string content_hash;
};

/// The one ingest path of `import` and `inspect`: bytes of one FIT, GPX or TCX
/// file, gzip-compressed or not, in; the decoded recording out. `name` is used
/// in messages. Errors (`invalid_file`) name it, the byte offset where one
/// applies, and the reason. Pure.
///
/// Memory: the compressed bytes are freed once decompressed, so that a file
/// holds at most its larger form while it is decoded (the limits of
/// kMaxActivityFileBytes and kMaxDecompressedBytes, and ReadOptions::max_samples).
domain::Expected<Ingested> ingest_bytes(std::vector<std::uint8_t> bytes, const std::string& name,
                                        ReadOptions options = {});

/// Bytes enough for archive_kind to tell: a tar's magic ends at byte 262.
inline constexpr std::size_t kArchiveSignatureBytes = 262;

/// "zip" or "tar" when `bytes` (the first kArchiveSignatureBytes are enough) begin as that archive
/// does: a zip's local-file or end-of-directory signature, a ustar magic. nullopt otherwise.
std::optional<std::string> archive_kind(std::span<const std::uint8_t> bytes);

/// Reads one file (at most kMaxActivityFileBytes) and ingests it; `io` errors name the file.
domain::Expected<importers::Recording> read_activity_file(const std::filesystem::path& path, ReadOptions options = {});

/// The `inspect --json` document of one file: path, format, sessions with
/// their totals, record counts, laps, warnings; with `samples`, every
/// record's time, position, altitude, distance, speed, heart rate and cadence.
Json inspect_json(const std::string& path, const importers::Recording& r, bool samples);

}  // namespace stridecare::services
