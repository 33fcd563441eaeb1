// libFuzzer target: a stored track as the database holds it. Any bytes decode
// to a track or give a storage error; a decoded track encodes and decodes
// back to itself (it is already at the codec's precision).

#include <cstddef>
#include <cstdint>
#include <span>

#include "storage/track_codec.hpp"

using namespace stridecare::storage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto track = track_codec::decode(std::span<const std::uint8_t>(data, size), 1);
  if (!track) return 0;
  const auto bytes = track_codec::encode(*track);
  if (!bytes) return 0;  // decoded values beyond what encode accepts (e.g. 2^53 steps) are refused, not stored
  const auto again = track_codec::decode(*bytes, 1);
  if (!again || !(*again == *track)) __builtin_trap();
  return 0;
}
