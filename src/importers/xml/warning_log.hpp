#pragma once
/// The warnings of one parse, each kind reported once with a count and the
/// place it first happened: a file with 10,000 bad points yields one line,
/// and noting a warning allocates only the first time its kind occurs.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "importers/xml/xml_document.hpp"

namespace stridecare::importers::xml {

class WarningLog {
 public:
  explicit WarningLog(const SourceMap& map) : map_(map) {}

  /// Records one occurrence of the warning `what` (a fixed sentence; the same
  /// text is the same kind) at `where`. Returns true for the first occurrence
  /// of the kind, when the caller may attach a `detail`.
  bool note(std::string_view what, pugi::xml_node where);

  /// Attaches `text` (e.g. the offending value, which the caller shortens;
  /// the whole is cut at 100 bytes) to the kind `note` last reported as new.
  void detail(std::string_view text);

  /// One line per kind, in the order kinds first occurred:
  /// "WHAT (at byte N: DETAIL)" or "WHAT (K times, first at byte N: DETAIL)".
  std::vector<std::string> lines() const;

 private:
  struct Entry {
    std::string what;
    std::size_t count = 0;
    std::size_t first_offset = 0;
    std::string first_detail;
  };
  const SourceMap& map_;
  std::vector<Entry> entries_;
};

}  // namespace stridecare::importers::xml
