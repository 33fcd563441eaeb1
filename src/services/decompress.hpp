#pragma once
/// Gzip in memory: Strava stores most activity files as `.fit.gz`/`.tcx.gz`.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// A gzip member expanding beyond this is a bomb, not an activity file.
inline constexpr std::uint64_t kMaxDecompressedBytes = 512ULL << 20;

bool is_gzip(std::span<const std::uint8_t> bytes);

/// The decompressed bytes; ErrorKind::invalid_file naming `name` when the
/// stream is damaged or expands beyond kMaxDecompressedBytes.
domain::Expected<std::vector<std::uint8_t>> gunzip(std::span<const std::uint8_t> bytes, const std::string& name);

}  // namespace stridecare::services
