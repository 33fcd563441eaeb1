#pragma once
/// The start every XML activity parse shares: load the file (whole, or in
/// slices when it is large: slices.hpp), pick the reader of its format by the
/// root element, and give it the elements. GPX and TCX are told apart by the
/// root element's local name, so a file is parsed once whatever format the
/// caller expects.

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"
#include "importers/xml/format_reader.hpp"

namespace stridecare::importers::xml {

/// Parses `bytes` into a recording: in slices when they are large enough and
/// the slices can be read apart (`parse_in_slices`), else whole, in place
/// (`load_xml_in_place_partial`: the bytes are then overwritten).
///
/// A file that stops being XML partway (cut short, or a damaged byte) keeps
/// the track points read before the damage, less the one it was in, with the
/// warning "recovered, damaged at byte N (not XML: REASON): kept the K track
/// points before it; the rest of the file is not read". With
/// `options.strict`, or when no track point would be kept, it is the error
/// "NAME: not XML: REASON at byte N".
domain::Expected<Recording> parse_activity_in_place(std::string& bytes, std::string_view name, Accept accept,
                                                    ReadOptions options = {});

/// As `parse_activity_in_place`, leaving `bytes` as they are: slices are
/// copied one at a time, a file parsed whole is copied first.
domain::Expected<Recording> parse_activity(std::string_view bytes, std::string_view name, Accept accept,
                                           ReadOptions options = {});

/// As `parse_activity_in_place`, always parsing the whole file at once: what
/// a parse in slices must equal (tests).
domain::Expected<Recording> parse_whole_in_place(std::string& bytes, std::string_view name, Accept accept,
                                                 ReadOptions options = {});

/// A copy of `bytes` for `parse_activity_in_place`, so that the caller's stay
/// as they are; a large copy asks for huge pages (huge_pages.hpp).
std::string copy_for_parse(std::string_view bytes);

}  // namespace stridecare::importers::xml
