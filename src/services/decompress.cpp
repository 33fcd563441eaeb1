#include "services/decompress.hpp"

#include <array>
#include <memory>

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include "services/archive_handle.hpp"
#include "services/file_bytes.hpp"

namespace stridecare::services {
namespace {

constexpr std::uint8_t kGzipMagic0 = 0x1f;
constexpr std::uint8_t kGzipMagic1 = 0x8b;

}  // namespace

bool is_gzip(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 2 && bytes[0] == kGzipMagic0 && bytes[1] == kGzipMagic1;
}

domain::Expected<std::vector<std::uint8_t>> gunzip(std::span<const std::uint8_t> bytes, const std::string& name) {
  ArchiveReadPtr a{archive_read_new()};
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_raw(a.get());
  const auto damaged = [&](const char* why) {
    return domain::fail(
        domain::ErrorKind::invalid_file, name,
        fmt::format("{}: damaged gzip data{}: {}", name, at_input_byte(a.get()), why ? why : "unreadable"));
  };
  archive_entry* entry = nullptr;
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK ||
      archive_read_next_header(a.get(), &entry) != ARCHIVE_OK) {
    return damaged(archive_error_string(a.get()));
  }
  std::vector<std::uint8_t> out;
  out.reserve(bytes.size() * 4);
  std::array<std::uint8_t, kReadBlockBytes> block{};
  while (true) {
    const la_ssize_t n = archive_read_data(a.get(), block.data(), block.size());
    if (n == 0) break;
    if (n < 0) return damaged(archive_error_string(a.get()));
    if (out.size() + static_cast<std::size_t>(n) > kMaxDecompressedBytes) {
      return domain::fail(
          domain::ErrorKind::invalid_file, name,
          fmt::format("{}: expands beyond {} MiB; not an activity file", name, kMaxDecompressedBytes >> 20));
    }
    out.insert(out.end(), block.begin(), block.begin() + n);
  }
  return out;
}

}  // namespace stridecare::services
