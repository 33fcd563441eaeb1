// "Did you mean": edit distance and the closest known name.

#include "domain/suggest.hpp"

#include <gtest/gtest.h>

namespace stridecare::domain {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  struct Case {
    const char* a;
    const char* b;
    std::size_t edits;
  };
  for (const Case& c : std::vector<Case>{{"", "", 0},
                                         {"today", "today", 0},
                                         {"todya", "today", 1},
                                         {"tody", "today", 1},
                                         {"todays", "today", 1},
                                         {"tiday", "today", 1},
                                         {"rn", "run", 1},
                                         {"", "abc", 3},
                                         {"kitten", "sitting", 3}}) {
    EXPECT_EQ(edit_distance(c.a, c.b), c.edits) << c.a << " -> " << c.b;
    EXPECT_EQ(edit_distance(c.b, c.a), c.edits) << c.b << " -> " << c.a;
  }
}

TEST(ClosestName, FindsTyposPluralsAndPartsOfLongerNames) {
  const std::vector<std::string> exercises{
      "squat", "partial_squat", "lunge", "walking_lunges", "romanian_deadlift", "glute_bridge", "step_up"};
  struct Case {
    const char* typed;
    std::optional<std::string> expected;
  };
  for (const Case& c : std::vector<Case>{{"squats", "squat"},
                                         {"Squat", "squat"},
                                         {"sqaut", "squat"},
                                         {"lunges", "lunge"},
                                         {"dead lift", "romanian_deadlift"},
                                         {"step-up", "step_up"},
                                         {"bridge", "glute_bridge"},
                                         {"partial squats", "partial_squat"},
                                         {"bench press", std::nullopt},
                                         {"x", std::nullopt},
                                         {"", std::nullopt}}) {
    EXPECT_EQ(closest_name(c.typed, exercises), c.expected) << c.typed;
  }
}

TEST(ClosestName, NamesTheClosestSubcommand) {
  const std::vector<std::string> commands{"log", "today", "load", "profile", "activities", "checkins"};
  EXPECT_EQ(closest_name("todya", commands), "today");
  EXPECT_EQ(closest_name("lod", commands), "log");  // the first of equally close ones
  EXPECT_EQ(closest_name("checkin", commands), "checkins");
  EXPECT_EQ(closest_name("frobnicate", commands), std::nullopt);
}

}  // namespace
}  // namespace stridecare::domain
