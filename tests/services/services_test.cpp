// Use cases over the in-memory store: the seam the CLI and the server share.

#include <gtest/gtest.h>

#include "rules/rule_book.hpp"
#include "services/backup.hpp"
#include "services/journal.hpp"
#include "services/routines.hpp"
#include "services/today.hpp"
#include "storage/memory_store.hpp"
#include "support/test_values.hpp"

namespace stridecare::services {
namespace {

using domain::Date;

using test_support::ymd;

class ServicesTest : public ::testing::Test {
 protected:
  storage::MemoryStore store;
  Session session{store, rules::default_rule_book()};

  domain::Activity run(Date date, double km) {
    domain::Activity a;
    a.sport = domain::Sport::run;
    a.date = date;
    a.distance_m = km * 1000;
    a.duration_s = km * 360;
    a.rpe = 5;
    return a;
  }
  domain::PainCheckin checkin(Date date, int pain) {
    domain::PainCheckin c;
    c.date = date;
    c.pain = pain;
    return c;
  }
};

TEST_F(ServicesTest, LogActivityAssignsAnIdAndStoresIt) {
  const auto a = log_activity(session, run(ymd(2026, 3, 1), 8.2));
  ASSERT_TRUE(a);
  EXPECT_GT(a->id, 0);
  EXPECT_EQ(store.list_activities({})->size(), 1u);
}

TEST_F(ServicesTest, LogActivityRejectsInvalidInputAndStoresNothing) {
  auto a = run(ymd(2026, 3, 1), 10);
  a.duration_s = 1199;  // faster than 2:00 min/km
  const auto r = log_activity(session, a);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, domain::ErrorKind::invalid_input);
  EXPECT_EQ(r.error().field, "distance");
  EXPECT_TRUE(*store.empty());
}

TEST_F(ServicesTest, LogCheckinTriagesAtOnceOverTheWholeHistory) {
  auto flagged = checkin(ymd(2026, 1, 1), 3);
  flagged.set(domain::Sign::giving_way);
  ASSERT_TRUE(log_checkin(session, flagged));
  const auto r = log_checkin(session, checkin(ymd(2026, 3, 1), 1));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->report.triage.action, rules::Action::urgent_care) << "an old red flag is not hidden by a new check-in";
}

TEST_F(ServicesTest, SeedThreeSeesRunDaysFromTheJournal) {
  ASSERT_TRUE(log_activity(session, run(ymd(2026, 3, 1), 8)));
  auto c = checkin(ymd(2026, 3, 2), 3);
  c.timing = domain::Timing::at_rest;
  const auto r = log_checkin(session, c);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->report.triage.action, rules::Action::see_clinician);
}

TEST_F(ServicesTest, TodayJsonHasTheContractFields) {
  ASSERT_TRUE(log_checkin(session, checkin(ymd(2026, 3, 1), 4)));
  const auto r = today(session, ymd(2026, 3, 1));
  ASSERT_TRUE(r);
  const Json j = to_json(*r, session.rules);
  for (const char* key :
       {"date", "action", "rules", "also", "care", "warnings", "sessions", "return_to_run", "checkin_due"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["action"], "reduce");
  EXPECT_EQ(j["rules"][0]["id"], "TRIAGE-PMM-3");
  EXPECT_TRUE(j["rules"][0].contains("why"));
}

TEST_F(ServicesTest, RemoveUnknownIdIsNotFound) {
  const auto r = remove_entry(session, 42);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, domain::ErrorKind::not_found);
}

TEST_F(ServicesTest, SaveProfileRejectsUnknownTimeZone) {
  domain::Profile p;
  p.time_zone = "Mars/Olympus_Mons";
  const auto r = save_profile(session, p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "tz");
  EXPECT_FALSE(*store.load_profile());
}

TEST_F(ServicesTest, ExportRestoreExportIsIdentical) {
  domain::Profile p;
  p.time_zone = "Europe/London";
  p.gym_access = true;
  ASSERT_TRUE(save_profile(session, p));
  ASSERT_TRUE(log_activity(session, run(ymd(2026, 3, 1), 8.2)));
  domain::Activity s;
  s.sport = domain::Sport::strength;
  s.date = ymd(2026, 3, 2);
  s.duration_s = 2700;
  s.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
  s.note = "quotes \" and ünïcode";
  ASSERT_TRUE(log_activity(session, s));
  auto c = checkin(ymd(2026, 3, 3), 5);
  c.time = 7 * 60 + 30;
  c.region = domain::Region::outer;
  c.set(domain::Sign::swelling);
  ASSERT_TRUE(log_checkin(session, c));
  const auto first = export_json(session);
  ASSERT_TRUE(first);

  storage::MemoryStore other;
  Session restored{other, rules::default_rule_book()};
  ASSERT_TRUE(restore(restored, first->dump(), "backup.json"));
  const auto second = export_json(restored);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->dump(2), second->dump(2));
}

