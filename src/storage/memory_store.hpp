#pragma once
/// In-memory `Store` for unit tests of the layers above storage.

#include <map>

#include "storage/store.hpp"

namespace stridecare::storage {

class MemoryStore final : public Store {
 public:
  Expected<void> transact(const std::function<Expected<void>()>& work) override;
  Expected<std::optional<domain::Profile>> load_profile() override;
  Expected<void> save_profile(const domain::Profile& profile) override;
  Expected<domain::Id> add_activity(const domain::Activity& a) override;
  Expected<std::vector<domain::Activity>> list_activities(const domain::DateRange& range) override;
  Expected<std::vector<domain::Activity>> list_recorded(domain::UtcSeconds from, domain::UtcSeconds to) override;
  Expected<bool> has_source(const std::string& content_hash, int session_index) override;
  Expected<void> save_track(domain::Id activity, const domain::Track& track) override;
  Expected<void> save_encoded_track(domain::Id activity, const track_codec::EncodedTrack& track) override;
  Expected<std::optional<domain::Track>> load_track(domain::Id activity) override;
  Expected<domain::Id> add_checkin(const domain::PainCheckin& c) override;
  Expected<std::vector<domain::PainCheckin>> list_checkins(const domain::DateRange& range) override;
  Expected<domain::Id> add_routine(const domain::RoutineSession& r) override;
  Expected<std::vector<domain::RoutineSession>> list_routines(const domain::DateRange& range) override;
  Expected<bool> remove(domain::Id id) override;
  Expected<std::vector<domain::ShownDay>> list_shown_days(const domain::DateRange& range) override;
  Expected<void> save_shown_days(std::span<const domain::ShownDay> days) override;
  Expected<std::vector<domain::CalendarEvent>> list_calendar_events(const domain::DateRange& range) override;
  Expected<void> save_calendar_events(std::span<const domain::CalendarEvent> events) override;
  Expected<bool> empty() override;
  Expected<std::int64_t> data_version() override { return version_; }

 private:
  struct State {
    std::optional<domain::Profile> profile;
    std::vector<domain::Activity> activities;
    std::vector<domain::PainCheckin> checkins;
    std::vector<domain::RoutineSession> routines;
    /// Kept as given: the fake does not model the SQLite store's codec precision.
    std::map<domain::Id, domain::Track> tracks;
    std::map<domain::Date, domain::ShownDay> shown_days;
    std::map<std::string, domain::CalendarEvent> calendar_events;
    domain::Id next_id = 1;
  };
  Expected<domain::Id> claim_id(domain::Id wanted);
  State state_;
  std::int64_t version_ = 0;  ///< data_version(): one more at every change, rolled back or not
};

}  // namespace stridecare::storage
