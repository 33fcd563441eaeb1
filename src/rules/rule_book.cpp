#include "rules/rule_book.hpp"

#include <optional>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rules/rule_ids.hpp"

namespace stridecare::rules {

extern const std::string_view kEmbeddedRuleBook;  // generated from data/rules.json

namespace {

using nlohmann::json;

/// Reads typed values out of the JSON tree, remembering the first error with
/// the full key path, so one bad file gets one precise message.
class Reader {
 public:
  Reader(const json& root, std::string_view source, std::map<std::string, double, std::less<>>& numbers)
      : root_(root), source_(source), numbers_(numbers) {}

  const json* node(std::string_view section, std::string_view key) {
    const auto s = root_.find(section);
    if (s == root_.end() || !s->is_object()) {
      note(std::string(section), "missing section");
      return nullptr;
    }
    const auto k = s->find(key);
    if (k == s->end()) {
      note(fmt::format("{}.{}", section, key), "missing");
      return nullptr;
    }
    return &*k;
  }

  int integer(std::string_view section, std::string_view key, int min, int max) {
    const json* n = node(section, key);
    if (!n) return 0;
    if (!n->is_number_integer()) {
      note(fmt::format("{}.{}", section, key), "must be an integer");
      return 0;
    }
    const auto v = n->get<long long>();
    if (v < min || v > max) {
      note(fmt::format("{}.{}", section, key), fmt::format("{} is out of range {}-{}", v, min, max));
      return 0;
    }
    record(fmt::format("{}.{}", section, key), static_cast<double>(v));
    return static_cast<int>(v);
  }

  double number(std::string_view section, std::string_view key, double min, double max) {
    const json* n = node(section, key);
    if (!n) return 0;
    if (!n->is_number()) {
      note(fmt::format("{}.{}", section, key), "must be a number");
      return 0;
    }
    const auto v = n->get<double>();
    if (!(v >= min && v <= max)) {
      note(fmt::format("{}.{}", section, key), fmt::format("{} is out of range {}-{}", v, min, max));
      return 0;
    }
    record(fmt::format("{}.{}", section, key), v);
    return v;
  }

  std::string text(std::string_view section, std::string_view key) {
    const json* n = section.empty() ? find_top(key) : node(section, key);
    if (!n) return {};
    if (!n->is_string() || n->get_ref<const std::string&>().empty()) {
      note(section.empty() ? std::string(key) : fmt::format("{}.{}", section, key), "must be a non-empty string");
      return {};
    }
    return n->get<std::string>();
  }

  void note(const std::string& path, std::string_view why) {
    if (!error_) {
      error_ = domain::Error{domain::ErrorKind::invalid_input, std::string(source_),
                             fmt::format("{}: {}: {}", source_, path, why)};
    }
  }
  const std::optional<domain::Error>& error() const { return error_; }
  void record(std::string path, double value) { numbers_.insert_or_assign(std::move(path), value); }

 private:
  const json* find_top(std::string_view key) {
    const auto k = root_.find(key);
    if (k == root_.end()) {
      note(std::string(key), "missing");
      return nullptr;
    }
    return &*k;
  }

