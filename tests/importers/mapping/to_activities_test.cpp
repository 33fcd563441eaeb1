// From a decoded file to domain activities: sport, day, totals, laps, track.

#include "importers/mapping/to_activities.hpp"

#include <gtest/gtest.h>

namespace stridecare::importers {
namespace {

using namespace std::chrono_literals;
using domain::Sport;

const UtcMillis kStart{std::chrono::sys_days{std::chrono::year{2017} / 6 / 11} + 22h + 30min};

domain::SourceFile source() { return {"run.fit", "fit", std::string(32, 'a'), 0}; }

std::chrono::seconds utc(domain::UtcSeconds) { return 0s; }

/// A 10-minute run at 3 m/s, 1 Hz, climbing 1 m per minute, HR 150, cadence 85 per leg.
SessionRecord run_session() {
  SessionRecord s;
  s.sport = "running";
  s.start = kStart;
  s.total_elapsed_s = 600;
  s.total_timer_s = 580;
  s.total_distance_m = 1800;
  for (int i = 0; i <= 600; ++i) {
    Sample p;
    p.time = kStart + std::chrono::seconds{i};
    p.distance_m = 3.0 * i;
    p.speed_m_per_s = 3.0;
    p.altitude_m = 100 + i / 60;
    p.heart_rate_bpm = 150;
    p.cadence_rpm = 85;
    p.latitude_deg = 46.0 + i * 1e-5;
    p.longitude_deg = 14.0;
    s.samples.push_back(p);
  }
  Lap lap;
  lap.start = kStart;
  lap.elapsed_s = 600;
  lap.distance_m = 1800;
  s.laps.push_back(lap);
  return s;
}

Recording fit_with(std::vector<SessionRecord> sessions) {
  Recording r;
  r.format = "fit";
  r.sessions = std::move(sessions);
  return r;
}

TEST(ToActivities, ARunKeepsItsTotalsAndGetsSummaryFigures) {
  const auto out = to_activities(fit_with({run_session()}), source(), utc);
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 1u);
  const auto& a = (*out)[0].activity;
  EXPECT_EQ(a.sport, Sport::run);
  EXPECT_DOUBLE_EQ(*a.distance_m, 1800);
  EXPECT_DOUBLE_EQ(a.duration_s, 600);
  ASSERT_TRUE(a.recorded);
  const auto& r = *a.recorded;
  EXPECT_EQ(r.start_utc, std::chrono::floor<std::chrono::seconds>(kStart));
  EXPECT_DOUBLE_EQ(*r.moving_s, 580);
  EXPECT_EQ(r.avg_heart_rate_bpm, 150);
  EXPECT_EQ(r.max_heart_rate_bpm, 150);
  EXPECT_DOUBLE_EQ(*r.avg_cadence_spm, 170);  // both legs
  EXPECT_DOUBLE_EQ(*r.elevation_gain_m, 9);   // 100 -> 110 m, counted in 3 m steps
  ASSERT_EQ(r.laps.size(), 1u);
  EXPECT_DOUBLE_EQ(r.laps[0].elapsed_s, 600);
  EXPECT_EQ((*out)[0].track.points.size(), 601u);
  EXPECT_DOUBLE_EQ((*out)[0].track.points.back().offset_s, 600);
}

TEST(ToActivities, TheDayIsTheLocalDayOfTheStart) {
  // 22:30 UTC is already the next day at UTC+2.
  const auto out = to_activities(fit_with({run_session()}), source(), [](domain::UtcSeconds) { return 2h; });
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].activity.date, std::chrono::year{2017} / 6 / 12);
  EXPECT_EQ((*out)[0].activity.recorded->utc_offset_s, 7200);
}

TEST(ToActivities, TheFilesOwnOffsetWinsOverTheAthletesZone) {
  auto s = run_session();
  s.utc_offset_s = -5 * 3600;
  const auto out = to_activities(fit_with({s}), source(), [](domain::UtcSeconds) { return 2h; });
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].activity.date, std::chrono::year{2017} / 6 / 11);
  EXPECT_EQ((*out)[0].activity.recorded->utc_offset_s, -5 * 3600);
}

TEST(ToActivities, EachSessionOfAMultisportFileIsAnActivity) {
  auto ride = run_session();
  ride.sport = "cycling";
  ride.start = kStart + 20min;
  for (auto& p : ride.samples) p.time = *p.time + 20min;
  const auto out = to_activities(fit_with({run_session(), ride}), source(), utc);
  ASSERT_TRUE(out);
  ASSERT_EQ(out->size(), 2u);
  EXPECT_EQ((*out)[1].activity.sport, Sport::cycle);
  EXPECT_EQ((*out)[1].activity.recorded->source.session_index, 1);
  EXPECT_DOUBLE_EQ(*(*out)[1].activity.recorded->avg_cadence_spm, 85);  // cycling cadence is not doubled
}

