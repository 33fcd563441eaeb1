// The exercise library (data/exercises.json, compiled into the program):
// the built-in one loads and holds what rules.md 4.1 and 4.2 name, and the
// validation rejects each kind of broken entry with an error naming its JSON
// path. Thresholds come from the rule book, never from numbers written here.

#include "planner/exercise_library.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "planner_support.hpp"

namespace stridecare::planner {
namespace {

using domain::Equipment;
using domain::Exercise;
using domain::ExerciseKind;
using domain::Muscle;
using nlohmann::json;
using testing::book;
using testing::lib;

const char* const kShippedFile = STRIDECARE_SOURCE_DIR "/data/exercises.json";

std::string shipped_text() {
  std::ifstream in(kShippedFile);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json shipped_json() { return json::parse(shipped_text()); }

/// The index of `id` in the shipped file's "exercises" array.
std::size_t index_of(const json& root, const std::string& id) {
  const json& list = root.at("exercises");
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].at("id") == id) return i;
  }
  throw std::logic_error("no " + id + " in data/exercises.json");
}

/// The error of parsing `root` (dumped to text) as "test.json"; a failure
/// when it is accepted.
::testing::AssertionResult rejected_naming(const json& root, const std::vector<std::string>& parts,
                                           const rules::RuleBook& rules = book()) {
  const auto parsed = parse_exercise_library(root.dump(), "test.json", rules);
  if (parsed) return ::testing::AssertionFailure() << "accepted";
  const domain::Error& e = parsed.error();
  if (e.kind != domain::ErrorKind::invalid_input) {
    return ::testing::AssertionFailure() << "error kind " << static_cast<int>(e.kind) << ": " << e.message;
  }
  if (e.field != "test.json") return ::testing::AssertionFailure() << "field '" << e.field << "': " << e.message;
  if (e.message.rfind("test.json: ", 0) != 0) {
    return ::testing::AssertionFailure() << "message does not start with the source: " << e.message;
  }
  for (const auto& part : parts) {
    if (e.message.find(part) == std::string::npos) {
      return ::testing::AssertionFailure() << "message lacks \"" << part << "\": " << e.message;
    }
  }
  return ::testing::AssertionSuccess() << e.message;
}

std::string at(std::size_t i) { return "exercises[" + std::to_string(i) + "]"; }

// ---- the built-in library ------------------------------------------------------------

TEST(ExerciseLibrary, BuiltInLibraryLoads) {
  ASSERT_NO_THROW(lib());
  EXPECT_FALSE(lib().all().empty());
  for (const auto& e : lib().all()) EXPECT_EQ(lib().find(e.id), &e) << e.id;
  EXPECT_EQ(lib().find("no_such_exercise"), nullptr);
}

TEST(ExerciseLibrary, ShippedFileParsesToTheBuiltInLibrary) {
  const std::string text = shipped_text();
  ASSERT_FALSE(text.empty()) << "cannot read " << kShippedFile;
  const auto parsed = parse_exercise_library(text, "exercises.json", book());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->all(), lib().all());
  const auto& a = parsed->lists();
  const auto& b = lib().lists();
  EXPECT_EQ(a.warmup, b.warmup);
  EXPECT_EQ(a.warmup_outer, b.warmup_outer);
  EXPECT_EQ(a.cooldown, b.cooldown);
  EXPECT_EQ(a.cooldown_outer, b.cooldown_outer);
  EXPECT_EQ(a.strength, b.strength);
  EXPECT_EQ(a.strength_outer, b.strength_outer);
}

TEST(ExerciseLibrary, IdsAreUniqueAndLowerCaseWithNamesAndMuscles) {
  std::set<std::string> seen;
  for (const auto& e : lib().all()) {
    EXPECT_TRUE(seen.insert(e.id).second) << "duplicate " << e.id;
    EXPECT_FALSE(e.id.empty());
    for (char c : e.id) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << e.id;
    EXPECT_FALSE(e.name.empty()) << e.id;
    EXPECT_FALSE(e.muscles.empty()) << e.id;
  }
}

