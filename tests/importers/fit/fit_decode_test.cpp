// FIT records mapped to samples, compared value by value with the FIT SDK's
// exports (fitdecode/expected/*-records.csv, written by FitCSVTool).

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "importers/fit/decode.hpp"
#include "importers/fit/profile.hpp"
#include "support/test_files.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fs = std::filesystem;

using test_support::kCorpus;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  return out;
}

void expect_near_relative(std::optional<double> ours, const std::string& sdk, const std::string& what,
                          std::size_t row) {
  if (sdk == "null" || sdk.empty()) {
    EXPECT_FALSE(ours) << what << " row " << row;
    return;
  }
  ASSERT_TRUE(ours) << what << " row " << row << " expected " << sdk;
  const double expected = std::stod(sdk);
  EXPECT_LE(std::abs(*ours - expected), 1e-9 * std::max(1.0, std::abs(expected)))
      << what << " row " << row << ": " << *ours << " vs " << sdk;
}

/// "Sun Jun 11 07:34:09 PDT 2017" (every such export in the corpus is in PDT, UTC-7) or FIT seconds.
std::int64_t unix_seconds(const std::string& cell) {
  if (cell.find(' ') == std::string::npos) return std::stoll(cell) + profile::kFitEpochUnixSeconds;
  static const std::string kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  std::istringstream in(cell);
  std::string weekday, month, clock, zone;
  int day = 0, year = 0;
  in >> weekday >> month >> day >> clock >> zone >> year;
  EXPECT_EQ(zone, "PDT");
  const unsigned m = static_cast<unsigned>(kMonths.find(month) / 3 + 1);
  const std::chrono::sys_days date{std::chrono::year{year} / std::chrono::month{m} /
                                   std::chrono::day{static_cast<unsigned>(day)}};
  const int h = std::stoi(clock.substr(0, 2)), mi = std::stoi(clock.substr(3, 2)), se = std::stoi(clock.substr(6, 2));
  constexpr int kPdtOffsetS = -7 * 3600;
  return date.time_since_epoch().count() * 86400 + h * 3600 + mi * 60 + se - kPdtOffsetS;
}

/// Column name in the CSV header -> what we call it; both header styles of the corpus.
std::string column_key(std::string header) {
  header.erase(0, header.find_first_not_of(' '));
  header = header.substr(0, header.find(" ["));
  for (auto& c : header) c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return header;
}

class FitMatchesSdkExport : public ::testing::TestWithParam<std::string> {};

TEST_P(FitMatchesSdkExport, EveryRecordValueOfTheExport) {
  const std::string base = GetParam();
  const auto decoded =
      decode_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / (base + ".fit")), base);
  ASSERT_TRUE(decoded) << decoded.error().message;
  std::vector<Sample> samples;
  for (const auto& s : decoded->sessions) samples.insert(samples.end(), s.samples.begin(), s.samples.end());

  std::ifstream csv(kCorpus / "fitdecode" / "expected" / (base + "-records.csv"));
  std::string line;
  std::getline(csv, line);
  std::vector<std::string> columns;
  for (const auto& h : split(line)) columns.push_back(column_key(h));
  // Known divergence, checked rather than skipped: where the file holds the invalid sentinel, these
  // exports carry the previous position forward and write cadence 0; we report no value.
  std::vector<std::string> previous(columns.size());
  std::size_t row = 0;
  for (; std::getline(csv, line); ++row) {
    ASSERT_LT(row, samples.size());
    auto cells = split(line);
    cells.resize(columns.size());  // a trailing empty cell is dropped by getline
    const Sample& s = samples[row];
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string& key = columns[c];
      const std::string& cell = cells[c];
      if (key == "timestamp") {
        ASSERT_TRUE(s.time) << row;
        EXPECT_EQ(std::chrono::duration_cast<std::chrono::seconds>(s.time->time_since_epoch()).count(),
                  unix_seconds(cell))
            << "row " << row;
      } else if (key == "heart_rate") {
        expect_near_relative(s.heart_rate_bpm.transform([](int v) { return static_cast<double>(v); }), cell, key, row);
      } else if (key == "speed") {
        expect_near_relative(s.speed_m_per_s, cell, key, row);
      } else if (key == "distance") {
        expect_near_relative(s.distance_m, cell, key, row);
      } else if (key == "cadence") {
        if (s.cadence_rpm || cell.empty() || cell == "null") {
          expect_near_relative(s.cadence_rpm, cell, key, row);
        } else {
          EXPECT_EQ(cell, "0") << "an invalid cadence is exported as 0, row " << row;
        }
      } else if (key == "altitude") {
        expect_near_relative(s.altitude_m, cell, key, row);
      } else if (key == "position_lat" || key == "position_long") {
        const auto degrees = key == "position_lat" ? s.latitude_deg : s.longitude_deg;
        if (degrees || cell.empty()) {
          expect_near_relative(degrees.transform([](double d) { return std::round(d * 2147483648.0 / 180.0); }), cell,
                               key, row);
        } else {
          EXPECT_EQ(cell, previous[c]) << "an invalid position is exported as the previous one, row " << row;
        }
      }
    }
    previous = cells;
  }
  EXPECT_EQ(row, samples.size());
}

