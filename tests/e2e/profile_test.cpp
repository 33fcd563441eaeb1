// `profile`: the athlete's days, long-run day, cross-training, gym, strength
// frequency and time zone, set by flags and read back as JSON.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

class E2eProfile : public E2eTest {};

TEST_F(E2eProfile, SetProfileIsShownByProfileJson) {
  sc_ok({"profile", "--tz", "Europe/London", "--available", "mon,tue,thu,sat,sun", "--long-run-day", "sun", "--cross",
         "swim,cycle", "--gym", "yes", "--strength-per-week", "3"});
  const Json p = sc_json({"profile", "--json"});
  EXPECT_EQ(p["time_zone"], "Europe/London") << p;
  EXPECT_EQ(p["available_days"], Json({"mon", "tue", "thu", "sat", "sun"})) << p;
  EXPECT_EQ(p["long_run_day"], "sun") << p;
  EXPECT_EQ(p["cross_training"], Json({"swim", "cycle"})) << p;
  EXPECT_EQ(p["gym_access"], true) << p;
  EXPECT_EQ(p["strength_per_week"], 3) << p;
}

TEST_F(E2eProfile, SettingOneFieldKeepsTheOthers) {
  sc_ok({"profile", "--tz", "America/New_York", "--available", "tue,thu,sat", "--long-run-day", "sat", "--cross", "row",
         "--gym", "yes", "--strength-per-week", "3"});
  sc_ok({"profile", "--gym", "no"});
  const Json p = sc_json({"--json", "profile"});
  EXPECT_EQ(p["time_zone"], "America/New_York") << p;
  EXPECT_EQ(p["available_days"], Json({"tue", "thu", "sat"})) << p;
  EXPECT_EQ(p["long_run_day"], "sat") << p;
  EXPECT_EQ(p["cross_training"], Json({"row"})) << p;
  EXPECT_EQ(p["gym_access"], false) << p;
  EXPECT_EQ(p["strength_per_week"], 3) << p;
}

TEST_F(E2eProfile, UnsetProfileShowsDefaultsWithEveryField) {
  const Json p = sc_json({"profile", "--json"});
  for (const char* key :
       {"time_zone", "available_days", "long_run_day", "cross_training", "gym_access", "strength_per_week"}) {
    EXPECT_TRUE(p.contains(key)) << key << " missing: " << p;
  }
  const int per_week = p.value("strength_per_week", 0);
  EXPECT_TRUE(per_week == 2 || per_week == 3) << p;
}

TEST_F(E2eProfile, ProfileTextNamesEverySetting) {
  sc_ok({"profile", "--tz", "Europe/London", "--available", "mon,tue,thu,sat,sun", "--long-run-day", "sun", "--cross",
         "swim,cycle", "--gym", "yes", "--strength-per-week", "3"});
  const Outcome o = sc_ok({"profile"});
  for (const char* part : {"Europe/London", "mon,tue,thu,sat,sun", "swim,cycle", "yes", "3"}) {
    EXPECT_NE(o.out.find(part), std::string::npos) << part << o;
  }
}

TEST_F(E2eProfile, ABadValueAmongGoodOnesChangesNothing) {
  sc_ok({"profile", "--tz", "Europe/London", "--gym", "yes"});
  const std::string before = read_bytes(db());
  const Outcome o = sc({"profile", "--tz", "Asia/Tokyo", "--gym", "no", "--strength-per-week", "4"});
  expect_one_line_failure(o, 2, {"--strength-per-week", "4"});
  EXPECT_TRUE(read_bytes(db()) == before);
  const Json p = sc_json({"profile", "--json"});
  EXPECT_EQ(p["time_zone"], "Europe/London");
  EXPECT_EQ(p["gym_access"], true);
}

}  // namespace
}  // namespace stridecare::e2e
