#include "importers/fit/reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>

#include "importers/fit/crc.hpp"

namespace stridecare::importers::fit {
namespace {

constexpr std::size_t kMinHeaderSize = 12;
constexpr std::size_t kHeaderWithCrcSize = 14;
constexpr std::size_t kCrcSize = 2;
constexpr std::size_t kLocalTypes = 16;
constexpr std::uint8_t kCompressedHeaderBit = 0x80;
constexpr std::uint8_t kDefinitionBit = 0x40;
constexpr std::uint8_t kDeveloperDataBit = 0x20;
constexpr std::uint8_t kReservedBit = 0x10;
constexpr std::uint8_t kLocalTypeMask = 0x0F;
constexpr std::uint8_t kCompressedLocalTypeShift = 5;
constexpr std::uint8_t kCompressedLocalTypeMask = 0x03;
constexpr std::uint8_t kCompressedOffsetMask = 0x1F;
constexpr std::size_t kDefinitionFixedSize = 5;  // reserved, architecture, global (2), field count
constexpr std::size_t kFieldDefinitionSize = 3;
/// The file CRC runs this far ahead of the decoding, so each byte comes from memory once and is
/// decoded from L1 (a CRC pass after the decoding read big files from memory twice).
constexpr std::size_t kCrcBlock = 4096;

std::uint32_t le32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
std::uint16_t le16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

std::string at(std::size_t offset) { return "byte " + std::to_string(offset); }

/// Decodes the records of one chained file between `begin` and `end`, and the CRC of its bytes
/// [crc_begin, crc_end) alongside.
class FileDecoder {
 public:
  FileDecoder(std::span<const std::uint8_t> bytes, MessageVisitor& visitor, ReadSummary& summary, std::size_t crc_begin,
              std::size_t crc_end)
      : b_(bytes), visitor_(visitor), summary_(summary), crc_done_(crc_begin), crc_end_(crc_end) {}

  /// Decodes [begin, end); returns false (with summary.damage set) on damage.
  bool run(std::size_t begin, std::size_t end) {
    std::size_t p = begin;
    while (p < end) {
      if (p >= crc_done_) crc_ahead(p);
      const std::uint8_t h = b_[p];
      bool ok = true;
      if (h & kCompressedHeaderBit) {
        ok = data(p, end, (h >> kCompressedLocalTypeShift) & kCompressedLocalTypeMask, h & kCompressedOffsetMask);
      } else if (h & kDefinitionBit) {
        ok = definition(p, end, (h & kDeveloperDataBit) != 0);
      } else if (h & (kReservedBit | kDeveloperDataBit)) {
        return damage(p, "record header 0x" + hex(h) + " has a reserved bit set");
      } else {
        ok = data(p, end, h & kLocalTypeMask, std::nullopt);
      }
      if (!ok) return false;
    }
    return true;
  }

  /// The CRC of [crc_begin, crc_end).
  std::uint16_t crc() {
    crc_ahead(crc_end_);
    return crc_;
  }

 private:
  /// The CRC a block past `p` (or to crc_end).
  void crc_ahead(std::size_t p) {
    while (crc_done_ < crc_end_ && crc_done_ <= p) {
      const std::size_t n = std::min(kCrcBlock, crc_end_ - crc_done_);
      crc_ = crc16(b_.subspan(crc_done_, n), crc_);
      crc_done_ += n;
    }
  }

  static std::string hex(std::uint8_t v) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    return {kDigits[v >> 4], kDigits[v & 0xF]};
  }

  bool damage(std::size_t offset, std::string why) {
    summary_.damage = Damage{offset, std::move(why)};
    return false;
  }

  bool definition(std::size_t& p, std::size_t end, bool developer) {
    const std::size_t start = p;
    const std::size_t local = b_[p] & kLocalTypeMask;
    if (end - p < 1 + kDefinitionFixedSize) return damage(start, "definition message cut short");
    const std::uint8_t* d = b_.data() + p + 1;
    Definition def;
    def.big_endian = d[1] == 1;
    if (d[1] > 1) return damage(start, "definition has architecture " + std::to_string(d[1]) + " (0 or 1 allowed)");
    def.global = def.big_endian ? static_cast<std::uint16_t>(d[2] << 8 | d[3]) : le16(d + 2);
    const std::size_t count = d[4];
    p += 1 + kDefinitionFixedSize;
    if (end - p < count * kFieldDefinitionSize) return damage(start, "definition message cut short");
    std::uint16_t offset = 0;
    def.fields.reserve(count);
    def.index_of.fill(Definition::kNoField);
    for (std::size_t i = 0; i < count; ++i, p += kFieldDefinitionSize) {
      // The first definition of a field number wins (a field is never defined twice in valid files);
      // at most 255 fields fit an index byte.
      if (def.index_of[b_[p]] == Definition::kNoField && i < Definition::kNoField) {
        def.index_of[b_[p]] = static_cast<std::uint8_t>(i);
      }
      def.fields.push_back(FieldDefinition::of(b_[p], b_[p + 1], b_[p + 2], offset));
      offset = static_cast<std::uint16_t>(offset + b_[p + 1]);
    }
    if (developer) {
      if (end - p < 1) return damage(start, "definition message cut short");
      const std::size_t dev_count = b_[p++];
      if (end - p < dev_count * kFieldDefinitionSize) return damage(start, "definition message cut short");
      def.developer_fields.reserve(dev_count);
      for (std::size_t i = 0; i < dev_count; ++i, p += kFieldDefinitionSize) {
        def.developer_fields.push_back({b_[p], b_[p + 1], b_[p + 2], offset});
        offset = static_cast<std::uint16_t>(offset + b_[p + 1]);
      }
    }
    def.data_size = offset;
    defs_[local] = std::move(def);
    return true;
  }

