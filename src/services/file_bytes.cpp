#include "services/file_bytes.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

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

domain::Expected<void> write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  using domain::ErrorKind;
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return domain::fail(ErrorKind::io, name, name + ": is a directory");
  std::string temp = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return domain::fail(ErrorKind::io, name, fmt::format("{}: cannot write beside it: {}", name, std::strerror(errno)));
  }
  const auto failed = [&](std::string_view what) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return domain::fail(ErrorKind::io, name, fmt::format("{}: {}: {}", name, what, std::strerror(err)));
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return failed("cannot write the file");
    done += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file private; a calendar or export is the user's ordinary file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) return failed("cannot set the file's permissions");
  if (::fsync(fd) != 0) return failed("cannot flush the file to disk");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return domain::fail(ErrorKind::io, name, fmt::format("{}: cannot write the file: {}", name, std::strerror(err)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return domain::fail(ErrorKind::io, name, fmt::format("{}: cannot replace the file: {}", name, std::strerror(err)));
  }
  return {};
}

}  // namespace stridecare::services
