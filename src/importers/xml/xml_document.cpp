#include "importers/xml/xml_document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/namespaces.hpp"
#include "importers/xml/xml_values.hpp"

namespace stridecare::importers::xml {
namespace {

unsigned byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

bool starts_with_bytes(std::string_view s, std::initializer_list<unsigned> prefix) {
  if (s.size() < prefix.size()) return false;
  std::size_t i = 0;
  for (unsigned b : prefix) {
    if (byte_at(s, i++) != b) return false;
  }
  return true;
}

/// Size in bytes of one code unit of `encoding` (1 for UTF-8 and Latin-1).
std::size_t unit_size(pugi::xml_encoding encoding) {
  switch (encoding) {
    case pugi::encoding_utf16_le:
    case pugi::encoding_utf16_be:
    case pugi::encoding_utf16:
      return 2;
    case pugi::encoding_utf32_le:
    case pugi::encoding_utf32_be:
    case pugi::encoding_utf32:
      return 4;
    default:
      return 1;
  }
}

/// The code unit of `encoding` at byte `i` of `s`.
std::uint32_t unit_at(std::string_view s, std::size_t i, pugi::xml_encoding encoding) {
  switch (encoding) {
    case pugi::encoding_utf16_le:
      return byte_at(s, i) | byte_at(s, i + 1) << 8U;
    case pugi::encoding_utf16_be:
      return byte_at(s, i) << 8U | byte_at(s, i + 1);
    case pugi::encoding_utf32_le:
      return byte_at(s, i) | byte_at(s, i + 1) << 8U | byte_at(s, i + 2) << 16U | byte_at(s, i + 3) << 24U;
    case pugi::encoding_utf32_be:
      return byte_at(s, i) << 24U | byte_at(s, i + 1) << 16U | byte_at(s, i + 2) << 8U | byte_at(s, i + 3);
    default:
      return byte_at(s, i);
  }
}

std::size_t utf8_length(std::uint32_t code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

/// pugixml's reason, starting in lower case so it reads inside a sentence.
std::string reason_of(const pugi::xml_parse_result& result) {
  std::string reason = result.description();
  if (!reason.empty() && reason.front() >= 'A' && reason.front() <= 'Z') {
    reason.front() = static_cast<char>(reason.front() - 'A' + 'a');
  }
  return reason;
}

}  // namespace

SourceMap SourceMap::slice(std::size_t prefix_bytes, std::size_t file_offset, std::vector<Carried> carried) {
  SourceMap map;
  map.skipped_ = file_offset;
  map.prefix_bytes_ = prefix_bytes;
  map.carried_ = std::move(carried);
  return map;
}

std::size_t SourceMap::file_offset(std::ptrdiff_t offset) const {
  const std::size_t target = offset < 0 ? 0 : static_cast<std::size_t>(offset);
  if (target < prefix_bytes_) {
    // In a copied start tag: the place of the one it copies.
    std::size_t at = skipped_;
    for (const Carried& c : carried_) {
      if (c.text_offset > target) break;
      at = c.file_offset;
    }
    return at;
  }
  const bool utf8 = encoding_ == pugi::encoding_utf8 || encoding_ == pugi::encoding_auto;
  if (utf8) return skipped_ + (target - prefix_bytes_);
  // pugixml converted the text to UTF-8: walk the source, counting the UTF-8 bytes each unit became.
  const std::size_t unit = unit_size(encoding_);
  std::size_t produced = 0;
  std::size_t i = 0;
  while (produced < target && i + unit <= parsed_.size()) {
    std::uint32_t cp = unit_at(parsed_, i, encoding_);
    std::size_t consumed = unit;
    const bool utf16 = unit == 2;
    if (utf16 && cp >= 0xD800 && cp <= 0xDBFF && i + 2 * unit <= parsed_.size()) {
      const std::uint32_t low = unit_at(parsed_, i + unit, encoding_);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
        consumed = 2 * unit;
      }
    }
    produced += utf8_length(cp);
    i += consumed;
  }
  return skipped_ + i;
}

std::size_t SourceMap::file_offset(pugi::xml_node element) const {
  const std::ptrdiff_t at_name = element.offset_debug();
  return file_offset(at_name > 0 ? at_name - 1 : 0);  // offset_debug points at the name, after '<'
}

std::unexpected<domain::Error> file_error(std::string_view name, std::string_view message) {
  std::string text(name);
  text += ": ";
  text += message;
  return domain::fail(domain::ErrorKind::invalid_file, std::string(name), std::move(text));
}

TextStart detect_text_start(std::string_view bytes) {
  // The BOM decides the encoding; pugixml is then told it explicitly, so the
  // BOM and any whitespace after it can be skipped (a declaration must come first).
  TextStart start;
  if (starts_with_bytes(bytes, {0xEF, 0xBB, 0xBF})) {
    start = {pugi::encoding_utf8, 3};
  } else if (starts_with_bytes(bytes, {0x00, 0x00, 0xFE, 0xFF})) {
    start = {pugi::encoding_utf32_be, 4};
  } else if (starts_with_bytes(bytes, {0xFF, 0xFE, 0x00, 0x00})) {
    start = {pugi::encoding_utf32_le, 4};
  } else if (starts_with_bytes(bytes, {0xFE, 0xFF})) {
    start = {pugi::encoding_utf16_be, 2};
  } else if (starts_with_bytes(bytes, {0xFF, 0xFE})) {
    start = {pugi::encoding_utf16_le, 2};
  } else if (bytes.size() >= 4 && byte_at(bytes, 0) != 0 && byte_at(bytes, 1) == 0 && byte_at(bytes, 2) != 0 &&
             byte_at(bytes, 3) == 0) {
    start.encoding = pugi::encoding_utf16_le;  // ASCII text in UTF-16 without BOM, e.g. " \0<\0?\0"
  } else if (bytes.size() >= 4 && byte_at(bytes, 0) == 0 && byte_at(bytes, 1) != 0 && byte_at(bytes, 2) == 0 &&
             byte_at(bytes, 3) != 0) {
    start.encoding = pugi::encoding_utf16_be;
  }
  const std::size_t unit = unit_size(start.encoding);
  while (start.skipped + unit <= bytes.size()) {
    const std::uint32_t cp = unit_at(bytes, start.skipped, start.encoding);
    if (cp > 0x7F || !is_xml_space(static_cast<char>(cp))) break;
    start.skipped += unit;
  }
  return start;
}

namespace {

/// The checks after pugixml has run, shared by the loaders.
domain::Expected<PartialLoad> check_loaded(const pugi::xml_document& doc, const pugi::xml_parse_result& result,
                                           std::string_view parsed, std::size_t skipped, std::string_view name) {
  PartialLoad out{SourceMap(parsed, skipped, result.encoding), std::nullopt};
  if (!result) {
    const bool in_place = result.encoding == pugi::encoding_utf8 && !parsed.empty();
    const auto stop = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    out.damage = Damage{out.map.file_offset(result.offset), reason_of(result),
                        in_place ? parsed.substr(0, std::min(stop, parsed.size())) : std::string_view{}};
  }
  // Text after the root element is not kept by pugixml, and ignored here too.
  if (const pugi::xml_node extra = second_root(doc)) {
    return file_error(name, "not XML: a second root element <" + shorten_for_message(extra.name()) + "> at byte " +
                                std::to_string(out.map.file_offset(extra)));
  }
  return out;
}

/// A load that must read the whole file: damage is an error.
domain::Expected<SourceMap> whole(domain::Expected<PartialLoad> loaded, std::string_view name) {
  if (!loaded) return std::unexpected(loaded.error());
  if (loaded->damage) return file_error(name, loaded->damage->what());
  return loaded->map;
}

/// The last element child of `node`, or an empty node.
pugi::xml_node last_element(pugi::xml_node node) {
  for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
    if (child.type() == pugi::node_element) return child;
  }
  return {};
}

}  // namespace

