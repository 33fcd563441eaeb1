// libFuzzer target: the GPX and TCX parsers. Any bytes parse to a recording with
// at least one session, or fail with an invalid_file error naming the file.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importers/xml/gpx.hpp"
#include "importers/xml/tcx.hpp"

using namespace stridecare;

namespace {
void check(const domain::Expected<importers::Recording>& r) {
  if (r && r->sessions.empty()) std::abort();
  if (!r && (r.error().kind != domain::ErrorKind::invalid_file || r.error().message.rfind("fuzz: ", 0) != 0))
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(importers::parse_gpx(text, "fuzz"));
  check(importers::parse_tcx(text, "fuzz"));
  return 0;
}
