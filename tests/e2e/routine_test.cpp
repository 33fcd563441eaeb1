// The exercise library and the routines through the CLI (rules.md 4.1, 4.2;
// product.md `exercises`, `exercise ID`, `guide ... --dry-run [--json]`):
// the library's fields, one exercise's cues and variants, the dry-run steps'
// shape, no gym machines for a no-gym profile, IT band work after outer knee
// pain, and usage errors that exit 2 without touching the database.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "e2e_support.hpp"

namespace stridecare::e2e {
namespace {

constexpr const char* kDay = "2026-03-10";

/// The "routine" section of the shipped rule book (the thresholds of ROUTINE-WARM-1 and ROUTINE-COOL-1).
int routine_threshold(const char* key) {
  const Json book = parse_json(read_bytes(STRIDECARE_RULES_FILE));
  return book.at("routine").at(key).get<int>();
}

class E2eRoutine : public E2eTest {
 protected:
  Json guide(const std::string& routine) const {
    return sc_json({"guide", routine, "--dry-run", "--json", "--date", kDay});
  }

  static std::set<std::string> exercises_of(const Json& routine) {
    std::set<std::string> out;
    for (const auto& s : routine["steps"]) out.insert(s.value("exercise", "?"));
    return out;
  }

  /// Every step has exercise and side and exactly one of seconds/reps (product.md).
  static void expect_product_step_shape(const Json& routine) {
    ASSERT_TRUE(routine.contains("steps")) << routine;
    ASSERT_TRUE(routine["steps"].is_array()) << routine;
    ASSERT_FALSE(routine["steps"].empty()) << routine;
    for (const auto& s : routine["steps"]) {
      ASSERT_TRUE(s.is_object()) << s;
      EXPECT_TRUE(s.contains("exercise") && s["exercise"].is_string() && !s["exercise"].get<std::string>().empty())
          << s;
      ASSERT_TRUE(s.contains("side") && s["side"].is_string()) << s;
      const std::string side = s["side"].get<std::string>();
      EXPECT_TRUE(side == "left" || side == "right" || side == "both") << s;
      EXPECT_NE(s.contains("seconds"), s.contains("reps")) << "exactly one of seconds/reps: " << s;
      if (s.contains("seconds")) {
        EXPECT_TRUE(s["seconds"].is_number_integer() && s["seconds"].get<int>() > 0) << s;
      }
      if (s.contains("reps")) {
        EXPECT_TRUE(s["reps"].is_number_integer() && s["reps"].get<int>() > 0) << s;
      }
    }
  }
};

// ---- exercises ---------------------------------------------------------------------------------

TEST_F(E2eRoutine, ExercisesJsonListsEveryExerciseWithItsFields) {
  const Json j = sc_json({"exercises", "--json"});
  ASSERT_TRUE(j.contains("exercises") && j["exercises"].is_array()) << j;
  const Json& list = j["exercises"];
  ASSERT_FALSE(list.empty());
  std::set<std::string> ids;
  for (const auto& e : list) {
    for (const char* field :
         {"id", "name", "kind", "muscles", "equipment", "sides", "dose", "cues", "mistakes", "easier", "no_gym"}) {
      EXPECT_TRUE(e.contains(field)) << field << " missing: " << e;
    }
    EXPECT_TRUE(ids.insert(e.value("id", "")).second) << "duplicate " << e["id"];
    const std::string kind = e.value("kind", "");
    EXPECT_TRUE(kind == "dynamic" || kind == "static" || kind == "strength") << e;
    EXPECT_GE(e["cues"].size(), 3u) << e;
    EXPECT_LE(e["cues"].size(), 5u) << e;
    EXPECT_GE(e["mistakes"].size(), 1u) << e;
    EXPECT_FALSE(e["muscles"].empty()) << e;
    EXPECT_TRUE(e["dose"].is_object() && !e["dose"].empty()) << e;
    EXPECT_TRUE(e["easier"].is_null() || e["easier"].is_string()) << e;
    EXPECT_TRUE(e["no_gym"].is_null() || e["no_gym"].is_string()) << e;
  }
  // Every exercise the article names, and the stretches of ROUTINE-COOL-1.
  for (const char* id :
       {"knee_lifts", "leg_swings", "jumping_jacks", "jog_in_place", "squat", "lunge", "romanian_deadlift",
        "good_morning", "leg_press", "leg_extension", "quad_stretch", "hamstring_stretch", "hip_flexor_stretch",
        "glute_stretch", "calf_stretch", "it_band_stretch"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  // Every variant named is listed.
  for (const auto& e : list) {
    for (const char* variant : {"easier", "no_gym"}) {
      if (e[variant].is_string()) {
        EXPECT_TRUE(ids.count(e[variant].get<std::string>())) << e;
      }
    }
  }
}

TEST_F(E2eRoutine, ExercisesTextHasOneLinePerExercise) {
  const Outcome o = sc_ok({"exercises"});
  const Json all = sc_json({"exercises", "--json"});
  EXPECT_EQ(lines_of(o.out).size(), all["exercises"].size()) << o;
  EXPECT_NE(o.out.find("leg_press"), std::string::npos) << o;
}

TEST_F(E2eRoutine, ExercisesKindStaticListsOnlyStretches) {
  const Json j = sc_json({"exercises", "--kind", "static", "--json"});
  ASSERT_FALSE(j["exercises"].empty()) << j;
  std::set<std::string> ids;
  for (const auto& e : j["exercises"]) {
    EXPECT_EQ(e["kind"], "static") << e;
    EXPECT_TRUE(e["dose"].contains("hold_s")) << e;
    ids.insert(e.value("id", ""));
  }
  EXPECT_TRUE(ids.count("it_band_stretch"));
  EXPECT_FALSE(ids.count("leg_swings"));
  EXPECT_FALSE(ids.count("squat"));

  const Outcome text = sc_ok({"exercises", "--kind", "static"});
  EXPECT_EQ(lines_of(text.out).size(), j["exercises"].size()) << text;
  for (const auto& line : lines_of(text.out)) EXPECT_NE(line.find(" static "), std::string::npos) << line;
}

TEST_F(E2eRoutine, ExercisesKindsPartitionTheLibrary) {
  std::size_t total = 0;
  for (const char* kind : {"dynamic", "static", "strength"}) {
    const Json j = sc_json({"exercises", "--kind", kind, "--json"});
    for (const auto& e : j["exercises"]) EXPECT_EQ(e["kind"], kind) << e;
    total += j["exercises"].size();
  }
  EXPECT_EQ(total, sc_json({"exercises", "--json"})["exercises"].size());
}

TEST_F(E2eRoutine, ExercisesWithAnUnknownKindExits2) {
  const Outcome o = sc({"exercises", "--kind", "foo"});
  expect_one_line_failure(o, 2, {"kind", "foo", "static"});
  EXPECT_FALSE(fs::exists(db())) << "a usage error must not create the database";
}

// ---- exercise ID -------------------------------------------------------------------------------

TEST_F(E2eRoutine, ExerciseLegPressShowsCuesMistakesAndTheNoGymVariant) {
  const Outcome o = sc_ok({"exercise", "leg_press"});
  const Json j = sc_json({"exercise", "leg_press", "--json"});
  EXPECT_EQ(j["id"], "leg_press");
  ASSERT_TRUE(j["no_gym"].is_string()) << j;
  EXPECT_NE(o.out.find("Leg press"), std::string::npos) << o;
  for (const auto& cue : j["cues"]) EXPECT_NE(o.out.find(cue.get<std::string>()), std::string::npos) << cue << o;
  for (const auto& m : j["mistakes"]) EXPECT_NE(o.out.find(m.get<std::string>()), std::string::npos) << m << o;
  EXPECT_NE(o.out.find(j["no_gym"].get<std::string>()), std::string::npos) << o;
  EXPECT_NE(o.out.find("Without a gym"), std::string::npos) << o;
  EXPECT_NE(o.out.find("split_squat"), std::string::npos) << o;  // STRENGTH-EX-1: leg press -> split squat
}

TEST_F(E2eRoutine, ExerciseJsonIsTheListsEntry) {
  const Json all = sc_json({"exercises", "--json"});
  for (const auto& e : all["exercises"]) {
    if (e["id"] != "wall_sit" && e["id"] != "quad_stretch" && e["id"] != "knee_lifts") continue;
    EXPECT_EQ(sc_json({"exercise", e["id"].get<std::string>(), "--json"}), e);
  }
}

TEST_F(E2eRoutine, UnknownExerciseExits2NamingTheId) {
  const Outcome o = sc({"exercise", "nope"});
  expect_one_line_failure(o, 2, {"nope"});
  EXPECT_FALSE(fs::exists(db()));
}

// ---- guide --dry-run ----------------------------------------------------------------------------

TEST_F(E2eRoutine, WarmupDryRunJsonHasTheProductShape) {
  const Json r = guide("warmup");
  expect_product_step_shape(r);
  EXPECT_EQ(r["kind"], "warmup");
  EXPECT_TRUE(r["rules"].is_array() && r["notes"].is_array()) << r;
  ASSERT_TRUE(r["total_s"].is_number_integer()) << r;
  EXPECT_GE(r["total_s"].get<int>(), routine_threshold("warmup_min_s")) << r;  // ROUTINE-WARM-1: 5-10 min
  EXPECT_LE(r["total_s"].get<int>(), routine_threshold("warmup_max_s")) << r;
  int total = 0;
  for (const auto& s : r["steps"]) total += s.value("duration_s", 0);
  EXPECT_EQ(total, r["total_s"].get<int>());
  EXPECT_NE(std::find(r["rules"].begin(), r["rules"].end(), "ROUTINE-WARM-1"), r["rules"].end()) << r;
  // Only moving drills: nothing of the static stretches.
  std::set<std::string> stretches;
  const Json static_list = sc_json({"exercises", "--kind", "static", "--json"});
  for (const auto& e : static_list["exercises"]) {
    stretches.insert(e["id"].get<std::string>());
  }
  for (const auto& id : exercises_of(r)) EXPECT_FALSE(stretches.count(id)) << id;
  for (const char* id : {"knee_lifts", "leg_swings", "jumping_jacks", "jog_in_place"}) {
    EXPECT_TRUE(exercises_of(r).count(id)) << id;
  }
}

TEST_F(E2eRoutine, CooldownAndStrengthDryRunsHaveTheProductShape) {
  const Json cool = guide("cooldown");
  expect_product_step_shape(cool);
  for (const auto& s : cool["steps"]) {
    ASSERT_TRUE(s.contains("seconds")) << s;
    EXPECT_GE(s["seconds"].get<int>(), routine_threshold("hold_min_s")) << s;  // ROUTINE-COOL-1: 20-30 s
    EXPECT_LE(s["seconds"].get<int>(), routine_threshold("hold_max_s")) << s;
  }
  expect_product_step_shape(guide("strength"));
}

TEST_F(E2eRoutine, DryRunTextListsTheSteps) {
  const Outcome o = sc_ok({"guide", "cooldown", "--dry-run", "--date", kDay});
  EXPECT_NE(o.out.find("ROUTINE-COOL-1"), std::string::npos) << o;
  EXPECT_NE(o.out.find("Standing quadriceps stretch"), std::string::npos) << o;
}

TEST_F(E2eRoutine, NoGymProfileGetsNoLegPressOrLegExtension) {
  sc_ok({"profile", "--gym", "no"});
  const Json r = guide("strength");
  expect_product_step_shape(r);
  const auto ids = exercises_of(r);
  EXPECT_FALSE(ids.count("leg_press")) << r;
  EXPECT_FALSE(ids.count("leg_extension")) << r;
  EXPECT_TRUE(ids.count("split_squat")) << r;
  EXPECT_TRUE(ids.count("wall_sit")) << r;
}

TEST_F(E2eRoutine, GymProfileGetsLegPressAndLegExtension) {
  sc_ok({"profile", "--gym", "yes"});
  const auto ids = exercises_of(guide("strength"));
  EXPECT_TRUE(ids.count("leg_press"));
  EXPECT_TRUE(ids.count("leg_extension"));
}

TEST_F(E2eRoutine, OuterKneePainAddsTheItBandStretchToTheCoolDown) {
  EXPECT_FALSE(exercises_of(guide("cooldown")).count("it_band_stretch"));
  sc_ok({"log", "pain", "--date", kDay, "--site", "knee", "--region", "outer", "--side", "left", "--pain", "4",
         "--timing", "after_run"});
  const Json cool = guide("cooldown");
  expect_product_step_shape(cool);
  std::set<std::string> sides;
  for (const auto& s : cool["steps"]) {
    if (s["exercise"] == "it_band_stretch") sides.insert(s["side"].get<std::string>());
  }
  EXPECT_EQ(sides, (std::set<std::string>{"left", "right"})) << cool;
  EXPECT_TRUE(exercises_of(guide("warmup")).count("lateral_leg_swings"));
}

TEST_F(E2eRoutine, InnerKneePainDoesNotAddTheItBandStretch) {
  sc_ok({"log", "pain", "--date", kDay, "--site", "knee", "--region", "inner", "--side", "left", "--pain", "4",
         "--timing", "after_run"});
  EXPECT_FALSE(exercises_of(guide("cooldown")).count("it_band_stretch"));
}

TEST_F(E2eRoutine, OuterKneePainOfAnEndedEpisodeAddsNothing) {
  // Twenty days before: the episode ended after 7 days without pain > 0 (rules.md section 1).
  sc_ok({"log", "pain", "--date", "2026-02-18", "--site", "knee", "--region", "outer", "--side", "left", "--pain", "4",
         "--timing", "after_run"});
  const Json cool = guide("cooldown");
  EXPECT_FALSE(exercises_of(cool).count("it_band_stretch")) << cool;
  EXPECT_TRUE(cool["notes"].empty()) << cool;
}

// Fails while services::routine_context takes the region from any earlier
// check-in of the site and side, also one of an ended episode: it should only
// look at check-ins on or after the active episode's start. Enable once fixed.
TEST_F(E2eRoutine, ANewEpisodeDoesNotInheritTheRegionOfAnEndedOne) {
  sc_ok({"log", "pain", "--date", "2026-02-01", "--site", "knee", "--region", "outer", "--side", "left", "--pain", "4",
         "--timing", "after_run"});
  sc_ok({"log", "pain", "--date", kDay, "--site", "knee", "--side", "left", "--pain", "4", "--timing", "after_run"});
  const Json cool = guide("cooldown");
  EXPECT_FALSE(exercises_of(cool).count("it_band_stretch")) << cool;
}

TEST_F(E2eRoutine, UnknownRoutineExits2WithoutTouchingTheDatabase) {
  const Outcome o = sc({"guide", "foo", "--dry-run"});
  expect_one_line_failure(o, 2, {"foo", "warmup"});
  EXPECT_FALSE(fs::exists(db())) << "a usage error must not create the database";
}

TEST_F(E2eRoutine, EverySidedExerciseComesOnBothSidesOnAnEmptyDatabase) {
  for (const char* routine : {"warmup", "cooldown", "strength"}) {
    const Json r = sc_json({"guide", routine, "--dry-run", "--json"});
    std::map<std::string, std::pair<int, int>> sides;  // exercise -> left, right steps
    for (const auto& s : r["steps"]) {
      auto& [left, right] = sides[s["exercise"].get<std::string>()];
      if (s["side"] == "left") ++left;
      if (s["side"] == "right") ++right;
    }
    for (const auto& [id, n] : sides) EXPECT_EQ(n.first, n.second) << routine << " " << id << ": " << r;
    const auto steps = r["steps"];
    ASSERT_FALSE(steps.empty());
    EXPECT_NE(steps.back()["side"], "left") << routine << " ends on the left only: " << r;
  }
}

// ---- `routines`: what was done, and adherence per ISO week ----

class E2eRoutines : public E2eTest {
 protected:
  /// Runs `guide ROUTINE` for `day` to its end, off a terminal, at a fast clock.
  void follow(const std::string& routine, const std::string& day) const {
    Environment e = env();
    e["STRIDECARE_GUIDE_SPEED"] = "100000";
    const Outcome o = sc({"guide", routine, "--date", day}, e);
    ASSERT_EQ(o.exit_code, 0) << o.err;
  }
};

TEST_F(E2eRoutines, ListsEachRecordedRoutineAndCountsWarmUpsBeforeAndCoolDownsAfterRuns) {
  // Week 2026-W10: two runs, the first with a warm-up and a cool-down on its day; one strength session logged
  // and one only guided.
  follow("warmup", "2026-03-03");
  sc_ok({"log", "run", "--date", "2026-03-03", "--distance", "5km", "--duration", "30:00"});
  follow("cooldown", "2026-03-03");
  sc_ok({"log", "run", "--date", "2026-03-05", "--distance", "5km", "--duration", "30:00"});
  sc_ok({"log", "strength", "--date", "2026-03-04", "--exercise", "squat:3x10"});
  follow("strength", "2026-03-06");
  // Week 2026-W11: a run without either.
  sc_ok({"log", "run", "--date", "2026-03-10", "--distance", "5km", "--duration", "30:00"});

  const Json j = sc_json({"routines", "--json", "--from", "2026-03-02", "--to", "2026-03-15"});
  EXPECT_EQ(j["from"], "2026-03-02");
  EXPECT_EQ(j["to"], "2026-03-15");
  ASSERT_EQ(j["routines"].size(), 3u) << j;
  EXPECT_EQ(j["routines"][0]["routine"], "warmup");
  EXPECT_EQ(j["routines"][0]["date"], "2026-03-03");
  EXPECT_TRUE(j["routines"][0]["completed"].get<bool>()) << j;
  EXPECT_TRUE(j["routines"][0]["minutes"].is_number()) << j;
  EXPECT_EQ(j["routines"][2]["routine"], "strength");
  ASSERT_EQ(j["weeks"].size(), 2u) << j;
  const Json& w10 = j["weeks"][0];
  EXPECT_EQ(w10["week"], "2026-W10");
  EXPECT_EQ(w10["runs"], 2);
  EXPECT_EQ(w10["runs_with_warmup"], 1);
  EXPECT_EQ(w10["runs_with_cooldown"], 1);
  EXPECT_EQ(w10["strength_sessions"], 2);
  EXPECT_EQ(w10["strength_target"], 2);
  EXPECT_EQ(w10["strength_rule"], "STRENGTH-FREQ-1");
  const Json& w11 = j["weeks"][1];
  EXPECT_EQ(w11["week"], "2026-W11");
  EXPECT_EQ(w11["runs"], 1);
  EXPECT_EQ(w11["runs_with_warmup"], 0);
  EXPECT_EQ(w11["strength_sessions"], 0);

  const Outcome text = sc_ok({"routines", "--from", "2026-03-02", "--to", "2026-03-15"});
  EXPECT_NE(text.out.find("2026-W10 (2026-03-02 to 2026-03-08): 2 runs, 1 with a warm-up before, 1 with a cool-down "
                          "after; strength 2 of 2 sessions"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("2026-W11 (2026-03-09 to 2026-03-15): 1 run,"), std::string::npos) << text.out;
}

TEST_F(E2eRoutines, AWarmUpAfterTheRunStartedDoesNotCountForIt) {
  // Times come from a restored export: the guide records the time only for today.
  follow("warmup", "2026-03-03");
  follow("cooldown", "2026-03-03");
  sc_ok({"log", "run", "--date", "2026-03-03", "--distance", "5km", "--duration", "30:00"});
  Json backup = sc_json({"export", "--format", "json"});
  ASSERT_EQ(backup["routines"].size(), 2u) << backup;
  backup["routines"][0]["time"] = "18:30";  // warm-up after the run's start
  backup["routines"][1]["time"] = "18:40";  // cool-down after it
  for (auto& a : backup["activities"]) a["time"] = "18:00";
  write_bytes(dir() / "backup.json", backup.dump());
  Environment e = env();
  e["STRIDECARE_DB"] = (dir() / "restored.db").string();
  ASSERT_EQ(sc({"restore", (dir() / "backup.json").string()}, e).exit_code, 0);
  const Outcome o = sc({"routines", "--json", "--from", "2026-03-02", "--to", "2026-03-08"}, e);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const Json j = parse_json(o.out);
  EXPECT_EQ(j["weeks"][0]["runs"], 1) << j;
  EXPECT_EQ(j["weeks"][0]["runs_with_warmup"], 0) << j;
  EXPECT_EQ(j["weeks"][0]["runs_with_cooldown"], 1) << j;
}

TEST_F(E2eRoutines, DefaultsToTheLastEightIsoWeeks) {
  const Json j = sc_json({"routines", "--json", "--date", "2026-03-11"});
  EXPECT_EQ(j["from"], "2026-01-19");
  EXPECT_EQ(j["to"], "2026-03-11");
  EXPECT_EQ(j["weeks"].size(), 8u) << j;
  EXPECT_TRUE(j["routines"].empty());
}

TEST_F(E2eRoutines, ABadRangeIsAUsageErrorThatLeavesNoDatabase) {
  expect_one_line_failure(sc({"routines", "--from", "2026-03-10", "--to", "2026-03-01"}), 2, {"--to"});
  expect_one_line_failure(sc({"routines", "--from", "yesterday"}), 2, {"--from", "yesterday"});
  EXPECT_FALSE(fs::exists(db()));
}

}  // namespace
}  // namespace stridecare::e2e
