#pragma once
/// The athlete's profile: what the planner may schedule and when.

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/date.hpp"
#include "domain/units.hpp"

namespace stridecare::domain {

struct Profile {
  /// IANA time zone name; the athlete's days are local days in it.
  std::string time_zone = "UTC";
  /// Days the athlete can train, indexed Monday = 0 .. Sunday = 6.
  std::array<bool, 7> available_days{true, true, true, true, true, true, true};
  /// Day of the week of the long run.
  std::chrono::weekday long_run_day = std::chrono::Sunday;
  /// Low-impact sports the athlete has access to (subset of the cross sports).
  std::vector<Sport> cross_training{Sport::swim, Sport::walk, Sport::cycle};
  bool gym_access = false;
  /// STRENGTH-FREQ-1: 2 or 3.
  int strength_per_week = 2;
  /// The units figures are shown in (`profile --units`); nullopt when never
  /// chosen, which shows metric (and keeps older exports byte-identical).
  std::optional<UnitSystem> units;
  /// The weekly running distance to build towards (`profile --weekly-goal`),
  /// m; approached within PLAN-GRAD-1 and held once reached. nullopt: none.
  std::optional<double> weekly_goal_m;
  /// Local time the planned sessions start (`profile --session-time`):
  /// timed calendar events; nullopt: all-day events.
  std::optional<MinuteOfDay> session_time;

  bool operator==(const Profile&) const = default;
};

/// Monday = 0 .. Sunday = 6.
constexpr unsigned weekday_index(std::chrono::weekday d) { return d.iso_encoding() - 1; }

/// `mon`..`sun`.
std::string_view weekday_name(std::chrono::weekday d);
std::optional<std::chrono::weekday> parse_weekday(std::string_view text);

/// "'x' is not a day; allowed mon|tue|wed|thu|fri|sat|sun" (days joined by `separator`).
std::string not_a_day(std::string_view text, std::string_view separator = "|");

}  // namespace stridecare::domain
