#include "importers/xml/slices.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace stridecare::importers::xml {
namespace {

/// The local name of the track point of each format's root: slices end after its end tags.
struct Cut {
  std::string_view root;
  std::string_view point;
};
constexpr std::array<Cut, 2> kCuts{{{"gpx", "trkpt"}, {"TrainingCenterDatabase", "Trackpoint"}}};

constexpr bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

/// The position just after the first end tag `</LOCAL>` or `</PREFIX:LOCAL>`
/// that ends at or after `from`; npos when there is none. Only the text is
/// looked at: pugixml's parse of the slice tells whether it was a tag.
std::size_t end_tag_after(std::string_view text, std::size_t from, std::string_view local) {
  for (std::size_t at = text.find(local, from); at != std::string_view::npos; at = text.find(local, at + 1)) {
    const std::size_t end = at + local.size();
    if (end >= text.size() || text[end] != '>') continue;
    std::size_t name = at;
    if (name > 0 && text[name - 1] == ':') {
      --name;
      while (name > 0 && is_name_char(text[name - 1])) --name;
    }
    if (name >= 2 && text[name - 1] == '/' && text[name - 2] == '<') return end + 1;
  }
  return std::string_view::npos;
}

/// The last element child of `node`, or an empty node.
pugi::xml_node last_element(pugi::xml_node node) {
  for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
    if (child.type() == pugi::node_element) return child;
  }
  return {};
}

/// The elements a slice that ends just after an end tag of local name
/// `point` ends inside, outermost first: the ancestors of that element, the
/// last one the slice closed. Empty when it cannot be told which element that
/// is (none, or several on the path to the last element, nested).
std::vector<pugi::xml_node> open_at_end(const pugi::xml_document& doc, std::string_view point) {
  std::vector<pugi::xml_node> path;
  for (pugi::xml_node n = last_element(doc); n; n = last_element(n)) path.push_back(n);
  std::size_t closed = path.size();
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (local_name(path[i].name()) != point) continue;
    if (closed != path.size()) return {};
    closed = i;
  }
  if (closed == path.size() || closed == 0) return {};
  path.resize(closed);
  return path;
}

void append_escaped(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

/// The start tag of `element`, as pugixml read it: name and attributes,
/// values escaped again (pugixml decoded them).
void append_start_tag(std::string& out, pugi::xml_node element) {
  out += '<';
  out += element.name();
  for (pugi::xml_attribute attr = element.first_attribute(); attr; attr = attr.next_attribute()) {
    out += ' ';
    out += attr.name();
    out += "=\"";
    append_escaped(out, attr.value());
    out += '"';
  }
  out += '>';
}

/// Estimated track points after `cut`, from their density in `text[0, cut)`,
/// with 5 % to spare: sizes the samples once instead of growing them.
std::size_t points_after(std::string_view text, std::size_t cut, std::string_view point) {
  std::size_t seen = 0;
  for (std::size_t at = end_tag_after(text.substr(0, cut), 0, point); at != std::string_view::npos;
       at = end_tag_after(text.substr(0, cut), at, point)) {
    ++seen;
  }
  const double per_byte = static_cast<double>(seen) / static_cast<double>(cut);
  return static_cast<std::size_t>(per_byte * static_cast<double>(text.size() - cut) * 1.05);
}

/// pugixml ended the slice `text` (its length) inside open elements and
/// nowhere else: the one error it gives when the last end tags are missing,
/// at the slice's last byte.
bool ends_inside_elements(const pugi::xml_parse_result& result, std::size_t text_bytes) {
  return result.status == pugi::status_end_element_mismatch && text_bytes > 0 &&
         result.offset == static_cast<std::ptrdiff_t>(text_bytes - 1);
}

/// A second root element: pugixml accepts it, XML does not.
bool has_second_root(const pugi::xml_document& doc) {
  int roots = 0;
  for (pugi::xml_node node : doc.children()) roots += node.type() == pugi::node_element ? 1 : 0;
  return roots > 1;
}

}  // namespace

