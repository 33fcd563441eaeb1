#pragma once
/// Handing a parsed tree to a format's reader element by element, so that one
/// reader serves both a whole document and a document parsed in slices
/// (slices.hpp), where an element may start in one slice and end in a later one.

#include <cstddef>
#include <span>

#include <pugixml.hpp>

#include "importers/xml/xml_document.hpp"

namespace stridecare::importers::xml {

/// A format's reader, given a document's elements in document order.
class ElementReader {
 public:
  ElementReader() = default;
  ElementReader(const ElementReader&) = delete;
  ElementReader& operator=(const ElementReader&) = delete;
  virtual ~ElementReader() = default;

  /// `element` starts (the root element first). It is entered into the scope
  /// and `name` is its expanded name. Returns true to be given its child
  /// elements and then `close`: a container; false when it was read whole
  /// here, or is of no interest.
  virtual bool open(pugi::xml_node element, const QName& name) = 0;

  /// A container ends. In a document parsed in slices, `element` may be a copy
  /// of its start tag carried into a later slice: the same name and
  /// attributes, none of the children earlier slices held.
  virtual void close(pugi::xml_node element, const QName& name) = 0;
};

/// Gives the elements of `doc`, one parsed slice of a document, to `reader`,
/// entering each into `scope` while it is read.
///
/// - `carried`: the slice starts with this many levels of copied start tags
///   (the root element first, each the first element of its parent), opened
///   in an earlier slice: they are not opened again.
/// - `left_open`: the elements the slice ends inside, outermost first, which
///   a later slice continues: they are not closed.
/// A whole document has neither.
///
/// Returns false when `reader` did not take an element of `left_open` as a
/// container (it read it whole, or skipped it): what follows in the next
/// slice could not be given to it, so the document must be read whole.
[[nodiscard]] bool walk_elements(pugi::xml_node doc, NamespaceScope& scope, ElementReader& reader,
                                 std::size_t carried = 0, std::span<const pugi::xml_node> left_open = {});

}  // namespace stridecare::importers::xml
