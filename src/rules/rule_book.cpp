#include "rules/rule_book.hpp"

#include <stdexcept>

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
  Reader(const json& root, std::string_view source) : root_(root), source_(source) {}

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
    if (!error_)
      error_ = domain::Error{domain::ErrorKind::invalid_input, std::string(source_),
                             fmt::format("{}: {}: {}", source_, path, why)};
  }
  const std::optional<domain::Error>& error() const { return error_; }

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
  std::optional<domain::Error> error_;
};

constexpr int kPainMax = 10;
constexpr int kDaysMax = 365;

}  // namespace

domain::Expected<RuleBook> parse_rule_book(std::string_view json_text, std::string_view source) {
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return domain::invalid(std::string(source), fmt::format("{}: is not a JSON object", source));
  }
  Reader r(root, source);
  RuleBook book;
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
  book.episode.quiet_days_to_end = r.integer("episode", "quiet_days_to_end", 1, kDaysMax);
  book.episode.pain_free_checkin_days_to_end = r.integer("episode", "pain_free_checkin_days_to_end", 1, kDaysMax);
  book.care.ice_last_episode_day = r.integer("care", "ice_last_episode_day", 0, kDaysMax);
  book.care.heat_first_episode_day = r.integer("care", "heat_first_episode_day", 0, kDaysMax);
  if (!r.error() && t.reduce_pain_min > t.stop_running_pain_above) {
    r.note("triage.reduce_pain_min", "must not exceed triage.stop_running_pain_above");
  }
  if (!r.error() && book.care.heat_first_episode_day <= book.care.ice_last_episode_day) {
    r.note("care.heat_first_episode_day", "must come after care.ice_last_episode_day (ice and heat never on one day)");
  }
  for (const auto& [action, name] : domain::EnumNames<Action>::table) {
    book.action_text[action] = r.text("actions", name);
  }
  for (std::string_view id : kCareRuleIds) {
    book.advice[std::string(id)] = r.text("advice", id);
  }
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
