#include "planner/exercise_library.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace stridecare::planner {

extern const std::string_view kEmbeddedExercises;  // generated from data/exercises.json

namespace {

using domain::ExerciseKind;
using nlohmann::json;

constexpr std::size_t kMinCues = 3;
constexpr std::size_t kMaxCues = 5;
constexpr int kMaxDrillSeconds = 300;
constexpr int kMaxDrillReps = 50;

/// Collects the first error, with its JSON path.
class Checker {
 public:
  explicit Checker(std::string_view source) : source_(source) {}

  void fail(const std::string& path, std::string_view why) {
    if (!error_) {
      error_ = domain::Error{domain::ErrorKind::invalid_input, std::string(source_),
                             fmt::format("{}: {}: {}", source_, path, why)};
    }
  }
  bool ok() const { return !error_; }
  const std::optional<domain::Error>& error() const { return error_; }

  std::string text(const json& obj, const std::string& path, std::string_view key) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      fail(fmt::format("{}.{}", path, key), "must be a non-empty string");
      return {};
    }
    return it->get<std::string>();
  }

  std::vector<std::string> texts(const json& obj, const std::string& path, std::string_view key) {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_array()) {
      fail(fmt::format("{}.{}", path, key), "must be an array of strings");
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
        fail(fmt::format("{}.{}[{}]", path, key, i), "must be a non-empty string");
        return out;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  template <class E>
  E name(const json& obj, const std::string& path, std::string_view key) {
    const std::string t = text(obj, path, key);
    if (!ok()) return E{};
    const auto v = domain::parse_enum<E>(t);
    if (!v) {
      fail(fmt::format("{}.{}", path, key), fmt::format("\"{}\" is not one of {}", t, domain::allowed_names<E>()));
    }
    return v.value_or(E{});
  }

  std::optional<int> count(const json& dose, const std::string& path, std::string_view key) {
    const auto it = dose.find(key);
    if (it == dose.end()) return std::nullopt;
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > kMaxDrillSeconds) {
      fail(fmt::format("{}.{}", path, key), fmt::format("must be a whole number in 1-{}", kMaxDrillSeconds));
      return std::nullopt;
    }
    return static_cast<int>(it->get<long long>());
  }

 private:
  std::string_view source_;
  std::optional<domain::Error> error_;
};

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// The dose must fit the kind and the rule book.
void check_dose(Checker& c, const domain::Exercise& e, const std::string& path, const rules::RuleBook& book) {
  const auto& d = e.dose;
  switch (e.kind) {
    case ExerciseKind::dynamic:
      if (d.seconds.has_value() == d.reps.has_value() || d.hold_s || d.sets || d.repetitions) {
        c.fail(path, "a dynamic drill has either seconds or reps, nothing else (no static holds in a warm-up)");
      } else if (d.reps && *d.reps > kMaxDrillReps) {
        c.fail(path + ".reps", fmt::format("must be at most {}", kMaxDrillReps));
      }
      break;
    case ExerciseKind::static_stretch:
      if (!d.hold_s || !d.repetitions || d.seconds || d.reps || d.sets) {
        c.fail(path, "a static stretch has hold_s and repetitions, nothing else");
      } else if (*d.hold_s < book.routine.hold_min_s || *d.hold_s > book.routine.hold_max_s) {
        c.fail(path + ".hold_s", fmt::format("{} s is outside ROUTINE-COOL-1's {}-{} s", *d.hold_s,
                                             book.routine.hold_min_s, book.routine.hold_max_s));
      }
      break;
    case ExerciseKind::strength:
      if (!d.sets || d.reps.has_value() == d.hold_s.has_value() || d.seconds || d.repetitions) {
        c.fail(path, "a strength exercise has sets and either reps or hold_s");
      } else if (*d.sets < book.strength.sets_min || *d.sets > book.strength.sets_max) {
        c.fail(path + ".sets", fmt::format("{} is outside STRENGTH-DOSE-1's {}-{} sets", *d.sets,
                                           book.strength.sets_min, book.strength.sets_max));
      } else if (d.reps && (*d.reps < book.strength.reps_min || *d.reps > book.strength.reps_max)) {
        c.fail(path + ".reps", fmt::format("{} reps is outside STRENGTH-DOSE-1's {}-{}", *d.reps,
                                           book.strength.reps_min, book.strength.reps_max));
      }
      break;
  }
}

