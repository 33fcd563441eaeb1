#pragma once
/// Loading an activity file's bytes with pugixml, mapping positions back to
/// byte offsets of the file, and resolving element names to namespace URIs.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "domain/error.hpp"

namespace stridecare::importers::xml {

/// Maps a position in the text pugixml parsed (always UTF-8 in memory) back
/// to a byte offset of the file as given, across the BOM and leading
/// whitespace that were skipped and across UTF-16/UTF-32/Latin-1 conversion.
/// Views the caller's bytes: valid while they are.
class SourceMap {
 public:
  /// A start tag copied into a slice of a file (slices.hpp).
  struct Carried {
    std::size_t text_offset = 0;  ///< of its `<` in the slice's text
    std::size_t file_offset = 0;  ///< of the `<` of the start tag it copies
  };

  SourceMap() = default;
  /// `parsed` is the part of the file handed to pugixml, which began `skipped`
  /// bytes into the file; `encoding` is the one pugixml read it as.
  SourceMap(std::string_view parsed, std::size_t skipped, pugi::xml_encoding encoding)
      : parsed_(parsed), skipped_(skipped), encoding_(encoding) {}

  /// The map of one slice of a UTF-8 file: the text pugixml parsed is
  /// `prefix_bytes` of copied start tags (`carried`, in text order), then the
  /// file's bytes from `file_offset` on.
  static SourceMap slice(std::size_t prefix_bytes, std::size_t file_offset, std::vector<Carried> carried);

  /// File byte offset of `offset`, in UTF-8 bytes of pugixml's text (as in
  /// `xml_parse_result::offset`). Linear in the offset for non-UTF-8 files.
  std::size_t file_offset(std::ptrdiff_t offset) const;
  /// File byte offset of the `<` that opens `element` (its `offset_debug`).
  std::size_t file_offset(pugi::xml_node element) const;

