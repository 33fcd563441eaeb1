#pragma once
/// A warm-up, cool-down or strength routine followed with the guided timer:
/// how far the runner got, so adherence can be shown.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/ids.hpp"

namespace stridecare::domain {

enum class RoutineKind { warmup, cooldown, strength };

struct RoutineSession {
  Id id = 0;  ///< own numbering, not the activities' and check-ins' id space
  Date date{};
  std::optional<MinuteOfDay> time;  ///< local time the routine started
  RoutineKind routine = RoutineKind::warmup;
  int steps_total = 0;    ///< >= 1
  int steps_done = 0;     ///< 0..steps_total: steps finished (run to the end or skipped)
  int steps_skipped = 0;  ///< of steps_done, skipped with `n`
  double seconds = 0;     ///< s, time spent in the routine, pauses excluded

  /// Steps run to the end (not skipped).
  int steps_followed() const { return steps_done - steps_skipped; }
  /// Every step run to the end: a routine skipped through is not completed.
  bool completed() const { return steps_done == steps_total && steps_skipped == 0; }
  bool operator==(const RoutineSession&) const = default;
};

template <>
struct EnumNames<RoutineKind> {
  static constexpr std::array<std::pair<RoutineKind, std::string_view>, 3> table{{
      {RoutineKind::warmup, "warmup"},
      {RoutineKind::cooldown, "cooldown"},
      {RoutineKind::strength, "strength"},
  }};
};

}  // namespace stridecare::domain
