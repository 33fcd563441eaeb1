#pragma once
/// Triage actions, ordered from the most to the least urgent.

#include "domain/enum_names.hpp"

namespace stridecare::rules {

/// The order of the enumerators is the order of urgency: a smaller value is
/// more urgent. `most_urgent` relies on it.
enum class Action { emergency, urgent_care, see_clinician, stop_running, reduce, keep_going };

constexpr Action most_urgent(Action a, Action b) { return a < b ? a : b; }
constexpr bool more_urgent_or_equal(Action a, Action than) { return a <= than; }

}  // namespace stridecare::rules

namespace stridecare::domain {
template <>
struct EnumNames<rules::Action> {
  static constexpr std::array<std::pair<rules::Action, std::string_view>, 6> table{{
      {rules::Action::emergency, "emergency"},
      {rules::Action::urgent_care, "urgent_care"},
      {rules::Action::see_clinician, "see_clinician"},
      {rules::Action::stop_running, "stop_running"},
      {rules::Action::reduce, "reduce"},
      {rules::Action::keep_going, "continue"},
  }};
};
}  // namespace stridecare::domain
