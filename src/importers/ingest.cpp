#include "importers/ingest.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "importers/fit/decode.hpp"
#include "importers/fit/reader.hpp"
#include "importers/xml/xml_activity.hpp"

namespace stridecare::importers {
namespace {

bool looks_like_xml(std::span<const std::uint8_t> b) {
  constexpr std::array<std::uint8_t, 3> kUtf8Bom{0xEF, 0xBB, 0xBF};
  if (b.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return true;
  std::size_t i = b.size() >= 3 && std::equal(kUtf8Bom.begin(), kUtf8Bom.end(), b.begin()) ? 3 : 0;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
  return i < b.size() && b[i] == '<';
}

}  // namespace

Sniffed sniff(std::span<const std::uint8_t> bytes) {
  if (fit::looks_like_fit(bytes)) return Sniffed::fit;
  if (looks_like_xml(bytes)) return Sniffed::xml;
  return Sniffed::unknown;
}

domain::Expected<Recording> decode_recording(std::span<const std::uint8_t> bytes, std::string_view name,
                                             ReadOptions options) {
  const std::string who(name);
  if (bytes.empty()) return domain::fail(domain::ErrorKind::invalid_file, who, who + ": empty file (0 bytes)");
  switch (sniff(bytes)) {
    case Sniffed::fit:
      return fit::decode_fit(bytes, name, {.strict = options.strict, .max_samples = options.max_samples});
    case Sniffed::unknown:
      return domain::fail(domain::ErrorKind::invalid_file, who, who + ": byte 0: not a FIT, GPX or TCX file");
    case Sniffed::xml:
      break;
  }
  // GPX or TCX by its root element, parsed once.
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  auto recording = parse_xml_activity(text, name, options);
  if (!recording && recording.error().message.starts_with(who + ": not a GPX or TCX file")) {
    // Only this reader knows FIT was tried too.
    recording.error().message.replace(who.size() + 2, std::string_view("not a GPX").size(), "not a FIT, GPX");
  }
  return recording;
}

}  // namespace stridecare::importers
