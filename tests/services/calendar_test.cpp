// The weekly plan as iCalendar (RFC 5545): escaping, folding, the document's
// shape, and UIDs and SEQUENCE across exports over the in-memory store.

#include "services/calendar.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_values.hpp"
#include "usual_runner.hpp"

namespace stridecare::services {
namespace {

using stridecare::test_support::ymd;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kStamp = 1773741600;  // 2026-03-17T10:00:00Z

std::vector<std::string> crlf_lines(const std::string& doc) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < doc.size()) {
    const std::size_t end = doc.find("\r\n", at);
    if (end == std::string::npos) {
      out.push_back(doc.substr(at));  // an unterminated tail: the caller's check fails on it
      break;
    }
    out.push_back(doc.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

/// The value of each line starting with `name` (after the first ':'), unfolded.
std::vector<std::string> values_of(const std::string& doc, std::string_view name) {
  std::vector<std::string> unfolded;
  for (const auto& l : crlf_lines(doc)) {
    if (!l.empty() && l.front() == ' ' && !unfolded.empty()) {
      unfolded.back() += l.substr(1);
    } else {
      unfolded.push_back(l);
    }
  }
  std::vector<std::string> out;
  for (const auto& l : unfolded) {
    if (l.starts_with(name)) out.push_back(l.substr(l.find(':') + 1));
  }
  return out;
}

TEST(IcsEscape, EscapesBackslashSemicolonCommaAndNewlineAndDropsCarriageReturns) {
  EXPECT_EQ(ics_escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(ics_escape("Easy run 6 km: 5:30/km"), "Easy run 6 km: 5:30/km");
}

TEST(IcsFold, ShortLineIsKeptWholeWithCrlf) { EXPECT_EQ(ics_fold("SUMMARY:Rest"), "SUMMARY:Rest\r\n"); }

TEST(IcsFold, LongLinesStayWithin75OctetsNeverSplitACharacterAndUnfoldToTheOriginal) {
  for (const std::string unit : {"x", "é", "€", "🏃", "aé€🏃"}) {
    std::string line = "DESCRIPTION:";
    while (line.size() < 400) line += unit;
    const std::string folded = ics_fold(line);
    ASSERT_TRUE(folded.ends_with("\r\n"));
    std::string unfolded;
    bool first = true;
    for (const auto& l : crlf_lines(folded)) {
      EXPECT_LE(l.size(), 75U) << unit;
      EXPECT_EQ(l.find('\n'), std::string::npos);
      if (first) {
        unfolded += l;
      } else {
        ASSERT_EQ(l.front(), ' ');
        // A continuation never starts inside a UTF-8 sequence.
        if (l.size() > 1) {
          EXPECT_NE(static_cast<unsigned char>(l[1]) & 0xC0, 0x80) << unit;
        }
        unfolded += l.substr(1);
      }
      first = false;
    }
    EXPECT_EQ(unfolded, line) << unit;
  }
}

TEST(IcsDocument, AllDayAndTimedEventsWithStampSequenceAndOnlyCrlfLineEnds) {
  const std::vector<IcsEvent> events{
      {"20260317-session-1@stridecare", 0, ymd(2026, 3, 17), std::nullopt, 0, "Easy run 6 km", "Why:\nPLAN-CUT-1",
       false},
      {"20260318-session-1@stridecare", 2, ymd(2026, 3, 18), kStamp + 86400 - 3 * 3600, 3600, "Swim 40 min, easy", "",
       true},
  };
  const std::string doc = ics_document(events, kStamp);
  EXPECT_TRUE(doc.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_TRUE(doc.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (doc[i] == '\n') {
      ASSERT_TRUE(i > 0 && doc[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  EXPECT_EQ(values_of(doc, "UID:"),
            (std::vector<std::string>{"20260317-session-1@stridecare", "20260318-session-1@stridecare"}));
  EXPECT_EQ(values_of(doc, "DTSTAMP:"), (std::vector<std::string>{"20260317T100000Z", "20260317T100000Z"}));
  EXPECT_EQ(values_of(doc, "SEQUENCE:"), (std::vector<std::string>{"0", "2"}));
  EXPECT_EQ(values_of(doc, "DTSTART;VALUE=DATE:"), std::vector<std::string>{"20260317"});
  EXPECT_EQ(values_of(doc, "DTEND;VALUE=DATE:"), std::vector<std::string>{"20260318"});
  EXPECT_EQ(values_of(doc, "DTSTART:"), std::vector<std::string>{"20260318T070000Z"});
  EXPECT_EQ(values_of(doc, "DTEND:"), std::vector<std::string>{"20260318T080000Z"});
  EXPECT_EQ(values_of(doc, "SUMMARY:"), (std::vector<std::string>{"Easy run 6 km", "Swim 40 min\\, easy"}));
  EXPECT_EQ(values_of(doc, "DESCRIPTION:"), std::vector<std::string>{"Why:\\nPLAN-CUT-1"});
  EXPECT_EQ(values_of(doc, "STATUS:"), (std::vector<std::string>{"CONFIRMED", "CANCELLED"}));
}

class CalendarExport : public UsualRunner {
 protected:
  PlanReport report() {
    auto r = plan(session, start, domain::UnitSystem::metric, Remember::no);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  CalendarFile exported(std::int64_t now = kStamp) {
    auto f = export_calendar(session, report(), now, [](const std::string&) -> Expected<void> { return {}; });
    EXPECT_TRUE(f) << f.error().message;
    return *f;
  }
};

TEST_F(CalendarExport, EverySessionOfThePlanIsOneEventWithADescriptionThatSaysWhy) {
  const PlanReport r = report();
  std::size_t sessions = 0;
  for (const auto& d : r.plan.days) sessions += d.sessions.size();
  ASSERT_GT(sessions, 3U);
  const CalendarFile f = exported();
  EXPECT_EQ(f.events, static_cast<int>(sessions));
  EXPECT_EQ(values_of(f.text, "UID:").size(), sessions);
  for (const auto& d : values_of(f.text, "DESCRIPTION:")) EXPECT_THAT(d, HasSubstr("Why:"));
  bool warmup_seen = false;
  for (const auto& d : values_of(f.text, "DESCRIPTION:")) warmup_seen = warmup_seen || d.find("warm-up") != d.npos;
  EXPECT_TRUE(warmup_seen) << f.text;
}

TEST_F(CalendarExport, UidsAreStableAndSequenceStaysWhenNothingChanged) {
  const CalendarFile first = exported();
  const CalendarFile second = exported(kStamp + 3600);
  EXPECT_EQ(values_of(first.text, "UID:"), values_of(second.text, "UID:"));
  for (const auto& seq : values_of(second.text, "SEQUENCE:")) EXPECT_EQ(seq, "0");
  EXPECT_EQ(second.changed, 0);
  EXPECT_EQ(second.cancelled, 0);
  EXPECT_EQ(values_of(second.text, "DTSTAMP:").front(), "20260317T110000Z");
}

TEST_F(CalendarExport, SequenceRisesOnlyForSessionsThatChangedAndDroppedSessionsAreCancelled) {
  const CalendarFile before = exported();
  check_in(ymd(2026, 3, 15), 4);  // pain during the weekend: the week is cut back
  const CalendarFile after = exported();
  EXPECT_GT(after.changed + after.cancelled, 0);
  const auto uids = values_of(after.text, "UID:");
  const auto seqs = values_of(after.text, "SEQUENCE:");
  const auto statuses = values_of(after.text, "STATUS:");
  ASSERT_EQ(uids.size(), seqs.size());
  int raised = 0;
  int cancelled = 0;
  for (std::size_t i = 0; i < uids.size(); ++i) {
    EXPECT_TRUE(seqs[i] == "0" || seqs[i] == "1") << uids[i];
    raised += seqs[i] == "1" ? 1 : 0;
    if (statuses[i] == "CANCELLED") {
      ++cancelled;
      // Only an event sent before can be cancelled, and it keeps its UID.
      EXPECT_THAT(values_of(before.text, "UID:"), ::testing::Contains(uids[i]));
    }
  }
  EXPECT_EQ(raised, after.changed + after.cancelled);
  EXPECT_EQ(cancelled, after.cancelled);
  // A third export of the same plan changes nothing more; the cancelled stay cancelled at the same SEQUENCE.
  const CalendarFile again = exported();
  EXPECT_EQ(again.changed, 0);
  EXPECT_EQ(again.cancelled, 0);
  EXPECT_EQ(values_of(again.text, "SEQUENCE:"), seqs);
  EXPECT_EQ(values_of(again.text, "STATUS:"), statuses);
}

TEST_F(CalendarExport, AFailedWriteRemembersNothing) {
  const CalendarFile first = exported();
  check_in(ymd(2026, 3, 15), 4);
  const auto failed = export_calendar(session, report(), kStamp, [](const std::string&) -> Expected<void> {
    return std::unexpected(domain::Error{domain::ErrorKind::io, "plan.ics", "No space left on device"});
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "No space left on device");
  const CalendarFile after = exported();
  // Had the failed export been stored, these would read 0 changes (already counted).
  EXPECT_GT(after.changed + after.cancelled, 0);
}

TEST_F(CalendarExport, TimedEventsStartAtTheProfilesSessionTimeInItsZone) {
  domain::Profile p;
  p.time_zone = "Europe/London";
  p.session_time = 7 * 60 + 30;
  ASSERT_TRUE(store.save_profile(p));
  // 2026-03-29: clocks go forward; 07:30 is 07:30Z before and 06:30Z after.
  auto r = plan(session, ymd(2026, 3, 26), domain::UnitSystem::metric, Remember::no);
  ASSERT_TRUE(r);
  const auto events = plan_events(*r);
  ASSERT_FALSE(events.empty());
  for (const auto& e : events) {
    ASSERT_TRUE(e.start_utc_s) << e.uid;
    const std::int64_t day_start = std::chrono::sys_days{e.date}.time_since_epoch().count() * 86400LL;
    const std::int64_t expected = e.date < ymd(2026, 3, 29) ? 7 * 3600 + 1800 : 6 * 3600 + 1800;
    EXPECT_EQ(*e.start_utc_s - day_start, expected) << e.uid;
    EXPECT_GT(e.duration_s, 0);
  }
}

TEST_F(CalendarExport, WithoutASessionTimeEventsAreAllDay) {
  for (const auto& e : plan_events(report())) EXPECT_FALSE(e.start_utc_s) << e.uid;
  EXPECT_THAT(exported().text, Not(HasSubstr("DTSTART:")));
}

TEST_F(CalendarExport, SeeAClinicianComesFirstAndNoRunIsPlanned) {
  check_in(ymd(2026, 3, 15), 1, domain::Sign::swelling);  // TRIAGE-SEED-1
  const PlanReport r = report();
  ASSERT_EQ(r.plan.action, rules::Action::see_clinician);
  const auto events = plan_events(r);
  ASSERT_GT(events.size(), 1U);  // cross-training and strength under the pain condition
  EXPECT_EQ(events.front().uid, "20260316-first@stridecare");
  EXPECT_EQ(events.front().summary, "See a clinician first");
  for (const auto& d : r.plan.days) {
    for (const auto& s : d.sessions) {
      EXPECT_NE(s.kind, planner::SessionKind::run) << s.title;
      EXPECT_TRUE(s.condition) << s.title;  // PLAN-STOP-1: only while pain stays <= 2
    }
  }
  for (std::size_t i = 1; i < events.size(); ++i)
    EXPECT_THAT(events[i].description, HasSubstr("pain")) << events[i].uid;
}

TEST_F(CalendarExport, UrgentCareIsTheOnlyEvent) {
  check_in(ymd(2026, 3, 15), 3, domain::Sign::giving_way);  // TRIAGE-RF-4
  const auto events = plan_events(report());
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events.front().summary, "See a doctor today: no training");
}

}  // namespace
}  // namespace stridecare::services