TEST(ToActivities, AnUnnamedSportIsInferredFromThePaceAndSaidSo) {
  auto s = run_session();
  s.sport.clear();
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].activity.sport, Sport::run);
  ASSERT_EQ((*out)[0].notes.size(), 1u);
  EXPECT_NE((*out)[0].notes[0].find("taken as run"), std::string::npos) << (*out)[0].notes[0];
}

// Regression: a GPX of a stationary device was "taken as walk from its pace of 14:02:19 min/km".
TEST(ToActivities, APaceNoSportHasIsStoredAsOtherAndSaidSo) {
  auto s = run_session();
  s.sport.clear();
  s.total_distance_m = 1;  // 1 m in 10 minutes
  s.total_timer_s.reset();
  for (auto& p : s.samples) p.speed_m_per_s = 0.0;
  Recording r = fit_with({s});
  r.format = "gpx";
  const auto out = to_activities(r, source(), utc);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ((*out)[0].activity.sport, Sport::other);
  ASSERT_EQ((*out)[0].notes.size(), 1U);
  EXPECT_NE((*out)[0].notes[0].find("pace of 166:40:00 min/km is no sport's"), std::string::npos) << (*out)[0].notes[0];
}

TEST(ToActivities, AGpsJumpFasterThanAnySportIsStoredAsOther) {
  auto s = run_session();
  s.sport.clear();
  s.total_distance_m = 60000;  // 60 km in 10 minutes
  s.total_timer_s.reset();
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].activity.sport, Sport::other);
}

TEST(ToActivities, AStravaAnnotationGivesSportNameAndRpe) {
  Annotation note;
  note.sport = Sport::walk;
  note.name = "Lunch Walk";
  note.description = "easy";
  note.rpe = 2;
  const auto out = to_activities(fit_with({run_session()}), source(), utc, note);
  ASSERT_TRUE(out);
  const auto& a = (*out)[0].activity;
  EXPECT_EQ(a.sport, Sport::walk);
  EXPECT_EQ(a.rpe, 2);
  EXPECT_EQ(a.note, "Lunch Walk - easy");
}

TEST(ToActivities, ImplausibleHeartRatesAreLeftOutOfTheSummary) {
  auto s = run_session();
  s.samples[0].heart_rate_bpm = 5;
  s.samples[1].heart_rate_bpm = 300;
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].activity.recorded->max_heart_rate_bpm, 150);
}

TEST(ToActivities, AFileWithoutAnyTimeIsAnErrorNamingTheFile) {
  auto s = run_session();
  s.start.reset();
  for (auto& p : s.samples) p.time.reset();
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("run.fit: no time in the file"), std::string::npos) << out.error().message;
}

TEST(ToActivities, ARunWithoutDistanceIsAnErrorNamingTheField) {
  auto s = run_session();
  s.total_distance_m.reset();
  for (auto& p : s.samples) p.distance_m.reset();
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("run.fit: distance"), std::string::npos) << out.error().message;
  // Regression (clang-tidy bugprone-use-after-move): the field was the moved-from, empty, file name.
  EXPECT_EQ(out.error().field, "run.fit");
}

TEST(ToActivities, AFileWithoutSessionsIsAnError) { EXPECT_FALSE(to_activities(fit_with({}), source(), utc)); }

TEST(ToActivities, SamplesGoingBackInTimeAreDroppedAndCounted) {
  auto s = run_session();
  s.samples[10].time = kStart - 5s;
  const auto out = to_activities(fit_with({s}), source(), utc);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].track.points.size(), 600u);
  ASSERT_FALSE((*out)[0].notes.empty());
  EXPECT_NE((*out)[0].notes[0].find("1 samples earlier"), std::string::npos);
}

TEST(ToActivities, GpxTracksOfOneOutingBecomeOneActivity) {
  Recording r;
  r.format = "gpx";
  auto second = run_session();
  second.start = kStart + 15min;
  for (auto& p : second.samples) p.time = *p.time + 15min;
  r.sessions = {run_session(), second};
  const auto out = to_activities(r, {"walk.gpx", "gpx", std::string(32, 'b'), 0}, utc);
  ASSERT_TRUE(out);
  ASSERT_EQ(out->size(), 1u);
  EXPECT_DOUBLE_EQ(*(*out)[0].activity.distance_m, 3600);
  EXPECT_EQ((*out)[0].activity.recorded->laps.size(), 2u);
}

}  // namespace
}  // namespace stridecare::importers
