// Gzip in memory (services/decompress.hpp) and what a file may take of an import's memory
// (services/import_memory.hpp): a bomb is refused by its trailer before anything is decompressed, a trailer
// that understates is refused once passed, and memory is never allocated beyond what the trailer states.

#include "services/decompress.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "archive_writer.hpp"
#include "importers/recording.hpp"
#include "services/import_memory.hpp"

namespace stridecare::services {
namespace {

std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

/// `gz` with its trailer's size (ISIZE) set to `stated`.
std::vector<std::uint8_t> stating(std::vector<std::uint8_t> gz, std::uint32_t stated) {
  for (std::size_t i = 0; i < 4; ++i) gz[gz.size() - 4 + i] = static_cast<std::uint8_t>(stated >> (8 * i));
  return gz;
}

TEST(Gunzip, GivesTheBytesBackInTheSizeTheTrailerStates) {
  const std::string text(100000, 'x');
  const auto gz = bytes_of(stridecare::testing::gzip(text));
  EXPECT_EQ(gzip_stated_size(gz), 100000u);
  const auto out = gunzip(gz, "a.gpx.gz");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(std::string(out->begin(), out->end()), text);
  EXPECT_EQ(out->capacity(), 100000u);  // one allocation of the stated size, no doubling
}

TEST(Gunzip, ABombIsRefusedByItsTrailerBeforeAnythingIsDecompressed) {
  const auto gz = stating(bytes_of(stridecare::testing::gzip("small")), 1U << 30);
  const auto out = gunzip(gz, "bomb.gz");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().message,
            "bomb.gz: expands to 1024 MiB, its gzip trailer states; an activity file holds at most 256 MiB");
}

TEST(Gunzip, ATrailerThatUnderstatesIsRefusedOncePassed) {
  const auto gz = stating(bytes_of(stridecare::testing::gzip(std::string(5000, 'y'))), 100);
  const auto out = gunzip(gz, "liar.gz");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().message,
            "liar.gz: expands beyond the 100 bytes its gzip trailer states (damaged, or several gzip files joined "
            "together); not read");
}

TEST(Gunzip, TwoMembersJoinedAreRefusedSayingSo) {
  auto gz = bytes_of(stridecare::testing::gzip(std::string(3000, 'a')));
  const auto second = bytes_of(stridecare::testing::gzip(std::string(10, 'b')));
  gz.insert(gz.end(), second.begin(), second.end());  // the trailer now states the last member's 10 bytes
  const auto out = gunzip(gz, "joined.gz");
  ASSERT_FALSE(out.has_value());
  EXPECT_NE(out.error().message.find("expands beyond the 10 bytes its gzip trailer states"), std::string::npos)
      << out.error().message;
}

TEST(ImportMemory, AFileNeedsItsBytesAndRoomForThePointsItCouldHold) {
  constexpr std::uint64_t kPerPoint = 2 * sizeof(importers::Sample) + sizeof(domain::TrackPoint);
  const std::vector<std::uint8_t> plain(1000, '<');
  EXPECT_EQ(memory_need(plain), 1000 + 500 * kPerPoint);
  const auto gz = bytes_of(stridecare::testing::gzip(std::string(4000, 'z')));
  EXPECT_EQ(memory_need(gz), gz.size() + 4000 + 2000 * kPerPoint);
  const std::vector<std::uint8_t> large(8U << 20, 0);  // 4 million 2-byte records: capped at kMaxSamples
  EXPECT_EQ(memory_need(large), large.size() + importers::kMaxSamples * kPerPoint);
}

TEST(ImportMemory, ABombNeedsOnlyItsBytes) {
  const auto gz = stating(bytes_of(stridecare::testing::gzip("small")), 1U << 30);
  EXPECT_EQ(memory_need(gz), gz.size());  // refused before it is decompressed
}

}  // namespace
}  // namespace stridecare::services
