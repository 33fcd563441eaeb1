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

TEST(StravaActivities, ManualEntriesWithoutAFileAreCounted) {
  const auto parsed = parse_strava_activities(
      std::string(kHeader) + "6,\"Jun 14, 2017, 7:00:00 PM\",Pool swim,Swim,,1800,1.5,,1800,5\n", "activities.csv");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->by_file.empty());
  EXPECT_EQ(parsed->rows_without_file, 1u);
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
