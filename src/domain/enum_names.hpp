#pragma once
/// Spelling of enumerations at every boundary (CLI flags, JSON, SQL columns):
/// one table per enum, so a name is written once.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace stridecare::domain {

template <class E>
struct EnumNames;  // specialised with `static constexpr std::array<std::pair<E, std::string_view>, N> table`

template <class E>
std::string_view name_of(E value) {
  for (const auto& [v, n] : EnumNames<E>::table) {
    if (v == value) return n;
  }
  return "?";
}

template <class E>
std::optional<E> parse_enum(std::string_view text) {
  for (const auto& [v, n] : EnumNames<E>::table) {
    if (n == text) return v;
  }
  return std::nullopt;
}

/// "a|b|c", for error messages and help text.
template <class E>
std::string allowed_names(std::string_view separator = "|") {
  std::string out;
  for (const auto& [v, n] : EnumNames<E>::table) {
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

}  // namespace stridecare::domain
