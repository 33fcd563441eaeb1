#include "services/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/rule_ids.hpp"

namespace stridecare::services {

namespace {

constexpr std::size_t kSuggestions = 3;

Explanation filled(const rules::GlossaryEntry& e, const rules::RuleBook& book) {
  return {e.id,     rules::fill(e.title, book),      rules::fill(e.text, book),
          e.source, rules::fill(e.short_text, book), e.is_rule};
}

/// Edits (insert, delete, substitute) from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// Up to kSuggestions entry IDs whose ID or alias is closest to `name`: a name
/// that contains it, or one within a third of its length in edits.
std::vector<std::string> closest(std::string_view name, const rules::Glossary& glossary) {
  const std::string key = rules::lookup_key(name);
  struct Candidate {
    std::size_t distance;
    std::size_t order;
    const rules::GlossaryEntry* entry;
  };
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < glossary.entries.size(); ++i) {
    const auto& e = glossary.entries[i];
    std::size_t best = std::string::npos;
    const auto consider = [&](const std::string& n) {
      const std::string k = rules::lookup_key(n);
      const std::size_t d = k.find(key) != std::string::npos ? 0 : edit_distance(key, k);
      best = std::min(best, d);
    };
    consider(e.id);
    for (const auto& a : e.aliases) consider(a);
    if (best <= std::max<std::size_t>(2, key.size() / 3)) found.push_back({best, i, &e});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    return x.distance != y.distance ? x.distance < y.distance : x.order < y.order;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < kSuggestions; ++i) out.push_back(found[i].entry->id);
  return out;
}

}  // namespace

domain::Expected<Explanation> explain(std::string_view name, const rules::RuleBook& book,
                                      const rules::Glossary& glossary) {
  if (const auto* e = glossary.find(name)) return filled(*e, book);
  const auto near = closest(name, glossary);
  std::string hint;
  for (std::size_t i = 0; i < near.size(); ++i) {
    hint += fmt::format("{}{}", i == 0 ? "; did you mean " : (i + 1 == near.size() ? " or " : ", "), near[i]);
  }
  return domain::invalid("TERM", fmt::format("TERM: '{}' is not a term or rule ID stridecare can explain{}{} "
                                             "(`stridecare explain` lists them all)",
                                             name, hint, near.empty() ? "" : "?"));
}

std::vector<Explanation> explainable(const rules::RuleBook& book, const rules::Glossary& glossary) {
  std::vector<Explanation> out;
  out.reserve(glossary.entries.size());
  for (const auto& e : glossary.entries) out.push_back(filled(e, book));
  return out;
}

std::string gloss(std::string_view term, const rules::RuleBook& book, const rules::Glossary& glossary) {
  const auto* e = glossary.find(term);
  return e ? rules::fill(e->short_text, book) : std::string();
}

std::string Glosses::operator()(std::string_view term) {
  const auto* e = glossary_->find(term);
  if (!e || !shown_.insert(e).second) return {};
  return fmt::format(" ({})", rules::fill(e->short_text, *book_));
}

bool is_evidence_note(std::string_view rule_id) { return rule_id == rules::ids::kCareEvid1; }

Json to_json(const Explanation& e) {
  return {{"id", e.id},         {"title", e.title},      {"text", e.text},
          {"source", e.source}, {"short", e.short_text}, {"kind", e.is_rule ? "rule" : "term"}};
}

Json to_json(std::span<const Explanation> entries) {
  Json list = Json::array();
  for (const auto& e : entries) list.push_back(to_json(e));
  return Json{{"entries", std::move(list)}};
}
}  // namespace stridecare::services
