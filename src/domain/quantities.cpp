#include "domain/quantities.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "domain/units.hpp"
#include "domain/validate.hpp"

namespace stridecare::domain {
namespace {

/// Reads a non-negative decimal number (digits and an optional decimal point,
/// no sign, no exponent) at the front of `s`; advances `s`.
std::optional<double> take_number(std::string_view& s) {
  // from_chars accepts a leading '-', which would let `-0` through as zero.
  if (s.starts_with('-')) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (ec != std::errc{} || ptr == s.data() || !std::isfinite(v) || v < 0) return std::nullopt;
  s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
  return v;
}

/// Reads an unsigned integer (digits only, no sign) at the front of `s`; advances `s`.
std::optional<long> take_int(std::string_view& s) {
  if (s.starts_with('-')) return std::nullopt;
  long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr == s.data() || v < 0) return std::nullopt;
  s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
  return v;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

constexpr long kPainScaleMax = 10;

}  // namespace

Expected<double> parse_distance_m(std::string_view text, std::string_view field) {
  const auto bad = [&](const std::string& why) { return invalid(std::string(field), quoted(text) + " " + why); };
  std::string_view s = text;
  const auto number = take_number(s);
  if (!number) return bad("is not a distance; use e.g. 8.2km, 5mi, 800m or a number of km");
  // `1e308km` read as 1 with the unit `e308km` was "an unknown unit": say what is wrong.
  if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E') &&
      (std::isdigit(static_cast<unsigned char>(s[1])) != 0 || s[1] == '+' || s[1] == '-')) {
    return bad("has an exponent; write the number out, e.g. 8.2km, 5mi or 800m");
  }
  double factor = 0;
  if (s.empty() || s == "km") {
    factor = kMetresPerKm;
  } else if (s == "mi") {
    factor = kMetresPerMile;
  } else if (s == "m") {
    factor = 1.0;
  } else {
    return bad("has an unknown unit; allowed units are km, mi, m");
  }
  const double metres = *number * factor;
  if (!std::isfinite(metres)) return bad("is too large to be a distance");
  if (metres <= 0) return bad("is not a positive distance");
  return metres;
}

Expected<double> parse_duration_s(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return invalid(std::string(field), quoted(text) + " is not a duration; use MM:SS, HH:MM:SS, 45min, 1h30min or 90s");
  };
  std::string_view s = text;
  double seconds = 0;
  if (s.find(':') != std::string_view::npos) {
    // Clock form: MM:SS or HH:MM:SS. The parts after the first are two digits, 00-59
    // (`45:5` is rejected rather than guessed to be 45:05 or 45:50).
    std::array<long, 3> parts{};
    std::size_t n = 0;
    while (true) {
      if (n == parts.size()) return bad();
      const std::size_t before = s.size();
      const auto v = take_int(s);
      if (!v) return bad();
      if (n > 0 && before - s.size() != 2) return bad();
      parts[n++] = *v;
      if (s.empty()) break;
      if (s.front() != ':') return bad();
      s.remove_prefix(1);
    }
    if (n < 2) return bad();
    for (std::size_t i = 1; i < n; ++i) {
      if (parts[i] > 59) return bad();
    }
    // In double: the first part may have up to 18 digits, and long arithmetic would overflow.
    for (std::size_t i = 0; i < n; ++i) seconds = seconds * 60 + static_cast<double>(parts[i]);
  } else {
    // Unit form: one or more NUMBER+UNIT terms (h, min, s), each unit at most once
    // and from the largest to the smallest (`1h30min`, not `30min1h` or `1h1h`);
    // a bare number is minutes.
    bool any = false;
    double previous_unit = 3600 * 2;  // larger than any unit
    while (!s.empty()) {
      const auto v = take_number(s);
      if (!v) return bad();
      double unit = 60;
      if (s.starts_with("min")) {
        s.remove_prefix(3);
      } else if (s.starts_with("h")) {
        unit = 3600;
        s.remove_prefix(1);
      } else if (s.starts_with("s")) {
        unit = 1;
        s.remove_prefix(1);
      } else if (!s.empty() || any) {
        return bad();
      }
      if (!(unit < previous_unit)) return bad();
      previous_unit = unit;
      seconds += *v * unit;
      any = true;
    }
    if (!any) return bad();
  }
  if (!std::isfinite(seconds)) return invalid(std::string(field), quoted(text) + " is too long to be a duration");
  if (!(seconds > 0)) return invalid(std::string(field), quoted(text) + " is not a positive duration");
  return seconds;
}

namespace {

/// `@40kg` or `@88lb` at the front of `s` (advances `s`); nullopt when malformed.
std::optional<double> take_load_kg(std::string_view& s) {
  if (!s.starts_with('@')) return std::nullopt;
  s.remove_prefix(1);
  const auto load = take_number(s);
  if (!load) return std::nullopt;
  if (s.starts_with("kg")) {
    s.remove_prefix(2);
    return *load;
  }
  if (s.starts_with("lb")) {
    s.remove_prefix(2);
    return *load * kKgPerPound;
  }
  return std::nullopt;
}

}  // namespace

