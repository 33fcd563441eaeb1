#pragma once
/// Helpers for the XML importer tests: corpus paths, reading files, checking
/// `invalid_file` errors, building UTF-16 input.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include <gtest/gtest.h>

#include "domain/error.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers::testing_support {

/// The shared corpus of real activity files, beside the repository.
inline std::filesystem::path corpus_dir() {
  return std::filesystem::path(STRIDECARE_SOURCE_DIR) / ".." / "shared" / "corpus";
}

/// This test folder, where the golden files live.
inline std::filesystem::path test_dir() {
  return std::filesystem::path(STRIDECARE_SOURCE_DIR) / "tests" / "importers" / "xml";
}

/// The whole file; empty when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return {};
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

/// `text` as UTF-16 bytes, little or big endian, with a BOM when asked.
inline std::string utf16(std::u16string_view text, bool big_endian, bool bom = true) {
  std::string out;
  const auto put = [&](char16_t unit) {
    const char hi = static_cast<char>((unit >> 8U) & 0xFFU);
    const char lo = static_cast<char>(unit & 0xFFU);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  if (bom) put(u'\uFEFF');
  for (char16_t unit : text) put(unit);
  return out;
}

/// Success, printing the error otherwise.
inline ::testing::AssertionResult parsed(const domain::Expected<Recording>& result) {
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "rejected: " << result.error().message;
}

/// An `invalid_file` error whose field is `name` and whose message is exactly `message`.
inline ::testing::AssertionResult rejected_with(const domain::Expected<Recording>& result, std::string_view name,
                                                std::string_view message) {
  if (result) return ::testing::AssertionFailure() << "accepted; expected \"" << message << "\"";
  const domain::Error& e = result.error();
  if (e.kind != domain::ErrorKind::invalid_file) {
    return ::testing::AssertionFailure() << "error kind " << static_cast<int>(e.kind) << " (" << e.message << ")";
  }
  if (e.field != name) return ::testing::AssertionFailure() << "field '" << e.field << "', expected '" << name << "'";
  if (e.message != message) {
    return ::testing::AssertionFailure() << "message \"" << e.message << "\", expected \"" << message << "\"";
  }
  return ::testing::AssertionSuccess();
}

/// Every sample of every session.
inline std::size_t sample_count(const Recording& r) {
  std::size_t n = 0;
  for (const SessionRecord& s : r.sessions) n += s.samples.size();
  return n;
}

/// Samples with a position.
inline std::size_t positioned_count(const Recording& r) {
  std::size_t n = 0;
  for (const SessionRecord& s : r.sessions) {
    for (const Sample& p : s.samples) n += p.latitude_deg && p.longitude_deg ? 1U : 0U;
  }
  return n;
}

/// Milliseconds since the Unix epoch of an instant.
inline long long epoch_ms(UtcMillis t) { return static_cast<long long>(t.time_since_epoch().count()); }

}  // namespace stridecare::importers::testing_support
