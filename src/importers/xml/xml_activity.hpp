#pragma once
/// One entry point for XML activity files, GPX or TCX, whichever the file is.

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers {

/// Reads a GPX or TCX file from its bytes, parsing it once: the root element
/// decides the format (`gpx` as `parse_gpx` documents, `TrainingCenterDatabase`
/// as `parse_tcx` does), with those functions' results, warnings and errors.
/// Any other root: "NAME: not a GPX or TCX file (root element is <X>)"
/// (`ErrorKind::invalid_file`). Pure: no I/O, no exceptions.
///
/// Memory: a file of 4 MiB or more is parsed in slices of about 1 MiB
/// (slices.hpp), so that beyond the caller's bytes and the samples it needs a
/// few MB whatever its size; a smaller file is copied and parsed whole, and so
/// is one the slices cannot read, up to xml::kMaxWholeParseBytes (32 MiB;
/// larger: "NAME: cannot be read: N MiB of XML that cannot be read in parts
/// ..."). At most ReadOptions::max_samples points are kept.
/// A file damaged partway keeps the track points before the damage, with a
/// warning, unless `options.strict` (xml::parse_activity).
domain::Expected<Recording> parse_xml_activity(std::string_view bytes, std::string_view name, ReadOptions options = {});

/// As `parse_xml_activity`, parsing `bytes` where they lie instead of copying
/// them first: the string may be overwritten (unusable afterwards). For callers
/// that read a file only to import it: one copy of the file less in memory,
/// which matters on large files.
domain::Expected<Recording> parse_xml_activity_in_place(std::string& bytes, std::string_view name,
                                                        ReadOptions options = {});

}  // namespace stridecare::importers
