#include "services/environment.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>

#include <date/tz.h>

#include "services/file_bytes.hpp"
#include "storage/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace stridecare::services {

using domain::ErrorKind;

EnvLookup process_env() {
  return [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up only
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
}

domain::Expected<std::filesystem::path> database_path(const std::optional<std::string>& flag, const EnvLookup& env) {
  if (flag) {
    if (flag->empty()) return domain::invalid("db", "an empty path is not a database file");
    return std::filesystem::path(*flag);
  }
  if (auto v = env("STRIDECARE_DB")) return std::filesystem::path(*v);
  if (auto v = env("XDG_DATA_HOME")) return std::filesystem::path(*v) / "stridecare" / "stridecare.db";
  if (auto v = env("HOME")) return std::filesystem::path(*v) / ".local" / "share" / "stridecare" / "stridecare.db";
  return domain::invalid("db", "neither --db, STRIDECARE_DB, XDG_DATA_HOME nor HOME is set; pass --db PATH");
}

domain::Expected<std::unique_ptr<storage::Store>> open_sqlite(const std::filesystem::path& path) {
  auto store = storage::SqliteStore::open(path);
  if (!store) return std::unexpected(store.error());
  return std::unique_ptr<storage::Store>(std::move(*store));
}

domain::Expected<std::unique_ptr<storage::Store>> open_sqlite_for_reading(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return std::unique_ptr<storage::Store>(std::make_unique<storage::MemoryStore>());
  }
  auto store = storage::SqliteStore::open_read_only(path);
  if (!store) return std::unexpected(store.error());
  return std::unique_ptr<storage::Store>(std::move(*store));
}

domain::Expected<rules::RuleBook> load_rule_book(const std::optional<std::string>& flag, const EnvLookup& env) {
  std::optional<std::string> path = flag;
  if (!path) path = env("STRIDECARE_RULES");
  if (!path) return rules::default_rule_book();
  // The rule book is a few KiB; a file far larger is not one.
  constexpr std::uint64_t kMaxRuleBookBytes = std::uint64_t{16} << 20;
  auto bytes = read_file_bytes(*path, kMaxRuleBookBytes);
  if (!bytes) {
    // A file named by the user that cannot be read is a bad value of --rules, as one that is not a
    // rule book is (rules::parse_rule_book): a usage error, exit 2, either way.
    return domain::fail(ErrorKind::invalid_input, "rules", "rules file " + bytes.error().message);
  }
  return rules::parse_rule_book(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), *path);
}

namespace {

/// The zone named `name`; nullptr when the tz database lacks it. Profiles are
/// validated when saved, so null later means damaged tzdata: callers use UTC.
const date::time_zone* find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

/// Now as local time in `zone` (UTC when null), to the second, on the sys clock's scale.
std::chrono::sys_seconds local_now(const date::time_zone* zone) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (zone == nullptr) return now;
  return std::chrono::sys_seconds{zone->to_local(now).time_since_epoch()};
}

}  // namespace

domain::Expected<void> check_time_zone(const std::string& name) {
  if (find_zone(name) != nullptr) return {};
  return domain::invalid(
      "tz", "'" + name + "' is not a time zone of the tz database; use e.g. Europe/London or America/New_York");
}

domain::Date today_in(const std::string& time_zone) {
  return domain::Date{std::chrono::floor<std::chrono::days>(local_now(find_zone(time_zone)))};
}

domain::MinuteOfDay minute_now_in(const std::string& time_zone) {
  const auto local = local_now(find_zone(time_zone));
  const auto of_day = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<domain::MinuteOfDay>(std::chrono::floor<std::chrono::minutes>(of_day).count());
}

std::function<std::chrono::seconds(domain::UtcSeconds)> utc_offset_in(const std::string& time_zone) {
  struct Zone {
    std::once_flag once;
    const date::time_zone* zone = nullptr;
  };
  auto shared = std::make_shared<Zone>();
  return [shared, time_zone](domain::UtcSeconds t) -> std::chrono::seconds {
    std::call_once(shared->once, [&] { shared->zone = find_zone(time_zone); });
    if (shared->zone == nullptr) return std::chrono::seconds{0};
    return shared->zone->get_info(t).offset;
  };
}

domain::UtcMinutesOf utc_minutes_in(const std::string& time_zone) {
  const date::time_zone* zone = find_zone(time_zone);
  return [zone](domain::Date day, domain::MinuteOfDay minute) -> std::int64_t {
    const date::local_time<std::chrono::minutes> local{std::chrono::sys_days{day}.time_since_epoch() +
                                                       std::chrono::minutes{minute}};
    const auto utc = zone != nullptr ? zone->to_sys(local, date::choose::earliest)
                                     : date::sys_time<std::chrono::minutes>{local.time_since_epoch()};
    return std::chrono::floor<std::chrono::minutes>(utc).time_since_epoch().count();
  };
}

}  // namespace stridecare::services
