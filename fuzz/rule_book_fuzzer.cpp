// libFuzzer target: the rule book parser (a physiotherapist edits this file by hand).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rules/rule_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto book = stridecare::rules::parse_rule_book(text, "fuzz.json")) {
    if (book->care.heat_first_episode_day <= book->care.ice_last_episode_day) std::abort();
    if (book->disclaimer.empty()) std::abort();
  }
  return 0;
}
