// Whole-process GPX/TCX import cost, for comparison with gpsbabel by
// bench/xml_parse.sh: reads each FILE the way an importer should (one read(2)
// into one buffer per thread reused from file to file, readied by
// prepare_for_writing when it grows; no copy), parses it with
// parse_xml_activity_in_place (in place, or in slices from the buffer when it
// has 4 MiB or more: importers/xml/slices.hpp), and prints "FILES files, POINTS points, FAILED
// failed".
//
// Like `stridecare import`, it parses files on every core (`-j N` sets the
// thread count; -j 1 gives the single-core figure), and runs with the
// program's allocator settings (cli/allocator.hpp: freed memory kept for the
// next file, the heap grown in one step on huge pages and used from its first
// huge page on; a first touch of a
// 4 KiB page costs ~14 us on our VM). It links libstdc++
// statically (bench/CMakeLists.txt): loading and relocating the shared one is
// 1.3 ms of start-up on a 4 ms run over the small corpus files, and start-up
// is not parsing.
// Usage: xml_parse_file [-j N] FILE...

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/allocator.hpp"
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

/// Parses the files of `paths` not yet taken (`next` hands them out) until none is left.
void parse_files(std::span<char* const> paths, std::atomic<std::size_t>& next, std::atomic<std::size_t>& points,
                 std::atomic<std::size_t>& failed) {
  std::string bytes;
  std::size_t my_points = 0;
  std::size_t my_failed = 0;
  for (std::size_t i = next++; i < paths.size(); i = next++) {
    if (!read_file(paths[i], bytes)) {
      ++my_failed;
      continue;
    }
    const auto r = stridecare::importers::parse_xml_activity_in_place(bytes, paths[i]);
    if (!r) {
      ++my_failed;
      continue;
    }
    for (const auto& s : r->sessions) my_points += s.samples.size();
  }
  points += my_points;
  failed += my_failed;
}

}  // namespace

int main(int argc, char** argv) {
  stridecare::cli::tune_allocator();  // as the stridecare program does first
  stridecare::importers::xml::install_huge_page_arena();
  std::span<char* const> paths(argv + 1, static_cast<std::size_t>(argc - 1));
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  if (paths.size() >= 2 && std::strcmp(paths[0], "-j") == 0) {
    const std::string_view n = paths[1];
    if (std::from_chars(n.data(), n.data() + n.size(), threads).ec != std::errc{} || threads == 0) {
      std::fprintf(stderr, "xml_parse_file: -j wants a positive whole number, not '%s'\n", paths[1]);
      return 2;
    }
    paths = paths.subspan(2);
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(paths.size(), 1)));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> points{0};
  std::atomic<std::size_t> failed{0};
  {
    std::vector<std::jthread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back([&] { parse_files(paths, next, points, failed); });
    parse_files(paths, next, points, failed);
  }
  std::printf("%zu files, %zu points, %zu failed\n", paths.size(), points.load(), failed.load());
  return 0;
}
