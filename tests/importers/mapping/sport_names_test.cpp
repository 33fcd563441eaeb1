// Sport names of FIT, TCX, GPX and Strava mapped to the domain's sports.

#include "importers/mapping/sport_names.hpp"

#include <gtest/gtest.h>

namespace stridecare::importers {
namespace {

using domain::Sport;

TEST(SportNames, TreadmillAndTrailRunsAreRuns) {
  EXPECT_EQ(sport_from_names("running", "treadmill"), Sport::run);
  EXPECT_EQ(sport_from_names("running", "trail"), Sport::run);
  EXPECT_EQ(sport_from_names("TrailRun"), Sport::run);
  EXPECT_EQ(sport_from_names("VirtualRun"), Sport::run);
  EXPECT_EQ(sport_from_names("Running"), Sport::run);
}

TEST(SportNames, EquipmentIsToldApartBySubSport) {
  EXPECT_EQ(sport_from_names("fitness_equipment", "elliptical"), Sport::elliptical);
  EXPECT_EQ(sport_from_names("fitness_equipment", "indoor_rowing"), Sport::row);
  EXPECT_EQ(sport_from_names("training", "strength_training"), Sport::strength);
}

TEST(SportNames, StravaTypesMapToTheirSports) {
  EXPECT_EQ(sport_from_names("Ride"), Sport::cycle);
  EXPECT_EQ(sport_from_names("Swim"), Sport::swim);
  EXPECT_EQ(sport_from_names("Walk"), Sport::walk);
  EXPECT_EQ(sport_from_names("Hike"), Sport::walk);
  EXPECT_EQ(sport_from_names("Rowing"), Sport::row);
  EXPECT_EQ(sport_from_names("Elliptical"), Sport::elliptical);
  EXPECT_EQ(sport_from_names("WeightTraining"), Sport::strength);
}

TEST(SportNames, TcxBikingIsCycling) { EXPECT_EQ(sport_from_names("Biking"), Sport::cycle); }

TEST(SportNames, GenericOrMissingSportIsLeftToTheCaller) {
  EXPECT_EQ(sport_from_names(""), std::nullopt);
  EXPECT_EQ(sport_from_names("generic"), std::nullopt);
  EXPECT_EQ(sport_from_names("Other"), std::nullopt);
  EXPECT_EQ(sport_from_names("9"), std::nullopt);  // a numeric GPX <type> code
}

TEST(SportNames, OtherNamedSportsAreOther) {
  EXPECT_EQ(sport_from_names("alpine_skiing"), Sport::other);
  EXPECT_EQ(sport_from_names("RockClimbing"), Sport::other);
}

}  // namespace
}  // namespace stridecare::importers
