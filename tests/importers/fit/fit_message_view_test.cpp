// Reading one data message's fields: what each base type and size means, worked out once per
// definition (FieldDefinition::of) and read at every message.

#include <array>
#include <cstdint>
#include <initializer_list>

#include <gtest/gtest.h>

#include "importers/fit/reader.hpp"

namespace stridecare::importers::fit {
namespace {

/// A definition of `fields` laid out one after another, in the given byte order.
Definition definition_of(std::initializer_list<FieldDefinition> fields, bool big_endian = false) {
  Definition d;
  d.big_endian = big_endian;
  d.index_of.fill(Definition::kNoField);
  std::uint16_t offset = 0;
  for (const auto& f : fields) {
    d.index_of[f.number] = static_cast<std::uint8_t>(d.fields.size());
    d.fields.push_back(FieldDefinition::of(f.number, f.size, f.base_type, offset));
    offset = static_cast<std::uint16_t>(offset + f.size);
  }
  d.data_size = offset;
  return d;
}

FieldDefinition field(std::uint8_t number, std::uint8_t size, BaseType type) {
  return {.number = number, .size = size, .base_type = static_cast<std::uint8_t>(type)};
}

TEST(FieldDefinitionOf, CountsWholeElementsAndNoneWhenTheSizeIsNotAMultiple) {
  EXPECT_EQ(FieldDefinition::of(0, 4, static_cast<std::uint8_t>(BaseType::uint16), 0).elements, 2);
  EXPECT_EQ(FieldDefinition::of(0, 3, static_cast<std::uint8_t>(BaseType::uint16), 0).elements, 0);
  EXPECT_EQ(FieldDefinition::of(0, 0, static_cast<std::uint8_t>(BaseType::uint32), 0).elements, 0);
  // Unknown base-type numbers read as `byte`.
  const auto unknown = FieldDefinition::of(0, 5, 0x1F, 0);
  EXPECT_EQ(unknown.element_size, 1);
  EXPECT_EQ(unknown.elements, 5);
}

TEST(MessageView, ReadsSignedUnsignedArraysAndFloatsInEitherByteOrder) {
  for (const bool big : {false, true}) {
    const Definition d = definition_of({field(0, 2, BaseType::sint16), field(1, 4, BaseType::uint16),
                                        field(2, 4, BaseType::float32), field(3, 1, BaseType::uint8)},
                                       big);
    // -2 as sint16; [7, 9] as uint16; 1.5f; 200.
    // Padded: GCC cannot see that 8-byte loads are only made for 8-byte elements (-Warray-bounds).
    std::array<std::uint8_t, 24> data{};
    const auto put16 = [&](std::size_t at, std::uint16_t v) {
      data[at + (big ? 1 : 0)] = static_cast<std::uint8_t>(v & 0xFF);
      data[at + (big ? 0 : 1)] = static_cast<std::uint8_t>(v >> 8);
    };
    put16(0, 0xFFFE);
    put16(2, 7);
    put16(4, 9);
    const std::uint32_t one_and_a_half = 0x3FC00000;
    for (std::size_t i = 0; i < 4; ++i) {
      const auto byte = static_cast<std::uint8_t>(one_and_a_half >> (8 * i));
      data[big ? 9 - i : 6 + i] = byte;
    }
    data[10] = 200;
    const MessageView m(d, data.data());
    EXPECT_EQ(m.integer(0), -2) << "big endian: " << big;
    EXPECT_EQ(m.integer_at(1, 0), 7);
    EXPECT_EQ(m.integer_at(1, 1), 9);
    EXPECT_EQ(m.integer_at(1, 2), std::nullopt) << "past the array";
    EXPECT_EQ(m.number(2), 1.5);
    EXPECT_EQ(m.integer(2), std::nullopt) << "a float is not an integer";
    EXPECT_EQ(m.integer(3), 200);
    EXPECT_EQ(m.integer(4), std::nullopt) << "absent";
    std::int64_t i = 0;
    EXPECT_TRUE(m.integer_into(0, i));
    EXPECT_EQ(i, -2);
    double x = 0;
    EXPECT_TRUE(m.number_into(2, x));
    EXPECT_EQ(x, 1.5);
    EXPECT_FALSE(m.number_into(4, x));
  }
}

TEST(MessageView, InvalidSentinelsAndMalformedSizesAreNoValue) {
  const Definition d =
      definition_of({field(0, 2, BaseType::uint16), field(1, 1, BaseType::sint8), field(2, 3, BaseType::uint16),
                     field(3, 4, BaseType::float32), field(4, 2, BaseType::uint16z)});
  std::array<std::uint8_t, 24> data{0xFF, 0xFF, 0x7F, 1, 2, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0};
  const MessageView m(d, data.data());
  EXPECT_EQ(m.integer(0), std::nullopt) << "0xFFFF is uint16's 'invalid'";
  EXPECT_EQ(m.integer(1), std::nullopt) << "0x7F is sint8's 'invalid'";
  EXPECT_EQ(m.integer(2), std::nullopt) << "3 bytes are not a whole number of uint16";
  EXPECT_EQ(m.number(3), std::nullopt) << "all-ones float";
  EXPECT_EQ(m.integer(4), std::nullopt) << "0 is uint16z's 'invalid'";
  double x = 42;
  EXPECT_FALSE(m.number_into(0, x));
  EXPECT_EQ(x, 42) << "left as it was";
}

TEST(MessageView, ACompressedHeaderGivesItsTimeOverTheTimestampField) {
  const Definition d = definition_of({field(kTimestampField, 4, BaseType::uint32)});
  const std::array<std::uint8_t, 16> data{0x10, 0, 0, 0};
  EXPECT_EQ(MessageView(d, data.data()).timestamp(), 0x10u);
  EXPECT_EQ(MessageView(d, data.data(), 0x20).timestamp(), 0x20u);
}

}  // namespace
}  // namespace stridecare::importers::fit
