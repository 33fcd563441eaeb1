#include "services/decompress.hpp"

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

std::optional<std::uint64_t> gzip_stated_size(std::span<const std::uint8_t> bytes) {
  constexpr std::size_t kHeaderAndTrailerBytes = 18;  // a member's fixed header (10) and trailer (8)
  if (!is_gzip(bytes) || bytes.size() < kHeaderAndTrailerBytes) return std::nullopt;
  const auto at = bytes.size() - 4;
  return std::uint64_t{bytes[at]} | std::uint64_t{bytes[at + 1]} << 8U | std::uint64_t{bytes[at + 2]} << 16U |
         std::uint64_t{bytes[at + 3]} << 24U;
}

domain::Expected<std::vector<std::uint8_t>> gunzip(std::span<const std::uint8_t> bytes, const std::string& name) {
  // The trailer's size bounds what is allocated. It is the last member's size modulo 2^32: a file stating
  // more than the limit expands beyond it (or is damaged), and one expanding beyond what it states is
  // damaged or several members joined, which is refused rather than grown into unknown memory.
  const std::uint64_t stated = gzip_stated_size(bytes).value_or(0);
  if (stated > kMaxDecompressedBytes) {
    return domain::fail(domain::ErrorKind::invalid_file, name,
                        fmt::format("{}: expands to {} MiB, its gzip trailer states; an activity file holds at most "
                                    "{} MiB",
                                    name, stated >> 20, kMaxDecompressedBytes >> 20));
  }
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
  std::vector<std::uint8_t> out(static_cast<std::size_t>(stated));
  std::size_t used = 0;
  while (true) {
    // One byte of room more than stated, to see a stream that goes on.
    std::uint8_t spare = 0;
    std::uint8_t* into = used < out.size() ? out.data() + used : &spare;
    const std::size_t room = used < out.size() ? out.size() - used : 1;
    const la_ssize_t n = archive_read_data(a.get(), into, room);
    if (n == 0) break;
    if (n < 0) return damaged(archive_error_string(a.get()));
    if (into == &spare) {
      return domain::fail(domain::ErrorKind::invalid_file, name,
                          fmt::format("{}: expands beyond the {} bytes its gzip trailer states (damaged, or several "
                                      "gzip files joined together); not read",
                                      name, stated));
    }
    used += static_cast<std::size_t>(n);
  }
  out.resize(used);
  return out;
}

}  // namespace stridecare::services
