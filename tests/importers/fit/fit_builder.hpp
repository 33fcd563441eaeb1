#pragma once
// Builds small FIT files byte by byte for tests: one 14-byte header, definitions and data
// messages (little-endian), the file CRC. Lets a test state exactly which fields a message has.

#include <array>
#include <cstdint>
#include <vector>

#include "importers/fit/base_type.hpp"
#include "importers/fit/crc.hpp"

namespace stridecare::importers::fit::testing {

/// {field number, size in bytes, base type}
struct FieldSpec {
  std::uint8_t number;
  std::uint8_t size;
  BaseType type;
};

/// {developer field number, size in bytes, developer data index}
struct DeveloperSpec {
  std::uint8_t number;
  std::uint8_t size;
  std::uint8_t developer_index;
};

class FitBuilder {
 public:
  FitBuilder& define(std::uint8_t local, std::uint16_t global, const std::vector<FieldSpec>& fields,
                     const std::vector<DeveloperSpec>& developer = {}) {
    constexpr std::uint8_t kDefinition = 0x40;
    constexpr std::uint8_t kDeveloperFlag = 0x20;
    data_.push_back(static_cast<std::uint8_t>(kDefinition | (developer.empty() ? 0 : kDeveloperFlag) | local));
    data_.insert(data_.end(), {0, 0});  // reserved, little-endian
    append(global, 2);
    data_.push_back(static_cast<std::uint8_t>(fields.size()));
    for (const auto& f : fields) data_.insert(data_.end(), {f.number, f.size, static_cast<std::uint8_t>(f.type)});
    if (!developer.empty()) {
      data_.push_back(static_cast<std::uint8_t>(developer.size()));
      for (const auto& d : developer) data_.insert(data_.end(), {d.number, d.size, d.developer_index});
    }
    return *this;
  }

  /// A data message: the header byte, then `values` appended as little-endian numbers of the
  /// given byte widths ({value, width} pairs), in field order.
  FitBuilder& message(std::uint8_t local, const std::vector<std::pair<std::uint64_t, std::uint8_t>>& values) {
    data_.push_back(local);
    for (const auto& [value, width] : values) append(value, width);
    return *this;
  }

  /// More numbers for the current data message, after bytes().
  FitBuilder& message_continues(const std::vector<std::pair<std::uint64_t, std::uint8_t>>& values) {
    for (const auto& [value, width] : values) append(value, width);
    return *this;
  }

  /// Raw bytes appended to the current data message (strings, packed fields).
  FitBuilder& bytes(const std::vector<std::uint8_t>& raw) {
    data_.insert(data_.end(), raw.begin(), raw.end());
    return *this;
  }

  std::vector<std::uint8_t> finish() const {
    constexpr std::uint8_t kHeaderSize = 14;
    constexpr std::uint8_t kProtocol = 0x20;
    constexpr std::uint16_t kProfile = 21217;
    std::vector<std::uint8_t> out{kHeaderSize, kProtocol, static_cast<std::uint8_t>(kProfile & 0xFF),
                                  static_cast<std::uint8_t>(kProfile >> 8)};
    const auto size = static_cast<std::uint32_t>(data_.size());
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(size >> (8 * i)));
    out.insert(out.end(), {'.', 'F', 'I', 'T'});
    const std::uint16_t header_crc = crc16(out);
    out.push_back(static_cast<std::uint8_t>(header_crc & 0xFF));
    out.push_back(static_cast<std::uint8_t>(header_crc >> 8));
    out.insert(out.end(), data_.begin(), data_.end());
    const std::uint16_t crc = crc16(out);
    out.push_back(static_cast<std::uint8_t>(crc & 0xFF));
    out.push_back(static_cast<std::uint8_t>(crc >> 8));
    return out;
  }

 private:
  void append(std::uint64_t value, std::uint8_t width) {
    for (std::uint8_t i = 0; i < width; ++i) data_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }

  std::vector<std::uint8_t> data_;
};

}  // namespace stridecare::importers::fit::testing
