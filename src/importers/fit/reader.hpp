#pragma once
/// FIT framing: file headers, CRC, record headers, definitions and data
/// messages, for one buffer that may hold several chained FIT files.
///
/// The reader hands each data message to a visitor as a `MessageView` over
/// the buffer (no copies, no allocation per message). What the messages mean
/// is the business of the profile and mapping code, not of this file.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "importers/fit/base_type.hpp"

namespace stridecare::importers::fit {

/// Field number of `timestamp` in every message that has one.
inline constexpr std::uint8_t kTimestampField = 253;

struct FieldDefinition {
  std::uint8_t number = 0;
  std::uint8_t size = 0;       ///< bytes in the message; a multiple of the base size is an array
  std::uint8_t base_type = 0;  ///< the definition's base-type byte
  std::uint16_t offset = 0;    ///< from the start of the message's data
};

struct DeveloperFieldDefinition {
  std::uint8_t number = 0;
  std::uint8_t size = 0;
  std::uint8_t developer_index = 0;
  std::uint16_t offset = 0;
};

struct Definition {
  static constexpr std::uint8_t kNoField = 0xFF;
  std::uint16_t global = 0;  ///< global message number (profile)
  bool big_endian = false;
  std::vector<FieldDefinition> fields;
  /// Index into `fields` by field number, kNoField when absent: field lookups are O(1).
  std::array<std::uint8_t, 256> index_of{};
  std::vector<DeveloperFieldDefinition> developer_fields;
  std::uint16_t data_size = 0;  ///< bytes of one data message
};

/// One data message, valid only during the visitor call.
class MessageView {
 public:
  MessageView(const Definition& def, const std::uint8_t* data, std::optional<std::uint32_t> compressed_timestamp)
      : def_(def), data_(data), compressed_timestamp_(compressed_timestamp) {}

  std::uint16_t global() const { return def_.global; }
  const Definition& definition() const { return def_; }

  /// The field's definition, or nullptr when the message lacks it.
  const FieldDefinition* field(std::uint8_t number) const;

  /// The first element of an integer field as stored (sign-extended for
  /// signed types), or nullopt when absent or invalid. Floats are not integers.
  std::optional<std::int64_t> integer(std::uint8_t number) const;
  /// Element `index` of an integer array field.
  std::optional<std::int64_t> integer_at(std::uint8_t number, std::size_t index) const;
  /// Any numeric field as a double (floats included), or nullopt when absent/invalid.
  std::optional<double> number(std::uint8_t number) const;
  /// The first element of the field `f` describes as a double (a developer field is read
  /// through a FieldDefinition made from its description), or nullopt when invalid.
  std::optional<double> number(const FieldDefinition& f) const;
  /// A string field up to its first NUL (or its full size when unterminated).
  std::optional<std::string> text(std::uint8_t number) const;
  std::optional<std::string> text(const FieldDefinition& f) const;
  /// The raw bytes of a field.
  std::span<const std::uint8_t> bytes(const FieldDefinition& f) const { return {data_ + f.offset, f.size}; }
  /// The raw bytes of a developer field.
  std::span<const std::uint8_t> bytes(const DeveloperFieldDefinition& f) const { return {data_ + f.offset, f.size}; }
  bool big_endian() const { return def_.big_endian; }

  /// Field 253, or for a compressed-timestamp header the timestamp it implies
  /// (FIT seconds since 1989-12-31T00:00Z).
  std::optional<std::uint32_t> timestamp() const;

 private:
  std::optional<std::int64_t> element(const FieldDefinition& f, std::size_t index) const;

  const Definition& def_;
  const std::uint8_t* data_;
  std::optional<std::uint32_t> compressed_timestamp_;
};

/// Where and why decoding stopped early.
struct Damage {
  std::size_t offset = 0;  ///< byte offset in the buffer
  std::string reason;
};

struct ReadSummary {
  std::size_t files = 0;              ///< chained FIT files read
  std::size_t messages = 0;           ///< data messages handed to the visitor
  std::vector<std::string> warnings;  ///< e.g. CRC mismatches
  std::optional<Damage> damage;       ///< set when the buffer did not decode to its end
};

/// Receives each data message in file order.
class MessageVisitor {
 public:
  virtual ~MessageVisitor() = default;
  /// A new chained FIT file begins (its state: local types, timestamps, accumulators is fresh).
  virtual void begin_file() {}
  virtual void message(const MessageView& m) = 0;
};

/// Reads every FIT file chained in `bytes`. Never throws for bad input: a
/// buffer that is not FIT at all gives `damage` at offset 0 and no messages;
/// damage later keeps what decoded before it.
ReadSummary read_fit(std::span<const std::uint8_t> bytes, MessageVisitor& visitor);

/// True when `bytes` starts with a FIT file header.
bool looks_like_fit(std::span<const std::uint8_t> bytes);

}  // namespace stridecare::importers::fit