TEST(ExerciseLibrary, EveryExerciseHasThreeToFiveCuesAndAMistake) {
  for (const auto& e : lib().all()) {
    EXPECT_GE(e.cues.size(), 3u) << e.id;
    EXPECT_LE(e.cues.size(), 5u) << e.id;
    EXPECT_GE(e.mistakes.size(), 1u) << e.id;
    for (const auto& c : e.cues) EXPECT_FALSE(c.empty()) << e.id;
    for (const auto& m : e.mistakes) EXPECT_FALSE(m.empty()) << e.id;
  }
}

TEST(ExerciseLibrary, EveryDoseFitsItsKindAndTheRuleBook) {
  const auto& rt = book().routine;
  const auto& st = book().strength;
  for (const auto& e : lib().all()) {
    const auto& d = e.dose;
    switch (e.kind) {
      case ExerciseKind::dynamic:  // ROUTINE-WARM-1: moving, never held
        EXPECT_NE(d.seconds.has_value(), d.reps.has_value()) << e.id;
        EXPECT_FALSE(d.hold_s || d.repetitions || d.sets) << e.id;
        if (d.seconds) {
          EXPECT_GT(*d.seconds, 0) << e.id;
        }
        if (d.reps) {
          EXPECT_GT(*d.reps, 0) << e.id;
        }
        break;
      case ExerciseKind::static_stretch:  // ROUTINE-COOL-1: hold 20-30 s, 2 per side
        ASSERT_TRUE(d.hold_s && d.repetitions) << e.id;
        EXPECT_FALSE(d.seconds || d.reps || d.sets) << e.id;
        EXPECT_GE(*d.hold_s, rt.hold_min_s) << e.id;
        EXPECT_LE(*d.hold_s, rt.hold_max_s) << e.id;
        EXPECT_EQ(*d.repetitions, rt.hold_repetitions) << e.id;
        EXPECT_EQ(e.sides, domain::Sides::each) << e.id << ": ROUTINE-COOL-1 counts holds per side";
        break;
      case ExerciseKind::strength:  // STRENGTH-DOSE-1: 2-3 sets of 8-12 (or an isometric hold)
        ASSERT_TRUE(d.sets) << e.id;
        EXPECT_NE(d.reps.has_value(), d.hold_s.has_value()) << e.id;
        EXPECT_FALSE(d.seconds || d.repetitions) << e.id;
        EXPECT_GE(*d.sets, st.sets_min) << e.id;
        EXPECT_LE(*d.sets, st.sets_max) << e.id;
        if (d.reps) {
          EXPECT_GE(*d.reps, st.reps_min) << e.id;
          EXPECT_LE(*d.reps, st.reps_max) << e.id;
        }
        if (d.hold_s) {
          EXPECT_GT(*d.hold_s, 0) << e.id;
        }
        break;
    }
  }
}

TEST(ExerciseLibrary, EveryVariantExistsAndHasTheSameKind) {
  int variants = 0;
  for (const auto& e : lib().all()) {
    for (const auto& variant : {e.easier, e.no_gym}) {
      if (!variant) continue;
      ++variants;
      const Exercise* v = lib().find(*variant);
      ASSERT_NE(v, nullptr) << e.id << " -> " << *variant;
      EXPECT_EQ(v->kind, e.kind) << e.id << " -> " << *variant;
      EXPECT_NE(v->id, e.id);
    }
  }
  EXPECT_GT(variants, 0);
}

TEST(ExerciseLibrary, NoGymVariantsNeedNoGymEquipment) {
  for (const auto& e : lib().all()) {
    if (!e.no_gym) continue;
    EXPECT_FALSE(domain::needs_gym(lib().find(*e.no_gym)->equipment)) << e.id << " -> " << *e.no_gym;
  }
}

TEST(ExerciseLibrary, EveryGymExerciseOfTheStrengthListsHasANoGymVariant) {
  const auto& l = lib().lists();
  for (const auto* list : {&l.strength, &l.strength_outer}) {
    for (const auto& id : *list) {
      const Exercise& e = testing::exercise(id);
      if (domain::needs_gym(e.equipment)) {
        EXPECT_TRUE(e.no_gym) << id;
      }
    }
  }
}

