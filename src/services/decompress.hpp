#pragma once
/// Gzip in memory: Strava stores most activity files as `.fit.gz`/`.tcx.gz`.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// An activity file holds at most this much once decompressed: the limit of a file read as it is
/// (kMaxActivityFileBytes), so that compression is no way around it.
inline constexpr std::uint64_t kMaxDecompressedBytes = 256ULL << 20;

bool is_gzip(std::span<const std::uint8_t> bytes);

/// The size `bytes` (gzip) states in its trailer (RFC 1952 ISIZE: the size of the last member, modulo 2^32);
/// nullopt when too short to hold one.
std::optional<std::uint64_t> gzip_stated_size(std::span<const std::uint8_t> bytes);

/// The decompressed bytes, in one allocation of the size the trailer states: memory never holds more than
/// that, and a gzip bomb is refused before anything is decompressed. ErrorKind::invalid_file naming `name`:
///   - "NAME: expands to N MiB, its gzip trailer states; an activity file holds at most 256 MiB";
///   - "NAME: expands beyond the N bytes its gzip trailer states (damaged, or several gzip files joined
///     together); not read";
///   - "NAME: damaged gzip data at byte N: REASON".
domain::Expected<std::vector<std::uint8_t>> gunzip(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace stridecare::services
