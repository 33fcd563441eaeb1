#pragma once
/// The start every XML activity parse shares: load the file, enter its root
/// element, and hand it to the reader of its format. GPX and TCX are told
/// apart by the root element's local name, so a file is parsed once whatever
/// format the caller expects.

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "domain/error.hpp"
#include "importers/recording.hpp"
#include "importers/xml/warning_log.hpp"
#include "importers/xml/xml_document.hpp"

namespace stridecare::importers::xml {

/// The document element of a loaded file, entered into `scope`, and what a
/// reader needs below it. The references live for the whole read.
struct Root {
  pugi::xml_node element;
  QName name;  ///< the root element's expanded name
  NamespaceScope& scope;
  WarningLog& log;
  std::string_view file_name;  ///< names the file in errors
};

/// The formats a caller accepts; a root of another one is an error naming it.
enum class Accept { gpx, tcx, gpx_or_tcx };

/// Loads `bytes` in place (`load_xml_in_place`: they are overwritten), checks
/// the root element and reads it with `read_gpx` or `read_tcx`. A root that is
/// not accepted: "NAME: not a GPX file (root element is <X>)", "... not a TCX
/// file ..." or "... not a GPX or TCX file ...".
domain::Expected<Recording> parse_activity_in_place(std::string& bytes, std::string_view name, Accept accept);

/// A copy of `bytes` for `parse_activity_in_place`, so that the caller's stay
/// as they are; a large copy asks for huge pages (huge_pages.hpp).
std::string copy_for_parse(std::string_view bytes);

/// The readers, one per format (gpx.cpp, tcx.cpp): the recording below a root
/// whose local name is `gpx`, resp. `TrainingCenterDatabase`.
domain::Expected<Recording> read_gpx(const Root& root);
domain::Expected<Recording> read_tcx(const Root& root);

}  // namespace stridecare::importers::xml