TEST(ExerciseLibrary, NoGymSubstitutesAreTheOnesOfStrengthEx1) {
  // STRENGTH-EX-1: leg press -> split squat or step-up; leg extension -> wall sit or Spanish squat.
  const auto& press = testing::exercise("leg_press");
  ASSERT_TRUE(press.no_gym);
  EXPECT_TRUE(*press.no_gym == "split_squat" || *press.no_gym == "step_up") << *press.no_gym;
  const auto& extension = testing::exercise("leg_extension");
  ASSERT_TRUE(extension.no_gym);
  EXPECT_TRUE(*extension.no_gym == "wall_sit" || *extension.no_gym == "spanish_squat") << *extension.no_gym;
  EXPECT_EQ(press.equipment, Equipment::leg_press);
  EXPECT_EQ(extension.equipment, Equipment::leg_extension_machine);
  EXPECT_TRUE(domain::needs_gym(press.equipment));
  EXPECT_TRUE(domain::needs_gym(extension.equipment));
}

TEST(ExerciseLibrary, HoldsTheArticlesWarmUpDrillsInTheWarmUp) {
  // ROUTINE-WARM-1: knee lifts, leg swings (swing kicks), jumping jacks, jogging in place.
  const auto& warmup = lib().lists().warmup;
  for (const char* id : {"knee_lifts", "leg_swings", "jumping_jacks", "jog_in_place"}) {
    const Exercise* e = lib().find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->kind, ExerciseKind::dynamic) << id;
    EXPECT_NE(std::find(warmup.begin(), warmup.end(), id), warmup.end()) << id << " is not in the warm-up";
  }
}

TEST(ExerciseLibrary, HoldsTheArticlesStrengthExercisesInTheStrengthSession) {
  // STRENGTH-EX-1: squats, lunges, (Romanian) deadlifts, good mornings, leg press, leg extensions.
  const auto& strength = lib().lists().strength;
  for (const char* id : {"squat", "lunge", "romanian_deadlift", "good_morning", "leg_press", "leg_extension"}) {
    const Exercise* e = lib().find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->kind, ExerciseKind::strength) << id;
    EXPECT_NE(std::find(strength.begin(), strength.end(), id), strength.end()) << id << " is not in the session";
  }
  // They target quadriceps and hamstrings (and so glutes).
  EXPECT_TRUE(testing::exercise("squat").works(Muscle::quadriceps));
  EXPECT_TRUE(testing::exercise("romanian_deadlift").works(Muscle::hamstrings));
  EXPECT_TRUE(testing::exercise("leg_extension").works(Muscle::quadriceps));
}

TEST(ExerciseLibrary, CoolDownStretchesEveryMuscleGroupOfRoutineCool1) {
  const auto covers = [](const std::vector<std::string>& ids, Muscle m) {
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
      const Exercise& e = testing::exercise(id);
      return e.kind == ExerciseKind::static_stretch && e.works(m);
    });
  };
  const auto& l = lib().lists();
  for (Muscle m : {Muscle::quadriceps, Muscle::hamstrings, Muscle::hip_flexors, Muscle::glutes, Muscle::calves}) {
    EXPECT_TRUE(covers(l.cooldown, m)) << domain::name_of(m);
  }
  // IT band / outer hip only when the outer knee or hip hurts.
  EXPECT_TRUE(covers(l.cooldown_outer, Muscle::it_band_hip_abductors));
  for (const char* id : {"quad_stretch", "hamstring_stretch", "hip_flexor_stretch", "glute_stretch", "calf_stretch",
                         "it_band_stretch"}) {
    const Exercise* e = lib().find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->kind, ExerciseKind::static_stretch) << id;
  }
}

TEST(ExerciseLibrary, RoutineListsNameExercisesOfTheirKind) {
  const auto& l = lib().lists();
  const std::pair<const std::vector<std::string>*, ExerciseKind> lists[] = {
      {&l.warmup, ExerciseKind::dynamic},          {&l.warmup_outer, ExerciseKind::dynamic},
      {&l.cooldown, ExerciseKind::static_stretch}, {&l.cooldown_outer, ExerciseKind::static_stretch},
      {&l.strength, ExerciseKind::strength},       {&l.strength_outer, ExerciseKind::strength}};
  for (const auto& [ids, kind] : lists) {
    for (const auto& id : *ids) {
      const Exercise* e = lib().find(id);
      ASSERT_NE(e, nullptr) << id;
      EXPECT_EQ(e->kind, kind) << id;
    }
  }
  EXPECT_FALSE(l.warmup.empty());
  EXPECT_FALSE(l.cooldown.empty());
  EXPECT_FALSE(l.strength.empty());
  EXPECT_FALSE(l.warmup_outer.empty());
  EXPECT_FALSE(l.cooldown_outer.empty());
}

