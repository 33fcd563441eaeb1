#pragma once
/// One entry point for an activity file's bytes, whatever its format: the
/// format is recognised once, from the content (never from the file name), and
/// the bytes go to the decoder that reads it.

#include <cstdint>
#include <span>
#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers {

/// The formats recognised from a file's first bytes.
enum class Sniffed { fit, xml, unknown };

/// FIT by its header; XML when it starts (after an optional BOM and white
/// space) with '<', or is UTF-16 with a BOM. Gzip is the caller's to unwrap.
Sniffed sniff(std::span<const std::uint8_t> bytes);

/// Decodes the (uncompressed) bytes of one FIT, GPX or TCX file, as
/// `fit::decode_fit` and `parse_xml_activity` document. Errors
/// (`ErrorKind::invalid_file`) start with `name`: "NAME: empty file (0 bytes)",
/// "NAME: byte 0: not a FIT, GPX or TCX file", "NAME: not a FIT, GPX or TCX
/// file (root element is <X>)" or the decoder's own. Pure: no I/O.
domain::Expected<Recording> decode_recording(std::span<const std::uint8_t> bytes, std::string_view name,
                                             ReadOptions options = {});

}  // namespace stridecare::importers
