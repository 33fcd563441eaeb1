#pragma once
/// An owning handle for libarchive's reader, so every path out of a read
/// (errors included) frees it.

#include <memory>

#include <archive.h>

namespace stridecare::services {

struct ArchiveReadFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchiveReadPtr = std::unique_ptr<archive, ArchiveReadFree>;

}  // namespace stridecare::services
