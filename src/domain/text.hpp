#pragma once
/// Text that a person typed or a file named, on its way into the database and out to a terminal or
/// a JSON document. Stored text is valid UTF-8 (JSON cannot carry anything else); text shown on a
/// terminal has no control characters left to act on it (an ESC clears the screen, a newline splits
/// an entry's line).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stridecare::domain {

/// The byte offset of the first byte that is not part of a valid UTF-8 sequence (overlong forms,
/// surrogates and code points beyond U+10FFFF are invalid), or nullopt when all of `text` is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD (the replacement character), as a
/// browser shows it; valid text is returned unchanged.
std::string valid_utf8(std::string_view text);

/// `text` for a terminal, on one line: C0 controls, DEL, C1 controls and the bidirectional
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069, which reorder what follows them) shown as
/// escapes: `\n`, `\r`, `\t`, otherwise `\xNN` (one byte) or `\u{NNNN}`. Invalid UTF-8 is
/// replaced as by `valid_utf8`. A backslash stays as it is: the form is for reading, not parsing.
std::string printable(std::string_view text);

}  // namespace stridecare::domain
