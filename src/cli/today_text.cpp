// The text of `today` and `log pain`: one coherent message a runner reads top to bottom.

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "cli/text_output.hpp"

namespace stridecare::cli {

std::string wrap(std::string_view text, std::string_view first, std::size_t indent, std::size_t width) {
  std::string out(first);
  std::size_t column = first.size();
  bool line_has_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    if (line_has_word && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_has_word = true;
    i = end;
  }
  return out + "\n";
}

namespace {

constexpr std::size_t kDateColumn = 12;
constexpr std::size_t kReasonIndent = 4;

std::string action_heading(rules::Action a) {
  std::string action(domain::name_of(a));
  std::transform(action.begin(), action.end(), action.begin(),
                 [](unsigned char ch) { return ch == '_' ? ' ' : static_cast<char>(std::toupper(ch)); });
  return action;
}

/// `  ID  reason`, continued on lines indented by four.
std::string rule_line(std::string_view id, std::string_view text) {
  return wrap(text, fmt::format("  {}  ", id), kReasonIndent);
}

/// A load warning that a TRIAGE-LOAD-1 reason already cites with its figures.
bool cited(const analytics::LoadWarning& w, const std::vector<rules::FiredRule>& rules) {
  const std::string tag = fmt::format("{} on {}", domain::name_of(w.rule), domain::to_string(w.date));
  return std::any_of(rules.begin(), rules.end(), [&](const rules::FiredRule& r) {
    return r.id == rules::ids::kLoad1 && r.why.find(tag) != std::string::npos;
  });
}

std::string programme_text(const planner::Programme& p, const rules::RuleBook& book) {
  const auto& stage = book.return_to_run.stages[static_cast<std::size_t>(p.stage)];
  std::string out =
      wrap(fmt::format("{} ({} of {} done).", planner::stage_text(p.stage, book.return_to_run), p.done, stage.repeats),
           fmt::format("  {}  ", domain::where(p.site, p.side)), kReasonIndent);
  switch (p.offer) {
    case planner::Offer::session:
      out += wrap(fmt::format("Today: {}. {}", p.offer_note, services::programme_checkin_advice(book)),
                  std::string(kReasonIndent, ' '), kReasonIndent);
      break;
    case planner::Offer::rest_day:
    case planner::Offer::waiting:
    case planner::Offer::done:
      out += wrap(fmt::format("Today: {}.", p.offer_note), std::string(kReasonIndent, ' '), kReasonIndent);
      break;
  }
  return out;
}

}  // namespace

std::string describe(const services::TodayReport& r, const rules::RuleBook& book, TextStyle& style) {
  const bool verbose = style.verbose;
  std::string out;
  for (const auto& due : r.triage.checkin_due) {
    out += wrap(fmt::format("{} Your last check-in was on {}: check in first (stridecare log pain --site {} --side "
                            "{} ...).",
                            services::checkin_question(due), domain::to_string(due.last), domain::name_of(due.site),
                            domain::name_of(due.side)),
                fmt::format("{}  ", rules::ids::kSafeAsk1), kReasonIndent);
  }
  if (!out.empty()) out += "\n";
  out += wrap(fmt::format("{}: {}", action_heading(r.triage.action), r.action_text),
              fmt::format("{}  ", domain::to_string(r.date)), kDateColumn);
  const auto [at_level, also] = rules::split_by_level(r.triage);
  out += "\nWhy:\n";
  for (const auto& rule : at_level) out += rule_line(rule.id, rule.why);
  if (!also.empty()) {
    out += "Also noted:\n";
    for (const auto& rule : also) out += rule_line(rule.id, rule.why);
  }
  if (!r.programmes.empty()) {
    out += "\nReturn to running (PLAN-RTR-1):\n";
    for (const auto& p : r.programmes) out += programme_text(p, book);
  }
  if (!r.sessions.empty()) {
    out += "\nToday's sessions (as in stridecare plan):\n";
    for (const auto& s : r.sessions) out += describe(s, style.units, "  ", kReasonIndent);
  }
  if (!r.session_notes.empty()) {
    out += r.sessions.empty() ? "\nToday (as in stridecare plan): no session\n" : "";
    for (const auto& n : r.session_notes) out += rule_line(n.id, n.why);
  }
  std::string load;
  for (const auto& w : r.warnings) {
    if (!cited(w, r.triage.rules)) {
      load += rule_line(domain::name_of(w.rule), analytics::summary(w, style.units, std::ref(style.glosses)));
    }
  }
  if (!load.empty()) out += "\nTraining load:\n" + load;
  // CARE-RUN-1 repeats the action line, and the evidence note is one reference away unless asked for.
  std::string care;
  for (const auto& c : r.care) {
    if (verbose) {
      care += rule_line(c.id, c.text);
    } else if (c.id != rules::ids::kCareRun1 && c.id != rules::ids::kCareEvid1) {
      care += rule_line(c.id, c.brief);
    }
  }
  if (!care.empty()) out += "\nSelf-care:\n" + care;
  out += "\n" + r.disclaimer + "\n";  // one line, last (rules.md: every screen of care advice ends with it)
  return out;
}

std::string describe(const planner::SafetyWarning& w) { return wrap(w.message, fmt::format("warning {}: ", w.id), 2); }

}  // namespace stridecare::cli
