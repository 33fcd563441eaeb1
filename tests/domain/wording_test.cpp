// Counts in text output: "1 day", "2 days".

#include "domain/wording.hpp"

#include <string>

#include <gtest/gtest.h>

namespace stridecare::domain {
namespace {

struct Count {
  long long n;
  const char* one;
  const char* many;
  const char* expected;
};

class Plural : public ::testing::TestWithParam<Count> {};

TEST_P(Plural, IsSingularForExactlyOne) {
  const auto& c = GetParam();
  EXPECT_EQ(plural(c.n, c.one, c.many), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, Plural,
                         ::testing::Values(Count{1, "day", "", "1 day"}, Count{2, "day", "", "2 days"},
                                           Count{0, "day", "", "0 days"}, Count{-1, "day", "", "-1 day"},
                                           Count{1, "activity", "activities", "1 activity"},
                                           Count{5, "activity", "activities", "5 activities"},
                                           Count{21, "pain-free week", "", "21 pain-free weeks"}),
                         [](const ::testing::TestParamInfo<Count>& c) { return "Case" + std::to_string(c.index); });

}  // namespace
}  // namespace stridecare::domain
