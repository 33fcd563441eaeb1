#pragma once
/// FIT framing: file headers, CRC, record headers, definitions and data
/// messages, for one buffer that may hold several chained FIT files.
///
/// The reader hands each data message to a visitor as a `MessageView` over
/// the buffer (no copies, no allocation per message). What the messages mean
/// is the business of the profile and mapping code, not of this file.

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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
  /// What `base_type` and `size` imply, worked out once per definition rather than at every
  /// read (a field is read in every record): the element's size, sentinel and kind, and
  /// how many whole elements the field holds (0 when `size` is not a whole number of them:
  /// malformed, its bytes are no number).
  std::uint8_t element_size = 1;
  std::uint8_t elements = 0;
  bool is_signed = false;
  bool is_float = false;
  std::uint64_t invalid = 0;

  /// A field of `size` bytes of the base-type byte `base_type` at `offset`.
  static constexpr FieldDefinition of(std::uint8_t number, std::uint8_t size, std::uint8_t base_type,
                                      std::uint16_t offset) {
    const BaseTypeInfo& info = base_type_info(base_type);
    return {.number = number,
            .size = size,
            .base_type = base_type,
            .offset = offset,
            .element_size = info.size,
            .elements = static_cast<std::uint8_t>(size % info.size == 0 ? size / info.size : 0),
            .is_signed = info.is_signed,
            .is_float = info.is_float,
            .invalid = info.invalid};
  }
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
  /// A message with its own timestamp field, if any.
  MessageView(const Definition& def, const std::uint8_t* data) : def_(def), data_(data) {}
  /// A message behind a compressed-timestamp header, at the time that header implies.
  MessageView(const Definition& def, const std::uint8_t* data, std::uint32_t compressed_timestamp)
      : def_(def), data_(data), compressed_timestamp_(compressed_timestamp), has_compressed_timestamp_(true) {}

  std::uint16_t global() const { return def_.global; }
  const Definition& definition() const { return def_; }

  /// The field's definition, or nullptr when the message lacks it.
  [[gnu::always_inline]] const FieldDefinition* field(std::uint8_t number) const {
    const std::uint8_t i = def_.index_of[number];
    return i == Definition::kNoField ? nullptr : &def_.fields[i];
  }

  /// The first element of an integer field as stored (sign-extended for
  /// signed types), or nullopt when absent or invalid. Floats are not integers.
  [[gnu::always_inline]] std::optional<std::int64_t> integer(std::uint8_t number) const {
    return integer_at(number, 0);
  }
  /// Element `index` of an integer array field.
  [[gnu::always_inline]] std::optional<std::int64_t> integer_at(std::uint8_t number, std::size_t index) const {
    const FieldDefinition* f = field(number);
    return f ? element(*f, index) : std::nullopt;
  }
  /// As `integer` and `number`, without an optional in between: true, with `out` set, when the
  /// field is present and valid. For the per-record path, where GCC passes each optional
  /// through the stack and stalls on reading it back.
  [[gnu::always_inline]] bool integer_into(std::uint8_t number, std::int64_t& out) const {
    const FieldDefinition* f = field(number);
    return f != nullptr && element_into(*f, 0, out);
  }
  [[gnu::always_inline]] bool number_into(std::uint8_t number, double& out) const {
    const FieldDefinition* f = field(number);
    if (f == nullptr) return false;
    if (f->is_float) {
      const auto v = float_value(*f);
      if (v) out = *v;
      return v.has_value();
    }
    std::int64_t i = 0;
    if (!element_into(*f, 0, i)) return false;
    out = static_cast<double>(i);
    return true;
  }
  /// Any numeric field as a double (floats included), or nullopt when absent/invalid.
  [[gnu::always_inline]] std::optional<double> number(std::uint8_t number) const {
    const FieldDefinition* f = field(number);
    return f ? this->number(*f) : std::nullopt;
  }
  /// The first element of the field `f` describes as a double (a developer field is read
  /// through a FieldDefinition made from its description), or nullopt when invalid.
  [[gnu::always_inline]] std::optional<double> number(const FieldDefinition& f) const {
    if (!f.is_float) {
      const auto v = element(f, 0);
      return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
    }
    return float_value(f);
  }
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
  [[gnu::always_inline]] std::optional<std::uint32_t> timestamp() const {
    if (has_compressed_timestamp_) return compressed_timestamp_;
    const auto ts = integer(kTimestampField);
    if (!ts) return std::nullopt;
    return static_cast<std::uint32_t>(*ts);
  }

 private:
  // Inline, with the accessors above: a record reads a dozen fields, and each read folds to a
  // few loads once the field number is a constant at the call.
  [[gnu::always_inline]] std::optional<std::int64_t> element(const FieldDefinition& f, std::size_t index) const {
    std::int64_t v = 0;
    return element_into(f, index, v) ? std::optional(v) : std::nullopt;
  }

  [[gnu::always_inline]] bool element_into(const FieldDefinition& f, std::size_t index, std::int64_t& out) const {
    if (f.is_float || index >= f.elements) return false;
    const std::uint64_t raw = read_element(data_ + f.offset + index * f.element_size, f.element_size);
    if (raw == f.invalid) return false;
    if (f.is_signed) {
      const unsigned bits = 8U * f.element_size;
      const std::uint64_t sign = std::uint64_t{1} << (bits - 1);
      out = static_cast<std::int64_t>((raw ^ sign) - sign);
    } else {
      out = static_cast<std::int64_t>(raw);
    }
    return true;
  }

  /// An element of 1, 2, 4 or 8 bytes in the definition's byte order.
  [[gnu::always_inline]] std::uint64_t read_element(const std::uint8_t* p, std::size_t size) const {
    switch (size) {
      case 1:
        return *p;
      case 2:
        return load<std::uint16_t>(p);
      case 4:
        return load<std::uint32_t>(p);
      default:
        return load<std::uint64_t>(p);
    }
  }

  template <class T>
  T load(const std::uint8_t* p) const {
    T v;
    std::memcpy(&v, p, sizeof v);
    return def_.big_endian != (std::endian::native == std::endian::big) ? std::byteswap(v) : v;
  }

  std::optional<double> float_value(const FieldDefinition& f) const;

  const Definition& def_;
  const std::uint8_t* data_;
  // Not an optional: built once per message, and GCC wrote an optional's parts apart and read them
  // back whole, a store-forwarding stall that was half of the framing's time.
  std::uint32_t compressed_timestamp_ = 0;
  bool has_compressed_timestamp_ = false;
};

/// Where and why decoding stopped early.
struct Damage {
  std::size_t offset = 0;  ///< byte offset in the buffer
  std::string reason;
};

struct ReadSummary {
  std::size_t files = 0;                    ///< chained FIT files read
  std::size_t messages = 0;                 ///< data messages handed to the visitor
  std::vector<std::string> warnings;        ///< e.g. CRC mismatches
  std::optional<std::string> crc_mismatch;  ///< the first CRC mismatch (header or file), as in `warnings`
  std::optional<Damage> damage;             ///< set when the buffer did not decode to its end
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
