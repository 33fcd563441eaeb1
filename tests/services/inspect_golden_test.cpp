// Golden summaries: for every activity file of the shared corpus, the checked-in
// `inspect` summary (tests/golden/inspect/<path>.json) equals what we read now.
// After a deliberate change, regenerate with STRIDECARE_UPDATE_GOLDEN=1 and review the diff.

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "services/activity_files.hpp"
#include "support/test_files.hpp"

namespace stridecare::services {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(STRIDECARE_SOURCE_DIR);
using test_support::kCorpus;
const fs::path kGolden = kSource / "tests" / "golden" / "inspect";

bool is_activity_file(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".fit" || ext == ".gpx" || ext == ".tcx";
}

/// The summary with the corpus-relative name in place of the path, so goldens do not depend on where the corpus is.
Json summary(const fs::path& file, const std::string& name) {
  const auto r = read_activity_file(file);
  if (!r) {
    std::string message = r.error().message;
    message.replace(0, file.string().size(), name);
    return {{"path", name}, {"error", message}};
  }
  Json j = inspect_json(name, *r, false);
  for (auto& w : j["warnings"]) {
    std::string text = w.get<std::string>();
    if (const auto at = text.find(file.string()); at != std::string::npos) text.replace(at, file.string().size(), name);
    w = text;
  }
  return j;
}

TEST(InspectGolden, EveryCorpusFileMatchesItsCheckedInSummary) {
  const bool update = std::getenv("STRIDECARE_UPDATE_GOLDEN") != nullptr;
  std::size_t checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(kCorpus)) {
    if (!e.is_regular_file() || !is_activity_file(e.path())) continue;
    const std::string name = e.path().lexically_relative(kCorpus).generic_string();
    SCOPED_TRACE(name);
    const Json actual = summary(e.path(), name);
    const fs::path golden = kGolden / (name + ".json");
    if (update) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden) << actual.dump(2) << "\n";
    }
    std::ifstream in(golden);
    ASSERT_TRUE(in) << "no golden summary " << golden << "; run with STRIDECARE_UPDATE_GOLDEN=1";
    const Json expected = Json::parse(in, nullptr, false);
    EXPECT_EQ(actual, expected) << "now:\n" << actual.dump(2);
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace stridecare::services
