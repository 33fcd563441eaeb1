// Whole-process GPX/TCX import cost, for comparison with gpsbabel by
// bench/xml_parse.sh: reads each FILE the way an importer should (one read(2)
// into one buffer reused from file to file, readied by prepare_for_writing
// when it grows; no copy), parses it in place with parse_xml_activity_in_place,
// and prints "FILES files, POINTS points, FAILED failed".
//
// Like `stridecare import`, it keeps freed memory for the next file instead of
// returning it to the kernel (mallopt below; a first touch of a page costs
// ~14 us on our VM). It links libstdc++ statically (bench/CMakeLists.txt):
// loading and relocating the shared one is 1.3 ms of start-up on a 4 ms run
// over the small corpus files, and start-up is not parsing.
// Usage: xml_parse_file FILE...

#include <cstddef>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/xml_activity.hpp"

namespace {

/// Reads the whole file into `bytes` (keeping its capacity); false when it cannot be read.
bool read_file(const char* path, std::string& bytes) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    close(fd);
    return false;
  }
  bool ok = true;
  // resize_and_overwrite leaves new buffer space untouched until read(2)
  // fills it, so prepare_for_writing applies to every page of it. The size is the
  // file's, not the callback's argument: GCC 12's libstdc++ passes the capacity there.
  const auto size = static_cast<std::size_t>(st.st_size);
  bytes.resize_and_overwrite(size, [&](char* data, std::size_t) {
    stridecare::importers::xml::prepare_for_writing(data, size);
    std::size_t got = 0;
    while (got < size) {
      const ssize_t n = read(fd, data + got, size - got);
      if (n < 0) ok = false;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    return got;
  });
  close(fd);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  constexpr int kMmapThresholdBytes = 64 << 20;  // sample vectors of big files stay on the heap
  constexpr int kTrimThresholdBytes = 256 << 20;
  constexpr int kHeapStepBytes = 16 << 20;
  mallopt(M_MMAP_THRESHOLD, kMmapThresholdBytes);
  mallopt(M_TRIM_THRESHOLD, kTrimThresholdBytes);
  mallopt(M_TOP_PAD, kHeapStepBytes);
  std::size_t points = 0;
  std::size_t failed = 0;
  std::string bytes;
  for (int i = 1; i < argc; ++i) {
    if (!read_file(argv[i], bytes)) {
      ++failed;
      continue;
    }
    const auto r = stridecare::importers::parse_xml_activity_in_place(bytes, argv[i]);
    if (!r) {
      ++failed;
      continue;
    }
    for (const auto& s : r->sessions) points += s.samples.size();
  }
  std::printf("%d files, %zu points, %zu failed\n", argc - 1, points, failed);
  return 0;
}
