// Strava's activities.csv: names, types and perceived exertion by file.

#include "importers/exports/strava_activities.hpp"

#include <gtest/gtest.h>

namespace stridecare::importers {
namespace {

constexpr const char* kHeader =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,"
    "Elapsed Time,Perceived Exertion\n";

TEST(StravaActivities, RowsAreKeyedByFilenameWithNameTypeAndRpe) {
  const std::string csv =
      std::string(kHeader) +
      "1,\"Jun 11, 2017, 2:34:09 PM\",Morning Run,Run,\"Easy, knees fine\",,,activities/1.fit.gz,,4\n"
      "2,\"Jun 12, 2017, 3:10:00 PM\",\"Cerknica lake, \"\"slow\"\"\",Ride,,,,activities/2.gpx,,\n";
  const auto parsed = parse_strava_activities(csv, "activities.csv");
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_EQ(parsed->by_file.size(), 2u);
  const auto& run = parsed->by_file.at("activities/1.fit.gz");
  EXPECT_EQ(run.name, "Morning Run");
  EXPECT_EQ(run.description, "Easy, knees fine");
  EXPECT_EQ(run.sport, domain::Sport::run);
  EXPECT_EQ(run.rpe, 4);
  const auto& ride = parsed->by_file.at("activities/2.gpx");
  EXPECT_EQ(ride.name, "Cerknica lake, \"slow\"");
  EXPECT_EQ(ride.sport, domain::Sport::cycle);
  EXPECT_EQ(ride.rpe, std::nullopt);
}

// Regression: manual entries (a row with no file, e.g. a pool swim) were dropped without a word.
TEST(StravaActivities, ManualEntriesWithoutAFileKeepTheCsvsOwnFigures) {
  const auto parsed = parse_strava_activities(
      std::string(kHeader) + "6,\"Jun 14, 2017, 7:00:00 PM\",Pool swim,Swim,Drills,1800,1.5,,1800,5\n",
      "activities.csv");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->by_file.empty());
  ASSERT_EQ(parsed->manual.size(), 1u);
  const StravaManualEntry& m = parsed->manual[0];
  EXPECT_EQ(m.line, 2u);
  EXPECT_EQ(m.activity_id, "6");
  EXPECT_EQ(m.start, std::chrono::sys_days{std::chrono::year{2017} / 6 / 14} + std::chrono::hours{19});
  EXPECT_EQ(m.elapsed_s, 1800.0);
  EXPECT_EQ(m.distance_m, 1.5);  // this header has one Distance column: the display one (km) is all there is
  EXPECT_EQ(m.annotation.sport, domain::Sport::swim);
  EXPECT_EQ(m.annotation.rpe, 5);
}

TEST(StravaActivities, AManualEntryBecomesAnActivityOnItsLocalDay) {
  StravaManualEntry m;
  m.line = 7;
  m.activity_id = "6";
  m.type = "Swim";
  m.start = std::chrono::sys_days{std::chrono::year{2017} / 6 / 14} + std::chrono::hours{23};
  m.elapsed_s = 1800;
  m.distance_m = 1500;
  m.annotation = {domain::Sport::swim, "Pool swim", "Drills", 5};
  const auto a = manual_activity(
      m, [](domain::UtcSeconds) { return std::chrono::hours{2}; }, "activities.csv");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->sport, domain::Sport::swim);
  EXPECT_EQ(a->date, std::chrono::year{2017} / 6 / 15);  // 23:00 UTC is the next day at UTC+2
  EXPECT_EQ(a->duration_s, 1800.0);
  EXPECT_EQ(a->distance_m, 1500.0);
  EXPECT_EQ(a->rpe, 5);
  EXPECT_EQ(a->note, "Pool swim - Drills");
  EXPECT_FALSE(a->recorded);
}

TEST(StravaActivities, AManualEntryThatCannotBeAnActivitySaysWhy) {
  StravaManualEntry m;
  m.line = 9;
  m.activity_id = "7";
  m.type = "Yoga";
  m.start = std::chrono::sys_days{std::chrono::year{2017} / 6 / 14};
  m.elapsed_s = 3600;
  m.annotation.name = "Stretch";
  const auto utc = [](domain::UtcSeconds) { return std::chrono::seconds{0}; };
  const auto yoga = manual_activity(m, utc, "export.zip/activities.csv");
  ASSERT_FALSE(yoga);
  EXPECT_EQ(yoga.error().message,
            "export.zip/activities.csv line 9 (Stretch, a manual entry): Activity Type \"Yoga\" is no sport "
            "stridecare knows");
  m.annotation.sport = domain::Sport::run;
  const auto run = manual_activity(m, utc, "a.csv");
  ASSERT_FALSE(run);
  EXPECT_NE(run.error().message.find("distance"), std::string::npos) << run.error().message;
  m.elapsed_s.reset();
  EXPECT_NE(manual_activity(m, utc, "a.csv").error().message.find("no Elapsed Time"), std::string::npos);
}

TEST(StravaActivities, OutOfScaleExertionIsIgnored) {
  const auto parsed = parse_strava_activities(std::string(kHeader) + "1,x,a,Run,,,,activities/1.fit,,11\n", "a.csv");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->by_file.at("activities/1.fit").rpe, std::nullopt);
}

TEST(StravaActivities, ACsvWithoutFilenameColumnIsRejectedByName) {
  const auto parsed = parse_strava_activities("a,b\n1,2\n", "other.csv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("other.csv"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("Filename"), std::string::npos);
}

TEST(StravaActivities, AnUnterminatedQuoteIsRejected) {
  const auto parsed = parse_strava_activities(std::string(kHeader) + "1,\"never closed\n", "activities.csv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("activities.csv: not a valid CSV"), std::string::npos)
      << parsed.error().message;
}

}  // namespace
}  // namespace stridecare::importers
