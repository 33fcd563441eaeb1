// Developer data fields: decoded by their field_description, skipped by size when not described,
// and the native_field_num policy (developer_fields.hpp): a developer field fills a native value
// only when the message's own field is absent or invalid.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fit_builder.hpp"
#include "importers/fit/decode.hpp"
#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"
#include "support/test_files.hpp"

namespace stridecare::importers::fit {
namespace {

namespace fs = std::filesystem;
namespace fd = profile::field_description;
using testing::FitBuilder;

using test_support::kCorpus;
constexpr std::uint32_t kStartS = 0x30000000;
constexpr std::uint8_t kNameSize = 8;
constexpr std::uint8_t kUnitsSize = 4;
constexpr std::uint8_t kNoNative = 0xFF;
constexpr std::uint16_t kNoNativeMessage = 0xFFFF;

std::vector<std::uint8_t> padded(const std::string& s, std::size_t size) {
  std::vector<std::uint8_t> out(s.begin(), s.end());
  out.resize(size, 0);
  return out;
}

/// developer_data_id for index 0, then field descriptions (local type 1).
FitBuilder& describe(FitBuilder& b, std::uint8_t index, std::uint8_t number, BaseType type, const std::string& name,
                     std::uint8_t scale, std::int8_t offset, const std::string& units, std::uint16_t native_message,
                     std::uint8_t native_field) {
  return b.message(1, {{index, 1}, {number, 1}, {static_cast<std::uint8_t>(type), 1}})
      .bytes(padded(name, kNameSize))
      .message_continues({{scale, 1}, {static_cast<std::uint8_t>(offset), 1}})
      .bytes(padded(units, kUnitsSize))
      .message_continues({{native_message, 2}, {native_field, 1}});
}

FitBuilder with_descriptions() {
  FitBuilder b;
  b.define(0, profile::mesg::kDeveloperDataId, {{profile::developer_data_id::kDeveloperDataIndex, 1, BaseType::uint8}})
      .message(0, {{0, 1}})
      .define(1, profile::mesg::kFieldDescription,
              {{fd::kDeveloperDataIndex, 1, BaseType::uint8},
               {fd::kFieldDefinitionNumber, 1, BaseType::uint8},
               {fd::kFitBaseTypeId, 1, BaseType::uint8},
               {fd::kFieldName, kNameSize, BaseType::string},
               {fd::kScale, 1, BaseType::uint8},
               {fd::kOffset, 1, BaseType::sint8},
               {fd::kUnits, kUnitsSize, BaseType::string},
               {fd::kNativeMesgNum, 2, BaseType::uint16},
               {fd::kNativeFieldNum, 1, BaseType::uint8}});
  describe(b, 0, 0, BaseType::uint8, "HR", 1, 0, "bpm", profile::mesg::kRecord, profile::record::kHeartRate.number);
  describe(b, 0, 1, BaseType::uint32, "Dist", 10, 5, "m", profile::mesg::kRecord, profile::record::kDistance.number);
  describe(b, 0, 2, BaseType::uint16, "Power", 1, 0, "W", kNoNativeMessage, kNoNative);
  describe(b, 0, 3, BaseType::uint32, "SessDist", 100, 0, "m", profile::mesg::kSession,
           profile::session::kTotalDistance.number);
  // Index 1 has no developer_data_id: its description does not count (as in the FIT SDK).
  describe(b, 1, 4, BaseType::uint8, "Orphan", 1, 0, "", profile::mesg::kRecord, profile::record::kCadence.number);
  return b;
}

Recording decode(const FitBuilder& b) {
  const auto decoded = decode_fit(b.finish(), "dev.fit");
  EXPECT_TRUE(decoded) << decoded.error().message;
  return decoded.value_or(Recording{});
}

TEST(FitDeveloperFields, DescriptionsGiveNamesUnitsAndNativeFields) {
  const Recording r = decode(with_descriptions());
  ASSERT_EQ(r.developer_fields.size(), 4u);
  EXPECT_EQ(r.developer_fields[0].name, "HR");
  EXPECT_EQ(r.developer_fields[0].units, "bpm");
  EXPECT_EQ(r.developer_fields[0].native_message, profile::mesg::kRecord);
  EXPECT_EQ(r.developer_fields[0].native_field, profile::record::kHeartRate.number);
  EXPECT_EQ(r.developer_fields[2].name, "Power");
  EXPECT_FALSE(r.developer_fields[2].native_message);
  EXPECT_FALSE(r.developer_fields[2].native_field);
}

TEST(FitDeveloperFields, NativeValueWinsAndDeveloperValueFillsOnlyAnAbsentOrInvalidOne) {
  auto b = with_descriptions();
  b.define(2, profile::mesg::kRecord,
           {{kTimestampField, 4, BaseType::uint32}, {profile::record::kHeartRate.number, 1, BaseType::uint8}},
           {{0, 1, 0}, {1, 4, 0}, {9, 3, 0}, {4, 1, 1}})
      .message(2, {{kStartS, 4}, {100, 1}, {150, 1}, {1000, 4}, {0xABCDEF, 3}, {7, 1}})
      .message(2, {{kStartS + 1, 4}, {0xFF, 1}, {150, 1}, {0xFFFFFFFF, 4}, {0, 3}, {7, 1}})
      .define(3, profile::mesg::kRecord,
              {{kTimestampField, 4, BaseType::uint32}, {profile::record::kDistance.number, 4, BaseType::uint32}},
              {{0, 1, 0}, {1, 4, 0}})
      .message(3, {{kStartS + 2, 4}, {0, 4}, {140, 1}, {1000, 4}});
  const Recording r = decode(b);
  ASSERT_EQ(r.sessions.size(), 1u);
  const auto& s = r.sessions[0].samples;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].heart_rate_bpm, 100);  // native 100 kept over the developer's 150
  ASSERT_TRUE(s[0].distance_m);         // no native distance: the developer field's, scaled
  EXPECT_DOUBLE_EQ(*s[0].distance_m, 1000.0 / 10 - 5);
  EXPECT_FALSE(s[0].cadence_rpm);       // the orphan description (no developer_data_id) is ignored
  EXPECT_EQ(s[1].heart_rate_bpm, 150);  // native invalid (0xFF): filled
  EXPECT_FALSE(s[1].distance_m);        // the developer value is invalid too
  EXPECT_EQ(s[2].heart_rate_bpm, 140);  // no native heart rate field at all: filled
  ASSERT_TRUE(s[2].distance_m);
  EXPECT_EQ(*s[2].distance_m, 0);  // a native 0 is a value: never replaced
}

