#pragma once
/// Parsing a large activity file in slices, so that memory stays small
/// whatever the file's size: one slice of text and its pugixml tree at a time,
/// both reused from slice to slice, instead of a copy of the file and a tree of
/// the whole (1.2-1.7 times the file's size). On this project's VM, memory
/// new to the process costs about 1.4 ms per MB, more than pugixml takes to
/// parse it (docs/performance.md).
///
/// How: each slice ends just after an end tag of a track point (`</trkpt>`,
/// `</Trackpoint>`, whatever the prefix). The elements still open there (the
/// root, the track, the segment) are carried into the next slice as copies
/// of their start tags, attributes and namespace declarations included, so
/// each slice is parsed as a document of its own, and the reader is given
/// the elements of all of them as one document (element_walk.hpp).
///
/// The result equals the whole-document parse's. Whatever a slice cannot
/// show to be equal falls back to that parse: a file that is not UTF-8, a
/// slice pugixml does not end just inside its open elements (an end tag
/// found in a comment or CDATA, broken XML), a carried element its reader
/// would have read whole, an error of any kind (its message then comes from
/// the whole-document parse).

#include <cstddef>
#include <optional>
#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"
#include "importers/xml/format_reader.hpp"

namespace stridecare::importers::xml {

/// Text per slice, before the end tag it is cut after.
inline constexpr std::size_t kSliceBytes = std::size_t{1} << 20U;
/// Files below this size are parsed whole.
inline constexpr std::size_t kMinSlicedFileBytes = 4 * kSliceBytes;

/// The recording of `bytes` (a whole file, left as it is), read in slices of
/// about `slice_bytes`; nullopt when the file is smaller than
/// `min_file_bytes` or cannot be read in slices (see above): then parse it whole.
std::optional<domain::Expected<Recording>> parse_in_slices(std::string_view bytes, std::string_view name, Accept accept,
                                                           std::size_t slice_bytes = kSliceBytes,
                                                           std::size_t min_file_bytes = kMinSlicedFileBytes);

}  // namespace stridecare::importers::xml
