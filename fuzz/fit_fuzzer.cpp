// libFuzzer target: FIT decoding (framing and mapping). Any bytes decode or fail
// with an error; a strict decode succeeds only when the lenient one has no damage.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "importers/fit/decode.hpp"

using namespace stridecare::importers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  const auto lenient = fit::decode_fit(bytes, "fuzz.fit");
  const auto strict = fit::decode_fit(bytes, "fuzz.fit", {.strict = true});
  if (strict && !lenient) std::abort();
  if (lenient && lenient->sessions.empty()) std::abort();
  return 0;
}
