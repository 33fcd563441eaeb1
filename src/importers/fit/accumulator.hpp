#pragma once
/// A FIT accumulated field (FIT protocol, "Accumulated Fields"): a running total that the file
/// stores as a narrow counter which rolls over (e.g. 8-bit `cycles` for the 32-bit `total_cycles`,
/// 12-bit deltas of `event_timestamp`). Each narrow value adds its rolled-over difference:
/// `total += (raw - total) & mask`. A message that carries the full field re-anchors the total.

#include <cstdint>
#include <optional>

namespace stridecare::importers::fit {

class Accumulator {
 public:
  /// The full value was in the message: later narrow values count from it.
  void anchor(std::uint64_t total) { total_ = total; }

  /// Adds a `bits`-wide counter value and returns the total. The first value, with no anchor
  /// before it, starts the total (as the FIT SDK does).
  std::uint64_t add(std::uint64_t raw, unsigned bits) {
    const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
    const std::uint64_t total = total_.value_or(0);
    total_ = total + ((raw - total) & mask);
    return *total_;
  }

  void reset() { total_.reset(); }

 private:
  std::optional<std::uint64_t> total_;
};

}  // namespace stridecare::importers::fit
