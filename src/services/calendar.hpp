#pragma once
/// The weekly plan as an iCalendar file (RFC 5545) for the runner's own
/// calendar (`plan --ics FILE`): one VEVENT per planned session, whose UID
/// is stable across exports (the day and the session's slot on it), so that
/// importing a newer file updates the events instead of adding copies; its
/// SEQUENCE rises whenever what the event says changes, and a session that
/// is no longer planned is sent again as cancelled.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/plan.hpp"

namespace stridecare::services {

/// One VEVENT as written.
struct IcsEvent {
  std::string uid;
  int sequence = 0;
  domain::Date date{};
  /// UTC start, s since the epoch; nullopt: an all-day event on `date`.
  std::optional<std::int64_t> start_utc_s;
  int duration_s = 0;  ///< of a timed event
  std::string summary;
  std::string description;  ///< plain text; lines separated by '\n'
  bool cancelled = false;
};

/// `text` as an iCalendar TEXT value: backslash, ';', ',' and newlines escaped (RFC 5545 3.3.11).
std::string ics_escape(std::string_view text);
/// A content line folded to at most 75 octets per line (never inside a UTF-8
/// sequence), each line ended by CRLF (RFC 5545 3.1).
std::string ics_fold(std::string_view line);
/// The VCALENDAR with `events`; DTSTAMP is `stamp_utc_s`.
std::string ics_document(std::span<const IcsEvent> events, std::int64_t stamp_utc_s);

/// The events of a plan: each session's UID, summary, description (dose,
/// warm-up, cool-down, exercises, the why) and time (the profile's session
/// time, or all day), sequence 0.
std::vector<IcsEvent> plan_events(const PlanReport& r);

struct CalendarFile {
  std::string text;   ///< the .ics document
  int events = 0;     ///< VEVENTs written, cancelled ones included
  int changed = 0;    ///< events whose SEQUENCE rose since the last export
  int cancelled = 0;  ///< sessions exported before and no longer planned
};

/// The plan's calendar, each event's SEQUENCE taken from the last export and
/// raised when the event changed. `write` is given the document; only when
/// it succeeds are the events stored as exported.
Expected<CalendarFile> export_calendar(Session& s, const PlanReport& r, std::int64_t now_utc_s,
                                       const std::function<Expected<void>(const std::string&)>& write);

/// What an export of the calendar answers: `{"ics": PATH, "start": "YYYY-MM-DD", "events": N, "changed": N,
/// "cancelled": N}` (the document itself is the file, not in the answer).
Json to_json(const CalendarFile& file, const std::string& path, domain::Date start);

}  // namespace stridecare::services