std::string Damage::what() const { return "not XML: " + reason + " at byte " + std::to_string(offset); }

std::vector<pugi::xml_node> last_path(const pugi::xml_document& doc) {
  std::vector<pugi::xml_node> path;
  for (pugi::xml_node n = last_element(doc); n; n = last_element(n)) path.push_back(n);
  return path;
}

pugi::xml_node second_root(const pugi::xml_document& doc) {
  bool seen_root = false;
  for (pugi::xml_node node : doc.children()) {
    if (node.type() != pugi::node_element) continue;
    if (seen_root) return node;
    seen_root = true;
  }
  return {};
}

domain::Expected<SourceMap> load_xml(pugi::xml_document& doc, std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return file_error(name, "empty file");
  const TextStart start = detect_text_start(bytes);
  const std::string_view parsed = bytes.substr(start.skipped);
  const pugi::xml_parse_result result =
      doc.load_buffer(parsed.data(), parsed.size(), kActivityParseOptions, start.encoding);
  return whole(check_loaded(doc, result, parsed, start.skipped, name), name);
}

domain::Expected<SourceMap> load_xml_in_place(pugi::xml_document& doc, std::string& bytes, std::string_view name) {
  return whole(load_xml_in_place_partial(doc, bytes, name), name);
}

domain::Expected<PartialLoad> load_xml_in_place_partial(pugi::xml_document& doc, std::string& bytes,
                                                        std::string_view name) {
  if (bytes.empty()) return file_error(name, "empty file");
  const TextStart start = detect_text_start(bytes);
  const std::string_view parsed = std::string_view(bytes).substr(start.skipped);
  // UTF-8 (and ASCII-only Latin-1) is parsed where it lies, without pugixml's
  // copy of the whole file. pugixml is given the string's terminating '\0' as
  // well, as it appends one to its own copy: without it pugixml overwrites the
  // last character with its end mark, and errors at the end of the file would
  // name the byte before. Other encodings are converted into a new buffer by
  // pugixml, leaving `bytes` as they were for the SourceMap to read.
  const bool utf8 = start.encoding == pugi::encoding_utf8 || start.encoding == pugi::encoding_auto;
  const pugi::xml_parse_result result = doc.load_buffer_inplace(
      bytes.data() + start.skipped, parsed.size() + (utf8 ? 1 : 0), kActivityParseOptions, start.encoding);
  return check_loaded(doc, result, parsed, start.skipped, name);
}