  bool data(std::size_t& p, std::size_t end, std::size_t local, std::optional<std::uint8_t> time_offset) {
    const std::size_t start = p;
    const auto& def = defs_[local];
    if (!def) return damage(start, "data message of local type " + std::to_string(local) + " that was never defined");
    if (end - p - 1 < def->data_size) return damage(start, "data message cut short");
    const std::uint8_t* data = b_.data() + p + 1;
    if (time_offset) {
      if (!last_timestamp_) return damage(start, "compressed timestamp before any full timestamp");
      const std::uint32_t last = *last_timestamp_;
      const std::uint32_t compressed = last + ((*time_offset - (last & kCompressedOffsetMask)) & kCompressedOffsetMask);
      last_timestamp_ = compressed;
      visitor_.message(MessageView(*def, data, compressed));
    } else {
      const MessageView view(*def, data);
      std::int64_t ts = 0;
      if (view.integer_into(kTimestampField, ts)) last_timestamp_ = static_cast<std::uint32_t>(ts);
      visitor_.message(view);
    }
    ++summary_.messages;
    p += 1 + def->data_size;
    return true;
  }

  std::span<const std::uint8_t> b_;
  MessageVisitor& visitor_;
  ReadSummary& summary_;
  std::array<std::optional<Definition>, kLocalTypes> defs_{};
  std::optional<std::uint32_t> last_timestamp_;
  std::size_t crc_done_;
  std::size_t crc_end_;
  std::uint16_t crc_ = 0;
};

}  // namespace

std::optional<double> MessageView::float_value(const FieldDefinition& f) const {
  if (f.size < f.element_size) return std::nullopt;
  const std::uint64_t raw = read_element(data_ + f.offset, f.element_size);
  if (raw == f.invalid) return std::nullopt;
  const double v = f.element_size == 4 ? static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(raw)))
                                       : std::bit_cast<double>(raw);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::string> MessageView::text(std::uint8_t number) const {
  const FieldDefinition* f = field(number);
  return f ? text(*f) : std::nullopt;
}

std::optional<std::string> MessageView::text(const FieldDefinition& f) const {
  const auto* p = reinterpret_cast<const char*>(data_ + f.offset);
  const std::size_t n = strnlen(p, f.size);
  if (n == 0) return std::nullopt;
  return std::string(p, n);
}

bool looks_like_fit(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= kMinHeaderSize && bytes[0] >= kMinHeaderSize && std::memcmp(bytes.data() + 8, ".FIT", 4) == 0;
}

ReadSummary read_fit(std::span<const std::uint8_t> bytes, MessageVisitor& visitor) {
  ReadSummary summary;
  if (bytes.empty()) {
    summary.damage = Damage{0, "empty file (0 bytes)"};
    return summary;
  }
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const auto rest = bytes.subspan(pos);
    if (!looks_like_fit(rest)) {
      summary.damage = Damage{pos, summary.files == 0 ? "not a FIT file (no \".FIT\" header)"
                                                      : "bytes after the last FIT file are not a FIT header"};
      break;
    }
    const std::size_t header_size = rest[0];
    if (header_size > rest.size()) {
      summary.damage = Damage{pos, "FIT header of " + std::to_string(header_size) + " bytes is cut short"};
      break;
    }
    if (header_size >= kHeaderWithCrcSize) {
      const std::uint16_t stored = le16(rest.data() + 12);
      if (stored != 0 && stored != crc16(rest.first(12))) {
        summary.warnings.push_back("FIT header CRC mismatch at " + at(pos));
        if (!summary.crc_mismatch) summary.crc_mismatch = summary.warnings.back();
      }
    }
    const std::uint32_t data_size = le32(rest.data() + 4);
    const std::size_t data_begin = pos + header_size;
    const std::size_t declared_end = data_begin + data_size;
    const bool unfinished = data_size == 0;
    const bool cut = declared_end > bytes.size();
    const std::size_t end = (unfinished || cut) ? bytes.size() : declared_end;
    ++summary.files;
    visitor.begin_file();
    // Only a file that ends where its header says has a CRC to check.
    FileDecoder decoder(bytes, visitor, summary, pos, (unfinished || cut) ? pos : declared_end);
    if (!decoder.run(data_begin, end)) break;
    if (unfinished || cut) {
      summary.damage = Damage{end, unfinished ? "header data size is 0 (unfinished recording); read to the end"
                                              : "header says " + std::to_string(data_size) +
                                                    " data bytes but the file ends at byte " + std::to_string(end)};
      break;
    }
    if (declared_end + kCrcSize > bytes.size()) {
      summary.damage = Damage{declared_end, "file CRC missing"};
      break;
    }
    const std::uint16_t stored = le16(bytes.data() + declared_end);
    if (stored != decoder.crc()) {
      summary.warnings.push_back("FIT file CRC mismatch at " + at(declared_end));
      if (!summary.crc_mismatch) summary.crc_mismatch = summary.warnings.back();
    }
    pos = declared_end + kCrcSize;
  }
  return summary;
}

}  // namespace stridecare::importers::fit
