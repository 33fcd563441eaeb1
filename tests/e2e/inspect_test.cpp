// `stridecare inspect`: what an activity file holds, without touching the database.

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eInspect : public E2eTest {};

TEST_F(E2eInspect, SummarisesAFitFileAsJson) {
  const fs::path file = kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit";
  const Json all = sc_json({"inspect", "--json", file.string()});
  ASSERT_TRUE(all.is_array());
  ASSERT_EQ(all.size(), 1u);
  const Json& j = all[0];
  EXPECT_EQ(j["path"], file.string());
  EXPECT_EQ(j["format"], "fit");
  EXPECT_EQ(j["records"], 21);
  EXPECT_EQ(j["records_with_position"], 21);
  EXPECT_EQ(j["laps"], 1);
  ASSERT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["sport"], "running");
  EXPECT_EQ(j["sessions"][0]["start"], "2017-06-11T14:34:09Z");
  EXPECT_FALSE(j.contains("samples"));
}

TEST_F(E2eInspect, RecordsListsEverySample) {
  const fs::path file = kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit";
  const Json j = sc_json({"inspect", "--json", "--records", file.string()})[0];
  ASSERT_EQ(j["samples"].size(), 21u);
  const Json& first = j["samples"][0];
  EXPECT_EQ(first["time"], "2017-06-11T14:34:09Z");
  EXPECT_EQ(first["heart_rate_bpm"], 61);
  EXPECT_NEAR(first["lat_deg"].get<double>(), 456099128 * 180.0 / 2147483648.0, 1e-12);
}

TEST_F(E2eInspect, ATruncatedFileIsRecoveredWithTheByteOffset) {
  const Json j =
      sc_json({"inspect", "--json", (kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit").string()})[0];
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_EQ(j["warnings"][0], "recovered, truncated at byte 403437: data message cut short");
}

TEST_F(E2eInspect, StrictRejectsADamagedFileNamingFileAndOffset) {
  const fs::path file = kCorpus / "python-fitparse" / "tests" / "files" / "nick.fit";
  const Outcome o = sc({"inspect", "--strict", file.string()});
  EXPECT_EQ(o.exit_code, 1) << o;
  EXPECT_NE(o.err.find(file.string() + ": byte 403437"), std::string::npos) << o;
}

TEST_F(E2eInspect, BadFilesFailOneLineEachAndTheRestIsStillShown) {
  write_bytes(dir() / "empty.fit", "");
  write_bytes(dir() / "garbage.fit", "this is not an activity file");
  const fs::path good = kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-walk.fit";
  const Outcome o = sc({"inspect", "--json", (dir() / "empty.fit").string(), (dir() / "garbage.fit").string(),
                        (dir() / "missing.fit").string(), good.string()});
  EXPECT_EQ(o.exit_code, 1) << o;
  const Json all = parse_json(o.out);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_TRUE(all[0].contains("error"));
  EXPECT_TRUE(all[1].contains("error"));
  EXPECT_TRUE(all[2].contains("error"));
  EXPECT_EQ(all[3]["format"], "fit");
  EXPECT_NE(o.err.find("empty.fit: empty file (0 bytes)"), std::string::npos) << o;
  EXPECT_NE(o.err.find("garbage.fit: byte 0:"), std::string::npos) << o;
  EXPECT_NE(o.err.find("missing.fit: no such file"), std::string::npos) << o;
}

TEST_F(E2eInspect, NeverCreatesOrTouchesTheDatabase) {
  sc({"inspect", (kCorpus / "fitdecode" / "tests" / "files" / "garmin-fenix-5-run.fit").string()});
  EXPECT_FALSE(fs::exists(db()));
}

}  // namespace
}  // namespace stridecare::e2e
