#include "domain/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <vector>

namespace stridecare::domain {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbours
  // (`todya` -> `today` is one edit), over three rows.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

namespace {

/// Lower case without separators: `Dead-Lift` and `dead_lift` are `deadlift`.
std::string squashed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

/// `lunges` -> `lunge`, `squats` -> `squat`; other words unchanged.
std::string singular(std::string word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
  return word;
}

}  // namespace

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string typed = squashed(word);
  if (typed.empty()) return std::nullopt;
  constexpr std::size_t kLettersPerEdit = 3;
  constexpr std::size_t kMostEdits = 3;
  constexpr std::size_t kShortestPart = 4;  // shorter words are parts of too many names
  const std::size_t allowed = std::clamp<std::size_t>(typed.size() / kLettersPerEdit, 1, kMostEdits);
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : candidates) {
    const std::string known = squashed(candidate);
    std::size_t d = std::min(edit_distance(typed, known), edit_distance(singular(typed), known));
    // A whole part of a longer name counts as one edit, after any closer spelling.
    if (d > 1 && typed.size() >= kShortestPart && known.find(singular(typed)) != std::string::npos) d = 1;
    if (d <= allowed && d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace stridecare::domain
