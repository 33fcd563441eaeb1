#include "services/import_sources.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <span>

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include "importers/exports/strava_activities.hpp"
#include "services/activity_files.hpp"
#include "services/archive_entry_name.hpp"
#include "services/archive_handle.hpp"
#include "services/file_bytes.hpp"

namespace stridecare::services {
namespace {

namespace fs = std::filesystem;
using domain::ErrorKind;

constexpr std::string_view kStravaIndex = "activities.csv";

using ArchivePtr = ArchiveReadPtr;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_archive_name(std::string_view name) {
  const std::string n = lower(name);
  return ends_with(n, ".zip") || ends_with(n, ".tar") || ends_with(n, ".tar.gz") || ends_with(n, ".tgz");
}

ArchivePtr new_reader() {
  ArchivePtr a{archive_read_new()};
  archive_read_support_filter_gzip(a.get());  // .tar.gz; zip entries carry their own deflate
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  return a;
}

domain::Error archive_error(archive* a, const std::string& name) {
  const char* why = archive_error_string(a);
  return domain::Error{ErrorKind::invalid_file, name,
                       fmt::format("{}: damaged archive{}: {}", name, at_input_byte(a), why ? why : "unreadable")};
}

SourceItem failed(std::string name, domain::Error e) {
  SourceItem item;
  item.name = std::move(name);
  item.error = std::move(e);
  return item;
}

/// A nested archive reads its bytes from the entry of its parent.
struct NestedInput {
  archive* parent = nullptr;
  std::array<char, kReadBlockBytes> buffer{};
};

la_ssize_t read_nested(archive* /*self*/, void* client, const void** block) {
  auto* in = static_cast<NestedInput*>(client);
  *block = in->buffer.data();
  return archive_read_data(in->parent, in->buffer.data(), in->buffer.size());
}

class Walker {
 public:
  explicit Walker(const WalkCallbacks& cb) : cb_(cb) {}

  /// False when the consumer asked to stop.
  bool path(const fs::path& p) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      return emit(failed(p.string(), {ErrorKind::io, p.string(), p.string() + ": no such file or folder"}));
    }
    if (fs::is_directory(status)) return folder(p);
    // Only regular files are opened: a FIFO blocks its reader forever, a device never ends.
    if (const auto what = not_a_regular_file(status.type())) {
      return emit(failed(p.string(),
                         {ErrorKind::invalid_file, p.string(),
                          fmt::format("{}: is {}; only regular files and folders are imported", p.string(), *what)}));
    }
    return file(p, p.string(), /*named=*/true, nullptr, {});
  }

 private:
  bool emit(SourceItem&& item) { return cb_.item(std::move(item)); }
  bool reserve(std::uint64_t bytes) { return !cb_.reserve || cb_.reserve(bytes); }

  void progress(std::uint64_t in_current_file) {
    if (cb_.progress) cb_.progress(done_bytes_ + in_current_file);
  }

