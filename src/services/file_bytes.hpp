#pragma once
/// Whole files into memory, the one way every service reads them.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// How much a reader asks of a file or stream at a time.
inline constexpr std::size_t kReadBlockBytes = 64 * 1024;

/// The bytes of the regular file at `path`. ErrorKind::io naming the path for
/// a folder, a missing or unreadable file; ErrorKind::invalid_file when it
/// is larger than `max_bytes`.
domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace stridecare::services
