#pragma once
/// FIT base types (FIT protocol, "Base Types"): size and invalid sentinel.

#include <array>
#include <cstdint>

namespace stridecare::importers::fit {

/// The base type number: the low 5 bits of the base-type byte of a definition.
enum class BaseType : std::uint8_t {
  enum_ = 0x00,
  sint8 = 0x01,
  uint8 = 0x02,
  sint16 = 0x03,
  uint16 = 0x04,
  sint32 = 0x05,
  uint32 = 0x06,
  string = 0x07,
  float32 = 0x08,
  float64 = 0x09,
  uint8z = 0x0A,
  uint16z = 0x0B,
  uint32z = 0x0C,
  byte = 0x0D,
  sint64 = 0x0E,
  uint64 = 0x0F,
  uint64z = 0x10,
};

inline constexpr std::uint8_t kBaseTypeCount = 0x11;
inline constexpr std::uint8_t kBaseTypeNumberMask = 0x1F;

struct BaseTypeInfo {
  std::uint8_t size;      ///< bytes of one element
  std::uint64_t invalid;  ///< the raw element value that means "no value"
  bool is_signed;
  bool is_float;
};

/// Indexed by BaseType. Sentinels per the FIT protocol: all ones for unsigned,
/// max positive for signed, 0 for the `z` types, all-ones bits for floats.
inline constexpr std::array<BaseTypeInfo, kBaseTypeCount> kBaseTypes{{
    {1, 0xFF, false, false},                // enum
    {1, 0x7F, true, false},                 // sint8
    {1, 0xFF, false, false},                // uint8
    {2, 0x7FFF, true, false},               // sint16
    {2, 0xFFFF, false, false},              // uint16
    {4, 0x7FFFFFFF, true, false},           // sint32
    {4, 0xFFFFFFFF, false, false},          // uint32
    {1, 0x00, false, false},                // string (NUL)
    {4, 0xFFFFFFFF, false, true},           // float32
    {8, 0xFFFFFFFFFFFFFFFF, false, true},   // float64
    {1, 0x00, false, false},                // uint8z
    {2, 0x0000, false, false},              // uint16z
    {4, 0x00000000, false, false},          // uint32z
    {1, 0xFF, false, false},                // byte
    {8, 0x7FFFFFFFFFFFFFFF, true, false},   // sint64
    {8, 0xFFFFFFFFFFFFFFFF, false, false},  // uint64
    {8, 0x0000000000000000, false, false},  // uint64z
}};

/// Info for a base-type byte; unknown numbers read as `byte`.
constexpr const BaseTypeInfo& base_type_info(std::uint8_t base_type_byte) {
  const std::uint8_t n = base_type_byte & kBaseTypeNumberMask;
  return kBaseTypes[n < kBaseTypeCount ? n : static_cast<std::uint8_t>(BaseType::byte)];
}

}  // namespace stridecare::importers::fit
