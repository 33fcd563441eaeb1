#pragma once
/// The `Store` of the command-line app: one runner's log in one SQLite file.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "storage/sqlite/database.hpp"
#include "storage/store.hpp"

namespace stridecare::storage {

/// How long a write waits for another process that is writing the same file
/// (e.g. two `stridecare log` commands at once) before giving up with an error.
inline constexpr std::chrono::milliseconds kBusyTimeout{10'000};

/// A `Store` kept in an SQLite file (schema: storage/sqlite/migrations.cpp).
///
/// The file is in WAL mode with `synchronous=FULL`: a write that returned
/// success survives a power cut. Several processes may use one file at once;
/// writers take the write lock up front and wait up to `kBusyTimeout` for it.
class SqliteStore final : public Store {
 public:
  /// Opens the store at `path`, creating missing parent directories and the
  /// file itself. A new or empty file gets the latest schema; a file of an
  /// older schema version is upgraded in place.
  ///
  /// Fails, leaving an existing file byte-for-byte as it was, when the file is
  /// not an SQLite database, is an SQLite database of another program, or has
  /// a schema newer than this program knows (all `ErrorKind::storage`), and
  /// with `ErrorKind::io` when a parent directory cannot be created.
  static Expected<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& path);

  /// Opens the existing store at `path` for reading only: nothing is created, written or upgraded, so
  /// a file the user may only read (or one on read-only media) can be read. Transactions are read
  /// transactions and every write fails. Fails as `open` does for a file that is not ours, and with
  /// `ErrorKind::storage` naming the way out for a file of an older schema (its upgrade is a write).
  static Expected<std::unique_ptr<SqliteStore>> open_read_only(const std::filesystem::path& path);

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override;

  /// `BEGIN IMMEDIATE` ... `COMMIT`. Returns a storage error if called from
  /// inside `work` (not reentrant).
  Expected<void> transact(const std::function<Expected<void>()>& work) override;
  Expected<std::optional<domain::Profile>> load_profile() override;
  Expected<void> save_profile(const domain::Profile& profile) override;
  Expected<domain::Id> add_activity(const domain::Activity& a) override;
  Expected<std::vector<domain::Activity>> list_activities(const domain::DateRange& range) override;
  Expected<std::vector<domain::Activity>> list_recorded(domain::UtcSeconds from, domain::UtcSeconds to) override;
  Expected<bool> has_source(const std::string& content_hash, int session_index) override;
  /// The track is stored compactly (storage/track_codec.hpp): `load_track`
  /// returns it at the codec's precision.
  Expected<void> save_track(domain::Id activity, const domain::Track& track) override;
  Expected<void> save_encoded_track(domain::Id activity, const track_codec::EncodedTrack& track) override;
  Expected<std::optional<domain::Track>> load_track(domain::Id activity) override;
  Expected<domain::Id> add_checkin(const domain::PainCheckin& c) override;
  Expected<std::vector<domain::PainCheckin>> list_checkins(const domain::DateRange& range) override;
  Expected<domain::Id> add_routine(const domain::RoutineSession& r) override;
  Expected<std::vector<domain::RoutineSession>> list_routines(const domain::DateRange& range) override;
  Expected<std::vector<domain::ShownDay>> list_shown_days(const domain::DateRange& range) override;
  Expected<void> save_shown_days(std::span<const domain::ShownDay> days) override;
  Expected<std::vector<domain::CalendarEvent>> list_calendar_events(const domain::DateRange& range) override;
  Expected<void> save_calendar_events(std::span<const domain::CalendarEvent> events) override;
  Expected<bool> remove(domain::Id id) override;
  Expected<bool> empty() override;
  Expected<std::int64_t> data_version() override;

 private:
  explicit SqliteStore(sqlite::Database db, bool read_only = false);

  /// A cached statement on loan: reset (bindings cleared, read snapshot
  /// released) when the loan ends, however the caller leaves.
  class Lease {
   public:
    explicit Lease(sqlite::Statement& stmt) : stmt_(&stmt) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (stmt_ != nullptr) stmt_->reset();
    }
    sqlite::Statement* operator->() const { return stmt_; }
    sqlite::Statement& operator*() const { return *stmt_; }

   private:
    sqlite::Statement* stmt_;
  };

  /// The prepared statement for `sql`, compiled on first use and kept.
  Expected<Lease> statement(std::string_view sql);
  /// Runs `work` atomically: in its own `BEGIN IMMEDIATE` transaction, or,
  /// inside `transact`, in a savepoint, so a failed write never leaves half an
  /// entry behind even when the caller carries on.
  template <class Work>
  auto atomically(Work&& work) -> std::invoke_result_t<Work&>;
  /// Undoes what `atomically` began; `nested` as there.
  void undo(bool nested);
  /// Binds the parameters of a list query (or of the selects that complete it).
  using Binder = std::function<Expected<void>(sqlite::Statement&)>;
  /// The selects that complete a list of activities with their exercises,
  /// recordings and laps; each returns rows by ascending activity id.
  struct DetailSelects {
    std::string_view exercises;
    std::string_view sets;
    std::string_view recordings;
    std::string_view laps;
  };
  /// Appends the activities `sql` (bound by `bind`) returns to `out`.
  Expected<void> read_activities(std::string_view sql, const Binder& bind, std::vector<domain::Activity>& out);
  /// Gives each activity of `out` its exercises (and their sets), recording and laps.
  Expected<void> read_details(const DetailSelects& selects, const Binder& bind, std::vector<domain::Activity>& out);
  /// Allocates `wanted`, or the next free id when `wanted` is 0.
  Expected<domain::Id> claim_id(domain::Id wanted);
  /// An `ErrorKind::storage` error about this file: "PATH: WHAT".
  domain::Error storage_error(std::string_view what) const;

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  sqlite::Database db_;
  bool read_only_ = false;  ///< opened by open_read_only
  std::unordered_map<std::string, sqlite::Statement, StringHash, std::equal_to<>> statements_;
  bool in_transaction_ = false;  ///< inside `transact`
};

}  // namespace stridecare::storage
