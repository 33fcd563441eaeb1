#pragma once
/// A format's reader (GPX, TCX) and the choice of one by the root element.

#include <array>
#include <memory>
#include <string_view>

#include <pugixml.hpp>

#include "domain/error.hpp"
#include "importers/recording.hpp"
#include "importers/xml/element_walk.hpp"
#include "importers/xml/sample_fields.hpp"
#include "importers/xml/warning_log.hpp"
#include "importers/xml/xml_document.hpp"

namespace stridecare::importers::xml {

/// What a format's reader uses besides the elements. The references live for
/// the whole read.
struct ReaderContext {
  NamespaceScope& scope;
  WarningLog& log;
  PointHint& points;
  std::string_view file_name;  ///< names the file in errors
};

/// A format's reader: given the root element and everything below it
/// (`walk_elements`), then asked for the result once.
class FormatReader : public ElementReader {
 public:
  /// The recording, or the file's error (e.g. nothing to import).
  virtual domain::Expected<Recording> finish() = 0;
};

/// The formats a caller accepts; a root of another one is an error naming it.
enum class Accept { gpx, tcx, gpx_or_tcx };

/// The reader for the root element `root` (entered, named `name`): `gpx`
/// (gpx.cpp) or `TrainingCenterDatabase` (tcx.cpp), as far as `accept` allows.
/// Another root: "NAME: not a GPX file (root element is <X>)", "... not a TCX
/// file ..." or "... not a GPX or TCX file ...".
domain::Expected<std::unique_ptr<FormatReader>> reader_for(pugi::xml_node root, const QName& name, Accept accept,
                                                           const ReaderContext& context);

/// The local names of the formats' track points: GPX `trkpt`, TCX `Trackpoint`.
inline constexpr std::array<std::string_view, 2> kTrackPoints{"trkpt", "Trackpoint"};

/// The local name of the track point of the format whose root element has the local name `root`
/// (`trkpt` for `gpx`, `Trackpoint` for `TrainingCenterDatabase`); empty for another root.
std::string_view track_point_of(std::string_view root);

/// The readers, one per format (gpx.cpp, tcx.cpp).
std::unique_ptr<FormatReader> make_gpx_reader(const ReaderContext& context);
std::unique_ptr<FormatReader> make_tcx_reader(const ReaderContext& context);

}  // namespace stridecare::importers::xml