domain::Exercise parse_exercise(Checker& c, const json& j, const std::string& path, const rules::RuleBook& book) {
  domain::Exercise e;
  if (!j.is_object()) {
    c.fail(path, "must be an object");
    return e;
  }
  e.id = c.text(j, path, "id");
  if (c.ok() && !valid_id(e.id)) {
    c.fail(path + ".id", fmt::format("\"{}\" must be lower-case letters, digits and _", e.id));
  }
  e.name = c.text(j, path, "name");
  e.kind = c.name<ExerciseKind>(j, path, "kind");
  for (const auto& m : c.texts(j, path, "muscles")) {
    const auto v = domain::parse_enum<domain::Muscle>(m);
    if (!v) {
      c.fail(path + ".muscles", fmt::format("\"{}\" is not one of {}", m, domain::allowed_names<domain::Muscle>()));
    }
    if (v) e.muscles.push_back(*v);
  }
  if (c.ok() && e.muscles.empty()) c.fail(path + ".muscles", "must name at least one muscle group");
  e.equipment = c.name<domain::Equipment>(j, path, "equipment");
  e.sides = c.name<domain::Sides>(j, path, "sides");
  e.cues = c.texts(j, path, "cues");
  if (c.ok() && (e.cues.size() < kMinCues || e.cues.size() > kMaxCues)) {
    c.fail(path + ".cues", fmt::format("must hold {}-{} cues, not {}", kMinCues, kMaxCues, e.cues.size()));
  }
  e.mistakes = c.texts(j, path, "mistakes");
  if (c.ok() && e.mistakes.empty()) c.fail(path + ".mistakes", "must name at least one common mistake");
  const auto dose = j.find("dose");
  if (dose == j.end() || !dose->is_object()) {
    c.fail(path + ".dose", "must be an object");
  } else {
    for (const auto& [key, value] : dose->items()) {
      if (key != "seconds" && key != "reps" && key != "hold_s" && key != "repetitions" && key != "sets") {
        c.fail(path + ".dose." + key, "is not a dose field (seconds, reps, hold_s, repetitions, sets)");
      }
    }
    e.dose.seconds = c.count(*dose, path + ".dose", "seconds");
    e.dose.reps = c.count(*dose, path + ".dose", "reps");
    e.dose.hold_s = c.count(*dose, path + ".dose", "hold_s");
    e.dose.repetitions = c.count(*dose, path + ".dose", "repetitions");
    e.dose.sets = c.count(*dose, path + ".dose", "sets");
    if (c.ok()) check_dose(c, e, path + ".dose", book);
  }
  for (std::string_view key : {"easier", "no_gym"}) {
    const auto it = j.find(key);
    if (it == j.end()) continue;
    const std::string id = c.text(j, path, key);
    (key == "easier" ? e.easier : e.no_gym) = id;
  }
  return e;
}

RoutineLists parse_lists(Checker& c, const json& root) {
  RoutineLists l;
  const auto r = root.find("routines");
  if (r == root.end() || !r->is_object()) {
    c.fail("routines", "must be an object");
    return l;
  }
  l.warmup = c.texts(*r, "routines", "warmup");
  l.warmup_outer = c.texts(*r, "routines", "warmup_outer");
  l.cooldown = c.texts(*r, "routines", "cooldown");
  l.cooldown_outer = c.texts(*r, "routines", "cooldown_outer");
  l.strength = c.texts(*r, "routines", "strength");
  l.strength_outer = c.texts(*r, "routines", "strength_outer");
  return l;
}

