#include "importers/xml/activity_root.hpp"

#include <cstring>
#include <string>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/xml_values.hpp"

namespace stridecare::importers::xml {
namespace {

constexpr std::string_view kGpxRoot = "gpx";
constexpr std::string_view kTcxRoot = "TrainingCenterDatabase";

std::string_view format_names(Accept accept) {
  switch (accept) {
    case Accept::gpx:
      return "GPX";
    case Accept::tcx:
      return "TCX";
    case Accept::gpx_or_tcx:
      break;
  }
  return "GPX or TCX";
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
  pugi::xml_document doc;
  const auto map = load_xml_in_place(doc, bytes, name);
  if (!map) return std::unexpected(map.error());
  WarningLog log(*map);
  NamespaceScope scope;
  const pugi::xml_node element = doc.document_element();
  const auto root_guard = scope.enter(element);
  const Root root{element, scope.name(element), scope, log, name};
  if (root.name.local == kGpxRoot && accept != Accept::tcx) return read_gpx(root);
  if (root.name.local == kTcxRoot && accept != Accept::gpx) return read_tcx(root);
  std::string message = "not a ";
  message += format_names(accept);
  message += " file (root element is <" + shorten_for_message(element.name()) + ">)";
  return file_error(name, message);
}

}  // namespace stridecare::importers::xml
