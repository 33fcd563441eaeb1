// The one spelling of each name at the boundaries, and the one wording of a refused one.

#include "domain/enum_names.hpp"

#include <gtest/gtest.h>

#include "domain/activity.hpp"
#include "domain/units.hpp"

namespace stridecare::domain {
namespace {

TEST(CrossTrainingNames, AreTheSportsThatReplaceARunInTableOrder) {
  EXPECT_EQ(cross_training_names(), "swim|walk|cycle|elliptical|row");
  EXPECT_EQ(cross_training_names(","), "swim,walk,cycle,elliptical,row");
}

TEST(ParseCrossTraining, ReadsOnlyCrossTrainingSports) {
  EXPECT_EQ(parse_cross_training("swim"), Sport::swim);
  EXPECT_EQ(parse_cross_training("row"), Sport::row);
  EXPECT_EQ(parse_cross_training("run"), std::nullopt);
  EXPECT_EQ(parse_cross_training("strength"), std::nullopt);
  EXPECT_EQ(parse_cross_training("other"), std::nullopt);
  EXPECT_EQ(parse_cross_training("Swim"), std::nullopt);
}

TEST(NotAllowed, QuotesTheValueAndListsTheAllowedOnes) {
  EXPECT_EQ(not_allowed("kayak", cross_training_names()),
            "'kayak' is not allowed; allowed swim|walk|cycle|elliptical|row");
  EXPECT_EQ(not_allowed<UnitSystem>("furlongs"), "'furlongs' is not allowed; allowed metric|imperial");
}

}  // namespace
}  // namespace stridecare::domain
