#include "importers/xml/format_reader.hpp"

#include <string>

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

std::string_view track_point_of(std::string_view root) {
  if (root == kGpxRoot) return kTrackPoints[0];
  if (root == kTcxRoot) return kTrackPoints[1];
  return {};
}

domain::Expected<std::unique_ptr<FormatReader>> reader_for(pugi::xml_node root, const QName& name, Accept accept,
                                                           const ReaderContext& context) {
  if (name.local == kGpxRoot && accept != Accept::tcx) return make_gpx_reader(context);
  if (name.local == kTcxRoot && accept != Accept::gpx) return make_tcx_reader(context);
  std::string message = "not a ";
  message += format_names(accept);
  message += " file (root element is <" + shorten_for_message(root.name()) + ">)";
  return file_error(context.file_name, message);
}

}  // namespace stridecare::importers::xml
