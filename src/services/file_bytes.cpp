#include "services/file_bytes.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stridecare::services {

std::optional<std::string> not_a_regular_file(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  switch (type) {
    case file_type::regular:
      return std::nullopt;
    case file_type::directory:
      return "a folder";
    case file_type::fifo:
      return "a named pipe (FIFO)";
    case file_type::character:
      return "a character device";
    case file_type::block:
      return "a block device";
    case file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

namespace {

std::filesystem::file_type type_of(mode_t mode) {
  using std::filesystem::file_type;
  if (S_ISREG(mode)) return file_type::regular;
  if (S_ISDIR(mode)) return file_type::directory;
  if (S_ISFIFO(mode)) return file_type::fifo;
  if (S_ISCHR(mode)) return file_type::character;
  if (S_ISBLK(mode)) return file_type::block;
  if (S_ISSOCK(mode)) return file_type::socket;
  return file_type::unknown;
}

}  // namespace

domain::Expected<std::vector<std::uint8_t>> read_file_bytes(const std::filesystem::path& path,
                                                            std::uint64_t max_bytes) {
  using domain::ErrorKind;
  const std::string name = path.string();
  // Non-blocking, so that opening a FIFO returns at once; the type is then asked of what was opened.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return domain::fail(ErrorKind::io, name, name + ": no such file");
    return domain::fail(ErrorKind::io, name, fmt::format("{}: cannot read the file: {}", name, std::strerror(err)));
  }
  const std::unique_ptr<const int, void (*)(const int*)> close{&fd, [](const int* f) { ::close(*f); }};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return domain::fail(ErrorKind::io, name, fmt::format("{}: cannot read the file: {}", name, std::strerror(errno)));
  }
  if (const auto what = not_a_regular_file(type_of(st.st_mode))) {
    return domain::fail(
        type_of(st.st_mode) == std::filesystem::file_type::directory ? ErrorKind::io : ErrorKind::invalid_file, name,
        fmt::format("{}: is {}; only regular files are read", name, *what));
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes) {
    return domain::fail(ErrorKind::invalid_file, name,
                        fmt::format("{}: {} bytes; larger than the {} MiB read at most", name, size, max_bytes >> 20));
  }
  // Read to the end rather than trusting the size: the file may be growing.
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size) + 1);
  std::size_t used = 0;
  while (true) {
    if (used == bytes.size()) {
      if (used > max_bytes) {
        return domain::fail(ErrorKind::invalid_file, name,
                            fmt::format("{}: larger than the {} MiB read at most", name, max_bytes >> 20));
      }
      bytes.resize(std::min<std::size_t>(used + kReadBlockBytes, static_cast<std::size_t>(max_bytes) + 1));
    }
    const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return domain::fail(ErrorKind::io, name, fmt::format("{}: read error: {}", name, std::strerror(errno)));
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  bytes.resize(used);
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
