#pragma once
/// Whole files into memory, the one way every service reads them; and out again.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// How much a reader asks of a file or stream at a time.
inline constexpr std::size_t kReadBlockBytes = std::size_t{64} * 1024;

/// The bytes of the regular file at `path`. ErrorKind::io naming the path for
/// a folder, a missing or unreadable file; ErrorKind::invalid_file when it
/// is larger than `max_bytes`.
domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path, std::uint64_t max_bytes);

/// Replaces the file at `path` with `bytes`, all or nothing: written to a
/// temporary file beside it, flushed to disk, then renamed over it, so a full
/// disk or a killed process leaves the old file (or none) and never half a
/// new one. ErrorKind::io naming the path and the reason.
domain::Expected<void> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace stridecare::services
