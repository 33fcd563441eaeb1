#pragma once
/// Reading activity files from disk: the I/O around the pure importers.
/// The format is recognised by content, not by the file name.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "domain/error.hpp"
#include "importers/recording.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

/// No activity file is larger: FIT files of a 24-hour ultra are tens of MB.
inline constexpr std::uint64_t kMaxActivityFileBytes = 256ULL << 20;

struct ReadOptions {
  bool strict = false;  ///< fail on damage instead of keeping what decoded before it
};

/// Reads and decodes one FIT, GPX or TCX file. Errors (`invalid_file`, `io`)
/// name the file, the byte offset where one applies, and the reason.
domain::Expected<importers::Recording> read_activity_file(const std::filesystem::path& path, ReadOptions options = {});

/// Decodes the bytes of one FIT, GPX or TCX file, gzip-compressed or not;
/// `name` is used in messages. Pure.
domain::Expected<importers::Recording> decode_activity_bytes(std::span<const std::uint8_t> bytes,
                                                             const std::string& name, ReadOptions options = {});

/// The `inspect --json` document of one file: path, format, sessions with
/// their totals, record counts, laps, warnings; with `samples`, every
/// record's time, position, altitude, distance, speed, heart rate and cadence.
Json inspect_json(const std::string& path, const importers::Recording& r, bool samples);

/// ISO 8601 UTC, `2017-06-11T14:34:09Z`, with milliseconds only when not zero.
std::string iso_utc(importers::UtcMillis t);

}  // namespace stridecare::services
