// FIT framing on real files of the shared corpus and on damaged variants of them.

#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "importers/fit/crc.hpp"
#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"
#include "support/test_files.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fs = std::filesystem;

using test_support::kCorpus;

std::vector<fs::path> corpus_fit_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kCorpus)) {
    auto ext = e.path().extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (e.is_regular_file() && ext == ".fit") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Counts messages per global number.
struct Counter final : MessageVisitor {
  std::map<std::uint16_t, std::size_t> by_global;
  std::size_t files = 0;
  void begin_file() override { ++files; }
  void message(const MessageView& m) override {
    // The FIT SDK drops messages without fields (compressed-speed-distance.fit opens with one).
    if (!m.definition().fields.empty()) ++by_global[m.global()];
  }
};

constexpr std::uint16_t kRecordMessage = 20;

/// Files that do not decode to their end, with where and why (SOURCES.md).
const std::map<std::string, std::pair<std::size_t, std::string>> kDamaged{
    {"nick.fit", {403437, "data message cut short"}},
    {"strava-android-app-201.10-b1218918.fit", {7471, "reserved bit"}},
};

TEST(FitReader, CrcOfTheCheckString) {
  const std::array<std::uint8_t, 9> bytes{'1', '2', '3', '4', '5', '6', '7', '8', '9'};
  EXPECT_EQ(crc16(bytes), 0xBB3D);  // CRC-16/ARC check value
}

/// The protocol's own algorithm, a nibble at a time (FIT SDK "CRC" section).
std::uint16_t reference_crc(std::span<const std::uint8_t> bytes) {
  constexpr std::array<std::uint16_t, 16> kTable{0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                                 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};
  std::uint16_t crc = 0;
  for (const std::uint8_t byte : bytes) {
    std::uint16_t tmp = kTable[crc & 0xF];
    crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFF) ^ tmp ^ kTable[byte & 0xF]);
    tmp = kTable[crc & 0xF];
    crc = static_cast<std::uint16_t>(((crc >> 4) & 0x0FFF) ^ tmp ^ kTable[(byte >> 4) & 0xF]);
  }
  return crc;
}

TEST(FitReader, CrcMatchesTheProtocolsNibbleAlgorithmAtEveryLengthAndSplit) {
  std::vector<std::uint8_t> bytes(300);
  std::uint32_t state = 12345;
  for (auto& b : bytes) {
    state = state * 1664525u + 1013904223u;
    b = static_cast<std::uint8_t>(state >> 24);
  }
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const std::span<const std::uint8_t> part(bytes.data(), n);
    ASSERT_EQ(crc16(part), reference_crc(part)) << n << " bytes";
    const std::size_t half = n / 3;
    ASSERT_EQ(crc16(part.subspan(half), crc16(part.first(half))), reference_crc(part)) << n << " bytes, split";
  }
}

TEST(FitReader, DecodesEveryCorpusFileToItsEndOrToTheKnownDamage) {
  const auto files = corpus_fit_files();
  ASSERT_GT(files.size(), 40u);
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const auto bytes = test_support::read_bytes(path);
    Counter c;
    const ReadSummary s = read_fit(bytes, c);
    EXPECT_GT(s.messages, 0u);
    EXPECT_EQ(c.files, s.files);
    const auto damaged = kDamaged.find(path.filename().string());
    if (damaged == kDamaged.end()) {
      EXPECT_FALSE(s.damage) << s.damage->offset << ": " << s.damage->reason;
      EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
    } else {
      ASSERT_TRUE(s.damage);
      EXPECT_EQ(s.damage->offset, damaged->second.first);
      EXPECT_NE(s.damage->reason.find(damaged->second.second), std::string::npos) << s.damage->reason;
    }
  }
}

TEST(FitReader, RecordCountsMatchTheFitSdkExports) {
  // fitdecode/expected/*-records.csv were written by the FIT SDK's FitCSVTool: one row per record.
  for (const auto& e : fs::directory_iterator(kCorpus / "fitdecode" / "expected")) {
    const std::string csv = e.path().filename().string();
    const std::string fit = csv.substr(0, csv.size() - std::string("-records.csv").size()) + ".fit";
    SCOPED_TRACE(fit);
    std::ifstream in(e.path());
    std::size_t rows = 0;
    for (std::string line; std::getline(in, line);) rows += line.empty() ? 0 : 1;
    Counter c;
    read_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / fit), c);
    EXPECT_EQ(c.by_global[kRecordMessage], rows - 1);
  }
}

TEST(FitReader, ChainedFilesAreReadOneAfterAnother) {
  Counter c;
  const auto s =
      read_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fr935-cr.fit"), c);
  EXPECT_EQ(s.files, 7u);
  EXPECT_EQ(c.files, 7u);
  EXPECT_FALSE(s.damage);
}

TEST(FitReader, EmptyAndForeignBytesAreNotFit) {
  Counter c;
  const auto empty = read_fit({}, c);
  EXPECT_EQ(empty.files, 0u);
  ASSERT_TRUE(empty.damage);
  EXPECT_NE(empty.damage->reason.find("empty"), std::string::npos);
  const std::string text = "<?xml version=\"1.0\"?><gpx></gpx>";
  const auto s = read_fit({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, c);
  ASSERT_TRUE(s.damage);
  EXPECT_EQ(s.damage->offset, 0u);
  EXPECT_EQ(s.messages, 0u);
}

TEST(FitReader, EveryTruncationKeepsWhatDecodedBefore) {
  const auto bytes = test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit");
  std::size_t previous = 0;
  for (std::size_t n = 0; n <= bytes.size(); n += 7) {
    Counter c;
    const auto s = read_fit(std::span(bytes).first(n), c);
    EXPECT_GE(s.messages, previous) << n;
    previous = s.messages;
    if (n < bytes.size()) {
      EXPECT_TRUE(s.damage) << n;
    }
  }
}

TEST(FitReader, FlippedBytesNeverCrash) {
  const auto original = test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-bike.fit");
  for (std::size_t i = 0; i < original.size(); i += 3) {
    auto bytes = original;
    bytes[i] = static_cast<std::uint8_t>(bytes[i] ^ 0xA5);
    Counter c;
    (void)read_fit(bytes, c);
  }
}

}  // namespace
}  // namespace stridecare::importers::fit