  const json& root_;
  std::string_view source_;
  std::map<std::string, double, std::less<>>& numbers_;
  std::optional<domain::Error> error_;
};

constexpr int kPainMax = 10;
constexpr int kDaysMax = 365;
constexpr double kRatioMax = 100;
constexpr int kSecondsMax = 3600;
constexpr int kWeeksMax = 52;
constexpr int kDaysPerWeek = 7;
constexpr int kMinutesPerDay = 1440;
constexpr double kRunKmMax = 100;
constexpr double kMetMax = 25;
constexpr int kCountMax = 100;
constexpr double kImpactMax = 10;

/// A [x, y] pair of numbers, or nullopt (with the error noted).
std::optional<std::pair<double, double>> number_pair(Reader& r, const json& n, const std::string& path) {
  if (!n.is_array() || n.size() != 2 || !n[0].is_number() || !n[1].is_number()) {
    r.note(path, "must be a pair of numbers [fraction of HRmax, RPE]");
    return std::nullopt;
  }
  return std::pair{n[0].get<double>(), n[1].get<double>()};
}

/// The `plan` section (rules.md 4.3).
PlanThresholds parse_plan(Reader& r) {
  PlanThresholds p;
  p.mean_weeks = r.integer("plan", "mean_weeks", 1, kWeeksMax);
  p.longest_run_days = r.integer("plan", "longest_run_days", 1, kDaysMax);
  p.grad_week_max = r.number("plan", "grad_week_max", 1, kRatioMax);
  p.grad_run_max = r.number("plan", "grad_run_max", 1, kRatioMax);
  p.cut_week = r.number("plan", "cut_week", 0, 1);
  p.cut_run_max = r.number("plan", "cut_run_max", 0, 1);
  p.rest_days_min = r.integer("plan", "rest_days_min", 1, kDaysPerWeek - 1);
  p.long_run_share = r.number("plan", "long_run_share", 0, 1);
  p.start_runs_per_week = r.integer("plan", "start_runs_per_week", 1, kDaysPerWeek - 1);
  p.start_run_min = r.integer("plan", "start_run_min", 1, kMinutesPerDay);
  p.default_easy_pace_s_per_km = r.integer("plan", "default_easy_pace_s_per_km", 1, kSecondsMax);
  p.min_run_km = r.number("plan", "min_run_km", 0, kRunKmMax);
  return p;
}

/// A list of low-impact sports at `path`: names of sports other than run, strength and other.
std::vector<domain::Sport> sport_list(Reader& r, const json* list, const std::string& path) {
  std::vector<domain::Sport> out;
  if (!list) return out;
  if (!list->is_array() || list->empty()) {
    r.note(path, "must be a non-empty list of sports");
    return out;
  }
  for (const json& item : *list) {
    const auto sport = item.is_string() ? domain::parse_enum<domain::Sport>(item.get<std::string>()) : std::nullopt;
    if (!sport || domain::kind_of(*sport) != domain::ActivityKind::cross || *sport == domain::Sport::other) {
      r.note(path, "must name low-impact sports: swim, walk, cycle, elliptical, row");
      return {};
    }
    out.push_back(*sport);
  }
  return out;
}

/// The `cross` section (rules.md 4.4).
CrossThresholds parse_cross(Reader& r) {
  CrossThresholds c;
  if (const json* met = r.node("cross", "met"); met) {
    for (const auto& [sport, name] : domain::EnumNames<domain::Sport>::table) {
      if (sport == domain::Sport::strength || sport == domain::Sport::other) continue;
      const std::string path = fmt::format("cross.met.{}", name);
      const auto v = met->is_object() ? met->find(name) : met->end();
      if (!met->is_object() || v == met->end()) {
        r.note(path, "missing");
      } else if (!v->is_number() || !(v->get<double>() >= 1) || v->get<double>() > kMetMax) {
        r.note(path, fmt::format("must be a number in 1-{}", kMetMax));
      } else {
        c.met[static_cast<std::size_t>(sport)] = v->get<double>();
        r.record(path, v->get<double>());
      }
    }
  }
  c.max_session_min = r.integer("cross", "max_session_min", 1, kMinutesPerDay);
  c.min_session_min = r.integer("cross", "min_session_min", 1, kMinutesPerDay);
  c.split_session_min = r.integer("cross", "split_session_min", 1, kMinutesPerDay);
  if (!r.error() && c.split_session_min > c.max_session_min) {
    r.note("cross.split_session_min", "must not exceed cross.max_session_min");
  }
  if (!r.error() && c.min_session_min > c.max_session_min) {
    r.note("cross.min_session_min", "must not exceed cross.max_session_min");
  }
  if (const json* prefer = r.node("cross", "prefer"); prefer) {
    const auto list = [&](const char* site) -> const json* {
      if (!prefer->is_object() || !prefer->contains(site)) {
        r.note(fmt::format("cross.prefer.{}", site), "missing");
        return nullptr;
      }
      return &(*prefer)[site];
    };
    c.prefer_knee = sport_list(r, list("knee"), "cross.prefer.knee");
    c.prefer_hip = sport_list(r, list("hip"), "cross.prefer.hip");
    c.prefer_none = sport_list(r, list("none"), "cross.prefer.none");
  }
  return c;
}

/// The `load` and `load_evidence` sections (rules.md section 3).
domain::LoadParameters parse_load(Reader& r) {
  domain::LoadParameters p;
  p.default_rpe = r.number("load", "default_rpe", 0, kPainMax);
  if (const json* f = r.node("load", "impact_factor"); f) {
    for (const auto& [sport, name] : domain::EnumNames<domain::Sport>::table) {
      const std::string path = fmt::format("load.impact_factor.{}", name);
      const auto v = f->find(name);
      if (!f->is_object() || v == f->end()) {
        r.note(path, "missing");
      } else if (!v->is_number() || v->get<double>() < 0 || v->get<double>() > kImpactMax) {
        r.note(path, fmt::format("must be a number in 0-{}", kImpactMax));
      } else {
        p.impact_factor[static_cast<std::size_t>(sport)] = v->get<double>();
        r.record(path, v->get<double>());
      }
    }
  }
  if (const json* points = r.node("load", "rpe_from_heart_rate"); points) {
    if (!points->is_array() || points->size() < 2) r.note("load.rpe_from_heart_rate", "must hold at least two points");
    for (std::size_t i = 0; points->is_array() && i < points->size(); ++i) {
      const std::string path = fmt::format("load.rpe_from_heart_rate[{}]", i);
      const auto point = number_pair(r, (*points)[i], path);
      if (!point) break;
      const bool increasing = p.rpe_from_hr.empty() || (point->first > p.rpe_from_hr.back().first &&
                                                        point->second >= p.rpe_from_hr.back().second);
      if (point->first <= 0 || point->second < 0 || point->second > kPainMax || !increasing) {
        r.note(path, "fractions must increase from above 0, RPE must not decrease and stay in 0-10");
        break;
      }
      p.rpe_from_hr.push_back(*point);
    }
  }
  p.acute_days = r.integer("load", "acute_days", 1, kDaysMax);
  p.chronic_days = r.integer("load", "chronic_days", 1, kDaysMax);
  p.min_history_days = r.integer("load", "min_history_days", 1, kDaysMax);
  p.spike_window_days = r.integer("load", "spike_window_days", 1, kDaysMax);
  if (const json* bands = r.node("load", "spike_bands"); bands) {
    if (!bands->is_array() || bands->empty()) r.note("load.spike_bands", "must be a non-empty array");
    for (std::size_t i = 0; bands->is_array() && i < bands->size(); ++i) {
      const json& b = (*bands)[i];
      const std::string path = fmt::format("load.spike_bands[{}]", i);
      if (!b.is_object() || !b.contains("name") || !b["name"].is_string() || !b.contains("above") ||
          !b["above"].is_number() || !b.contains("hazard_ratio") || !b["hazard_ratio"].is_number()) {
        r.note(path, "must be {\"name\": text, \"above\": number, \"hazard_ratio\": number}");
        break;
      }
      domain::SpikeBand band{b["name"].get<std::string>(), b["above"].get<double>(), b["hazard_ratio"].get<double>()};
      if (band.above < 1 || band.above > kRatioMax ||
          (!p.spike_bands.empty() && band.above <= p.spike_bands.back().above)) {
        r.note(path, "above must be at least 1 and increase from band to band");
        break;
      }
      r.record(path + ".above", band.above);
      r.record(path + ".hazard_ratio", band.hazard_ratio);
      p.spike_bands.push_back(std::move(band));
    }
  }
  p.week_change_above = r.number("load", "week_change_above", 0, kRatioMax);
  p.two_week_change_above = r.number("load", "two_week_change_above", 0, kRatioMax);
  p.acwr_elevated_min = r.number("load", "acwr_elevated_min", 0, kRatioMax);
  p.acwr_high_above = r.number("load", "acwr_high_above", 0, kRatioMax);
  p.monotony_days = r.integer("load", "monotony_days", 2, kDaysMax);
  p.monotony_above = r.number("load", "monotony_above", 0, kRatioMax);
  p.monotony_sd_floor = r.number("load", "monotony_sd_floor", 1e-12, 1);
  p.monotony_min_sessions = r.integer("load", "monotony_min_sessions", 1, kDaysMax);
  p.insight_min_episodes = r.integer("load", "insight_min_episodes", 1, kDaysMax);
  if (!r.error() && p.acwr_high_above < p.acwr_elevated_min) {
    r.note("load.acwr_high_above", "must not be below load.acwr_elevated_min");
  }
  if (!r.error() && p.acute_days >= p.chronic_days) r.note("load.acute_days", "must be shorter than load.chronic_days");
  for (const auto& [rule, id] : domain::EnumNames<domain::LoadRule>::table) {
    p.evidence[rule] = r.text("load_evidence", id);
  }
  return p;
}

constexpr int kMinutesMax = 600;

/// The `return_to_run` section (PLAN-RTR-1).
ReturnToRunThresholds parse_return_to_run(Reader& r) {
  ReturnToRunThresholds rt;
  if (const json* stages = r.node("return_to_run", "stages"); stages) {
    if (!stages->is_array() || stages->size() < 2) r.note("return_to_run.stages", "must hold at least two stages");
    for (std::size_t i = 0; stages->is_array() && i < stages->size(); ++i) {
      const json& st = (*stages)[i];
      const std::string path = fmt::format("return_to_run.stages[{}]", i);
      ReturnToRunStage stage;
      const std::pair<const char*, int*> fields[] = {{"intervals", &stage.intervals},
                                                     {"walk_min", &stage.walk_min},
                                                     {"run_min", &stage.run_min},
                                                     {"repeats", &stage.repeats}};
      bool ok = st.is_object();
      for (const auto& [name, out] : fields) {
        const auto v = ok ? st.find(name) : st.end();
        if (!ok || v == st.end() || !v->is_number_integer() || v->get<long long>() < 0 ||
            v->get<long long>() > kMinutesMax) {
          r.note(fmt::format("{}.{}", path, name), fmt::format("must be an integer in 0-{}", kMinutesMax));
          ok = false;
          break;
        }
        *out = v->get<int>();
      }
      if (!ok) break;
      if (stage.intervals < 1 || stage.repeats < 1 || stage.minutes() < 1) {
        r.note(path, "needs at least one interval, one repeat and one minute");
        break;
      }
      if (i == 0 && !stage.walk_only()) {
        r.note(path, "stage 0 is the walk: run_min must be 0");
        break;
      }
      if (i > 0 && stage.walk_only()) {
        r.note(path, "stages after the walk must hold running: run_min above 0");
        break;
      }
      rt.stages.push_back(stage);
    }
  }
  rt.session_pain_max = r.integer("return_to_run", "session_pain_max", 0, kPainMax);
  rt.next_morning_pain_max = r.integer("return_to_run", "next_morning_pain_max", 0, kPainMax);
  rt.step_back_pain_above = r.integer("return_to_run", "step_back_pain_above", 0, kPainMax);
  rt.rest_days_between_runs = r.integer("return_to_run", "rest_days_between_runs", 0, kDaysMax);
  rt.longer_than_session_tolerance = r.number("return_to_run", "longer_than_session_tolerance", 0, 1);
  return rt;
}

}  // namespace

domain::Expected<RuleBook> parse_rule_book(std::string_view json_text, std::string_view source) {
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return domain::invalid(std::string(source), fmt::format("{}: is not a JSON object", source));
  }
  RuleBook book;
  Reader r(root, source, book.numbers);
  auto& t = book.triage;
  t.window_days = r.integer("triage", "window_days", 1, kDaysMax);
  t.severe_pain_min = r.integer("triage", "severe_pain_min", 1, kPainMax);
  t.at_rest_after_run_pain_min = r.integer("triage", "at_rest_after_run_pain_min", 1, kPainMax);
  t.persist_min_episode_days = r.integer("triage", "persist_min_episode_days", 1, kDaysMax);
  t.stop_running_pain_above = r.integer("triage", "stop_running_pain_above", 0, kPainMax);
  t.reduce_pain_min = r.integer("triage", "reduce_pain_min", 1, kPainMax);
  t.next_morning_pain_above = r.integer("triage", "next_morning_pain_above", 0, kPainMax);
  t.worsening_mean_increase = r.number("triage", "worsening_mean_increase", 0.0, kPainMax);
  t.load_warning_lead_days = r.integer("triage", "load_warning_lead_days", 0, kDaysMax);
  t.red_flag_clear_pain_max = r.integer("triage", "red_flag_clear_pain_max", 0, kPainMax);
  t.sign_free_days_to_clear = r.integer("triage", "sign_free_days_to_clear", 1, kDaysMax);
  t.stop_ends_pain_max = r.integer("triage", "stop_ends_pain_max", 0, kPainMax);
  t.very_severe_pain_min = r.integer("triage", "very_severe_pain_min", 1, kPainMax);
  t.groin_rest_pain_min = r.integer("triage", "groin_rest_pain_min", 1, kPainMax);
  t.checkin_due_after_days = r.integer("triage", "checkin_due_after_days", 1, kDaysMax);
  book.episode.quiet_days_to_end = r.integer("episode", "quiet_days_to_end", 1, kDaysMax);
  book.episode.pain_free_checkin_days_to_end = r.integer("episode", "pain_free_checkin_days_to_end", 1, kDaysMax);
  book.care.ice_last_episode_day = r.integer("care", "ice_last_episode_day", 0, kDaysMax);
  book.care.heat_first_episode_day = r.integer("care", "heat_first_episode_day", 0, kDaysMax);
  if (!r.error() && t.reduce_pain_min > t.stop_running_pain_above) {
    r.note("triage.reduce_pain_min", "must not exceed triage.stop_running_pain_above");
  }
  if (!r.error() && t.stop_ends_pain_max > t.stop_running_pain_above) {
    r.note("triage.stop_ends_pain_max", "must not exceed triage.stop_running_pain_above");
  }
  if (!r.error() && t.very_severe_pain_min < t.severe_pain_min) {
    r.note("triage.very_severe_pain_min", "must not be below triage.severe_pain_min");
  }
  if (!r.error() && book.care.heat_first_episode_day <= book.care.ice_last_episode_day) {
    r.note("care.heat_first_episode_day", "must come after care.ice_last_episode_day (ice and heat never on one day)");
  }
  for (const auto& [action, name] : domain::EnumNames<Action>::table) {
    book.action_text[action] = r.text("actions", name);
  }
  book.continue_pain_free_text = r.text("action_variants", "continue_pain_free");
  book.return_to_run_text = r.text("action_variants", "reduce_return_to_run");
  for (std::string_view id : kCareRuleIds) {
    book.advice[std::string(id)] = r.text("advice", id);
    book.advice_brief[std::string(id)] = r.text("advice_brief", id);
  }
  book.heat_withheld_text = r.text("advice_variants", "heat_withheld");
  book.run_stop_text = r.text("advice_variants", "run_stop");
  book.run_return_text = r.text("advice_variants", "run_return");
  book.return_to_run = parse_return_to_run(r);
  book.load = parse_load(r);
  auto& rt = book.routine;
  rt.warmup_min_s = r.integer("routine", "warmup_min_s", 1, kSecondsMax);
  rt.warmup_max_s = r.integer("routine", "warmup_max_s", 1, kSecondsMax);
  rt.seconds_per_rep = r.integer("routine", "seconds_per_rep", 1, kSecondsMax);
  rt.hold_min_s = r.integer("routine", "hold_min_s", 1, kSecondsMax);
  rt.hold_max_s = r.integer("routine", "hold_max_s", 1, kSecondsMax);
  rt.hold_repetitions = r.integer("routine", "hold_repetitions", 1, kCountMax);
  if (!r.error() && rt.warmup_max_s < rt.warmup_min_s) r.note("routine.warmup_max_s", "must not be below warmup_min_s");
  if (!r.error() && rt.hold_max_s < rt.hold_min_s) r.note("routine.hold_max_s", "must not be below hold_min_s");
  auto& st = book.strength;
  st.sessions_min = r.integer("strength", "sessions_min", 1, kCountMax);
  st.sessions_max = r.integer("strength", "sessions_max", 1, kCountMax);
  st.new_athlete_weeks = r.integer("strength", "new_athlete_weeks", 0, kDaysMax);
  st.rest_hours = r.integer("strength", "rest_hours", 0, kDaysMax);
  st.sets_min = r.integer("strength", "sets_min", 1, kCountMax);
  st.sets_max = r.integer("strength", "sets_max", 1, kCountMax);
  st.reps_min = r.integer("strength", "reps_min", 1, kCountMax);
  st.reps_max = r.integer("strength", "reps_max", 1, kCountMax);
  st.progress_load_fraction = r.number("strength", "progress_load_fraction", 0, 1);
  st.progress_pain_max = r.integer("strength", "progress_pain_max", 0, kPainMax);
  st.pain_swap_above = r.integer("strength", "pain_swap_above", 0, kPainMax);
  if (!r.error() && (st.sessions_max < st.sessions_min || st.sets_max < st.sets_min || st.reps_max < st.reps_min)) {
    r.note("strength", "each *_max must not be below its *_min");
  }
  book.safe.cross_strength_pain_max = r.integer("safe", "cross_strength_pain_max", 0, kPainMax);
  book.plan = parse_plan(r);
  book.cross = parse_cross(r);
  book.disclaimer = r.text("", "disclaimer");
  if (r.error()) return std::unexpected(*r.error());
  return book;
}

std::string_view default_rule_book_text() { return kEmbeddedRuleBook; }

const RuleBook& default_rule_book() {
  static const RuleBook book = [] {
    auto parsed = parse_rule_book(kEmbeddedRuleBook, "rules.json (built in)");
    // The built-in file is checked by the tests; failing here is a build defect.
    if (!parsed) throw std::logic_error(parsed.error().message);
    return *parsed;
  }();
  return book;
}

}  // namespace stridecare::rules