std::optional<domain::Expected<Recording>> parse_in_slices(std::string_view bytes, std::string_view name, Accept accept,
                                                           std::size_t slice_bytes, std::size_t min_file_bytes) {
  if (bytes.size() < min_file_bytes || slice_bytes == 0) return std::nullopt;
  const TextStart start = detect_text_start(bytes);
  if (start.encoding != pugi::encoding_utf8 && start.encoding != pugi::encoding_auto) return std::nullopt;
  const std::string_view text = bytes.substr(start.skipped);

  SourceMap map;
  WarningLog log(map);
  NamespaceScope scope;
  PointHint points;
  const ReaderContext context{scope, log, points, name};
  std::unique_ptr<FormatReader> reader;
  std::string_view point;  // the local name slices end after, once the root is known

  pugi::xml_document doc;
  std::string buffer;                       // the slice's text: carried start tags, then the file's bytes
  std::vector<SourceMap::Carried> carried;  // of the next slice
  std::string prefix;                       // the next slice's carried start tags
  std::vector<pugi::xml_node> left_open;
  std::size_t carried_levels = 0;  // in the slice being read
  for (std::size_t begin = 0;;) {
    std::size_t cut = std::string_view::npos;
    std::string_view cut_point = point;
    if (!point.empty()) {
      cut = end_tag_after(text, begin + slice_bytes, point);
    } else {  // the first slice: the format is not known yet
      for (const Cut& c : kCuts) {
        const std::size_t at = end_tag_after(text, slice_bytes, c.point);
        if (at < cut) {
          cut = at;
          cut_point = c.point;
        }
      }
    }
    const bool last = cut == std::string_view::npos;
    if (last) cut = text.size();

    buffer.assign(prefix);
    buffer.append(text.substr(begin, cut - begin));
    const std::size_t text_bytes = buffer.size();
    // As in load_xml_in_place: the string's terminating '\0' is pugixml's end mark.
    const pugi::xml_parse_result result = doc.load_buffer_inplace(buffer.data(), text_bytes + 1, kActivityParseOptions,
                                                                  reader ? pugi::encoding_utf8 : start.encoding);
    map = begin == 0 ? SourceMap(text, start.skipped, pugi::encoding_utf8)
                     : SourceMap::slice(prefix.size(), start.skipped + begin, std::move(carried));
    if (last ? !result : !ends_inside_elements(result, text_bytes)) return std::nullopt;
    if (has_second_root(doc)) return std::nullopt;  // in any slice: the root closed, another opened

    if (!reader) {                                                      // the first slice: the root decides the format
      if (result.encoding != pugi::encoding_utf8) return std::nullopt;  // e.g. Latin-1 declared
      const pugi::xml_node root = doc.document_element();
      const auto guard = scope.enter(root);
      const QName root_name = scope.name(root);
      for (const Cut& c : kCuts) {
        if (root_name.local == c.root) point = c.point;
      }
      // A cut after the other format's track point: not worth a second try.
      if (point.empty() || (!last && cut_point != point)) return std::nullopt;
      auto chosen = reader_for(root, root_name, accept, context);
      if (!chosen) return std::nullopt;
      reader = std::move(*chosen);
      if (!last) points.later = points_after(text, cut, point);
    }

    left_open.clear();
    if (!last) {
      left_open = open_at_end(doc, point);
      if (left_open.empty()) return std::nullopt;
    }
    if (!walk_elements(doc, scope, *reader, carried_levels, left_open)) return std::nullopt;
    if (last) break;

    prefix.clear();
    carried.clear();
    for (const pugi::xml_node element : left_open) {
      carried.push_back({prefix.size(), map.file_offset(element)});
      append_start_tag(prefix, element);
    }
    carried_levels = left_open.size();
    begin = cut;
  }
  auto recording = reader->finish();
  if (!recording) return std::nullopt;  // errors as the whole-document parse words them
  return recording;
}

}  // namespace stridecare::importers::xml
