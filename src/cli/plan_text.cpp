// The text of `plan` and of `today`'s sessions: each day's sessions with their dose, their warm-up and
// cool-down, and the rule behind every choice, so a runner can follow the week without looking anything up.

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cli/text_output.hpp"

namespace stridecare::cli {
namespace {

constexpr std::size_t kDayColumn = 16;     // "Tue 2026-03-17  "
constexpr std::size_t kDetailIndent = 18;  // under the session's title
constexpr std::size_t kRuleIndent = 4;

std::string day_label(domain::Date d) {
  std::string name(domain::weekday_name(std::chrono::weekday{d}));
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return fmt::format("{} {}", name, domain::to_string(d));
}

std::string rules_of(const planner::Routine& r) {
  std::string ids;
  for (const auto& id : r.rules) ids += (ids.empty() ? "" : ", ") + id;
  return ids;
}

/// What a week's text has already said in full: said again, it is referred to.
struct Said {
  std::vector<std::string> lines;

  /// True the first time `line` is said.
  bool first(const std::string& line) {
    if (std::ranges::find(lines, line) != lines.end()) return false;
    lines.push_back(line);
    return true;
  }
};

std::string session_text(const planner::PlannedSession& s, Units units, std::string_view first, std::size_t indent,
                         Said& said) {
  std::string out = wrap(services::session_headline(s), first, indent);
  const std::string pad(indent, ' ');
  if (s.condition) out += wrap(services::condition_text(*s.condition), pad + "  ", indent + 2);
  const auto routine = [&](std::string_view what, const planner::Routine& r) {
    const std::string text = fmt::format("{} {}", what, services::routine_summary(r));
    out += wrap(said.first(text) ? fmt::format("{} ({})", text, rules_of(r))
                                 : fmt::format("{} as above ({})", what, rules_of(r)),
                pad + "  ", indent + 4);
  };
  if (s.warmup) routine("Before: warm-up", *s.warmup);
  if (s.strength) {
    const std::string text = services::strength_summary(*s.strength, units);
    if (said.first(text)) {
      out += wrap(fmt::format("{}; {} ({})", text, s.effort, rules_of(*s.strength)), pad + "  ", indent + 4);
      for (const auto& note : s.strength->notes) out += wrap(note, pad + "    ", indent + 4);
    } else {
      out +=
          wrap(fmt::format("The exercises as above; {} ({})", s.effort, rules_of(*s.strength)), pad + "  ", indent + 4);
    }
  }
  if (s.cooldown) routine("After: cool-down", *s.cooldown);
  std::string again;
  for (const auto& r : s.rules) {
    if (said.first(r.id + r.why)) {
      out += wrap(r.why, fmt::format("{}  {}  ", pad, r.id), indent + kRuleIndent);
    } else {
      again += (again.empty() ? "" : ", ") + r.id;
    }
  }
  if (!again.empty()) out += wrap(fmt::format("{} as above", again), pad + "  ", indent + kRuleIndent);
  return out;
}

}  // namespace

std::string describe(const planner::PlannedSession& s, Units units, std::string_view first, std::size_t indent) {
  Said said;
  return session_text(s, units, first, indent, said);
}

std::string describe(const services::PlanReport& r, TextStyle& style) {
  const auto& p = r.plan;
  std::string out;
  std::string action(domain::name_of(p.action));
  std::ranges::transform(action, action.begin(),
                         [](unsigned char ch) { return ch == '_' ? ' ' : static_cast<char>(std::toupper(ch)); });
  if (p.first) out += wrap(*p.first, "FIRST: ", kRuleIndent) + "\n";
  out += wrap(
      fmt::format("{}: {}", action, r.action_text),
      fmt::format("Plan {} to {}  ", domain::to_string(p.days.front().date), domain::to_string(p.days.back().date)),
      kRuleIndent);
  if (!r.action_rules.empty()) {
    out += "Why:\n";
    for (const auto& f : r.action_rules) out += wrap(f.why, fmt::format("  {}  ", f.id), kRuleIndent);
  }
  Said said;
  if (!p.rules.empty()) {
    out += "This week:\n";
    for (const auto& w : p.rules) {
      said.first(w.id + w.why);
      out += wrap(w.why, fmt::format("  {}  ", w.id), kRuleIndent);
    }
  }
  out += "\n";
  for (const auto& d : p.days) {
    const std::string label = fmt::format("{:<{}}", day_label(d.date), kDayColumn);
    if (d.sessions.empty()) {
      const auto why = services::rest_reason(p, d);
      out += wrap(fmt::format("Rest ({}: {})", why.id, why.why), label, kDetailIndent);
      continue;
    }
    for (std::size_t i = 0; i < d.sessions.size(); ++i) {
      out += session_text(d.sessions[i], style.units, i == 0 ? label : std::string(kDayColumn, ' '), kDayColumn, said);
    }
    for (const auto& n : d.notes) {
      out += wrap(n.why, fmt::format("{}  {}  ", std::string(kDayColumn, ' '), n.id), kDetailIndent);
    }
  }
  if (!r.changes.empty()) {
    out += "\nChanged since the plan you last saw:\n";
    for (const auto& c : r.changes) {
      out += wrap(fmt::format("{} -> {}", c.was, c.now), fmt::format("  {}  ", day_label(c.date)), kDetailIndent);
      out += wrap("because " + c.why, std::string(kDetailIndent, ' '), kDetailIndent);
    }
  }
  out += "\n" + r.disclaimer + "\n";
  return out;
}

}  // namespace stridecare::cli
