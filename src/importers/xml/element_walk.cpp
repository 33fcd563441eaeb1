#include "importers/xml/element_walk.hpp"

namespace stridecare::importers::xml {
namespace {

struct Walk {
  NamespaceScope& scope;
  ElementReader& reader;
  std::size_t carried;
  std::span<const pugi::xml_node> left_open;

  /// Recurses into containers only, whose nesting the readers bound.
  /// `parent_carried`: `parent` is the document or a carried element.
  bool children(pugi::xml_node parent, std::size_t depth, bool parent_carried) {
    bool first = parent_carried;
    for (pugi::xml_node child : parent.children()) {
      if (child.type() != pugi::node_element) continue;
      const auto guard = scope.enter(child);
      const QName name = scope.name(child);
      const bool was_carried = first && depth < carried;
      first = false;
      const bool stays_open = depth < left_open.size() && left_open[depth] == child;
      // A carried start tag was a container in the slice that opened it, or
      // that slice would have been refused.
      if (!was_carried && !reader.open(child, name)) {
        if (stays_open) return false;
        continue;
      }
      if (!children(child, depth + 1, was_carried)) return false;
      if (!stays_open) reader.close(child, name);
    }
    return true;
  }
};

}  // namespace

bool walk_elements(pugi::xml_node doc, NamespaceScope& scope, ElementReader& reader, std::size_t carried,
                   std::span<const pugi::xml_node> left_open) {
  Walk walk{scope, reader, carried, left_open};
  return walk.children(doc, 0, true);
}

}  // namespace stridecare::importers::xml
