#include "importers/xml/slices.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "importers/xml/xml_values.hpp"

namespace stridecare::importers::xml {
namespace {

constexpr bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

/// Where a slice may end at or after `from`: just after the first track
/// point that ends there, by its end tag (`</LOCAL>` or `</PREFIX:LOCAL>`), or
/// as an empty element: a point written `<trkpt lat=".." lon=".."/>` has no
/// end tag, so the slice ends after the `/>` that precedes (white space apart)
/// the next point's start tag. npos when there is none. One pass over the
/// text from `from`; only the text is looked at: pugixml's parse of the slice
/// tells whether it was a tag.
std::size_t point_end_after(std::string_view text, std::size_t from, std::string_view local) {
  for (std::size_t at = text.find(local, from); at != std::string_view::npos; at = text.find(local, at + 1)) {
    const std::size_t end = at + local.size();
    if (end >= text.size()) break;
    std::size_t name = at;
    if (name > 0 && text[name - 1] == ':') {
      --name;
      while (name > 0 && is_name_char(text[name - 1])) --name;
    }
    if (name < 1 || (text[end] != '>' && text[end] != '/' && !is_xml_space(text[end]))) continue;
    if (name >= 2 && text[name - 1] == '/' && text[name - 2] == '<') {
      if (text[end] == '>') return end + 1;  // an end tag
      continue;
    }
    if (text[name - 1] != '<') continue;
    std::size_t before = name - 1;  // a start tag: is an empty element just before it?
    while (before > from && is_xml_space(text[before - 1])) --before;
    if (before >= from + 2 && text[before - 1] == '>' && text[before - 2] == '/') return before;
  }
  return std::string_view::npos;
}

/// The elements a slice that ends just after a track point of local name
/// `point` ends inside, outermost first: the ancestors of that element, the
/// last one the slice closed. Empty when it cannot be told which element that
/// is (none, or several on the path to the last element, nested), or when a
/// slice cut after an empty element (`empty_cut`) does not end with an empty
/// point, one with no child and no text (kept as its value, parse_embed_pcdata):
/// `<x/>` or text ending in `/>` before a point's start tag, inside a point
/// left open by damage, closes no point.
std::vector<pugi::xml_node> open_at_end(const pugi::xml_document& doc, std::string_view point, bool empty_cut) {
  std::vector<pugi::xml_node> path = last_path(doc);
  if (empty_cut && (path.empty() || local_name(path.back().name()) != point || path.back().first_child() ||
                    *path.back().value() != '\0')) {
    return {};
  }
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
  for (std::size_t at = point_end_after(text.substr(0, cut), 0, point); at != std::string_view::npos;
       at = point_end_after(text.substr(0, cut), at, point)) {
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

/// One parse in slices: the state carried from slice to slice. Each step
/// returns false when the file must be parsed whole instead.
class SliceParser {
 public:
  SliceParser(std::string_view text, TextStart start, std::string_view name, Accept accept, std::size_t slice_bytes,
              std::size_t max_samples)
      : text_(text),
        start_(start),
        accept_(accept),
        slice_bytes_(slice_bytes),
        max_samples_(max_samples),
        points_{.left = max_samples},
        context_{scope_, log_, points_, name} {}
  SliceParser(const SliceParser&) = delete;
  SliceParser& operator=(const SliceParser&) = delete;

  std::optional<domain::Expected<Recording>> run() {
    for (;;) {
      const auto [cut, cut_point] = next_cut();
      const bool last = cut == std::string_view::npos;
      const std::size_t end = last ? text_.size() : cut;
      if (!parse(end, last)) return std::nullopt;
      if (!reader_ && !choose_reader(end, last, cut_point)) return std::nullopt;
      if (!walk(last)) return std::nullopt;
      if (last) break;
      carry_open_elements();
      begin_ = end;
    }
    auto recording = reader_->finish();
    if (!recording) return std::nullopt;  // errors as the whole-document parse words them
    if (points_.dropped > 0) recording->warnings.push_back(samples_dropped_warning(points_.dropped, max_samples_));
    return recording;
  }

 private:
  /// Where the slice from `begin_` ends, and after which track point's end tag;
  /// npos for the last slice. Before the format is known, after either's.
  std::pair<std::size_t, std::string_view> next_cut() const {
    if (!point_.empty()) return {point_end_after(text_, begin_ + slice_bytes_, point_), point_};
    std::pair<std::size_t, std::string_view> first{std::string_view::npos, {}};
    for (const std::string_view point : kTrackPoints) {
      const std::size_t at = point_end_after(text_, slice_bytes_, point);
      if (at < first.first) first = {at, point};
    }
    return first;
  }

  /// Parses the carried start tags and `text_[begin_, end)`: pugixml must end
  /// inside elements (or, for the last slice, succeed) with one root.
  bool parse(std::size_t end, bool last) {
    buffer_.assign(prefix_);
    buffer_.append(text_.substr(begin_, end - begin_));
    empty_cut_ = text_.substr(begin_, end - begin_).ends_with("/>");  // before pugixml writes into the buffer
    const std::size_t text_bytes = buffer_.size();
    // As in load_xml_in_place: the string's terminating '\0' is pugixml's end mark.
    result_ = doc_.load_buffer_inplace(buffer_.data(), text_bytes + 1, kActivityParseOptions,
                                       reader_ ? pugi::encoding_utf8 : start_.encoding);
    map_ = begin_ == 0 ? SourceMap(text_, start_.skipped, pugi::encoding_utf8)
                       : SourceMap::slice(prefix_.size(), start_.skipped + begin_, std::move(carried_));
    if (last ? !result_ : !ends_inside_elements(result_, text_bytes)) return false;
    return !second_root(doc_);  // in any slice: the root closed, another opened
  }

  /// The first slice: the root decides the format, and so the track point
  /// slices end after, which must be the one this slice was cut after.
  bool choose_reader(std::size_t end, bool last, std::string_view cut_point) {
    if (result_.encoding != pugi::encoding_utf8) return false;  // e.g. Latin-1 declared
    const pugi::xml_node root = doc_.document_element();
    const auto guard = scope_.enter(root);
    const QName root_name = scope_.name(root);
    point_ = track_point_of(root_name.local);
    if (point_.empty() || (!last && cut_point != point_)) return false;
    auto chosen = reader_for(root, root_name, accept_, context_);
    if (!chosen) return false;
    reader_ = std::move(*chosen);
    if (!last) points_.later = points_after(text_, end, point_);
    return true;
  }

  /// Gives the slice's elements to the reader: those carried in are not
  /// opened again, those left open are not closed yet.
  bool walk(bool last) {
    left_open_.clear();
    if (!last) {
      left_open_ = open_at_end(doc_, point_, empty_cut_);
      if (left_open_.empty()) return false;
    }
    return walk_elements(doc_, scope_, *reader_, carried_levels_, left_open_);
  }

  /// The next slice starts with copies of the start tags left open.
  void carry_open_elements() {
    prefix_.clear();
    carried_.clear();
    for (const pugi::xml_node element : left_open_) {
      carried_.push_back({prefix_.size(), map_.file_offset(element)});
      append_start_tag(prefix_, element);
    }
    carried_levels_ = left_open_.size();
  }

  std::string_view text_;  ///< the file after its BOM and leading whitespace
  TextStart start_;
  Accept accept_;
  std::size_t slice_bytes_;
  std::size_t max_samples_;

  SourceMap map_;  ///< of the slice being read; the log maps with it
  WarningLog log_{map_};
  NamespaceScope scope_;
  PointHint points_;
  ReaderContext context_;
  std::unique_ptr<FormatReader> reader_;
  std::string_view point_;  ///< the local name slices end after, once the root is known

  std::size_t begin_ = 0;  ///< of the slice being read, in `text_`
  pugi::xml_document doc_;
  pugi::xml_parse_result result_;
  std::string buffer_;                       ///< the slice's text: carried start tags, then the file's bytes
  std::vector<SourceMap::Carried> carried_;  ///< the start tags in `prefix_`
  std::string prefix_;                       ///< the carried start tags
  std::size_t carried_levels_ = 0;           ///< how many, in the slice being read
  std::vector<pugi::xml_node> left_open_;
  bool empty_cut_ = false;  ///< the slice being read was cut after an empty element
};

}  // namespace

std::optional<domain::Expected<Recording>> parse_in_slices(std::string_view bytes, std::string_view name, Accept accept,
                                                           std::size_t slice_bytes, std::size_t min_file_bytes,
                                                           ReadOptions options) {
  if (bytes.size() < min_file_bytes || slice_bytes == 0) return std::nullopt;
  const TextStart start = detect_text_start(bytes);
  if (start.encoding != pugi::encoding_utf8 && start.encoding != pugi::encoding_auto) return std::nullopt;
  SliceParser parser(bytes.substr(start.skipped), start, name, accept, slice_bytes, options.max_samples);
  return parser.run();
}

}  // namespace stridecare::importers::xml
