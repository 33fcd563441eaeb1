#pragma once
/// Reads the components packed in a FIT field (FIT protocol, "Components"): consecutive bit
/// runs, least significant bit of the first byte first, as the FIT SDK's BitStream does.

#include <cstddef>
#include <cstdint>
#include <span>

namespace stridecare::importers::fit {

class BitReader {
 public:
  explicit BitReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  std::size_t bits_left() const { return bytes_.size() * kBitsPerByte - position_; }

  /// The next `count` bits (at most 32, and at most bits_left()) as an unsigned number.
  std::uint32_t read(unsigned count) {
    std::uint32_t value = 0;
    for (unsigned i = 0; i < count; ++i, ++position_) {
      const std::uint32_t bit = (bytes_[position_ / kBitsPerByte] >> (position_ % kBitsPerByte)) & 1U;
      value |= bit << i;
    }
    return value;
  }

 private:
  static constexpr std::size_t kBitsPerByte = 8;
  std::span<const std::uint8_t> bytes_;
  std::size_t position_ = 0;
};

}  // namespace stridecare::importers::fit
