#pragma once
/// The order in which check-ins and activities happened: by local day, then
/// time of day (an entry without a time first), then id (the order they were
/// stored). Rules that read a history event by event (triage, return to
/// running) read it in this order.

#include <algorithm>
#include <span>
#include <tuple>

namespace stridecare::domain {

/// True when `a` happened before `b`. T: PainCheckin or Activity (any type with date, time and id).
template <class T>
bool happened_before(const T& a, const T& b) {
  return std::tuple(a.date, a.time.value_or(-1), a.id) < std::tuple(b.date, b.time.value_or(-1), b.id);
}

/// Puts `entries` in the order they happened. A history read from the store is already in that order, so it is
/// checked first: sorting ten years of entries again on every triage reading cost more than the reading.
template <class T>
void sort_by_moment(std::span<const T*> entries) {
  const auto before = [](const T* a, const T* b) { return happened_before(*a, *b); };
  if (!std::is_sorted(entries.begin(), entries.end(), before)) std::stable_sort(entries.begin(), entries.end(), before);
}

}  // namespace stridecare::domain
