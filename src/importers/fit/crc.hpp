#pragma once
/// The FIT CRC-16 (reflected polynomial 0xA001, initial value 0), over header and data.

#include <cstdint>
#include <span>

namespace stridecare::importers::fit {

std::uint16_t crc16(std::span<const std::uint8_t> bytes, std::uint16_t crc = 0);

}  // namespace stridecare::importers::fit
