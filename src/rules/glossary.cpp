#include "rules/glossary.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/quantities.hpp"

namespace stridecare::rules {

extern const std::string_view kEmbeddedGlossary;  // generated from data/glossary.json

namespace {

using nlohmann::json;

constexpr double kPercent = 100;

/// One `{path[:format]}` of a text.
struct Placeholder {
  std::size_t begin = 0;  ///< index of '{'
  std::size_t end = 0;    ///< one past '}'
  std::string_view path;
  std::string_view format;  ///< "", "%" or "min"
};

bool path_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '[' || c == ']';
}

/// The placeholder starting at `text[at]` (a '{'), or an error saying what is wrong.
std::optional<Placeholder> placeholder_at(std::string_view text, std::size_t at, std::string& why) {
  const auto close = text.find('}', at);
  if (close == std::string_view::npos) {
    why = fmt::format("'{{' at character {} is not closed", at);
    return std::nullopt;
  }
  std::string_view inside = text.substr(at + 1, close - at - 1);
  Placeholder p{at, close + 1, inside, {}};
  if (const auto colon = inside.find(':'); colon != std::string_view::npos) {
    p.path = inside.substr(0, colon);
    p.format = inside.substr(colon + 1);
  }
  if (p.path.empty() || !std::all_of(p.path.begin(), p.path.end(), path_char) ||
      p.path.find('.') == std::string_view::npos) {
    why = fmt::format("'{{{}}}' is not a rule book path like {{triage.severe_pain_min}}", inside);
    return std::nullopt;
  }
  if (!p.format.empty() && p.format != "%" && p.format != "min") {
    why = fmt::format("'{{{}}}': format '{}' is not % or min", inside, p.format);
    return std::nullopt;
  }
  return p;
}

/// Calls `each(placeholder)` for every placeholder of `text`; false (with
/// `why`) at the first malformed one.
template <class F>
bool for_each_placeholder(std::string_view text, std::string& why, F each) {
  for (std::size_t at = text.find_first_of("{}"); at != std::string_view::npos; at = text.find_first_of("{}", at)) {
    if (text[at] == '}') {
      why = fmt::format("'}}' at character {} has no '{{'", at);
      return false;
    }
    const auto p = placeholder_at(text, at, why);
    if (!p) return false;
    each(*p);
    at = p->end;
  }
  return true;
}

std::string shown(double value, std::string_view format) {
  if (format == "%") return fmt::format("{:g}%", value * kPercent);
  if (format == "min") return fmt::format("{:g}", value / domain::kSecondsPerMinute);
  return fmt::format("{:g}", value);
}

/// Reads the entries of one array ("terms" or "rules"), remembering the
/// first error with the entry's path.
class EntryReader {
 public:
  explicit EntryReader(std::string_view source) : source_(source) {}

  void read(const json& root, std::string_view array, bool rules, Glossary& out) {
    const auto a = root.find(array);
    if (a == root.end() || !a->is_array() || a->empty()) {
      fail(std::string(array), "missing or empty (an array of entries)");
      return;
    }
    for (std::size_t i = 0; i < a->size() && !error_; ++i) {
      const std::string path = fmt::format("{}[{}]", array, i);
      const json& e = (*a)[i];
      if (!e.is_object()) {
        fail(path, "must be an object");
        return;
      }
      GlossaryEntry entry;
      entry.is_rule = rules;
      entry.id = text(e, path, "id", false);
      entry.title = text(e, path, "title", true);
      entry.short_text = text(e, path, "short", true);
      entry.text = text(e, path, "text", true);
      entry.source = text(e, path, "source", false);
      if (error_) return;
      if (rules && !rule_id(entry.id)) {
        fail(path + ".id", fmt::format("'{}' is not a rule ID like TRIAGE-RF-7", entry.id));
        return;
      }
      name(entry.id, path + ".id");
      if (const auto al = e.find("aliases"); al != e.end()) {
        if (!al->is_array()) fail(path + ".aliases", "must be an array of names");
        for (std::size_t k = 0; !error_ && k < al->size(); ++k) {
          const std::string alias_path = fmt::format("{}.aliases[{}]", path, k);
          if (!(*al)[k].is_string() || lookup_key((*al)[k].get_ref<const std::string&>()).empty()) {
            fail(alias_path, "must be a non-empty string");
            return;
          }
          entry.aliases.push_back((*al)[k].get<std::string>());
          name(entry.aliases.back(), alias_path);
        }
      }
      out.entries.push_back(std::move(entry));
    }
  }