 private:
  std::string_view parsed_;
  std::size_t skipped_ = 0;
  pugi::xml_encoding encoding_ = pugi::encoding_utf8;
  std::size_t prefix_bytes_ = 0;  ///< a slice's copied start tags, before the file's bytes
  std::vector<Carried> carried_;
};

/// The error of a file whose content is wrong: `invalid_file` on `name`, with
/// the message "NAME: MESSAGE".
std::unexpected<domain::Error> file_error(std::string_view name, std::string_view message);

/// How a file's text starts: the encoding its BOM (or first bytes) show, and
/// how many bytes of BOM and whitespace come before what pugixml is given.
struct TextStart {
  pugi::xml_encoding encoding = pugi::encoding_auto;
  std::size_t skipped = 0;
};
TextStart detect_text_start(std::string_view bytes);

/// pugixml's options for activity files.
/// - parse_embed_pcdata keeps an element's text in the element instead of a
///   child node: activity files are mostly `<x>number</x>`, so this halves the
///   nodes pugixml allocates (25 % less time and memory on a 100,000-point TCX).
/// - parse_escapes and parse_cdata: text may still use entities or CDATA.
/// - No parse_eol and no parse_wconv_attribute: end-of-line and attribute
///   whitespace normalisation rewrite text the importers trim anyway (numbers,
///   times, sport names); skipping them saves a pass over every value.
inline constexpr unsigned kActivityParseOptions = pugi::parse_escapes | pugi::parse_cdata | pugi::parse_embed_pcdata;

/// Parses `bytes` (the whole file) into `doc`: element text embedded in the
/// element (`parse_embed_pcdata`), entities and CDATA decoded, no end-of-line
/// or attribute-whitespace normalisation (readers trim what they read).
///
/// Accepts UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM (and UTF-16
/// without BOM when the text starts with `<?xml`), Latin-1 when declared, and
/// whitespace before `<?xml`, which is skipped. Rejects (`invalid_file`,
/// `field` = `name`, message starting with `name`):
///   - 0 bytes: "NAME: empty file";
///   - what pugixml rejects: "NAME: not XML: <pugixml's reason> at byte N";
///   - a second root element: "NAME: not XML: a second root element <X> at byte N".
/// Text after the root element is ignored (pugixml drops it).
/// `doc` keeps its own copy of the text; the returned map views `bytes`.
domain::Expected<SourceMap> load_xml(pugi::xml_document& doc, std::string_view bytes, std::string_view name);

/// As `load_xml`, without copying the file: UTF-8 text is parsed where it
/// lies, so `bytes` is overwritten and must outlive `doc` (names and values
/// point into it). Use it when the caller's bytes are not needed afterwards.
domain::Expected<SourceMap> load_xml_in_place(pugi::xml_document& doc, std::string& bytes, std::string_view name);

/// Where pugixml stopped in a file that is not XML from some point on (cut short, or bytes changed): what it
/// read before that point is in the document, the element it was in left unfinished.
struct Damage {
  std::size_t offset = 0;  ///< file byte offset
  std::string reason;      ///< pugixml's, e.g. "start-end tags mismatch"
  /// The text pugixml parsed up to where it stopped, where it still lies in the caller's buffer (UTF-8 parsed in
  /// place; empty when pugixml converted the text): node offsets (`offset_debug`) index it.
  std::string_view parsed_before;
  /// "not XML: REASON at byte N", as load_xml words it after the file's name.
  std::string what() const;
};

/// A document as far as pugixml could read it.
struct PartialLoad {
  SourceMap map;
  std::optional<Damage> damage;  ///< none: the whole file was read
};

/// As `load_xml_in_place`, but a file pugixml stops reading partway (a truncated download, a damaged byte) is
/// not an error: the result says where and why, and `doc` holds what came before (perhaps nothing). Errors:
/// an empty file, a second root element.
domain::Expected<PartialLoad> load_xml_in_place_partial(pugi::xml_document& doc, std::string& bytes,
                                                        std::string_view name);

/// The last element of `doc` and its ancestors, outermost (the root) first: in a document pugixml stopped
/// reading, the elements that were open at that point (and perhaps the last one it closed).
std::vector<pugi::xml_node> last_path(const pugi::xml_document& doc);

/// The second root element of `doc`, empty when there is none: pugixml
/// accepts one (two files run together), XML does not.
pugi::xml_node second_root(const pugi::xml_document& doc);

/// An element's expanded name.
struct QName {
  std::string_view uri;    ///< namespace URI; empty for no namespace
  std::string_view local;  ///< the name without its prefix
  bool declared = true;    ///< false when the prefix has no xmlns declaration in scope (`uri` is then empty)
};

/// `name` without its prefix (`gpxtpx:hr` -> `hr`).
std::string_view local_name(const char* name);

/// The namespace declarations in scope while a reader walks down the tree.
///
/// Enter every element on the way down (the returned guard leaves it again)
/// before asking for names below it. The views point into the document, so the
/// scope must not outlive it. Declarations are kept in a vector reused across
/// elements: walking a document allocates only while it grows.
class NamespaceScope {
 public:
  /// Undoes one `enter` when destroyed.
  class [[nodiscard]] Guard {
   public:
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    ~Guard() { scope_.bindings_.resize(mark_); }

   private:
    friend class NamespaceScope;
    Guard(NamespaceScope& scope, std::size_t mark) : scope_(scope), mark_(mark) {}
    NamespaceScope& scope_;
    std::size_t mark_;
  };

  /// Brings `element`'s `xmlns` and `xmlns:p` declarations into scope.
  Guard enter(pugi::xml_node element);

  /// URI bound to `prefix` (empty prefix: the default namespace, "" when none);
  /// nullopt when `prefix` is not declared.
  std::optional<std::string_view> uri_of(std::string_view prefix) const;

  /// `element`'s namespace URI and local name, resolved in the current scope
  /// (enter `element` first: it may declare its own namespace).
  QName name(pugi::xml_node element) const;

 private:
  struct Binding {
    std::string_view prefix;
    std::string_view uri;
  };
  std::vector<Binding> bindings_;
};

}  // namespace stridecare::importers::xml
