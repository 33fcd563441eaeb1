#pragma once
/// Parsing a large activity file in slices, so that memory stays small
/// whatever the file's size: one slice of text and its pugixml tree at a time,
/// both reused from slice to slice, instead of a copy of the file and a tree of
/// the whole (1.2-1.7 times the file's size). On this project's VM, memory
/// new to the process costs about 1.4 ms per MB, more than pugixml takes to
/// parse it (docs/performance.md).
///
/// How: each slice ends just after a track point: after its end tag
/// (`</trkpt>`, `</Trackpoint>`, whatever the prefix), or after the `/>` of a
/// point written as an empty element, just before the next point's start tag. The elements still open there (the
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
/// A file the slices cannot read is parsed whole up to this size: pugixml's tree of a whole file takes up
/// to 5 times its text (a bare `<trkpt lat=".." lon=".."/>` is a node and two attributes), which a larger
/// file would make more memory than an import may hold (services/import_memory.hpp).
inline constexpr std::size_t kMaxWholeParseBytes = 32 * kSliceBytes;

/// The recording of `bytes` (a whole file, left as it is), read in slices of
/// about `slice_bytes`; nullopt when the file is smaller than
/// `min_file_bytes` or cannot be read in slices (see above): then parse it whole.
/// `options.strict` changes nothing here (damage always declines); `options.max_samples` applies.
std::optional<domain::Expected<Recording>> parse_in_slices(std::string_view bytes, std::string_view name, Accept accept,
                                                           std::size_t slice_bytes = kSliceBytes,
                                                           std::size_t min_file_bytes = kMinSlicedFileBytes,
                                                           ReadOptions options = {});

}  // namespace stridecare::importers::xml