TEST_F(ServicesTest, RestoreRefusesANonEmptyStore) {
  ASSERT_TRUE(log_activity(session, run(ymd(2026, 3, 1), 5)));
  const auto doc = export_json(session);
  const auto r = restore(session, doc->dump(), "backup.json");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, domain::ErrorKind::conflict);
  EXPECT_EQ(store.list_activities({})->size(), 1u);
}

TEST_F(ServicesTest, RestoreNamesTheBadFieldAndWritesNothing) {
  ASSERT_TRUE(log_checkin(session, checkin(ymd(2026, 3, 1), 2)));
  ASSERT_TRUE(log_checkin(session, checkin(ymd(2026, 3, 2), 3)));
  auto doc = *export_json(session);
  doc["checkins"][1]["pain"] = 12;
  storage::MemoryStore other;
  Session target{other, rules::default_rule_book()};
  const auto r = restore(target, doc.dump(), "backup.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("checkins[1].pain"), std::string::npos) << r.error().message;
  EXPECT_TRUE(*other.empty());
}

TEST_F(ServicesTest, RestoreRejectsDocumentsThatAreNotExports) {
  for (const char* text : {"", "{", "[]", "{\"format\":\"other\"}", "{\"format\":\"stridecare-export\",\"version\":2}",
                           "{\"format\":\"stridecare-export\",\"version\":1,\"activities\":{},\"checkins\":[]}"}) {
    const auto r = restore(session, text, "x.json");
    ASSERT_FALSE(r) << text;
    EXPECT_NE(r.error().message.find("x.json"), std::string::npos) << r.error().message;
  }
  EXPECT_TRUE(*store.empty());
}

// Regression (fuzz_restore crash): a "format" that is not a string threw
// nlohmann::type_error out of restore() instead of returning an error.
TEST_F(ServicesTest, RestoreRejectsAFormatFieldOfTheWrongTypeWithoutThrowing) {
  for (const char* text :
       {"{\"format\":null}", "{\"format\":[]}", "{\"format\":1,\"version\":1}", "{\"format\":{\"a\":1}}"}) {
    const auto r = restore(session, text, "x.json");
    ASSERT_FALSE(r) << text;
    EXPECT_NE(r.error().message.find("not a stridecare export"), std::string::npos) << r.error().message;
  }
  EXPECT_TRUE(*store.empty());
}

TEST_F(ServicesTest, CsvExportHasAHeaderAndOneRowPerEntry) {
  ASSERT_TRUE(log_activity(session, run(ymd(2026, 3, 1), 5)));
  auto c = checkin(ymd(2026, 3, 2), 3);
  c.note = "a, \"quoted\" note";
  ASSERT_TRUE(log_checkin(session, c));
  const auto csv = export_csv(session);
  ASSERT_TRUE(csv);
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 3);
  EXPECT_EQ(csv->rfind("record,id,date", 0), 0u);
  EXPECT_NE(csv->find("\"a, \"\"quoted\"\" note\""), std::string::npos);
}

// SAFE-GUIDE-1 and -2 (rules.md 2.2): no routine under emergency or urgent care, no warm-up (it prepares a run)
// under a clinician referral or a stop; `today`'s `routines` and `guide` both go by this.
TEST(AllowedRoutines, FollowTheActionInForce) {
  using planner::RoutineKind;
  using Kinds = std::vector<RoutineKind>;
  const Kinds all{RoutineKind::warmup, RoutineKind::cooldown, RoutineKind::strength};
  const Kinds no_warmup{RoutineKind::cooldown, RoutineKind::strength};
  EXPECT_EQ(allowed_routines(rules::Action::emergency), Kinds{});
  EXPECT_EQ(allowed_routines(rules::Action::urgent_care), Kinds{});
  EXPECT_EQ(allowed_routines(rules::Action::see_clinician), no_warmup);
  EXPECT_EQ(allowed_routines(rules::Action::stop_running), no_warmup);
  EXPECT_EQ(allowed_routines(rules::Action::reduce), all);
  EXPECT_EQ(allowed_routines(rules::Action::keep_going), all);
}

}  // namespace
}  // namespace stridecare::services
