#include "importers/xml/activity_root.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <string>

#include "importers/xml/huge_pages.hpp"
#include "importers/xml/slices.hpp"

namespace stridecare::importers::xml {
namespace {

/// Reads `doc`, the whole file loaded by `load_xml` or `load_xml_in_place`.
domain::Expected<Recording> read_whole(const pugi::xml_document& doc, const SourceMap& map, std::string_view name,
                                       Accept accept, std::size_t max_samples) {
  WarningLog log(map);
  NamespaceScope scope;
  PointHint points{.left = max_samples};
  const ReaderContext context{scope, log, points, name};
  const pugi::xml_node root = doc.document_element();
  auto reader = [&] {
    const auto guard = scope.enter(root);
    return reader_for(root, scope.name(root), accept, context);
  }();
  if (!reader) return std::unexpected(reader.error());
  static_cast<void>(walk_elements(doc, scope, **reader));  // nothing is left open in a whole document
  auto recording = (*reader)->finish();
  if (recording && points.dropped > 0) {
    recording->warnings.push_back(samples_dropped_warning(points.dropped, max_samples));
  }
  return recording;
}

/// True when each element of `path`, innermost first, has its end tag (`/NAME>`: the `<` may be overwritten by
/// the in-place parse) in `tail`, in that order: they all closed, the root last, before pugixml stopped, so the
/// damage lies after the document (text after it that is not XML).
bool closed_in(std::span<const pugi::xml_node> path, std::string_view tail) {
  std::size_t at = 0;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const std::string end = std::string("/") + it->name() + ">";
    const std::size_t found = tail.find(end, at);
    if (found == std::string_view::npos) return false;
    at = found + end.size();
  }
  return true;
}

/// Keeps, of a document pugixml stopped reading, only what it finished: drops the track point it was in (a
/// point without the time or heart rate that came after the damage is not a point the file holds), or else
/// the innermost element, whose text or start tag may be cut short; nothing when the root had closed before
/// the damage. False when nothing would be left to read.
bool drop_unfinished(pugi::xml_document& doc, const Damage& damage) {
  const std::vector<pugi::xml_node> path = last_path(doc);
  if (path.size() < 2) return false;  // the root's start tag alone, perhaps cut short itself
  const auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, path.back().offset_debug()));
  if (from < damage.parsed_before.size() && closed_in(path, damage.parsed_before.substr(from))) return true;
  const std::string_view point = track_point_of(local_name(path.front().name()));
  std::size_t cut = path.size() - 1;
  for (std::size_t i = 1; i < path.size() && !point.empty(); ++i) {
    if (local_name(path[i].name()) == point) {
      cut = i;
      break;
    }
  }
  return path[cut].parent().remove_child(path[cut]);
}

std::size_t samples_in(const Recording& r) {
  std::size_t n = 0;
  for (const SessionRecord& s : r.sessions) n += s.samples.size();
  return n;
}

/// The error of a file the slices declined that is too large to parse whole (kMaxWholeParseBytes).
std::optional<domain::Expected<Recording>> too_large_to_read_whole(std::size_t bytes, std::string_view name) {
  if (bytes <= kMaxWholeParseBytes) return std::nullopt;
  return file_error(name, "cannot be read: " + std::to_string(bytes >> 20) +
                              " MiB of XML that cannot be read in parts (text that is not UTF-8, damage, or no "
                              "track point to cut after), and at most " +
                              std::to_string(kMaxWholeParseBytes >> 20) + " MiB are read whole");
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

domain::Expected<Recording> parse_activity_in_place(std::string& bytes, std::string_view name, Accept accept,
                                                    ReadOptions options) {
  if (auto sliced = parse_in_slices(bytes, name, accept, kSliceBytes, kMinSlicedFileBytes, options)) {
    return std::move(*sliced);
  }
  if (auto refused = too_large_to_read_whole(bytes.size(), name)) return std::move(*refused);
  return parse_whole_in_place(bytes, name, accept, options);
}

domain::Expected<Recording> parse_whole_in_place(std::string& bytes, std::string_view name, Accept accept,
                                                 ReadOptions options) {
  pugi::xml_document doc;
  const auto loaded = load_xml_in_place_partial(doc, bytes, name);
  if (!loaded) return std::unexpected(loaded.error());
  if (!loaded->damage) return read_whole(doc, loaded->map, name, accept, options.max_samples);

  // Damaged: the track points read before the damage are kept, as a FIT file keeps its records, unless the
  // caller takes nothing it cannot vouch for. Nothing to keep: the damage is the file's error.
  const Damage& damage = *loaded->damage;
  if (options.strict || !drop_unfinished(doc, damage)) return file_error(name, damage.what());
  auto recording = read_whole(doc, loaded->map, name, accept, options.max_samples);
  const std::size_t kept = recording ? samples_in(*recording) : 0;
  if (kept == 0) return file_error(name, damage.what());
  recording->warnings.push_back("recovered, damaged at byte " + std::to_string(damage.offset) +
                                " (not XML: " + damage.reason + "): kept the " + std::to_string(kept) +
                                (kept == 1 ? " track point" : " track points") +
                                " before it; the rest of the file is not read");
  return recording;
}

domain::Expected<Recording> parse_activity(std::string_view bytes, std::string_view name, Accept accept,
                                           ReadOptions options) {
  if (auto sliced = parse_in_slices(bytes, name, accept, kSliceBytes, kMinSlicedFileBytes, options)) {
    return std::move(*sliced);
  }
  if (auto refused = too_large_to_read_whole(bytes.size(), name)) return std::move(*refused);
  std::string copy = copy_for_parse(bytes);  // pugixml parses in place; the caller's bytes stay as they are
  return parse_whole_in_place(copy, name, accept, options);
}

}  // namespace stridecare::importers::xml