  const std::optional<domain::Error>& error() const { return error_; }

  void fail(const std::string& path, std::string_view why) {
    if (!error_) {
      error_ = domain::Error{domain::ErrorKind::invalid_input, std::string(source_),
                             fmt::format("{}: {}: {}", source_, path, why)};
    }
  }

 private:
  std::string text(const json& e, const std::string& path, const char* key, bool placeholders) {
    const auto k = e.find(key);
    const std::string at = fmt::format("{}.{}", path, key);
    if (k == e.end()) {
      fail(at, "missing");
      return {};
    }
    if (!k->is_string() || k->get_ref<const std::string&>().empty()) {
      fail(at, "must be a non-empty string");
      return {};
    }
    std::string why;
    const std::string& value = k->get_ref<const std::string&>();
    if (placeholders && !for_each_placeholder(value, why, [](const Placeholder&) {})) fail(at, why);
    return value;
  }

  /// Notes that `n` names the entry at `path`; a name given twice is an error.
  void name(const std::string& n, const std::string& path) {
    const auto [it, added] = names_.emplace(lookup_key(n), path);
    if (!added) fail(path, fmt::format("'{}' already names {}", n, it->second));
  }

  static bool rule_id(std::string_view id) {
    // AREA-NAME-1: upper-case words and digits joined by '-', ending in a number.
    if (id.empty() || id.find('-') == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(id.back()))) {
      return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0 ||
             c == '-';
    });
  }

  std::string_view source_;
  std::map<std::string, std::string> names_;  ///< lookup key -> the path that gave it
  std::optional<domain::Error> error_;
};

}  // namespace

std::string lookup_key(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '_' || std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const GlossaryEntry* Glossary::find(std::string_view name) const {
  const std::string key = lookup_key(name);
  if (key.empty()) return nullptr;
  for (const auto& e : entries) {
    if (lookup_key(e.id) == key) return &e;
    for (const auto& a : e.aliases) {
      if (lookup_key(a) == key) return &e;
    }
  }
  return nullptr;
}

domain::Expected<Glossary> parse_glossary(std::string_view json_text, std::string_view source) {
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return domain::invalid(std::string(source), fmt::format("{}: is not a JSON object", source));
  }
  Glossary out;
  EntryReader r(source);
  r.read(root, "terms", false, out);
  r.read(root, "rules", true, out);
  if (r.error()) return std::unexpected(*r.error());
  return out;
}

std::string_view default_glossary_text() { return kEmbeddedGlossary; }

const Glossary& default_glossary() {
  static const Glossary glossary = [] {
    auto parsed = parse_glossary(kEmbeddedGlossary, "glossary.json (built in)");
    // The built-in file is checked by the tests; failing here is a build defect.
    if (!parsed) throw std::logic_error(parsed.error().message);
    return *parsed;
  }();
  return glossary;
}

std::string fill(std::string_view text, const RuleBook& book) {
  std::string out;
  std::size_t from = 0;
  std::string why;
  for_each_placeholder(text, why, [&](const Placeholder& p) {
    out.append(text.substr(from, p.begin - from));
    const auto v = book.numbers.find(p.path);
    out += v == book.numbers.end() ? std::string(text.substr(p.begin, p.end - p.begin)) : shown(v->second, p.format);
    from = p.end;
  });
  out.append(text.substr(std::min(from, text.size())));
  return out;
}

std::vector<std::string> unknown_placeholders(std::string_view text, const RuleBook& book) {
  std::vector<std::string> out;
  std::string why;
  const bool well_formed = for_each_placeholder(text, why, [&](const Placeholder& p) {
    if (!book.numbers.contains(p.path)) out.emplace_back(p.path);
  });
  if (!well_formed) out.push_back(why);
  return out;
}

}  // namespace stridecare::rules
