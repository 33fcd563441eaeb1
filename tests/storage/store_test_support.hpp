#pragma once
/// Shared helpers of the storage tests: a temporary directory per test,
/// sample entries, and readable printing of domain values in failures.

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>

#include <gtest/gtest.h>
#include <stdlib.h>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "domain/date.hpp"
#include "domain/profile.hpp"

namespace stridecare::domain {

// Printers so a failed EXPECT_EQ shows fields, not bytes.
inline void PrintTo(const StrengthExercise& e, std::ostream* os) {
  *os << e.exercise << ':' << e.sets << 'x' << e.reps;
  if (e.load_kg) *os << '@' << *e.load_kg << "kg";
}

inline void PrintTo(const Activity& a, std::ostream* os) {
  *os << "{id " << a.id << ", " << name_of(a.sport) << ", " << to_string(a.date) << ", distance_m ";
  if (a.distance_m)
    *os << *a.distance_m;
  else
    *os << "-";
  *os << ", duration_s " << a.duration_s << ", rpe ";
  if (a.rpe)
    *os << *a.rpe;
  else
    *os << "-";
  *os << ", note '" << a.note << "', exercises [";
  for (const auto& e : a.exercises) {
    PrintTo(e, os);
    *os << ' ';
  }
  *os << "]";
  if (a.recorded) {
    const auto& r = *a.recorded;
    *os << ", recorded {" << r.source.name << ' ' << r.source.format << ' ' << r.source.content_hash << '#'
        << r.source.session_index << ", start " << r.start_utc.time_since_epoch().count() << ", laps [";
    for (const auto& lap : r.laps) *os << lap.start_offset_s << '+' << lap.elapsed_s << ' ';
    *os << "]}";
  }
  *os << '}';
}

inline void PrintTo(const TrackPoint& p, std::ostream* os) {
  const auto opt = [&](const char* name, const auto& v) {
    *os << ' ' << name << '=';
    if (v)
      *os << *v;
    else
      *os << '-';
  };
  *os << "{t=" << p.offset_s;
  opt("lat", p.latitude_deg);
  opt("lon", p.longitude_deg);
  opt("alt", p.altitude_m);
  opt("dist", p.distance_m);
  opt("speed", p.speed_m_per_s);
  opt("hr", p.heart_rate_bpm);
  opt("cad", p.cadence_spm);
  opt("pow", p.power_w);
  *os << '}';
}

inline void PrintTo(const Track& t, std::ostream* os) {
  *os << t.points.size() << " points [";
  for (const auto& p : t.points) PrintTo(p, os);
  *os << ']';
}

inline void PrintTo(const PainCheckin& c, std::ostream* os) {
  *os << "{id " << c.id << ", " << to_string(c.date) << ' ' << (c.time ? time_of_day_to_string(*c.time) : "--:--")
      << ", " << name_of(c.site) << '/' << (c.region ? name_of(*c.region) : "-") << '/' << name_of(c.side) << ", pain "
      << c.pain << ", " << name_of(c.timing) << ", persists " << c.persists_after_run << ", cleared "
      << c.cleared_by_clinician << ", signs " << c.signs.to_string() << ", note '" << c.note << "'}";
}

inline void PrintTo(const Profile& p, std::ostream* os) {
  *os << "{tz " << p.time_zone << ", days ";
  for (bool d : p.available_days) *os << (d ? '1' : '0');
  *os << ", long " << weekday_name(p.long_run_day) << ", cross [";
  for (Sport s : p.cross_training) *os << name_of(s) << ' ';
  *os << "], gym " << p.gym_access << ", strength " << p.strength_per_week << '}';
}

}  // namespace stridecare::domain

namespace stridecare::storage::testing {

inline constexpr std::int64_t kMarch2026Utc = 1'772'323'200;  ///< 2026-03-01T00:00:00Z, in Unix seconds

/// A fresh directory under the system temp directory, removed with everything
/// in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "stridecare-storage-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The whole content of `file`; empty when it cannot be read.
inline std::string read_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  std::string bytes(size, '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) return {};
  return bytes;
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

inline domain::Date day(int y, unsigned m, unsigned d) {
  return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline domain::Activity run_on(domain::Date date, double km = 5.0) {
  domain::Activity a;
  a.sport = domain::Sport::run;
  a.date = date;
  a.distance_m = km * 1000;
  a.duration_s = km * 330;
  return a;
}

inline domain::Activity strength_on(domain::Date date) {
  domain::Activity a;
  a.sport = domain::Sport::strength;
  a.date = date;
  a.duration_s = 2400;
  a.rpe = 6;
  a.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}, {"bridge", 2, 15, 0.0}};
  return a;
}

inline domain::PainCheckin checkin_on(domain::Date date, std::optional<domain::MinuteOfDay> time = std::nullopt) {
  domain::PainCheckin c;
  c.date = date;
  c.time = time;
  c.pain = 3;
  return c;
}

}  // namespace stridecare::storage::testing
