#include "cli/text_output.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "domain/quantities.hpp"

namespace stridecare::cli {

std::string format_distance(double metres, Units units) {
  return units == Units::imperial ? fmt::format("{:.2f} mi", metres / domain::kMetresPerMile)
                                  : fmt::format("{:.2f} km", metres / domain::kMetresPerKm);
}

std::string describe(const domain::Activity& a, Units units) {
  std::string out = fmt::format("{:>6}  {}  {:<10}", a.id, domain::to_string(a.date), domain::name_of(a.sport));
  if (a.distance_m) out += fmt::format("  {}", format_distance(*a.distance_m, units));
  out += fmt::format("  {}", domain::format_duration(a.duration_s));
  if (a.rpe) out += fmt::format("  RPE {}", *a.rpe);
  for (const auto& e : a.exercises) {
    out += fmt::format("  {} {}x{}", e.exercise, e.sets, e.reps);
    if (e.load_kg) out += fmt::format("@{:g}kg", *e.load_kg);
  }
  if (!a.note.empty()) out += fmt::format("  \"{}\"", a.note);
  return out;
}

std::string describe(const domain::PainCheckin& c) {
  std::string out = fmt::format("{:>6}  {} {:>5}  {:<22} pain {:>2}/10  {}", c.id, domain::to_string(c.date),
                                c.time ? domain::time_of_day_to_string(*c.time) : "",
                                domain::where(c.site, c.side, c.region), c.pain, domain::name_of(c.timing));
  std::string signs;
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
    if (c.has(sign)) signs += fmt::format(" {}", name);
  }
  if (c.persists_after_run) signs += " persists_after_run";
  if (c.cleared_by_clinician) signs += " cleared_by_clinician";
  if (!signs.empty()) out += fmt::format("  [{} ]", signs);
  if (!c.note.empty()) out += fmt::format("  \"{}\"", c.note);
  return out;
}

std::string describe(const domain::Profile& p) {
  std::string days;
  for (unsigned i = 0; i < 7; ++i) {
    if (p.available_days[i])
      days += fmt::format("{}{}", days.empty() ? "" : ",", domain::weekday_name(std::chrono::weekday{(i + 1) % 7}));
  }
  std::string cross;
  for (auto s : p.cross_training) cross += fmt::format("{}{}", cross.empty() ? "" : ",", domain::name_of(s));
  return fmt::format(
      "time zone          {}\navailable days     {}\nlong-run day       {}\ncross-training     {}\ngym access         "
      "{}\n"
      "strength per week  {}\n",
      p.time_zone, days.empty() ? "none" : days, domain::weekday_name(p.long_run_day), cross.empty() ? "none" : cross,
      p.gym_access ? "yes" : "no", p.strength_per_week);
}

std::string describe(const services::TodayReport& r) {
  std::string action(domain::name_of(r.triage.action));
  std::transform(action.begin(), action.end(), action.begin(),
                 [](unsigned char ch) { return ch == '_' ? ' ' : static_cast<char>(std::toupper(ch)); });
  std::string out = fmt::format("{}  {}: {}\n", domain::to_string(r.date), action, r.action_text);
  out += "\nWhy:\n";
  for (const auto& rule : r.triage.rules) out += fmt::format("  {:<17} {}\n", rule.id, rule.why);
  if (!r.warnings.empty()) {
    out += "\nTraining load:\n";
    for (const auto& w : r.warnings) out += describe(w);
  }
  if (!r.care.empty()) {
    out += "\nSelf-care:\n";
    for (const auto& c : r.care) out += fmt::format("  {:<17} {}\n", c.id, c.text);
  }
  out += fmt::format("\n{}\n", r.disclaimer);
  return out;
}

}  // namespace stridecare::cli
