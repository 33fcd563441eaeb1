#pragma once
/// "Did you mean ...?": the known name closest to a mistyped one, for
/// subcommands and exercise names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stridecare::domain {

/// Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` most likely stands for, or nullopt when none is
/// close. Case, spaces, hyphens and underscores are ignored; a plural
/// (`squats`, `lunges`) matches its singular; a word that is a whole part of
/// a longer name (`dead lift` in `romanian_deadlift`) matches it. Close
/// means at most a third of the word's letters edited (at least 1, at most 3).
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace stridecare::domain
