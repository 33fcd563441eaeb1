#include "services/calendar.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <xxhash.h>

#include "domain/quantities.hpp"
#include "services/environment.hpp"

namespace stridecare::services {
namespace {

constexpr std::size_t kMaxLineOctets = 75;
constexpr int kSecondsPerMin = static_cast<int>(domain::kSecondsPerMinute);
/// A session without a duration of its own (a strength session without steps) is shown as this long.
constexpr int kDefaultSessionS = 45 * kSecondsPerMin;

std::string compact_date(domain::Date d) {
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string utc_stamp(std::int64_t utc_s) {
  const std::chrono::sys_seconds t{std::chrono::seconds{utc_s}};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{t - day};
  return fmt::format("{}T{:02}{:02}{:02}Z", compact_date(domain::Date{day}), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count());
}

std::string digest(const IcsEvent& e) {
  const std::string content =
      fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", domain::to_string(e.date), e.start_utc_s.value_or(-1),
                  e.duration_s, e.summary, e.description, e.cancelled ? 1 : 0);
  return fmt::format("{:016x}", XXH3_64bits(content.data(), content.size()));
}

/// How long the session takes with its warm-up and cool-down, s.
int session_seconds(const planner::PlannedSession& s) {
  int total = s.duration_s.value_or(0);
  for (const auto* r : {&s.warmup, &s.cooldown, &s.strength}) {
    if (*r) total += (*r)->total_s();
  }
  return total > 0 ? total : kDefaultSessionS;
}

std::string description(const planner::PlannedSession& s, domain::UnitSystem units) {
  std::string out = session_headline(s) + "\n";
  if (s.condition) out += condition_text(*s.condition) + "\n";
  if (s.warmup) out += "Before: warm-up " + routine_summary(*s.warmup) + "\n";
  if (s.strength) out += "Exercises: " + strength_summary(*s.strength, units) + "; " + s.effort + "\n";
  if (s.cooldown) out += "After: cool-down " + routine_summary(*s.cooldown) + "\n";
  out += "Why:";
  for (const auto& r : s.rules) out += fmt::format("\n{}: {}", r.id, r.why);
  return out;
}

std::string first_summary(rules::Action a) {
  switch (a) {
    case rules::Action::emergency:
      return "Get emergency care now: no training";
    case rules::Action::urgent_care:
      return "See a doctor today: no training";
    default:
      return "See a clinician first";
  }
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;  // a CR of a CRLF in the text: the LF carries the line break
      default:
        out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  std::size_t room = kMaxLineOctets;
  while (line.size() - i > room) {
    std::size_t cut = i + room;
    // Never split a UTF-8 sequence: back up to the start of the character.
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(i, cut - i));
    out += "\r\n ";  // the continuation's leading space counts towards its 75 octets
    i = cut;
    room = kMaxLineOctets - 1;
  }
  out.append(line.substr(i));
  out += "\r\n";
  return out;
}

std::string ics_document(std::span<const IcsEvent> events, std::int64_t stamp_utc_s) {
  std::string out;
  const auto line = [&](std::string_view l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//stridecare//weekly plan//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:stridecare plan");
  const std::string stamp = utc_stamp(stamp_utc_s);
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + stamp);
    line(fmt::format("SEQUENCE:{}", e.sequence));
    if (e.start_utc_s) {
      line("DTSTART:" + utc_stamp(*e.start_utc_s));
      line("DTEND:" + utc_stamp(*e.start_utc_s + e.duration_s));
    } else {
      line("DTSTART;VALUE=DATE:" + compact_date(e.date));
      line("DTEND;VALUE=DATE:" + compact_date(domain::add_days(e.date, 1)));
    }
    line("SUMMARY:" + ics_escape(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + ics_escape(e.description));
    line(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    line("TRANSP:TRANSPARENT");  // a plan does not make the runner busy
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

std::vector<IcsEvent> plan_events(const PlanReport& r) {
  std::vector<IcsEvent> out;
  const auto utc_minutes = utc_minutes_in(r.time_zone);
  const auto start_of = [&](domain::Date d) -> std::optional<std::int64_t> {
    if (!r.session_time) return std::nullopt;
    return utc_minutes(d, *r.session_time) * kSecondsPerMin;
  };
  if (r.plan.first) {
    out.push_back({fmt::format("{}-first@stridecare", compact_date(r.plan.start)), 0, r.plan.start, std::nullopt, 0,
                   first_summary(r.plan.action), *r.plan.first, false});
  }
  for (const auto& d : r.plan.days) {
    int sessions = 0;
    int strength = 0;
    for (const auto& s : d.sessions) {
      const bool is_strength = s.kind == planner::SessionKind::strength;
      // The slot, not the content: a run that becomes a swim is the same event, updated.
      const std::string uid = fmt::format("{}-{}-{}@stridecare", compact_date(d.date),
                                          is_strength ? "strength" : "session", is_strength ? ++strength : ++sessions);
      out.push_back({uid, 0, d.date, start_of(d.date), session_seconds(s), s.title, description(s, r.units), false});
    }
  }
  return out;
}

Expected<CalendarFile> export_calendar(Session& s, const PlanReport& r, std::int64_t now_utc_s,
                                       const std::function<Expected<void>(const std::string&)>& write) {
  std::vector<IcsEvent> events = plan_events(r);
  const domain::Date first = r.plan.days.front().date;
  const domain::Date last = r.plan.days.back().date;
  auto stored = s.store.list_calendar_events({first, last});
  if (!stored) return std::unexpected(stored.error());
  CalendarFile f;
  std::vector<domain::CalendarEvent> now;
  for (auto& e : events) {
    const std::string d = digest(e);
    const auto before = std::ranges::find(*stored, e.uid, &domain::CalendarEvent::uid);
    if (before != stored->end()) {
      e.sequence = before->sequence;
      if (before->digest != d || before->cancelled) {
        ++e.sequence;
        ++f.changed;
      }
    }
    now.push_back({e.uid, e.date, d, e.sequence, false});
  }
  // Sessions exported before that the plan no longer holds: cancelled, so the calendar drops them.
  for (const auto& old : *stored) {
    if (std::ranges::find(events, old.uid, &IcsEvent::uid) != events.end()) continue;
    IcsEvent gone{old.uid,  old.cancelled ? old.sequence : old.sequence + 1,
                  old.date, std::nullopt,
                  0,        "Cancelled: no longer in the plan",
                  "",       true};
    if (!old.cancelled) ++f.cancelled;
    now.push_back({gone.uid, gone.date, old.cancelled ? old.digest : digest(gone), gone.sequence, true});
    events.push_back(std::move(gone));
  }
  f.events = static_cast<int>(events.size());
  f.text = ics_document(events, now_utc_s);
  if (auto ok = write(f.text); !ok) return std::unexpected(ok.error());
  const bool known = std::ranges::all_of(
      now, [&](const domain::CalendarEvent& e) { return std::ranges::find(*stored, e) != stored->end(); });
  if (!known) {
    if (auto ok = s.store.save_calendar_events(now); !ok) return std::unexpected(ok.error());
  }
  return f;
}

Json to_json(const CalendarFile& file, const std::string& path, domain::Date start) {
  return Json{{"ics", path},
              {"start", domain::to_string(start)},
              {"events", file.events},
              {"changed", file.changed},
              {"cancelled", file.cancelled}};
}
}  // namespace stridecare::services