/// Cross-references: variants and routine entries exist, with the right kind.
void check_references(Checker& c, const ExerciseLibrary& lib) {
  for (std::size_t i = 0; i < lib.all().size() && c.ok(); ++i) {
    const auto& e = lib.all()[i];
    const std::string path = fmt::format("exercises[{}] ({})", i, e.id);
    for (const auto& [key, variant] : {std::pair{"easier", e.easier}, std::pair{"no_gym", e.no_gym}}) {
      if (!variant) continue;
      const auto* v = lib.find(*variant);
      if (!v) {
        c.fail(fmt::format("{}.{}", path, key), fmt::format("\"{}\" is not in the library", *variant));
      } else if (v->kind != e.kind || v->id == e.id) {
        c.fail(fmt::format("{}.{}", path, key),
               fmt::format("\"{}\" must be another exercise of the same kind", *variant));
      } else if (std::string_view(key) == "no_gym" && domain::needs_gym(v->equipment)) {
        c.fail(fmt::format("{}.{}", path, key), fmt::format("\"{}\" needs gym equipment", *variant));
      }
    }
  }
  const auto& l = lib.lists();
  const std::pair<const char*, std::pair<const std::vector<std::string>*, ExerciseKind>> lists[] = {
      {"warmup", {&l.warmup, ExerciseKind::dynamic}},
      {"warmup_outer", {&l.warmup_outer, ExerciseKind::dynamic}},
      {"cooldown", {&l.cooldown, ExerciseKind::static_stretch}},
      {"cooldown_outer", {&l.cooldown_outer, ExerciseKind::static_stretch}},
      {"strength", {&l.strength, ExerciseKind::strength}},
      {"strength_outer", {&l.strength_outer, ExerciseKind::strength}}};
  for (const auto& [name, list_kind] : lists) {
    const auto& [ids, kind] = list_kind;
    if (c.ok() && ids->empty() && std::string_view(name).find("outer") == std::string_view::npos) {
      c.fail(fmt::format("routines.{}", name), "must name at least one exercise");
    }
    for (const auto& id : *ids) {
      const auto* e = lib.find(id);
      if (!e) {
        c.fail(fmt::format("routines.{}", name), fmt::format("\"{}\" is not in the library", id));
      } else if (e->kind != kind) {
        c.fail(fmt::format("routines.{}", name),
               fmt::format("\"{}\" is {}, not {}", id, domain::name_of(e->kind), domain::name_of(kind)));
      }
    }
  }
}

}  // namespace

ExerciseLibrary::ExerciseLibrary(std::vector<domain::Exercise> exercises, RoutineLists lists)
    : exercises_(std::move(exercises)), lists_(std::move(lists)) {
  for (std::size_t i = 0; i < exercises_.size(); ++i) by_id_.emplace(exercises_[i].id, i);
}

const domain::Exercise* ExerciseLibrary::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &exercises_[it->second];
}

domain::Expected<ExerciseLibrary> parse_exercise_library(std::string_view json_text, std::string_view source,
                                                         const rules::RuleBook& book) {
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return domain::invalid(std::string(source), fmt::format("{}: is not a JSON object", source));
  }
  Checker c(source);
  const auto list = root.find("exercises");
  std::vector<domain::Exercise> exercises;
  if (list == root.end() || !list->is_array() || list->empty()) {
    c.fail("exercises", "must be a non-empty array");
  } else {
    for (std::size_t i = 0; i < list->size() && c.ok(); ++i) {
      exercises.push_back(parse_exercise(c, (*list)[i], fmt::format("exercises[{}]", i), book));
      for (std::size_t k = 0; k + 1 < exercises.size() && c.ok(); ++k) {
        if (exercises[k].id == exercises.back().id) {
          c.fail(fmt::format("exercises[{}].id", i),
                 fmt::format("\"{}\" is already used by exercises[{}]", exercises[k].id, k));
        }
      }
    }
  }
  RoutineLists lists = parse_lists(c, root);
  if (!c.ok()) return std::unexpected(*c.error());
  ExerciseLibrary lib(std::move(exercises), std::move(lists));
  check_references(c, lib);
  if (!c.ok()) return std::unexpected(*c.error());
  return lib;
}

const ExerciseLibrary& default_exercise_library() {
  static const ExerciseLibrary lib = [] {
    auto parsed = parse_exercise_library(kEmbeddedExercises, "exercises.json (built in)", rules::default_rule_book());
    // The built-in file is checked by the tests; failing here is a build defect.
    if (!parsed) throw std::logic_error(parsed.error().message);
    return std::move(*parsed);
  }();
  return lib;
}

}  // namespace stridecare::planner
