// libFuzzer target: a zip (or tar) archive as `import` reads it: every entry,
// nested archives and gzip members included, decoded and mapped to
// activities. Any bytes must give items or errors, never a crash, a hang or
// unbounded memory.

#include <cstddef>
#include <cstdint>
#include <span>

#include "importers/mapping/to_activities.hpp"
#include "services/activity_files.hpp"
#include "services/import_sources.hpp"

using namespace stridecare;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  services::walk_archive_bytes(
      std::span<const std::uint8_t>(data, size), "fuzz.zip",
      {.item =
           [](services::SourceItem&& item) {
             if (item.error) return true;
             auto r = services::ingest_bytes(std::move(item.bytes), item.name);
             if (!r) return true;
             const domain::SourceFile source{item.name, r->recording.format, r->content_hash, 0};
             (void)importers::to_activities(
                 r->recording, source, [](domain::UtcSeconds) { return std::chrono::seconds{0}; }, item.annotation);
             return true;
           },
       .progress = {}});
  return 0;
}
