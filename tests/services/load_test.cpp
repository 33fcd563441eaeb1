// Training load through the services (rules.md section 3): logged and
// imported runs both count, imported runs count for the local day of their
// start in the profile's time zone, and the load warnings reach triage
// (TRIAGE-LOAD-1) only as rules.md allows: a spike may drive an action, ACWR
// never alone, and nothing from the load downgrades a red flag.

#include "services/load.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "rules/rule_book.hpp"
#include "services/import.hpp"
#include "services/journal.hpp"
#include "services/json_codec.hpp"
#include "services/today.hpp"
#include "storage/memory_store.hpp"
#include "support/test_values.hpp"

namespace stridecare::services {
namespace {

namespace fs = std::filesystem;
using domain::Date;
using std::chrono::sys_seconds;

using test_support::ymd;

sys_seconds utc(int y, unsigned m, unsigned day, int hour, int minute) {
  return std::chrono::sys_days{ymd(y, m, day)} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

/// A GPX run northwards at 10 km/h, one point a minute, every time in UTC
/// with a `Z` (no offset: the profile's time zone gives the local day).
std::string gpx_run(sys_seconds start, int minutes) {
  constexpr double kDegreesPerKm = 1 / 111.195;
  constexpr double kKmPerMinute = 10.0 / 60;
  std::string gpx = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                    R"(<gpx version="1.1" creator="load_test" xmlns="http://www.topografix.com/GPX/1/1">)"
                    "<trk><name>evening run</name><type>running</type><trkseg>";
  for (int i = 0; i <= minutes; ++i) {
    const double lat = 51.5 + i * kKmPerMinute * kDegreesPerKm;
    gpx += "<trkpt lat=\"" + std::to_string(lat) + "\" lon=\"-0.120000\"><time>" +
           iso_utc(start + std::chrono::minutes{i}) + "</time></trkpt>";
  }
  return gpx + "</trkseg></trk></gpx>";
}

class LoadServiceTest : public ::testing::Test {
 protected:
  LoadServiceTest() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("stridecare-load-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  ~LoadServiceTest() override { fs::remove_all(dir_); }

  void set_time_zone(const std::string& tz) {
    domain::Profile p;
    p.time_zone = tz;
    ASSERT_TRUE(save_profile(session, p));
  }

  /// Imports one GPX run starting at `start`; returns the stored activity.
  domain::Activity import_gpx(sys_seconds start, int minutes) {
    const fs::path file = dir_ / ("run-" + std::to_string(start.time_since_epoch().count()) + ".gpx");
    std::ofstream(file, std::ios::binary) << gpx_run(start, minutes);
    const auto r = import_paths(session, {file}, {});
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    EXPECT_TRUE(r->failed.empty()) << r->failed.front().error;
    EXPECT_EQ(r->imported.size(), 1u);
    return r->imported.empty() ? domain::Activity{} : r->imported.front().activity;
  }

  void log_run(Date date, double km, int rpe = 4) {
    domain::Activity a;
    a.sport = domain::Sport::run;
    a.date = date;
    a.distance_m = km * 1000;
    a.duration_s = km * 360;  // 6 min/km
    a.rpe = rpe;
    ASSERT_TRUE(log_activity(session, a));
  }

  void log_pain(Date date, int pain, const std::function<void(domain::PainCheckin&)>& edit = {}) {
    domain::PainCheckin c;
    c.date = date;
    c.site = domain::Site::knee;
    c.side = domain::Side::left;
    c.pain = pain;
    c.timing = domain::Timing::after_run;
    if (edit) edit(c);
    ASSERT_TRUE(log_checkin(session, c));
  }

  /// Six weeks from Monday 2026-01-05 of 5 + 5 + 10 km (Tue, Thu, Sun) at
  /// `rpe`, then the week from 2026-02-16 with 3 + 3 km and a Sunday run of
  /// `last_long_km` on 2026-02-22 at `last_rpe`: every week 20 km when the
  /// last long run is 14 km, so the weekly change never warns.
  void six_weeks_then(double last_long_km, int rpe = 4, int last_rpe = 4) {
    for (int week = 0; week < 6; ++week) {
      const Date monday = domain::add_days(ymd(2026, 1, 5), 7 * week);
      log_run(domain::add_days(monday, 1), 5, rpe);
      log_run(domain::add_days(monday, 3), 5, rpe);
      log_run(domain::add_days(monday, 6), 10, rpe);
    }
    log_run(ymd(2026, 2, 17), 3, last_rpe);
    log_run(ymd(2026, 2, 19), 3, last_rpe);
    log_run(ymd(2026, 2, 22), last_long_km, last_rpe);
  }

  analytics::DayLoad day_load(Date day) {
    const auto a = analyse_load(session, domain::add_days(day, 1));
    EXPECT_TRUE(a);
    const auto i = a->history.index_of(day);
    EXPECT_TRUE(i) << domain::to_string(day) << " is outside the history";
    return i ? a->history.days[*i] : analytics::DayLoad{};
  }

  static const rules::FiredRule* fired(const TodayReport& r, std::string_view id) {
    for (const auto& f : r.triage.rules) {
      if (f.id == id) return &f;
    }
    return nullptr;
  }

  fs::path dir_;
  storage::MemoryStore store;
  Session session{store, rules::default_rule_book()};
};

// ---- what counts in the load --------------------------------------------------

TEST_F(LoadServiceTest, LoggedAndImportedRunsBothCountInTheLoad) {
  log_run(ymd(2026, 3, 10), 5, 5);
  const auto imported = import_gpx(utc(2026, 3, 10, 7, 0), 30);  // 5 km in 30 min
  ASSERT_EQ(imported.date, ymd(2026, 3, 10));
  ASSERT_TRUE(imported.distance_m);
  EXPECT_NEAR(*imported.distance_m, 5000, 50);

  const auto day = day_load(ymd(2026, 3, 10));
  EXPECT_EQ(day.sessions, 2);
  EXPECT_DOUBLE_EQ(day.run_distance_m, 5000 + *imported.distance_m);
  EXPECT_DOUBLE_EQ(day.longest_run_m, std::max(5000.0, *imported.distance_m));
  EXPECT_DOUBLE_EQ(day.run_duration_s, 1800 + imported.duration_s);
  // The logged run: RPE 5 x 30 min. The imported one has no RPE (and no heart
  // rate): the default RPE, marked estimated.
  const double default_rpe = session.rules.load.default_rpe;
  EXPECT_NEAR(day.srpe_load, 5 * 30 + default_rpe * 30, 1e-6);
  EXPECT_NEAR(day.impact_load, day.srpe_load, 1e-6) << "runs have impact factor 1";
  EXPECT_TRUE(day.estimated);

  const auto report = load_report(session, ymd(2026, 3, 10));
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->metrics);
  EXPECT_DOUBLE_EQ(report->metrics->week_run_m, 5000 + *imported.distance_m);
}

TEST_F(LoadServiceTest, AnImportedRunOnAnotherDayIsTheLongestRunBeforeALoggedOne) {
  import_gpx(utc(2026, 3, 1, 8, 0), 60);  // 10 km
  log_run(ymd(2026, 3, 5), 6);
  const auto report = load_report(session, ymd(2026, 3, 5));
  ASSERT_TRUE(report);
  ASSERT_TRUE(report->metrics);
  ASSERT_TRUE(report->metrics->longest_run_30d_m);
  EXPECT_NEAR(*report->metrics->longest_run_30d_m, 10000, 100);
  EXPECT_DOUBLE_EQ(report->metrics->week_run_m, 6000)
      << "Sunday's imported run is in last ISO week, Thursday's logged one in this";
}

// ---- local days ---------------------------------------------------------------

TEST_F(LoadServiceTest, London2230ZInSummerIs2330LocalAndCountsForThatDay) {
  set_time_zone("Europe/London");
  // 22:30Z on 10 July is 23:30 BST; the run goes on past local midnight.
  const auto a = import_gpx(utc(2026, 7, 10, 22, 30), 40);
  EXPECT_EQ(a.date, ymd(2026, 7, 10));
  ASSERT_TRUE(a.recorded);
  EXPECT_EQ(a.recorded->utc_offset_s, 3600);
  EXPECT_GT(day_load(ymd(2026, 7, 10)).run_distance_m, 6000);
  EXPECT_EQ(day_load(ymd(2026, 7, 11)).run_distance_m, 0) << "the part after midnight does not move the run";
}

TEST_F(LoadServiceTest, London2330ZInWinterIs2330GmtAndCountsForThatDay) {
  set_time_zone("Europe/London");
  const auto a = import_gpx(utc(2026, 1, 15, 23, 30), 40);
  EXPECT_EQ(a.date, ymd(2026, 1, 15));
  ASSERT_TRUE(a.recorded);
  EXPECT_EQ(a.recorded->utc_offset_s, 0);
  EXPECT_GT(day_load(ymd(2026, 1, 15)).run_distance_m, 6000);
  EXPECT_EQ(day_load(ymd(2026, 1, 16)).run_distance_m, 0);
}

TEST_F(LoadServiceTest, NewYork0230ZCountsForThePreviousLocalDay) {
  set_time_zone("America/New_York");
  // 02:30Z on 11 July is 22:30 EDT on 10 July; 02:30Z on 16 January is 21:30 EST on the 15th.
  const auto summer = import_gpx(utc(2026, 7, 11, 2, 30), 30);
  EXPECT_EQ(summer.date, ymd(2026, 7, 10));
  ASSERT_TRUE(summer.recorded);
  EXPECT_EQ(summer.recorded->utc_offset_s, -4 * 3600);
  const auto winter = import_gpx(utc(2026, 1, 16, 2, 30), 30);
  EXPECT_EQ(winter.date, ymd(2026, 1, 15));
  ASSERT_TRUE(winter.recorded);
  EXPECT_EQ(winter.recorded->utc_offset_s, -5 * 3600);

  EXPECT_GT(day_load(ymd(2026, 7, 10)).run_distance_m, 4000);
  EXPECT_EQ(day_load(ymd(2026, 7, 11)).run_distance_m, 0) << "not the UTC day";
  EXPECT_GT(day_load(ymd(2026, 1, 15)).run_distance_m, 4000);
  EXPECT_EQ(day_load(ymd(2026, 1, 16)).run_distance_m, 0) << "not the UTC day";
}

// ---- TRIAGE-LOAD-1 -------------------------------------------------------------

TEST_F(LoadServiceTest, AKneeEpisodeWithinAWeekAfterASpikeRunFiresTriageLoad1NamingTheSpike) {
  six_weeks_then(14);             // 14 km after long runs of 10 km: 1.40x, moderate
  log_pain(ymd(2026, 2, 25), 3);  // pain 3 after a run: nothing else fires

  const auto r = today(session, ymd(2026, 2, 25));
  ASSERT_TRUE(r) << r.error().message;
  const auto* load = fired(*r, "TRIAGE-LOAD-1");
  ASSERT_NE(load, nullptr) << "TRIAGE-LOAD-1 did not fire";
  EXPECT_EQ(r->triage.action, rules::Action::reduce);
  EXPECT_NE(load->why.find("LOAD-SPIKE-1"), std::string::npos) << load->why;
  EXPECT_NE(load->why.find("2026-02-22"), std::string::npos) << load->why;
  EXPECT_NE(load->why.find("14.0 km"), std::string::npos) << load->why;
  ASSERT_FALSE(r->warnings.empty()) << "today shows the spike among its warnings";
  EXPECT_EQ(r->warnings.front().rule, domain::LoadRule::spike);
  EXPECT_EQ(r->warnings.front().date, ymd(2026, 2, 22));
  EXPECT_EQ(r->warnings.front().level, "moderate");
  EXPECT_NEAR(r->warnings.front().value, 1.4, 1e-9);
}

TEST_F(LoadServiceTest, AnEpisodeOnTheLastDayOfTheLeadWindowStillCounts) {
  six_weeks_then(14);
  log_pain(ymd(2026, 3, 1), 2);  // 7 days after the spike
  const auto r = today(session, ymd(2026, 3, 1));
  ASSERT_TRUE(r);
  const auto* load = fired(*r, "TRIAGE-LOAD-1");
  ASSERT_NE(load, nullptr);
  EXPECT_NE(load->why.find("7 days after LOAD-SPIKE-1 on 2026-02-22"), std::string::npos) << load->why;
}

TEST_F(LoadServiceTest, AnEpisodeMoreThanAWeekAfterTheSpikeDoesNotFireTriageLoad1) {
  six_weeks_then(14);
  const auto a = analyse_load(session, ymd(2026, 3, 2));
  ASSERT_TRUE(a);
  for (const auto& w : analytics::warnings_between(*a, ymd(2026, 2, 23), ymd(2026, 3, 2), session.rules.load)) {
    ASSERT_FALSE(analytics::can_drive_action(w.rule))
        << "precondition: no warning that may drive an action in the lead window, got "
        << analytics::summary(w, domain::UnitSystem::metric);
  }
  log_pain(ymd(2026, 3, 2), 2);  // 8 days after the spike
  const auto r = today(session, ymd(2026, 3, 2));
  ASSERT_TRUE(r);
  EXPECT_EQ(fired(*r, "TRIAGE-LOAD-1"), nullptr);
  EXPECT_EQ(r->triage.action, rules::Action::keep_going);
}

TEST_F(LoadServiceTest, AnAcwrWarningAloneNeverFiresTriageLoad1) {
  // The same distances every week (no spike, no weekly change), but the last
  // week run hard: RPE 9 instead of 2 lifts the impact load and the EWMA ACWR.
  six_weeks_then(10, 2, 9);
  const auto a = analyse_load(session, ymd(2026, 2, 22));
  ASSERT_TRUE(a);
  const auto lead = analytics::warnings_between(*a, ymd(2026, 2, 15), ymd(2026, 2, 22), session.rules.load);
  ASSERT_FALSE(lead.empty()) << "precondition: the hard week raises LOAD-ACWR-1";
  for (const auto& w : lead) {
    ASSERT_EQ(w.rule, domain::LoadRule::acwr)
        << "precondition: ACWR is the only warning, got " << analytics::summary(w, domain::UnitSystem::metric);
  }

  log_pain(ymd(2026, 2, 22), 2);
  const auto r = today(session, ymd(2026, 2, 22));
  ASSERT_TRUE(r);
  EXPECT_EQ(fired(*r, "TRIAGE-LOAD-1"), nullptr) << "LOAD-ACWR-1 is context only (rules.md section 3)";
  EXPECT_EQ(r->triage.action, rules::Action::keep_going);
  bool shown = false;
  for (const auto& w : r->warnings) shown = shown || w.rule == domain::LoadRule::acwr;
  EXPECT_TRUE(shown) << "the ACWR warning is still shown, as context";
}

TEST_F(LoadServiceTest, ALoadWarningNeverDowngradesARedFlag) {
  six_weeks_then(14);
  log_pain(ymd(2026, 2, 23), 5, [](domain::PainCheckin& c) {
    c.set(domain::Sign::swelling);
    c.set(domain::Sign::fever_or_unwell);
  });
  for (const Date day : {ymd(2026, 2, 23), ymd(2026, 2, 25), ymd(2026, 3, 10)}) {
    const auto r = today(session, day);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->triage.action, rules::Action::emergency) << domain::to_string(day);
    ASSERT_FALSE(r->triage.rules.empty());
    EXPECT_EQ(r->triage.rules.front().id, "TRIAGE-RF-1") << domain::to_string(day);
  }
  const auto first = today(session, ymd(2026, 2, 23));
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->warnings.empty()) << "precondition: the spike warning is in force";
}

TEST_F(LoadServiceTest, AGivingWayKneeAfterASpikeIsUrgentCareNotReduce) {
  six_weeks_then(14);
  log_pain(ymd(2026, 2, 24), 3, [](domain::PainCheckin& c) { c.set(domain::Sign::giving_way); });
  const auto r = today(session, ymd(2026, 2, 24));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->triage.action, rules::Action::urgent_care);
  EXPECT_EQ(r->triage.rules.front().id, "TRIAGE-RF-4");
}

}  // namespace
}  // namespace stridecare::services
