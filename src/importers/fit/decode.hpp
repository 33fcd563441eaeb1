#pragma once
/// FIT bytes to a `Recording`: framing (reader.hpp) plus the mapping of the
/// profile's record, lap and session messages. A pure function.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers::fit {

struct DecodeOptions {
  /// Fail on any damage instead of keeping what decoded before it, and on a header or file CRC that
  /// does not match (kept with a warning otherwise).
  bool strict = false;
  /// Records kept as samples at most; later records are dropped with a warning (sessions and laps still read).
  std::size_t max_samples = kMaxSamples;
};

/// Decodes every chained FIT file in `bytes`. `name` names the file in
/// messages. Damage (truncation, garbage) keeps what decoded before it and
/// adds the warning "recovered, truncated at byte N: reason", unless
/// `options.strict`; bytes that are not FIT at all, or damage before the
/// first record, are an `ErrorKind::invalid_file` error naming the byte offset.
domain::Expected<Recording> decode_fit(std::span<const std::uint8_t> bytes, std::string_view name,
                                       DecodeOptions options = {});

}  // namespace stridecare::importers::fit
