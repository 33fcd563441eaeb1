#pragma once
/// Where stridecare finds its database and rule book, and what day it is for
/// the athlete. The environment is passed in (not read from globals) so tests
/// can set it.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "rules/rule_book.hpp"
#include "storage/store.hpp"

namespace stridecare::services {

/// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

/// The process environment.
EnvLookup process_env();

/// `--db` if given, else `STRIDECARE_DB`, else `$XDG_DATA_HOME/stridecare/stridecare.db`,
/// else `$HOME/.local/share/stridecare/stridecare.db`.
domain::Expected<std::filesystem::path> database_path(const std::optional<std::string>& flag, const EnvLookup& env);

/// Opens (creating when missing) the SQLite database at `path`.
domain::Expected<std::unique_ptr<storage::Store>> open_sqlite(const std::filesystem::path& path);

/// The store at `path` for a command that only reads: opened read-only (a file the user may only
/// read can be read), and when there is no file yet, an empty store in memory: nothing is created,
/// neither the file nor its folder, by a command that writes nothing.
domain::Expected<std::unique_ptr<storage::Store>> open_sqlite_for_reading(const std::filesystem::path& path);

/// The rule book from `--rules FILE`, else `STRIDECARE_RULES`, else the one
/// built into the program.
domain::Expected<rules::RuleBook> load_rule_book(const std::optional<std::string>& flag, const EnvLookup& env);

/// ErrorKind::invalid_input (field `tz`) unless `name` is in the time zone database.
domain::Expected<void> check_time_zone(const std::string& name);

/// Today's date in the IANA time zone `time_zone` (UTC when unknown).
domain::Date today_in(const std::string& time_zone);
/// The local time of day now in `time_zone` (UTC when unknown).
domain::MinuteOfDay minute_now_in(const std::string& time_zone);

/// Local day and time -> UTC minutes in `time_zone` (UTC when unknown). A
/// time that occurs twice when the clocks go back is the first; one skipped
/// when they go forward is the moment of the change.
domain::UtcMinutesOf utc_minutes_in(const std::string& time_zone);

/// The UTC offset of `time_zone` at an instant (UTC when unknown), for files
/// that do not state theirs. The zone is looked up on first use: reading the
/// time zone database costs more than a small FIT import, and FIT files state
/// their own offset. Safe to call from several threads.
std::function<std::chrono::seconds(domain::UtcSeconds)> utc_offset_in(const std::string& time_zone);

}  // namespace stridecare::services
