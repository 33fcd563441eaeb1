#include "domain/text.hpp"

#include <iterator>

#include <fmt/format.h>
#include <utf8cpp/utf8.h>

namespace stridecare::domain {
namespace {

constexpr char32_t kLastC0 = 0x1F;
constexpr char32_t kDelete = 0x7F;
constexpr char32_t kFirstC1 = 0x80;
constexpr char32_t kLastC1 = 0x9F;

/// Code points that act on a terminal instead of showing: controls, and the bidirectional
/// embeddings, overrides and isolates.
bool acts_on_terminal(char32_t c) {
  return c <= kLastC0 || c == kDelete || (c >= kFirstC1 && c <= kLastC1) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto at = utf8::find_invalid(text.begin(), text.end());
  if (at == text.end()) return std::nullopt;
  return static_cast<std::size_t>(at - text.begin());
}

std::string valid_utf8(std::string_view text) {
  if (!first_invalid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(out));
  return out;
}

std::string printable(std::string_view text) {
  std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  auto it = valid.begin();
  while (it != valid.end()) {
    const auto start = it;
    const char32_t c = utf8::unchecked::next(it);  // valid by construction
    if (!acts_on_terminal(c)) {
      out.append(start, it);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c <= kDelete) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    } else {
      out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(c));
    }
  }
  return out;
}

}  // namespace stridecare::domain
