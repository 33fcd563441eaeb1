#pragma once
// Where the tests find real files, and how they read them whole.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace stridecare::test_support {

/// ../shared/corpus beside the checkout: real device files from public projects (its SOURCES.md).
inline const std::filesystem::path kCorpus = std::filesystem::path(STRIDECARE_SOURCE_DIR) / ".." / "shared" / "corpus";

/// The bytes of `p`; empty when it cannot be read (the test's own expectations then fail).
inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace stridecare::test_support
