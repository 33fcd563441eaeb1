#pragma once
/// The storage seam. The SQLite file (one runner), a PostgreSQL server (many
/// athletes, a later issue) and the in-memory fake (unit tests) all satisfy it,
/// so services never know which one they talk to.

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/error.hpp"
#include "domain/profile.hpp"
#include "domain/routine_session.hpp"
#include "domain/shown_plan.hpp"
#include "storage/track_codec.hpp"

namespace stridecare::storage {

using domain::Expected;

/// Inclusive local-day range; an absent bound is open.
/// Persistent store of one athlete's data.
///
/// Lists are ordered by (date, time, id). Writes outside `transact` are each
/// atomic on their own; inside `transact`, all land or none.
/// Not thread-safe: one `Store` per thread; several processes may share a file.
class Store {
 public:
  virtual ~Store() = default;

  /// Runs `work` as one atomic unit of work. If `work` returns an error (or
  /// throws), nothing it wrote is kept. Not reentrant.
  virtual Expected<void> transact(const std::function<Expected<void>()>& work) = 0;

  /// The saved profile, or nullopt when none was ever saved.
  virtual Expected<std::optional<domain::Profile>> load_profile() = 0;
  virtual Expected<void> save_profile(const domain::Profile& profile) = 0;

  /// Stores `a`. With `a.id == 0` a new id is allocated; otherwise `a.id` is
  /// kept (restore) and must not be in use (ErrorKind::conflict).
  /// `a.recorded`, when present, is stored with it and listed with it;
  /// ErrorKind::conflict when an activity of the same content hash and
  /// session index is already stored (see `has_source`).
  /// REQUIRES: `domain::validate(a)` succeeded.
  virtual Expected<domain::Id> add_activity(const domain::Activity& a) = 0;
  virtual Expected<std::vector<domain::Activity>> list_activities(const domain::DateRange& range) = 0;

  /// Imported activities (those with `recorded`) whose start lies in
  /// [from, to], UTC, ordered by start then id: duplicate detection looks for
  /// the same activity imported from another file.
  virtual Expected<std::vector<domain::Activity>> list_recorded(domain::UtcSeconds from, domain::UtcSeconds to) = 0;

  /// True when an activity from this file content (`SourceFile::content_hash`)
  /// and session index is stored: re-importing a file is a no-op.
  virtual Expected<bool> has_source(const std::string& content_hash, int session_index) = 0;

  /// Stores the track of an imported activity, replacing any earlier one.
  /// ErrorKind::not_found when no activity has this id.
  virtual Expected<void> save_track(domain::Id activity, const domain::Track& track) = 0;
  /// As `save_track`, for a track encoded beforehand (track_codec::encode_track),
  /// so bulk imports encode on every core and the writer only writes.
  virtual Expected<void> save_encoded_track(domain::Id activity, const track_codec::EncodedTrack& track) = 0;
  /// The track of an activity; nullopt when it has none.
  virtual Expected<std::optional<domain::Track>> load_track(domain::Id activity) = 0;

  /// As `add_activity`, for check-ins. Activities and check-ins share one id space.
  virtual Expected<domain::Id> add_checkin(const domain::PainCheckin& c) = 0;
  virtual Expected<std::vector<domain::PainCheckin>> list_checkins(const domain::DateRange& range) = 0;

  /// Stores a routine followed with the guided timer. With `r.id == 0` a new
  /// id is allocated (routines have their own numbering); otherwise it is
  /// kept (restore) and must not be in use (ErrorKind::conflict).
  /// REQUIRES: `domain::validate(r)` succeeded.
  virtual Expected<domain::Id> add_routine(const domain::RoutineSession& r) = 0;
  /// Ordered by (date, time with untimed first, id).
  virtual Expected<std::vector<domain::RoutineSession>> list_routines(const domain::DateRange& range) = 0;

  /// Removes the activity (with its track) or check-in with this id; false when there is none.
  virtual Expected<bool> remove(domain::Id id) = 0;

  /// The days of the plans last shown whose dates lie in `range`, by date.
  virtual Expected<std::vector<domain::ShownDay>> list_shown_days(const domain::DateRange& range) = 0;
  /// Stores these days, replacing any stored with the same dates.
  virtual Expected<void> save_shown_days(std::span<const domain::ShownDay> days) = 0;

  /// The calendar events last exported whose dates lie in `range`, by date then uid.
  virtual Expected<std::vector<domain::CalendarEvent>> list_calendar_events(const domain::DateRange& range) = 0;
  /// Stores these events, replacing any stored with the same uids.
  virtual Expected<void> save_calendar_events(std::span<const domain::CalendarEvent> events) = 0;

  /// True when no profile, activity, check-in or routine is stored (what was
  /// shown of the plan is not data of its own: it does not count).
  virtual Expected<bool> empty() = 0;

  /// A number that differs from its last answer whenever anything may have been stored since, through
  /// this store or (SQLite) another process: what was read before may be stale. Cheap enough to ask before
  /// every request of a server that keeps answers.
  virtual Expected<std::int64_t> data_version() = 0;
};

}  // namespace stridecare::storage
