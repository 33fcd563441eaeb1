// `explain TERM|RULE-ID`: the glossary's full explanation with its source;
// `explain` alone lists what can be explained.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "services/explain.hpp"

namespace stridecare::cli {

namespace {

constexpr std::size_t kWidth = 78;  // fits an 80-column terminal with the indent

/// `text` broken into lines of at most kWidth characters at spaces, each
/// starting with `indent`.
std::string wrapped(std::string_view text, std::string_view indent) {
  std::string out;
  std::string line(indent);
  std::size_t at = 0;
  while (at < text.size()) {
    const auto space = text.find(' ', at);
    const std::string_view word = text.substr(at, space == std::string_view::npos ? text.npos : space - at);
    if (line.size() > indent.size() && line.size() + 1 + word.size() > kWidth) {
      out += line + "\n";
      line = indent;
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
    at = space == std::string_view::npos ? text.size() : space + 1;
  }
  if (line.size() > indent.size()) out += line + "\n";
  return out;
}

std::string describe(const services::Explanation& e) {
  std::string out = fmt::format("{}: {}\n\n", e.id, e.title);
  out += wrapped(fmt::format("In short: {}.", e.short_text), "");
  out += "\n" + wrapped(e.text, "");
  out += "\n" + wrapped(fmt::format("Source: {}.", e.source), "");
  return out;
}

std::string describe(const std::vector<services::Explanation>& all) {
  std::string out = "Terms (stridecare explain TERM):\n";
  bool rules_started = false;
  for (const auto& e : all) {
    if (e.is_rule && !rules_started) {
      out += "\nRules (stridecare explain RULE-ID):\n";
      rules_started = true;
    }
    out += fmt::format("  {:<24} {}\n", e.id, e.short_text);
  }
  return out;
}

}  // namespace

void add_explain_command(CLI::App& app, CliContext& ctx, Runner& run) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("explain",
                                 "Explain a term (ACWR, monotony, RPE...) or a rule ID in plain words, with its "
                                 "source; alone, list what can be explained");
  cmd->add_option("TERM", *words, "A term, alias or rule ID, any case (e.g. ACWR, \"hazard ratio\", TRIAGE-RF-7)");
  cmd->callback([&ctx, &run, words] {
    run = [&ctx, words] {
      ctx.check_globals();
      const rules::RuleBook& book = ctx.rule_book();
      if (words->empty()) {
        const auto all = services::explainable(book);
        if (ctx.json()) {
          print(services::document_text(services::to_json(std::span(all))));
        } else {
          print(describe(all));
        }
        return;
      }
      std::string term;
      for (const auto& w : *words) term += (term.empty() ? "" : " ") + w;
      const auto e = value_or_fail(services::explain(term, book));
      print(ctx.json() ? services::document_text(services::to_json(e)) : describe(e));
    };
  });
}

}  // namespace stridecare::cli
