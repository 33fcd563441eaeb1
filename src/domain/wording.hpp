#pragma once
/// Counts in text output, with the right grammar ("1 day", "2 days").

#include <string>
#include <string_view>

namespace stridecare::domain {

/// `n` and the noun, singular for exactly 1: plural(1, "day") is "1 day",
/// plural(3, "day") "3 days", plural(2, "activity", "activities") "2 activities".
/// `many` defaults to the noun with an "s".
inline std::string plural(long long n, std::string_view one, std::string_view many = {}) {
  std::string out = std::to_string(n) + " ";
  if (n == 1 || n == -1) return out.append(one);
  if (!many.empty()) return out.append(many);
  return out.append(one).append("s");
}

}  // namespace stridecare::domain
