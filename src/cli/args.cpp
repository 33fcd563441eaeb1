#include "cli/args.hpp"

#include <charconv>

namespace stridecare::cli {

domain::Expected<int> parse_int(const std::string& text, const std::string& field, int min, int max) {
  int v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  const std::string range = std::to_string(min) + "-" + std::to_string(max);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    return domain::invalid(field, "'" + text + "' is not an integer; allowed " + range);
  }
  if (v < min || v > max) return domain::invalid(field, text + " is out of range; allowed " + range);
  return v;
}

std::string flag_name(const std::string& field) {
  std::string out = "--";
  for (char c : field) out += c == '_' ? '-' : c;
  return out;
}

}  // namespace stridecare::cli
