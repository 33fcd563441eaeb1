#pragma once
/// An owning handle for libarchive's reader, so every path out of a read
/// (errors included) frees it.

#include <cstdint>
#include <memory>
#include <string>

#include <archive.h>

namespace stridecare::services {

struct ArchiveReadFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchiveReadPtr = std::unique_ptr<archive, ArchiveReadFree>;

/// " at byte N", where the reader of `a` stands in its compressed input, for an error message; empty
/// when libarchive does not know (it answers -1, or worse, before the first block is read).
inline std::string at_input_byte(archive* a) {
  const la_int64_t at = archive_filter_bytes(a, -1);
  return at >= 0 ? " at byte " + std::to_string(at) : std::string();
}

}  // namespace stridecare::services
