// libFuzzer target: the exercise library parser (data/exercises.json is
// edited by hand, like the rule book). Whatever it accepts must keep the
// promises its header makes, because the builders rely on them unchecked.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "planner/exercise_library.hpp"
#include "rules/rule_book.hpp"

namespace {

using stridecare::domain::ExerciseKind;

void check(const stridecare::planner::ExerciseLibrary& lib, const stridecare::rules::RuleBook& book) {
  for (const auto& e : lib.all()) {
    if (lib.find(e.id) != &e) std::abort();
    if (e.cues.size() < 3 || e.cues.size() > 5 || e.mistakes.empty() || e.muscles.empty()) std::abort();
    if (e.kind == ExerciseKind::static_stretch) {
      if (!e.dose.hold_s || *e.dose.hold_s < book.routine.hold_min_s || *e.dose.hold_s > book.routine.hold_max_s)
        std::abort();
    }
    for (const auto& variant : {e.easier, e.no_gym}) {
      if (variant && lib.find(*variant) == nullptr) std::abort();
    }
    if (e.no_gym && stridecare::domain::needs_gym(lib.find(*e.no_gym)->equipment)) std::abort();
  }
  const auto& l = lib.lists();
  for (const auto* list :
       {&l.warmup, &l.warmup_outer, &l.cooldown, &l.cooldown_outer, &l.strength, &l.strength_outer}) {
    for (const auto& id : *list) {
      if (lib.find(id) == nullptr) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& book = stridecare::rules::default_rule_book();
  if (auto lib = stridecare::planner::parse_exercise_library(text, "fuzz.json", book)) check(*lib, book);
  return 0;
}
