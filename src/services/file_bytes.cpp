#include "services/file_bytes.hpp"

#include <cstdio>
#include <memory>

#include <fmt/format.h>

namespace stridecare::services {

domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path,
                                                            std::uint64_t max_bytes) {
  using domain::ErrorKind;
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return domain::fail(ErrorKind::io, name, name + ": is a directory");
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(path.c_str(), "rb"), &std::fclose};
  if (!f) return domain::fail(ErrorKind::io, name, name + ": cannot read the file");
  std::vector<std::uint8_t> bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) {
    if (size > max_bytes) {
      return domain::fail(
          ErrorKind::invalid_file, name,
          fmt::format("{}: {} bytes; larger than the {} MiB read at most", name, size, max_bytes >> 20));
    }
    bytes.reserve(size);
  }
  // Read to the end rather than trusting the size: the file may be growing (or a pipe).
  std::size_t used = 0;
  while (true) {
    bytes.resize(used + kReadBlockBytes);
    const std::size_t n = std::fread(bytes.data() + used, 1, kReadBlockBytes, f.get());
    used += n;
    if (used > max_bytes) {
      return domain::fail(ErrorKind::invalid_file, name,
                          fmt::format("{}: larger than the {} MiB read at most", name, max_bytes >> 20));
    }
    if (n < kReadBlockBytes) break;
  }
  bytes.resize(used);
  if (std::ferror(f.get()) != 0) return domain::fail(ErrorKind::io, name, name + ": read error");
  return bytes;
}

}  // namespace stridecare::services