TEST(FitDeveloperFields, UndescribedFieldsAreSkippedByTheirSize) {
  auto b = with_descriptions();
  b.define(2, profile::mesg::kRecord,
           {{kTimestampField, 4, BaseType::uint32}, {profile::record::kHeartRate.number, 1, BaseType::uint8}},
           {{9, 7, 0}, {200, 2, 5}})
      .message(2, {{kStartS, 4}, {101, 1}, {0x0102030405060708, 7}, {0xFFFF, 2}})
      .message(2, {{kStartS + 1, 4}, {102, 1}, {0, 7}, {0, 2}});
  const Recording r = decode(b);
  const auto& s = r.sessions.at(0).samples;
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].heart_rate_bpm, 101);
  EXPECT_EQ(s[1].heart_rate_bpm, 102);
  EXPECT_EQ(s[1].time, UtcMillis{std::chrono::seconds{kStartS + 1 + profile::kFitEpochUnixSeconds}});
  EXPECT_TRUE(r.warnings.empty());
}

TEST(FitDeveloperFields, SessionTotalsAreFilledAndSessionValuesKept) {
  auto b = with_descriptions();
  b.define(2, profile::mesg::kSession, {{profile::session::kStartTime, 4, BaseType::uint32}}, {{3, 4, 0}, {2, 2, 0}})
      .message(2, {{kStartS, 4}, {123456, 4}, {250, 2}});
  const Recording r = decode(b);
  ASSERT_EQ(r.sessions.size(), 1u);
  const auto& s = r.sessions[0];
  ASSERT_TRUE(s.total_distance_m);
  EXPECT_DOUBLE_EQ(*s.total_distance_m, 1234.56);
  ASSERT_EQ(s.developer_values.size(), 2u);
  EXPECT_EQ(s.developer_values[1].name, "Power");
  EXPECT_EQ(s.developer_values[1].units, "W");
  EXPECT_EQ(s.developer_values[1].number, 250);
}

std::vector<std::string> names(const Recording& r) {
  std::vector<std::string> out;
  for (const auto& f : r.developer_fields) out.push_back(f.name + " [" + f.units + "]");
  return out;
}

TEST(FitDeveloperFields, CorpusFileWithDeveloperTypesListsItsFields) {
  const auto decoded = decode_fit(
      test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "developer-types-sample.fit"), "dev.fit");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(names(*decoded), (std::vector<std::string>{"Form Power [Watts]", "Leg Spring Stiffness [KN/m]",
                                                       "Speed [M/S]", "Distance [Meters]"}));
}

TEST(FitDeveloperFields, DeveloperDataIdWithoutApplicationIdStillRegistersItsFields) {
  const auto decoded =
      decode_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "invalid" /
                                          "elemnt-bolt-no-application-id-inside-developer-data-id.fit"),
                 "bolt.fit");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(names(*decoded), (std::vector<std::string>{"calibration [adc]", "charge [%]"}));
}

TEST(FitDeveloperFields, RowingMonitorSpeedFillsTheRecordsButItsDistanceNeverReplacesANativeZero) {
  // Concept2 PM5 via ErgIQ: the records have no native speed and a native distance of 0; the
  // app's own fields declare native fields 6 (speed) and 5 (distance). Values from the FIT SDK.
  const auto decoded =
      decode_fit(test_support::read_bytes(kCorpus / "fitdecode" / "tests" / "files" / "20170518-191602-1740899583.fit"),
                 "row.fit");
  ASSERT_TRUE(decoded) << decoded.error().message;
  ASSERT_EQ(decoded->sessions.size(), 1u);
  const auto& session = decoded->sessions[0];
  ASSERT_EQ(session.samples.size(), 1641u);
  for (const auto& s : session.samples) {
    EXPECT_TRUE(s.speed_m_per_s);
    EXPECT_EQ(s.distance_m, 0.0);
  }
  EXPECT_NEAR(*session.samples[1].speed_m_per_s, 4.304000377655029, 1e-12);
  EXPECT_EQ(session.total_distance_m, 0.0);
  ASSERT_EQ(session.developer_values.size(), 16u);
  const auto value = [&](const std::string& name) {
    const auto it = std::find_if(session.developer_values.begin(), session.developer_values.end(),
                                 [&](const DeveloperValue& v) { return v.name == name; });
    return it == session.developer_values.end() ? DeveloperValue{} : *it;
  };
  EXPECT_EQ(value("Distance").number, 6163);
  EXPECT_EQ(value("Distance").units, "m");
  EXPECT_EQ(value("PM Version").text, "Concept2 PM5");
}

}  // namespace
}  // namespace stridecare::importers::fit
