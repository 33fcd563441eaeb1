// A session's distance from a developer field when the file's own is absent
// or 0 (importers/mapping/developer_distance.hpp, docs/import.md).

#include "importers/mapping/developer_distance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "importers/mapping/to_activities.hpp"

namespace stridecare::importers {
namespace {

using ::testing::HasSubstr;

DeveloperValue number(std::string name, std::string units, double value) {
  return {std::move(name), std::move(units), value, std::nullopt};
}

TEST(DeveloperDistance, ANamedDistanceInALengthUnitIsTaken) {
  const auto d = developer_distance({number("Strokes", "", 600), number("Distance", "Meters", 1250)});
  ASSERT_TRUE(d);
  EXPECT_DOUBLE_EQ(d->metres, 1250);
  EXPECT_EQ(d->field, "Distance [Meters]");
}

TEST(DeveloperDistance, UnitsAreConvertedToMetres) {
  EXPECT_DOUBLE_EQ(developer_distance({number("Total Distance", "km", 1.25)})->metres, 1250);
  EXPECT_DOUBLE_EQ(developer_distance({number("SwimDistance", "yd", 1000)})->metres, 914.4);
  EXPECT_DOUBLE_EQ(developer_distance({number("distance", "mi", 1)})->metres, 1609.344);
  EXPECT_DOUBLE_EQ(developer_distance({number("Distance", "Metres", 50)})->metres, 50);
}

TEST(DeveloperDistance, OtherQuantitiesAndUnitsAreNotTaken) {
  EXPECT_FALSE(developer_distance({number("Distance per Stroke", "m", 1.9)}));
  EXPECT_FALSE(developer_distance({number("Avg Distance", "m", 900)}));
  EXPECT_FALSE(developer_distance({number("Lap Distance", "m", 50)}));
  EXPECT_FALSE(developer_distance({number("Distance to Go", "m", 300)}));
  EXPECT_FALSE(developer_distance({number("Distance", "s", 1250)}));
  EXPECT_FALSE(developer_distance({number("Distance", "", 1250)}));
  EXPECT_FALSE(developer_distance({number("Calories", "m", 1250)}));
  EXPECT_FALSE(developer_distance({number("Distance", "m", 0)}));
  EXPECT_FALSE(developer_distance({{"Distance", "m", std::nullopt, "1250"}}));
}

/// A 30-minute pool swim whose own distance is `native_m` and whose app's "Distance" field says 1250 m, imported.
MappedActivity imported_swim(double native_m) {
  SessionRecord s;
  s.sport = "swimming";
  s.start = UtcMillis{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + std::chrono::hours{7}};
  s.total_elapsed_s = 1800;
  s.total_distance_m = native_m;
  s.developer_values = {number("Distance", "m", 1250)};
  Recording r;
  r.format = "fit";
  r.sessions = {s};
  const auto out = to_activities(r, {"swim.fit", "fit", std::string(32, 'a'), 0},
                                 [](domain::UtcSeconds) { return std::chrono::seconds{0}; });
  EXPECT_TRUE(out) << out.error().message;
  return out ? out->front() : MappedActivity{};
}

// Regression: a 1.25 km pool swim whose distance is only in a Connect IQ field was stored without distance.
TEST(DeveloperDistance, AnImportedSwimWithNativeDistanceZeroTakesTheDevelopersAndSaysSo) {
  const MappedActivity swim = imported_swim(0);
  EXPECT_EQ(swim.activity.distance_m, 1250.0);
  ASSERT_EQ(swim.notes.size(), 1U);
  EXPECT_THAT(swim.notes[0], HasSubstr("taken from the developer field Distance [m]: 1250 m"));
}

TEST(DeveloperDistance, ANativeDistanceIsKept) {
  const MappedActivity swim = imported_swim(1200);
  EXPECT_EQ(swim.activity.distance_m, 1200.0);
  EXPECT_TRUE(swim.notes.empty());
}

}  // namespace
}  // namespace stridecare::importers