// ---- validation --------------------------------------------------------------------------

TEST(ExerciseLibraryValidation, AcceptsTheShippedFileUnchanged) {
  const auto parsed = parse_exercise_library(shipped_json().dump(), "test.json", book());
  EXPECT_TRUE(parsed) << parsed.error().message;
}

TEST(ExerciseLibraryValidation, RejectsADuplicateId) {
  json root = shipped_json();
  root["exercises"][2]["id"] = root["exercises"][0]["id"];
  EXPECT_TRUE(rejected_naming(root, {at(2) + ".id", root["exercises"][0]["id"].get<std::string>(), at(0)}));
}

TEST(ExerciseLibraryValidation, RejectsAMissingCueList) {
  json root = shipped_json();
  root["exercises"][3].erase("cues");
  EXPECT_TRUE(rejected_naming(root, {at(3) + ".cues"}));
}

TEST(ExerciseLibraryValidation, RejectsTwoCues) {
  json root = shipped_json();
  auto& cues = root["exercises"][4]["cues"];
  cues = json::array({cues[0], cues[1]});
  EXPECT_TRUE(rejected_naming(root, {at(4) + ".cues"}));
}

TEST(ExerciseLibraryValidation, RejectsSixCues) {
  json root = shipped_json();
  root["exercises"][0]["cues"] = json::array({"a", "b", "c", "d", "e", "f"});
  EXPECT_TRUE(rejected_naming(root, {at(0) + ".cues"}));
}

TEST(ExerciseLibraryValidation, RejectsNoMistakes) {
  json root = shipped_json();
  root["exercises"][1]["mistakes"] = json::array();
  EXPECT_TRUE(rejected_naming(root, {at(1) + ".mistakes"}));
}

TEST(ExerciseLibraryValidation, RejectsAStaticHoldAboveTheRuleBooksRange) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "quad_stretch");
  root["exercises"][i]["dose"]["hold_s"] = book().routine.hold_max_s + 5;  // 35 s with 20-30 s
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose.hold_s", "ROUTINE-COOL-1"}));
}

TEST(ExerciseLibraryValidation, RejectsAStaticHoldBelowTheRuleBooksRange) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "calf_stretch");
  root["exercises"][i]["dose"]["hold_s"] = book().routine.hold_min_s - 1;
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose.hold_s", "ROUTINE-COOL-1"}));
}

TEST(ExerciseLibraryValidation, HoldRangeComesFromTheRuleBook) {
  // The shipped stretches hold up to hold_max_s; a rule book that allows less rejects them.
  rules::RuleBook stricter = book();
  stricter.routine.hold_max_s = book().routine.hold_max_s - 1;
  const json root = shipped_json();
  std::size_t longest = 0;
  int longest_s = 0;
  for (std::size_t i = 0; i < root["exercises"].size(); ++i) {
    const json& e = root["exercises"][i];
    if (e["kind"] == "static" && e["dose"]["hold_s"].get<int>() > longest_s) {
      longest = i;
      longest_s = e["dose"]["hold_s"].get<int>();
    }
  }
  ASSERT_EQ(longest_s, book().routine.hold_max_s);
  EXPECT_TRUE(rejected_naming(root, {at(longest) + ".dose.hold_s", "ROUTINE-COOL-1"}, stricter));
}

TEST(ExerciseLibraryValidation, RejectsADynamicDrillWithAHold) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "knee_lifts");
  root["exercises"][i]["dose"]["hold_s"] = book().routine.hold_min_s;
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose", "no static holds"}));
}

TEST(ExerciseLibraryValidation, RejectsADynamicDrillWithBothSecondsAndReps) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "jog_in_place");
  root["exercises"][i]["dose"]["reps"] = 10;
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose"}));
}

TEST(ExerciseLibraryValidation, RejectsStrengthSetsOutsideStrengthDose1) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "squat");
  root["exercises"][i]["dose"]["sets"] = book().strength.sets_max + 1;
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose.sets", "STRENGTH-DOSE-1"}));
}

