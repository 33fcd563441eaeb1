// libFuzzer target: the glossary parser (data/glossary.json is edited by hand),
// and filling what it accepts from the built-in rule book.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/glossary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto glossary = stridecare::rules::parse_glossary(text, "fuzz.json")) {
    const auto& book = stridecare::rules::default_rule_book();
    for (const auto& e : glossary->entries) {
      if (e.id.empty() || e.short_text.empty() || e.text.empty() || e.source.empty()) std::abort();
      if (glossary->find(e.id) != &e) std::abort();  // no name is given twice
      (void)stridecare::rules::fill(e.text, book);
      (void)stridecare::rules::fill(e.short_text, book);
    }
  }
  return 0;
}
