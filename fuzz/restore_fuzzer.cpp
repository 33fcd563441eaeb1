// libFuzzer target: restoring an export document. Any bytes either fail with an
// error (and write nothing) or restore data that exports and restores again
// to the same document.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/rule_book.hpp"
#include "services/backup.hpp"
#include "storage/memory_store.hpp"

using namespace stridecare;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  storage::MemoryStore store;
  services::Session session{store, rules::default_rule_book()};
  if (!services::restore(session, text, "fuzz.json")) {
    if (!*store.empty()) std::abort();  // a failed restore must write nothing
    return 0;
  }
  const auto first = services::export_json(session);
  if (!first) std::abort();
  storage::MemoryStore again;
  services::Session second{again, rules::default_rule_book()};
  if (!services::restore(second, first->dump(), "again.json")) std::abort();
  if (services::export_json(second)->dump() != first->dump()) std::abort();
  return 0;
}
