#include "storage/memory_store.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <tuple>

namespace stridecare::storage {

using domain::ErrorKind;
using domain::Id;

Expected<void> MemoryStore::transact(const std::function<Expected<void>()>& work) {
  State saved = state_;
  try {
    auto result = work();
    if (!result) state_ = std::move(saved);
    return result;
  } catch (...) {
    state_ = std::move(saved);
    throw;
  }
}

Expected<std::optional<domain::Profile>> MemoryStore::load_profile() { return state_.profile; }

Expected<void> MemoryStore::save_profile(const domain::Profile& profile) {
  ++version_;
  state_.profile = profile;
  return {};
}

Expected<Id> MemoryStore::claim_id(Id wanted) {
  if (wanted == 0) return state_.next_id++;
  const bool taken = std::ranges::any_of(state_.activities, [&](const auto& a) { return a.id == wanted; }) ||
                     std::ranges::any_of(state_.checkins, [&](const auto& c) { return c.id == wanted; });
  if (wanted < 0 || wanted == std::numeric_limits<Id>::max()) {
    return domain::fail(ErrorKind::conflict, "id", "id " + std::to_string(wanted) + " is not a usable id");
  }
  if (taken) return domain::fail(ErrorKind::conflict, "id", "id " + std::to_string(wanted) + " is already in use");
  state_.next_id = std::max(state_.next_id, wanted + 1);
  return wanted;
}

Expected<Id> MemoryStore::add_activity(const domain::Activity& a) {
  ++version_;
  if (a.recorded) {
    const auto& source = a.recorded->source;
    if (auto stored = has_source(source.content_hash, source.session_index); stored && *stored) {
      return domain::fail(ErrorKind::conflict, source.name,
                          "session " + std::to_string(source.session_index) + " of " + source.name + " (content " +
                              source.content_hash + ") is already stored");
    }
  }
  auto id = claim_id(a.id);
  if (!id) return id;
  auto copy = a;
  copy.id = *id;
  state_.activities.push_back(std::move(copy));
  std::ranges::stable_sort(state_.activities, {}, [](const auto& x) { return std::tuple(x.date, x.id); });
  return *id;
}

Expected<std::vector<domain::Activity>> MemoryStore::list_activities(const domain::DateRange& range) {
  std::vector<domain::Activity> out;
  std::ranges::copy_if(state_.activities, std::back_inserter(out),
                       [&](const auto& a) { return range.contains(a.date); });
  return out;
}

Expected<std::vector<domain::Activity>> MemoryStore::list_recorded(domain::UtcSeconds from, domain::UtcSeconds to) {
  std::vector<domain::Activity> out;
  std::ranges::copy_if(state_.activities, std::back_inserter(out), [&](const auto& a) {
    return a.recorded && a.recorded->start_utc >= from && a.recorded->start_utc <= to;
  });
  std::ranges::stable_sort(out, {}, [](const auto& a) { return std::tuple(a.recorded->start_utc, a.id); });
  return out;
}

Expected<bool> MemoryStore::has_source(const std::string& content_hash, int session_index) {
  return std::ranges::any_of(state_.activities, [&](const auto& a) {
    return a.recorded && a.recorded->source.content_hash == content_hash &&
           a.recorded->source.session_index == session_index;
  });
}

Expected<void> MemoryStore::save_track(Id activity, const domain::Track& track) {
  ++version_;
  if (!std::ranges::any_of(state_.activities, [&](const auto& a) { return a.id == activity; })) {
    return domain::fail(ErrorKind::not_found, "id", "no activity has id " + std::to_string(activity));
  }
  state_.tracks[activity] = track;
  return {};
}

Expected<void> MemoryStore::save_encoded_track(Id activity, const track_codec::EncodedTrack& track) {
  ++version_;
  auto decoded = track_codec::decode(track.bytes, activity);
  if (!decoded) return std::unexpected(std::move(decoded.error()));
  return save_track(activity, *decoded);
}

Expected<std::optional<domain::Track>> MemoryStore::load_track(Id activity) {
  const auto found = state_.tracks.find(activity);
  if (found == state_.tracks.end()) return std::optional<domain::Track>{};
  return std::optional<domain::Track>{found->second};
}

Expected<Id> MemoryStore::add_checkin(const domain::PainCheckin& c) {
  ++version_;
  auto id = claim_id(c.id);
  if (!id) return id;
  auto copy = c;
  copy.id = *id;
  state_.checkins.push_back(std::move(copy));
  std::ranges::stable_sort(state_.checkins, {},
                           [](const auto& x) { return std::tuple(x.date, x.time.value_or(-1), x.id); });
  return *id;
}

Expected<std::vector<domain::PainCheckin>> MemoryStore::list_checkins(const domain::DateRange& range) {
  std::vector<domain::PainCheckin> out;
  std::ranges::copy_if(state_.checkins, std::back_inserter(out), [&](const auto& c) { return range.contains(c.date); });
  return out;
}

Expected<Id> MemoryStore::add_routine(const domain::RoutineSession& r) {
  ++version_;
  Id id = r.id;
  if (id == 0) {
    for (const auto& x : state_.routines) id = std::max(id, x.id);
    ++id;
  } else if (std::ranges::any_of(state_.routines, [&](const auto& x) { return x.id == id; })) {
    return domain::fail(ErrorKind::conflict, "id", "routine id " + std::to_string(id) + " is already in use");
  }
  auto copy = r;
  copy.id = id;
  state_.routines.push_back(copy);
  std::ranges::stable_sort(state_.routines, {},
                           [](const auto& x) { return std::tuple(x.date, x.time.value_or(-1), x.id); });
  return id;
}

Expected<std::vector<domain::RoutineSession>> MemoryStore::list_routines(const domain::DateRange& range) {
  std::vector<domain::RoutineSession> out;
  std::ranges::copy_if(state_.routines, std::back_inserter(out), [&](const auto& r) { return range.contains(r.date); });
  return out;
}

Expected<bool> MemoryStore::remove(Id id) {
  ++version_;
  const auto a = std::erase_if(state_.activities, [&](const auto& x) { return x.id == id; });
  state_.tracks.erase(id);
  const auto c = std::erase_if(state_.checkins, [&](const auto& x) { return x.id == id; });
  return a + c > 0;
}

Expected<std::vector<domain::ShownDay>> MemoryStore::list_shown_days(const domain::DateRange& range) {
  std::vector<domain::ShownDay> out;
  for (const auto& [date, d] : state_.shown_days) {
    if (range.contains(date)) out.push_back(d);
  }
  return out;
}

Expected<void> MemoryStore::save_shown_days(std::span<const domain::ShownDay> days) {
  ++version_;
  for (const auto& d : days) state_.shown_days[d.date] = d;
  return {};
}

Expected<std::vector<domain::CalendarEvent>> MemoryStore::list_calendar_events(const domain::DateRange& range) {
  std::vector<domain::CalendarEvent> out;
  for (const auto& [uid, e] : state_.calendar_events) {
    if (range.contains(e.date)) out.push_back(e);
  }
  std::ranges::stable_sort(out, {}, &domain::CalendarEvent::date);  // the map already orders by uid
  return out;
}

Expected<void> MemoryStore::save_calendar_events(std::span<const domain::CalendarEvent> events) {
  ++version_;
  for (const auto& e : events) state_.calendar_events[e.uid] = e;
  return {};
}

Expected<bool> MemoryStore::empty() {
  return !state_.profile && state_.activities.empty() && state_.checkins.empty() && state_.routines.empty();
}

}  // namespace stridecare::storage
