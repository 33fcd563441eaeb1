#pragma once
/// State shared by the CLI's subcommands: the global options and the lazily
/// opened session. Commands validate their own flags first and open the
/// database only afterwards, so a usage error never touches the file.

#include <memory>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/units.hpp"
#include "services/environment.hpp"
#include "services/explain.hpp"
#include "services/session.hpp"

namespace stridecare::cli {

using Units = domain::UnitSystem;

struct GlobalOptions {
  std::optional<std::string> db;
  std::optional<std::string> rules;
  std::optional<std::string> date;
  std::optional<std::string> units;
  bool json = false;
  bool verbose = false;  ///< text output also prints the long evidence notes
};

/// How one text output is written: the units of its figures, whether the
/// long evidence notes are printed (--verbose), and the glosses already shown
/// (a term is explained once per output, the first time it is shown).
struct TextStyle {
  Units units = Units::metric;
  bool verbose = false;
  services::Glosses glosses;
};

/// Thrown out of a command to end it with an exit code after printing `error`.
struct CommandFailed {
  domain::Error error;
  /// Exit 2 whatever the error's kind: the argument itself is bad (a file given to `restore` that is
  /// not an export), as a bad flag value is.
  bool usage = false;
};

class CliContext {
 public:
  /// `options` is filled by the parser and must outlive the context.
  CliContext(const GlobalOptions& options, services::EnvLookup env) : options_(options), env_(std::move(env)) {}

  const GlobalOptions& options() const { return options_; }
  bool json() const { return options_.json; }
  /// `--units`, else the profile's units (opens the store), else metric.
  Units units();
  /// As units(), but reads the profile only from a database that already
  /// exists (for commands that never create one, such as `inspect`).
  Units units_if_stored();

  /// `--date` if given, else today in the profile's time zone (opens the store).
  domain::Date date();
  /// `--date` if given (validated, no store needed).
  std::optional<domain::Date> date_flag() const;

  /// Validates the global options; call before a command does anything.
  void check_globals() const;

  /// Opens the database and the rule book on first use.
  services::Session& session();
  /// The command only reads: session() opens the database read-only, and a missing one is an empty
  /// store, not a new file (services::open_sqlite_for_reading). Call before the first session().
  void only_reads() { only_reads_ = true; }
  /// The rule book in force (`--rules`, or built in), without opening the database.
  const rules::RuleBook& rule_book();
  /// A fresh style for one text output.
  TextStyle text_style() { return {units(), options_.verbose, services::Glosses(rule_book())}; }

 private:
  const GlobalOptions& options_;
  services::EnvLookup env_;
  std::unique_ptr<storage::Store> store_;
  std::optional<rules::RuleBook> rules_;
  std::optional<services::Session> session_;
  bool only_reads_ = false;
};

/// Unwraps `e` or throws CommandFailed.
template <class T>
T value_or_fail(domain::Expected<T> e) {
  if (!e) throw CommandFailed{e.error()};
  if constexpr (!std::is_void_v<T>) return std::move(*e);
}

}  // namespace stridecare::cli