INSTANTIATE_TEST_SUITE_P(Corpus, FitMatchesSdkExport,
                         ::testing::Values("compressed-speed-distance", "garmin-edge-500-activity",
                                           "garmin-edge-820-bike", "garmin-fenix-5-bike", "garmin-fenix-5-run",
                                           "garmin-fenix-5-walk"),
                         [](const auto& param) {
                           std::string name = param.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(FitDecode, TruncatedFileIsRecoveredWithTheByteOffset) {
  const auto decoded =
      decode_fit(test_support::read_bytes(kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit"), "nick.fit");
  ASSERT_TRUE(decoded);
  ASSERT_FALSE(decoded->warnings.empty());
  EXPECT_EQ(decoded->warnings.back().rfind("recovered, truncated at byte 403437", 0), 0u) << decoded->warnings.back();
}

TEST(FitDecode, StrictModeRejectsADamagedFile) {
  const auto decoded =
      decode_fit(test_support::read_bytes(kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit"), "nick.fit",
                 {.strict = true});
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind, domain::ErrorKind::invalid_file);
  EXPECT_NE(decoded.error().message.find("nick.fit: byte 403437"), std::string::npos) << decoded.error().message;
}

// Regression: --strict stored a file whose CRC does not match, with only a warning.
TEST(FitDecode, AFileCrcMismatchIsAWarningAndRefusedWhenStrict) {
  auto bytes = test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit");
  ASSERT_GT(bytes.size(), 4u);
  bytes[bytes.size() - 1] ^= 0xFF;  // the stored CRC's high byte: every record still decodes
  const auto lenient = decode_fit(bytes, "run.fit");
  ASSERT_TRUE(lenient);
  EXPECT_NE(std::find_if(lenient->warnings.begin(), lenient->warnings.end(),
                         [](const std::string& w) { return w.starts_with("FIT file CRC mismatch at byte"); }),
            lenient->warnings.end());
  const auto strict = decode_fit(bytes, "run.fit", {.strict = true});
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().kind, domain::ErrorKind::invalid_file);
  EXPECT_NE(strict.error().message.find("run.fit: FIT file CRC mismatch at byte"), std::string::npos)
      << strict.error().message;
  EXPECT_NE(strict.error().message.find("(--strict)"), std::string::npos) << strict.error().message;
}

TEST(FitDecode, NonFitBytesAreAnErrorNamingFileAndOffset) {
  const std::string text = "garbage that is not a FIT file";
  const auto decoded = decode_fit({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, "x.fit");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().message, "x.fit: byte 0: not a FIT file (no \".FIT\" header)");
}

TEST(FitDecode, SessionTotalsAndSport) {
  const auto decoded = decode_fit(
      test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit"), "run.fit");
  ASSERT_TRUE(decoded);
  ASSERT_EQ(decoded->sessions.size(), 1u);
  const auto& s = decoded->sessions[0];
  EXPECT_EQ(s.sport, "running");
  EXPECT_TRUE(s.start);
  EXPECT_TRUE(s.total_elapsed_s);
  EXPECT_TRUE(s.total_distance_m);
  EXPECT_EQ(s.samples.size(), 21u);
}

// Issue 14, item 5: a FIT record can take 2 bytes; 32 MiB of them made 16 million samples (2.6 GB).
TEST(FitDecode, KeepsAtMostTheMaximumOfRecordsAndStillReadsTheSessionAfterThem) {
  const auto bytes = test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit");
  const auto all = decode_fit(bytes, "run.fit");
  const auto few = decode_fit(bytes, "run.fit", {.max_samples = 5});
  ASSERT_TRUE(all);
  ASSERT_TRUE(few);
  ASSERT_EQ(few->sessions.size(), 1u);
  const auto& s = few->sessions[0];
  ASSERT_EQ(s.samples.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(s.samples[i], all->sessions[0].samples[i]) << i;
  EXPECT_EQ(s.total_distance_m, all->sessions[0].total_distance_m);  // the session message comes after the records
  EXPECT_EQ(s.total_elapsed_s, all->sessions[0].total_elapsed_s);
  EXPECT_EQ(few->warnings.front(), "more than 5 points: the first 5 are kept, the 16 after them are not");
}

}  // namespace
}  // namespace stridecare::importers::fit
