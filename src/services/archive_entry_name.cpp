#include "services/archive_entry_name.hpp"

#include <memory>
#include <string_view>

#include <archive.h>
#include <archive_entry.h>
#include <iconv.h>
#include <locale.h>

#include "domain/text.hpp"

namespace stridecare::services {
namespace {

/// `raw` read as CP437 (every byte is a character), or nullopt if iconv lacks the charset.
std::optional<std::string> from_cp437(std::string_view raw) {
  const iconv_t cd = iconv_open("UTF-8", "CP437");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;  // iconv_open's failure value
  const std::unique_ptr<void, int (*)(iconv_t)> close{cd, &iconv_close};
  constexpr std::size_t kMaxUtf8BytesPerCp437Byte = 3;
  std::string out(raw.size() * kMaxUtf8BytesPerCp437Byte, '\0');
  std::string in(raw);
  char* in_at = in.data();
  std::size_t in_left = in.size();
  char* out_at = out.data();
  std::size_t out_left = out.size();
  if (iconv(cd, &in_at, &in_left, &out_at, &out_left) == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<std::string> archive_entry_name(archive* a, archive_entry* entry) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return std::string(utf8);
  const char* raw = archive_entry_pathname(entry);
  if (raw == nullptr) return std::nullopt;
  const std::string_view bytes(raw);
  if (!domain::first_invalid_utf8(bytes)) return std::string(bytes);
  if ((archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP) {
    if (auto decoded = from_cp437(bytes)) return decoded;
  }
  return std::string(bytes);
}

Utf8ArchiveNames::Utf8ArchiveNames() {
  locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (utf8 == static_cast<locale_t>(nullptr)) return;  // names then stay as libarchive gives them
  utf8_ = utf8;
  previous_ = uselocale(utf8);
}

Utf8ArchiveNames::~Utf8ArchiveNames() {
  if (utf8_ == nullptr) return;
  uselocale(static_cast<locale_t>(previous_));
  freelocale(static_cast<locale_t>(utf8_));
}

}  // namespace stridecare::services
