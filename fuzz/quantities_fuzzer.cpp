// libFuzzer target: the parsers of typed-in quantities (dates, times, distances,
// durations, exercise doses) must never crash and must only return values
// they promise (positive, finite, on the calendar).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/date.hpp"
#include "domain/quantities.hpp"
#include "domain/validate.hpp"

using namespace stridecare::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto d = parse_date(text); d && (!d->ok() || to_string(*d) != text)) std::abort();
  if (auto t = parse_time_of_day(text); t && (*t < 0 || *t >= 24 * 60)) std::abort();
  if (auto m = parse_distance_m(text); m && !(std::isfinite(*m) && *m > 0)) std::abort();
  if (auto s = parse_duration_s(text); s && !(std::isfinite(*s) && *s > 0)) std::abort();
  if (auto e = parse_exercise(text)) {
    if (e->exercise.empty()) std::abort();
    Activity a;
    a.sport = Sport::strength;
    a.date = Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{1}};
    a.duration_s = 60;
    a.exercises.push_back(*e);
    (void)validate(a);
  }
  return 0;
}
