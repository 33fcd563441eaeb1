#pragma once
/// Whole files into memory, the one way every service reads them; and out again.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace stridecare::services {

/// How much a reader asks of a file or stream at a time.
inline constexpr std::size_t kReadBlockBytes = std::size_t{64} * 1024;

/// What a file of type `type` is, in words ("a named pipe (FIFO)", "a character device"...), when
/// it is not a regular file; nullopt for a regular file. Only regular files are read: a FIFO would
/// block the reader forever, a device would never end.
std::optional<std::string> not_a_regular_file(std::filesystem::file_type type);

/// The bytes of the regular file at `path`. ErrorKind::io naming the path for
/// a folder, a missing or unreadable file; ErrorKind::invalid_file for anything
/// that is not a regular file (never opened for reading, so a FIFO does not
/// block) or that is larger than `max_bytes`.
domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path, std::uint64_t max_bytes);

/// Replaces the file at `path` with `bytes`, all or nothing: written to a
/// temporary file beside it, flushed to disk, then renamed over it, so a full
/// disk or a killed process leaves the old file (or none) and never half a
/// new one. ErrorKind::io naming the path and the reason.
domain::Expected<void> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace stridecare::services