std::string_view exercise_name_of(std::string_view text) {
  const std::size_t from = text.starts_with(kCustomExercisePrefix) ? kCustomExercisePrefix.size() : 0;
  const auto colon = text.find(':', from);
  return colon == std::string_view::npos ? std::string_view{} : text.substr(0, colon);
}

Expected<StrengthExercise> parse_exercise(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return invalid(std::string(field),
                   quoted(text) +
                       " is not an exercise; use NAME:SETSxREPS[@LOAD] or NAME:REPS[@LOAD],"
                       "REPS[@LOAD],... (one per set, at least two), optionally followed by ,pain=0-10, e.g. "
                       "squat:3x10@40kg, squat:10@40kg,8@42.5kg or lunge:3x8,pain=2");
  };
  const std::string_view name = exercise_name_of(text);
  const std::string_view own =
      name.starts_with(kCustomExercisePrefix) ? name.substr(kCustomExercisePrefix.size()) : name;
  if (own.empty()) return bad();
  const auto colon = name.size();
  StrengthExercise ex;
  ex.exercise = std::string(name);
  for (char c : own) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return bad();
  }
  std::string_view s = text.substr(colon + 1);
  // A trailing `,pain=N`.
  if (const auto at = s.rfind(",pain="); at != std::string_view::npos) {
    std::string_view p = s.substr(at + 6);
    const auto pain = take_int(p);
    if (!pain || !p.empty()) return bad();
    if (*pain > kPainScaleMax) {
      return invalid(std::string(field),
                     quoted(text) + ": pain " + std::to_string(*pain) + " is out of range; allowed 0-10");
    }
    ex.pain = static_cast<int>(*pain);
    s = s.substr(0, at);
  }
  // A count beyond its limit is refused with the number as typed (capped first, 99999999999 sets
  // were reported as "1000000 sets").
  const auto count = [&](long v, int max, const char* what) -> Expected<int> {
    if (v > max) {
      return invalid(std::string(field), quoted(text) + ": " + std::to_string(v) + " " + what +
                                             " is out of range; allowed 1-" + std::to_string(max));
    }
    return static_cast<int>(v);
  };
  const auto first = take_int(s);
  if (!first) return bad();
  if (s.starts_with('x') || s.starts_with('X')) {
    // SETSxREPS[@LOAD]
    s.remove_prefix(1);
    const auto reps = take_int(s);
    if (!reps) return bad();
    const auto sets = count(*first, kMaxSets, "sets");
    if (!sets) return std::unexpected(sets.error());
    const auto each = count(*reps, kMaxReps, "reps");
    if (!each) return std::unexpected(each.error());
    ex.sets = *sets;
    ex.reps = *each;
    if (!s.empty()) {
      ex.load_kg = take_load_kg(s);
      if (!ex.load_kg || !s.empty()) return bad();
    }
    return ex;
  }
  // REPS[@LOAD],REPS[@LOAD],...: one entry per set.
  std::optional<long> reps = first;
  while (true) {
    StrengthSet set;
    const auto each = count(*reps, kMaxReps, "reps");
    if (!each) return std::unexpected(each.error());
    set.reps = *each;
    if (s.starts_with('@')) {
      set.load_kg = take_load_kg(s);
      if (!set.load_kg) return bad();
    }
    ex.per_set.push_back(set);
    if (ex.per_set.size() > 1'000) return bad();
    if (s.empty()) break;
    if (!s.starts_with(',')) return bad();
    s.remove_prefix(1);
    reps = take_int(s);
    if (!reps) return bad();
  }
  // One entry alone is ambiguous (`squat:3` reads as sets without reps): one set is `1xREPS`.
  if (ex.per_set.size() < 2) return bad();
  ex.sets = static_cast<int>(ex.per_set.size());
  ex.reps = ex.per_set.front().reps;
  for (const auto& set : ex.per_set) {
    ex.reps = std::min(ex.reps, set.reps);
    if (set.load_kg && (!ex.load_kg || *set.load_kg > *ex.load_kg)) ex.load_kg = set.load_kg;
  }
  return ex;
}

std::string format_duration(double seconds) {
  // Not through lround: it is unspecified beyond the range of long, and a
  // negative total printed as `0:-30`.
  if (!std::isfinite(seconds)) return "?";
  const double total = std::round(std::fabs(seconds));
  const std::string sign = total > 0 && seconds < 0 ? "-" : "";
  const double within_hour = std::fmod(total, 3600.0);
  const double hours = (total - within_hour) / 3600;
  const int minutes = static_cast<int>(within_hour / 60);
  const int secs = static_cast<int>(within_hour - minutes * 60);
  char buf[400];  // the hours of DBL_MAX seconds have 305 digits
  if (hours >= 1) {
    std::snprintf(buf, sizeof buf, "%s%.0f:%02d:%02d", sign.c_str(), hours, minutes, secs);
  } else {
    std::snprintf(buf, sizeof buf, "%s%d:%02d", sign.c_str(), minutes, secs);
  }
  return buf;
}

}  // namespace stridecare::domain
