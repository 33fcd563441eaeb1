#pragma once
/// The exercise library (`data/exercises.json`, compiled into the program):
/// every exercise with its cues, mistakes, dose and variants, and which
/// exercises each routine uses. Parsed and checked once; read-only after.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/exercise.hpp"
#include "rules/rule_book.hpp"

namespace stridecare::planner {

/// Which exercises each routine is built from, in order.
struct RoutineLists {
  std::vector<std::string> warmup;
  std::vector<std::string> warmup_outer;  ///< added for an outer knee or outer hip
  std::vector<std::string> cooldown;
  std::vector<std::string> cooldown_outer;
  std::vector<std::string> strength;
  std::vector<std::string> strength_outer;
};

class ExerciseLibrary {
 public:
  ExerciseLibrary() = default;
  ExerciseLibrary(std::vector<domain::Exercise> exercises, RoutineLists lists);

  const std::vector<domain::Exercise>& all() const { return exercises_; }
  /// The exercise with this id, or nullptr.
  const domain::Exercise* find(std::string_view id) const;
  const RoutineLists& lists() const { return lists_; }

 private:
  std::vector<domain::Exercise> exercises_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  RoutineLists lists_;
};

/// Parses and checks a library: ids unique and [a-z0-9_]; every field of its
/// kind present; 3-5 cues and at least one mistake; a dose that fits the
/// kind (static holds within the rule book's ROUTINE-COOL-1 range, strength
/// within STRENGTH-DOSE-1); every variant and routine entry an existing
/// exercise of the right kind; no-gym variants without gym equipment.
/// `source` names the file in errors ("exercises.json: exercises[3].cues: ...").
domain::Expected<ExerciseLibrary> parse_exercise_library(std::string_view json_text, std::string_view source,
                                                         const rules::RuleBook& book);

/// The library compiled into the program from data/exercises.json, checked
/// against the built-in rule book.
const ExerciseLibrary& default_exercise_library();

}  // namespace stridecare::planner
