#pragma once
/// Spelling of enumerations at every boundary (CLI flags, JSON, SQL columns):
/// one table per enum, so a name is written once.

#include <array>
#include <concepts>
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

/// "a|b|c" of the values `keep` accepts, for error messages and help text.
template <class E, std::predicate<E> Keep>
std::string allowed_names(Keep keep, std::string_view separator = "|") {
  std::string out;
  for (const auto& [v, n] : EnumNames<E>::table) {
    if (!keep(v)) continue;
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

/// "a|b|c" of every value.
template <class E>
std::string allowed_names(std::string_view separator = "|") {
  return allowed_names<E>([](E) { return true; }, separator);
}

/// The one wording of a refused name: "'x' is not allowed; allowed a|b|c".
inline std::string not_allowed(std::string_view value, std::string_view allowed) {
  std::string out = "'";
  out += value;
  out += "' is not allowed; allowed ";
  out += allowed;
  return out;
}

template <class E>
std::string not_allowed(std::string_view value) {
  return not_allowed(value, allowed_names<E>());
}

}  // namespace stridecare::domain