std::string_view local_name(const char* name) {
  const std::string_view full(name);
  const std::size_t colon = full.find(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

NamespaceScope::Guard NamespaceScope::enter(pugi::xml_node element) {
  const std::size_t mark = bindings_.size();
  // Called for every element: most have no attributes, and most attributes
  // are not declarations, so both are ruled out before any string compare.
  for (pugi::xml_attribute attr = element.first_attribute(); attr; attr = attr.next_attribute()) {
    const char* n = attr.name();
    if (n[0] != 'x' || std::strncmp(n, "xmlns", 5) != 0) continue;
    if (n[5] == '\0') {
      bindings_.push_back({std::string_view{}, attr.value()});
    } else if (n[5] == ':') {
      bindings_.push_back({std::string_view(n + 6), attr.value()});
    }
  }
  return Guard(*this, mark);
}

std::optional<std::string_view> NamespaceScope::uri_of(std::string_view prefix) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->prefix == prefix) return it->uri;
  }
  if (prefix.empty()) return std::string_view{};  // no default namespace declared: no namespace
  if (prefix == "xml") return ns::kXml;
  return std::nullopt;
}

QName NamespaceScope::name(pugi::xml_node element) const {
  const std::string_view full(element.name());
  const std::size_t colon = full.find(':');
  if (colon == std::string_view::npos) return QName{*uri_of({}), full, true};
  const std::optional<std::string_view> uri = uri_of(full.substr(0, colon));
  return QName{uri.value_or(std::string_view{}), full.substr(colon + 1), uri.has_value()};
}

}  // namespace stridecare::importers::xml
