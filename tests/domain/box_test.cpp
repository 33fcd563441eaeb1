// domain::Box: an out-of-line optional with value semantics.

#include "domain/box.hpp"

#include <string>

#include <gtest/gtest.h>

namespace stridecare::domain {
namespace {

TEST(Box, StartsEmptyAndEqualsAnotherEmptyBox) {
  const Box<std::string> a;
  EXPECT_FALSE(a);
  EXPECT_EQ(a, Box<std::string>{});
}

TEST(Box, CopiesAreDeepAndIndependent) {
  Box<std::string> a = std::string("run");
  Box<std::string> b = a;
  *b += "ning";
  EXPECT_EQ(*a, "run");
  EXPECT_EQ(*b, "running");
  EXPECT_FALSE(a == b);
  b = a;
  EXPECT_EQ(a, b);
}

TEST(Box, ComparesContentsNotAddresses) {
  EXPECT_EQ(Box<int>(3), Box<int>(3));
  EXPECT_FALSE(Box<int>(3) == Box<int>());
}

TEST(Box, EmplaceAndResetChangeWhetherItHoldsAValue) {
  Box<std::string> a;
  a.emplace(3, 'x');
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->size(), 3u);
  a.reset();
  EXPECT_FALSE(a.has_value());
}

TEST(Box, IsOnePointerWide) { EXPECT_EQ(sizeof(Box<std::string>), sizeof(void*)); }

}  // namespace
}  // namespace stridecare::domain
