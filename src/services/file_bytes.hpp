#pragma once
/// Whole files into memory, the one way every service reads them.

#include <cstdint>
#include <filesystem>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// The bytes of the regular file at `path`. ErrorKind::io naming the path for
/// a folder, a missing or unreadable file; ErrorKind::invalid_file when it
/// is larger than `max_bytes`.
domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace stridecare::services
