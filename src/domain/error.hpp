#pragma once
/// The one error model of stridecare: expected failures travel as values.
///
/// Library code returns `Expected<T>`; exceptions are reserved for broken
/// invariants (bugs). Nothing below the CLI ever exits the process.

#include <expected>
#include <string>
#include <utility>

namespace stridecare::domain {

enum class ErrorKind {
  invalid_input,  ///< a value the user gave is malformed or out of range (CLI exit 2)
  invalid_file,   ///< a file's content is malformed (CLI exit 1; `field` names the file or entry)
  not_found,      ///< an entry the user named does not exist
  conflict,       ///< the request contradicts stored state (e.g. restore into a non-empty store)
  storage,        ///< the database failed, is not ours, or is too new
  io,             ///< a file could not be read or written
  refused,        ///< the action in force refuses it (rules.md 2.2, SAFE-GUIDE-1/2; CLI exit 3)
};

struct Error {
  ErrorKind kind = ErrorKind::invalid_input;
  /// The field, flag or file the error is about, in the domain's spelling
  /// (`pain`, `distance`, `/path/to/file`); empty when none applies.
  std::string field;
  /// One human sentence: what was wrong and what is allowed.
  std::string message;
};

template <class T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string field, std::string message) {
  return std::unexpected(Error{kind, std::move(field), std::move(message)});
}

inline std::unexpected<Error> invalid(std::string field, std::string message) {
  return fail(ErrorKind::invalid_input, std::move(field), std::move(message));
}

}  // namespace stridecare::domain
