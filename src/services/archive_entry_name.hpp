#pragma once
/// The name of an entry in a zip or tar archive, as UTF-8.
///
/// libarchive gives a name in UTF-8 when it knows the charset: a zip entry with the UTF-8 flag
/// (general purpose bit 11), a tar's pax header. Otherwise it has only the stored bytes, whose
/// charset the archive does not say: they are kept when they are valid UTF-8 (macOS and most tools
/// today write UTF-8 without setting the flag), and read as CP437 in a zip (APPNOTE's charset for
/// names without the flag: old Windows and DOS zips). A tar's bytes in another charset are left
/// for the import to repair (U+FFFD, with a warning).

#include <optional>
#include <string>

struct archive;
struct archive_entry;

namespace stridecare::services {

/// The name of `entry` of the open archive `a` (after archive_read_next_header), or nullopt when
/// the entry stores no name at all. `a` must have been created under a Utf8ArchiveNames.
std::optional<std::string> archive_entry_name(archive* a, archive_entry* entry);

/// While it lives, this thread's locale is C.UTF-8 (uselocale: the process locale and other threads
/// are untouched). libarchive converts a name it knows the charset of to the locale's charset,
/// fixed when an archive reader is created: in the C locale every non-ASCII name failed and
/// the entry had no name at all. Create readers while one lives.
class Utf8ArchiveNames {
 public:
  Utf8ArchiveNames();
  ~Utf8ArchiveNames();
  Utf8ArchiveNames(const Utf8ArchiveNames&) = delete;
  Utf8ArchiveNames& operator=(const Utf8ArchiveNames&) = delete;

 private:
  void* utf8_ = nullptr;      ///< locale_t
  void* previous_ = nullptr;  ///< locale_t
};

}  // namespace stridecare::services