TEST(ExerciseLibraryValidation, RejectsStrengthRepsOutsideStrengthDose1) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "lunge");
  root["exercises"][i]["dose"]["reps"] = book().strength.reps_min - 1;
  EXPECT_TRUE(rejected_naming(root, {at(i) + ".dose.reps", "STRENGTH-DOSE-1"}));
}

TEST(ExerciseLibraryValidation, RejectsAnUnknownVariant) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "squat");
  root["exercises"][i]["easier"] = "no_such_exercise";
  EXPECT_TRUE(rejected_naming(root, {at(i), "easier", "no_such_exercise"}));
}

TEST(ExerciseLibraryValidation, RejectsAnUnknownNoGymVariant) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "leg_press");
  root["exercises"][i]["no_gym"] = "home_leg_press";
  EXPECT_TRUE(rejected_naming(root, {at(i), "no_gym", "home_leg_press"}));
}

TEST(ExerciseLibraryValidation, RejectsAVariantOfAnotherKind) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "squat");
  root["exercises"][i]["easier"] = "quad_stretch";
  EXPECT_TRUE(rejected_naming(root, {at(i), "easier", "quad_stretch"}));
}

TEST(ExerciseLibraryValidation, RejectsANoGymVariantThatNeedsALegPress) {
  json root = shipped_json();
  const std::size_t i = index_of(root, "romanian_deadlift");
  root["exercises"][i]["no_gym"] = "leg_press";
  EXPECT_TRUE(rejected_naming(root, {at(i), "no_gym", "leg_press", "gym"}));
}

TEST(ExerciseLibraryValidation, RejectsANoGymVariantWhoseEquipmentBecameALegPress) {
  json root = shipped_json();
  root["exercises"][index_of(root, "split_squat")]["equipment"] = "leg_press";
  EXPECT_TRUE(rejected_naming(root, {at(index_of(root, "leg_press")), "no_gym", "split_squat"}));
}

TEST(ExerciseLibraryValidation, RejectsARoutineListNamingAMissingExercise) {
  json root = shipped_json();
  root["routines"]["warmup"].push_back("cartwheels");
  EXPECT_TRUE(rejected_naming(root, {"routines.warmup", "cartwheels"}));
}

TEST(ExerciseLibraryValidation, RejectsARoutineListNamingAnExerciseOfTheWrongKind) {
  json root = shipped_json();
  root["routines"]["cooldown"].push_back("squat");
  EXPECT_TRUE(rejected_naming(root, {"routines.cooldown", "squat"}));
}

TEST(ExerciseLibraryValidation, RejectsAStaticStretchInTheWarmUp) {
  json root = shipped_json();
  root["routines"]["warmup"].push_back("quad_stretch");
  EXPECT_TRUE(rejected_naming(root, {"routines.warmup", "quad_stretch"}));
}

TEST(ExerciseLibraryValidation, RejectsAnEmptyWarmUp) {
  json root = shipped_json();
  root["routines"]["warmup"] = json::array();
  EXPECT_TRUE(rejected_naming(root, {"routines.warmup"}));
}

TEST(ExerciseLibraryValidation, RejectsAnUnknownKind) {
  json root = shipped_json();
  root["exercises"][0]["kind"] = "plyometric";
  EXPECT_TRUE(rejected_naming(root, {at(0) + ".kind", "plyometric"}));
}

TEST(ExerciseLibraryValidation, RejectsAnUnknownDoseField) {
  json root = shipped_json();
  root["exercises"][0]["dose"]["minutes"] = 1;
  EXPECT_TRUE(rejected_naming(root, {at(0) + ".dose.minutes"}));
}

TEST(ExerciseLibraryValidation, RejectsNonJsonText) {
  for (const char* text : {"", "not json", "{\"exercises\": [", "[1, 2, 3]"}) {
    const auto parsed = parse_exercise_library(text, "test.json", book());
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().kind, domain::ErrorKind::invalid_input) << text;
    EXPECT_NE(parsed.error().message.find("test.json"), std::string::npos) << parsed.error().message;
  }
}

}  // namespace
}  // namespace stridecare::planner
