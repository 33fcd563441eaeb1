#include "importers/xml/xml_activity.hpp"

#include <string>

#include "importers/xml/activity_root.hpp"

namespace stridecare::importers {

domain::Expected<Recording> parse_xml_activity(std::string_view bytes, std::string_view name, ReadOptions options) {
  return xml::parse_activity(bytes, name, xml::Accept::gpx_or_tcx, options);
}

domain::Expected<Recording> parse_xml_activity_in_place(std::string& bytes, std::string_view name,
                                                        ReadOptions options) {
  return xml::parse_activity_in_place(bytes, name, xml::Accept::gpx_or_tcx, options);
}

}  // namespace stridecare::importers
