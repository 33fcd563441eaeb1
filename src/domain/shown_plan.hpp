#pragma once
/// What the runner was last shown of the weekly plan, kept so that the next
/// plan can say what changed (`plan`'s "changes") and so that a calendar
/// re-imported updates its events instead of duplicating them (`plan --ics`).

#include <string>

#include "domain/date.hpp"

namespace stridecare::domain {

/// One day of a plan as it was last shown.
struct ShownDay {
  Date date{};
  std::string summary;  ///< the day's sessions as the runner read them, e.g. "Easy run 6 km + Strength"; "Rest"
  std::string action;   ///< the action in force when it was shown (`today`'s names: continue, reduce, ...)

  bool operator==(const ShownDay&) const = default;
};

/// One VEVENT as it was last exported.
struct CalendarEvent {
  std::string uid;     ///< stable across exports: the day and the session's slot on it
  Date date{};         ///< the day it is on
  std::string digest;  ///< of everything the event says; a new digest raises the sequence
  int sequence = 0;    ///< RFC 5545 SEQUENCE, >= 0
  bool cancelled = false;

  bool operator==(const CalendarEvent&) const = default;
};

}  // namespace stridecare::domain
