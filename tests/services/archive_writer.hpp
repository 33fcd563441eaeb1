#pragma once
// Test helper: zip archives and gzip files written with libarchive, so tests
// build exactly the layout they need (nested zips, .fit.gz entries, damage).

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

namespace stridecare::testing {

using Entries = std::vector<std::pair<std::string, std::string>>;  // name, bytes

/// A zip, or with `gzip_raw` a .gz of the one entry's bytes. With `utf8_names`, the zip's entries carry
/// the UTF-8 flag (general purpose bit 11); without, names are stored as the bytes given, no flag.
inline std::string write_archive(const Entries& entries, bool gzip_raw, bool utf8_names = false) {
  std::vector<char> buffer(8u << 20);
  std::size_t used = 0;
  archive* a = archive_write_new();
  if (gzip_raw) {
    archive_write_add_filter_gzip(a);
    archive_write_set_format_raw(a);
  } else {
    archive_write_set_format_zip(a);
    if (utf8_names) archive_write_set_format_option(a, "zip", "hdrcharset", "UTF-8");
  }
  if (archive_write_open_memory(a, buffer.data(), buffer.size(), &used) != ARCHIVE_OK) {
    throw std::runtime_error(archive_error_string(a));
  }
  for (const auto& [name, bytes] : entries) {
    archive_entry* e = archive_entry_new();
    if (utf8_names) {
      archive_entry_set_pathname_utf8(e, name.c_str());
    } else {
      archive_entry_set_pathname(e, name.c_str());
    }
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    if (archive_write_header(a, e) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a));
    if (archive_write_data(a, bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size())) {
      throw std::runtime_error(archive_error_string(a));
    }
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

inline std::string zip(const Entries& entries) { return write_archive(entries, false); }
inline std::string zip_with_utf8_names(const Entries& entries) { return write_archive(entries, false, true); }
inline std::string gzip(const std::string& bytes) { return write_archive({{"data", bytes}}, true); }

}  // namespace stridecare::testing
