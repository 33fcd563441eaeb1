#include "services/import_memory.hpp"

#include <algorithm>

#include "domain/recorded.hpp"
#include "importers/recording.hpp"
#include "services/decompress.hpp"

namespace stridecare::services {
namespace {

/// The fewest bytes a point takes in a file: a FIT record with a compressed-timestamp header and one field.
constexpr std::uint64_t kMinBytesPerPoint = 2;

}  // namespace

std::uint64_t memory_need(std::span<const std::uint8_t> bytes) {
  const std::uint64_t read = bytes.size();
  std::uint64_t decompressed = 0;
  if (is_gzip(bytes)) {
    const std::uint64_t stated = gzip_stated_size(bytes).value_or(0);
    if (stated > kMaxDecompressedBytes) return read;  // refused before anything is decompressed
    decompressed = stated;
  }
  const std::uint64_t data = is_gzip(bytes) ? decompressed : read;
  const std::uint64_t points = std::min<std::uint64_t>(importers::kMaxSamples, data / kMinBytesPerPoint);
  return read + decompressed + points * (2 * sizeof(importers::Sample) + sizeof(domain::TrackPoint));
}

}  // namespace stridecare::services
