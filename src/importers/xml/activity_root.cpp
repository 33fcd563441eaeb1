#include "importers/xml/activity_root.hpp"

#include <cstring>
#include <string>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/slices.hpp"

namespace stridecare::importers::xml {
namespace {

/// Reads `doc`, the whole file loaded by `load_xml` or `load_xml_in_place`.
domain::Expected<Recording> read_whole(const pugi::xml_document& doc, const SourceMap& map, std::string_view name,
                                       Accept accept) {
  WarningLog log(map);
  NamespaceScope scope;
  PointHint points;
  const ReaderContext context{scope, log, points, name};
  const pugi::xml_node root = doc.document_element();
  auto reader = [&] {
    const auto guard = scope.enter(root);
    return reader_for(root, scope.name(root), accept, context);
  }();
  if (!reader) return std::unexpected(reader.error());
  static_cast<void>(walk_elements(doc, scope, **reader));  // nothing is left open in a whole document
  return (*reader)->finish();
}

}  // namespace

std::string copy_for_parse(std::string_view bytes) {
  std::string copy;
  // resize_and_overwrite leaves the new buffer untouched until the copy, so
  // the advice applies to all of it. The size is taken from `bytes`, not from
  // the callback's argument: GCC 12's libstdc++ passes the capacity there.
  copy.resize_and_overwrite(bytes.size(), [&](char* data, std::size_t) {
    prepare_for_writing(data, bytes.size());
    std::memcpy(data, bytes.data(), bytes.size());
    return bytes.size();
  });
  return copy;
}

domain::Expected<Recording> parse_activity_in_place(std::string& bytes, std::string_view name, Accept accept) {
  if (auto sliced = parse_in_slices(bytes, name, accept)) return std::move(*sliced);
  return parse_whole_in_place(bytes, name, accept);
}

domain::Expected<Recording> parse_whole_in_place(std::string& bytes, std::string_view name, Accept accept) {
  pugi::xml_document doc;
  const auto map = load_xml_in_place(doc, bytes, name);
  if (!map) return std::unexpected(map.error());
  return read_whole(doc, *map, name, accept);
}

domain::Expected<Recording> parse_activity(std::string_view bytes, std::string_view name, Accept accept) {
  if (auto sliced = parse_in_slices(bytes, name, accept)) return std::move(*sliced);
  std::string copy = copy_for_parse(bytes);  // pugixml parses in place; the caller's bytes stay as they are
  return parse_whole_in_place(copy, name, accept);
}

}  // namespace stridecare::importers::xml
