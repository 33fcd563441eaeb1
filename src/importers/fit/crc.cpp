#include "importers/fit/crc.hpp"

#include <array>

namespace stridecare::importers::fit {
namespace {
// The protocol's nibble table (FIT SDK "CRC" section).
constexpr std::array<std::uint16_t, 16> kNibbleTable{0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                                     0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};
/// One byte by the protocol's nibble algorithm.
constexpr std::uint16_t nibble_step(std::uint16_t crc, std::uint8_t byte) {
  std::uint16_t tmp = kNibbleTable[crc & 0xF];
  crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
  crc = static_cast<std::uint16_t>(crc ^ tmp ^ kNibbleTable[byte & 0xF]);
  tmp = kNibbleTable[crc & 0xF];
  crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
  return static_cast<std::uint16_t>(crc ^ tmp ^ kNibbleTable[(byte >> 4) & 0xF]);
}

/// The same CRC a byte at a time: table[i] = the nibble algorithm's result for crc i, byte 0.
/// Being linear, crc' = (crc >> 8) ^ table[(crc ^ byte) & 0xFF].
constexpr std::array<std::uint16_t, 256> kByteTable = [] {
  std::array<std::uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) t[i] = nibble_step(static_cast<std::uint16_t>(i), 0);
  return t;
}();

}  // namespace

std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc) {
  for (const std::uint8_t byte : bytes) {
    crc = static_cast<std::uint16_t>((crc >> 8) ^ kByteTable[(crc ^ byte) & 0xFF]);
  }
  return crc;
}

}  // namespace stridecare::importers::fit