  bool folder(const fs::path& root) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    if (ec) return emit(failed(root.string(), {ErrorKind::io, root.string(), root.string() + ": " + ec.message()}));
    std::sort(files.begin(), files.end());
    const auto index = strava_index_in_folder(root);
    for (const auto& f : files) {
      const std::string relative = f.lexically_relative(root).generic_string();
      if (!has_activity_extension(relative) && !is_archive_name(relative)) {
        done_bytes_ += file_size(f);
        continue;
      }
      if (!file(f, f.string(), /*named=*/false, index ? &*index : nullptr, relative)) return false;
    }
    return index ? manual_entries(*index, (root / kStravaIndex).string()) : true;
  }

  /// The export's manual entries, as one item after its files.
  bool manual_entries(const importers::StravaActivities& index, const std::string& csv_name) {
    if (index.manual.empty()) return true;
    SourceItem item;
    item.name = csv_name;
    item.manual = index.manual;
    return emit(std::move(item));
  }

  static std::uint64_t file_size(const fs::path& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : n;
  }

  std::optional<importers::StravaActivities> strava_index_in_folder(const fs::path& root) {
    const fs::path csv = root / kStravaIndex;
    std::error_code ec;
    if (!fs::is_regular_file(csv, ec)) return std::nullopt;
    auto bytes = read_file_bytes(csv, kMaxActivityFileBytes);
    if (!bytes) return std::nullopt;
    auto parsed = importers::parse_strava_activities(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), csv.string());
    if (!parsed) return std::nullopt;  // not Strava's: an unrelated activities.csv annotates nothing
    return std::move(*parsed);
  }

  static std::optional<importers::Annotation> annotation_for(const importers::StravaActivities* index,
                                                             const std::string& relative) {
    if (index == nullptr) return std::nullopt;
    const auto it = index->by_file.find(relative);
    if (it == index->by_file.end()) return std::nullopt;
    return it->second;
  }

  bool file(const fs::path& p, const std::string& name, bool named, const importers::StravaActivities* index,
            const std::string& relative) {
    const auto size = file_size(p);
    // Activity files go straight to one read; only other names are sniffed
    // for an archive signature (an export saved without its .zip).
    const bool archive = is_archive_name(name) || (!has_activity_extension(name) && archive_kind(head_of(p)));
    if (archive) {
      const bool go_on = archive_file(p, name);
      done_bytes_ += size;
      progress(0);
      return go_on;
    }
    if (!reserve(std::min(size, kMaxActivityFileBytes))) return false;
    auto bytes = read_file_bytes(p, kMaxActivityFileBytes);
    done_bytes_ += size;
    if (!bytes) return emit(failed(name, std::move(bytes.error())));
    SourceItem item;
    item.name = name;
    item.named = named;
    item.annotation = annotation_for(index, relative);
    item.bytes = std::move(*bytes);
    progress(0);
    return emit(std::move(item));
  }

  /// The first bytes of a file, enough for a signature; empty when unreadable.
  static std::vector<std::uint8_t> head_of(const fs::path& p) {
    std::vector<std::uint8_t> head(kArchiveSignatureBytes);
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f{std::fopen(p.c_str(), "rb"), &std::fclose};
    head.resize(f ? std::fread(head.data(), 1, head.size(), f.get()) : 0);
    return head;
  }

  /// A Strava export zip lists its files in activities.csv at its root. The
  /// seekable zip reader finds it through the central directory, reading
  /// nothing else.
  std::optional<importers::StravaActivities> strava_index_in_archive(const fs::path& p, const std::string& name) {
    auto a = new_reader();
    if (archive_read_open_filename(a.get(), p.c_str(), kReadBlockBytes) != ARCHIVE_OK) return std::nullopt;
    archive_entry* entry = nullptr;
    while (archive_read_next_header(a.get(), &entry) == ARCHIVE_OK) {
      const auto path = archive_entry_name(a.get(), entry);
      if (!path || *path != kStravaIndex) continue;
      auto bytes = read_entry(a.get(), entry, name + "/" + *path);
      if (!bytes) return std::nullopt;
      auto parsed = importers::parse_strava_activities(
          std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), name + "/" + *path);
      if (!parsed) return std::nullopt;
      return std::move(*parsed);
    }
    return std::nullopt;
  }

  static domain::Expected<std::vector<std::uint8_t>> read_entry(archive* a, archive_entry* entry,
                                                                const std::string& name) {
    std::vector<std::uint8_t> bytes;
    if (archive_entry_size_is_set(entry)) {
      const auto declared = archive_entry_size(entry);
      if (declared < 0 || static_cast<std::uint64_t>(declared) > kMaxActivityFileBytes) {
        return domain::fail(ErrorKind::invalid_file, name,
                            fmt::format("{}: {} bytes; larger than any activity file ({} MiB), not read", name,
                                        declared, kMaxActivityFileBytes >> 20));
      }
      bytes.reserve(static_cast<std::size_t>(declared));
    }
    std::array<std::uint8_t, kReadBlockBytes> block{};
    while (true) {
      const la_ssize_t n = archive_read_data(a, block.data(), block.size());
      if (n == 0) break;
      if (n < 0) return std::unexpected(archive_error(a, name));
      if (bytes.size() + static_cast<std::size_t>(n) > kMaxActivityFileBytes) {
        return domain::fail(
            ErrorKind::invalid_file, name,
            fmt::format("{}: larger than any activity file ({} MiB), not read", name, kMaxActivityFileBytes >> 20));
      }
      bytes.insert(bytes.end(), block.begin(), block.begin() + n);
    }
    return bytes;
  }

 public:
  bool archive_bytes(std::span<const std::uint8_t> bytes, const std::string& name) {
    auto a = new_reader();
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
      return emit(failed(name, archive_error(a.get(), name)));
    }
    return entries(a.get(), name, nullptr, /*depth=*/0);
  }

 private:
  bool archive_file(const fs::path& p, const std::string& name) {
    const auto index = strava_index_in_archive(p, name);
    auto a = new_reader();
    if (archive_read_open_filename(a.get(), p.c_str(), kReadBlockBytes) != ARCHIVE_OK) {
      return emit(failed(name, archive_error(a.get(), name)));
    }
    if (!entries(a.get(), name, index ? &*index : nullptr, /*depth=*/0)) return false;
    return index ? manual_entries(*index, name + "/" + std::string(kStravaIndex)) : true;
  }

  /// Every entry of an open archive; nested archives are walked as streams.
  bool entries(archive* a, const std::string& name, const importers::StravaActivities* index, int depth) {
    archive_entry* entry = nullptr;
    int entry_number = 0;  // from 1, to name an entry that stores no name
    while (true) {
      const int r = archive_read_next_header(a, &entry);
      if (r == ARCHIVE_EOF) return true;
      if (r != ARCHIVE_OK && r != ARCHIVE_WARN) return emit(failed(name, archive_error(a, name)));
      if (depth == 0) progress(static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_filter_bytes(a, -1))));
      if (archive_entry_filetype(entry) != AE_IFREG) continue;
      ++entry_number;
      const std::optional<std::string> entry_path = archive_entry_name(a, entry);
      if (!entry_path) {
        const std::string unnamed = fmt::format("{}/(entry {})", name, entry_number);
        if (!emit(failed(unnamed, {ErrorKind::invalid_file, unnamed,
                                   fmt::format("{}: entry {} stores no name; skipped", name, entry_number)}))) {
          return false;
        }
        continue;
      }
      const std::string& relative = *entry_path;
      std::string entry_name = name;
      entry_name += "/";
      entry_name += relative;
      if (is_archive_name(relative)) {
        if (depth >= kMaxNesting) {  // a zip quine or a bomb, not an export
          if (!emit(failed(entry_name, {ErrorKind::invalid_file, entry_name,
                                        fmt::format("{}: an archive nested {} deep; at most {} levels are read (an "
                                                    "export nests one), so it was skipped",
                                                    entry_name, depth + 2, kMaxNesting + 1)}))) {
            return false;
          }
          continue;
        }
        auto nested = new_reader();
        NestedInput input{a};
        if (archive_read_open(nested.get(), &input, nullptr, read_nested, nullptr) != ARCHIVE_OK) {
          if (!emit(failed(entry_name, archive_error(nested.get(), entry_name)))) return false;
          continue;
        }
        if (!entries(nested.get(), entry_name, nullptr, depth + 1)) return false;
        continue;
      }
      if (!has_activity_extension(relative)) continue;
      const std::uint64_t declared =
          archive_entry_size_is_set(entry)
              ? static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry)))
              : kMaxActivityFileBytes;
      if (!reserve(std::min(declared, kMaxActivityFileBytes))) return false;
      auto bytes = read_entry(a, entry, entry_name);
      if (!bytes) {
        if (!emit(failed(entry_name, std::move(bytes.error())))) return false;
        // Reading stopped inside the entry's data; the archive's stream may
        // still be in step (a size limit) or not (damage): the next header
        // call tells.
        continue;
      }
      SourceItem item;
      item.name = entry_name;
      item.bytes = std::move(*bytes);
      item.annotation = annotation_for(index, relative);
      if (!emit(std::move(item))) return false;
    }
  }

  static constexpr int kMaxNesting = 4;
  const WalkCallbacks& cb_;
  std::uint64_t done_bytes_ = 0;
};

}  // namespace

bool has_activity_extension(std::string_view name) {
  std::string n = lower(name);
  if (ends_with(n, ".gz")) n.resize(n.size() - 3);
  return ends_with(n, ".fit") || ends_with(n, ".gpx") || ends_with(n, ".tcx");
}

std::uint64_t total_input_bytes(const std::vector<std::filesystem::path>& paths) {
  std::uint64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
      }
    } else if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    }
  }
  return total;
}

void walk_archive_bytes(std::span<const std::uint8_t> bytes, const std::string& name, const WalkCallbacks& callbacks) {
  const Utf8ArchiveNames utf8_names;
  Walker w(callbacks);
  (void)w.archive_bytes(bytes, name);
}

void walk_sources(const std::vector<std::filesystem::path>& paths, const WalkCallbacks& callbacks) {
  const Utf8ArchiveNames utf8_names;
  Walker w(callbacks);
  for (const auto& p : paths) {
    if (!w.path(p)) return;
  }
}

}  // namespace stridecare::services
