#include "services/json_codec.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/validate.hpp"

namespace stridecare::services {
namespace {

using domain::Expected;

/// Strict typed reads from a JSON object; errors name `path.key`.
class Fields {
 public:
  Fields(const Json& j, const std::string& path) : j_(j), path_(path) {}

  bool is_object() const { return j_.is_object(); }
  std::string field(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
  }

  template <class T>
  Expected<std::optional<T>> optional(std::string_view key) const {
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return std::optional<T>{};
    auto v = read<T>(*it, key);  // g++ 12's std::expected has no transform()
    if (!v) return std::unexpected(v.error());
    return std::optional<T>(std::move(*v));
  }

  template <class T>
  Expected<T> required(std::string_view key) const {
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return domain::invalid(field(key), "is missing");
    return read<T>(*it, key);
  }

  /// Calls `each` with the fields of every object of the array at `key`
  /// (absent or null: none); errors name `path.key[i]`.
  template <class Each>
  Expected<void> objects(std::string_view key, Each&& each) const {
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return {};
    if (!it->is_array()) return domain::invalid(field(key), "must be an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string p = fmt::format("{}[{}]", field(key), i);
      const Fields element((*it)[i], p);
      if (!element.is_object()) return domain::invalid(p, "must be an object");
      if (auto ok = each(element); !ok) return ok;
    }
    return {};
  }

  Expected<domain::Date> date(std::string_view key) const {
    auto text = required<std::string>(key);
    if (!text) return std::unexpected(text.error());
    return domain::parse_date(*text, field(key));
  }

  template <class E>
  Expected<E> enumeration(std::string_view key) const {
    auto text = required<std::string>(key);
    if (!text) return std::unexpected(text.error());
    if (auto v = domain::parse_enum<E>(*text)) return *v;
    return domain::invalid(field(key), domain::not_allowed<E>(*text));
  }

 private:
  template <class T>
  Expected<T> read(const Json& v, std::string_view key) const {
    if constexpr (std::is_same_v<T, bool>) {
      if (v.is_boolean()) return v.get<bool>();
      return domain::invalid(field(key), "must be true or false");
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (v.is_string()) return v.get<std::string>();
      return domain::invalid(field(key), "must be a string");
    } else if constexpr (std::is_integral_v<T>) {
      // Read as the JSON holds it (unsigned beyond 2^63 - 1), so that an out-of-range value is quoted
      // as written: read as a signed one first, 2^63 was reported as -9223372036854775808.
      const auto out_of_range = [&](const auto n) {
        return domain::invalid(field(key), fmt::format("{} is out of range; allowed {} to {}", n,
                                                       std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
      };
      if (v.is_number_unsigned()) {
        const auto n = v.get<unsigned long long>();
        if (std::cmp_less_equal(n, std::numeric_limits<T>::max())) return static_cast<T>(n);
        return out_of_range(n);
      }
      if (v.is_number_integer()) {
        const auto n = v.get<long long>();
        if (std::in_range<T>(n)) return static_cast<T>(n);
        return out_of_range(n);
      }
      return domain::invalid(field(key), "must be an integer");
    } else {
      if (v.is_number() && std::isfinite(v.get<double>())) return v.get<double>();
      return domain::invalid(field(key), "must be a finite number");
    }
  }

  const Json& j_;
  const std::string& path_;
};

#define SC_TRY_ASSIGN(lhs, expr)                                     \
  do {                                                               \
    auto sc_try_value = (expr);                                      \
    if (!sc_try_value) return std::unexpected(sc_try_value.error()); \
    lhs = std::move(*sc_try_value);                                  \
  } while (false)

/// Validation errors carry bare field names; prefix them with the JSON path.
template <class T>
Expected<T> validated(T value, const std::string& path) {
  if (auto ok = domain::validate(value); !ok) {
    auto e = ok.error();
    e.field = path.empty() ? e.field : fmt::format("{}.{}", path, e.field);
    return std::unexpected(e);
  }
  return value;
}

Expected<domain::Recorded> recorded_from_json(const Json& j, const std::string& path) {
  const Fields f(j, path);
  if (!f.is_object()) return domain::invalid(path, "must be an object");
  domain::Recorded r;
  const auto source = j.find("source");
  const std::string source_path = f.field("source");
  if (source == j.end() || !source->is_object()) return domain::invalid(source_path, "must be an object");
  const Fields src(*source, source_path);
  SC_TRY_ASSIGN(r.source.name, src.required<std::string>("name"));
  SC_TRY_ASSIGN(r.source.format, src.required<std::string>("format"));
  SC_TRY_ASSIGN(r.source.content_hash, src.required<std::string>("content_hash"));
  SC_TRY_ASSIGN(r.source.session_index, src.required<int>("session"));
  std::string start;
  SC_TRY_ASSIGN(start, f.required<std::string>("start"));
  SC_TRY_ASSIGN(r.start_utc, parse_iso_utc(start, f.field("start")));
  SC_TRY_ASSIGN(r.utc_offset_s, f.optional<int>("utc_offset_s"));
  SC_TRY_ASSIGN(r.moving_s, f.optional<double>("moving_s"));
  SC_TRY_ASSIGN(r.elevation_gain_m, f.optional<double>("elevation_gain_m"));
  SC_TRY_ASSIGN(r.avg_heart_rate_bpm, f.optional<int>("avg_heart_rate_bpm"));
  SC_TRY_ASSIGN(r.max_heart_rate_bpm, f.optional<int>("max_heart_rate_bpm"));
  SC_TRY_ASSIGN(r.avg_cadence_spm, f.optional<double>("avg_cadence_spm"));
  auto laps = f.objects("laps", [&](const Fields& l) -> Expected<void> {
    domain::LapSummary lap;
    SC_TRY_ASSIGN(lap.start_offset_s, l.required<double>("start_offset_s"));
    SC_TRY_ASSIGN(lap.elapsed_s, l.required<double>("elapsed_s"));
    SC_TRY_ASSIGN(lap.distance_m, l.optional<double>("distance_m"));
    r.laps.push_back(lap);
    return {};
  });
  if (!laps) return std::unexpected(laps.error());
  return r;
}

}  // namespace

std::string iso_utc(std::chrono::sys_time<std::chrono::milliseconds> t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{t - days};
  const auto ms = hms.subseconds().count();
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", int(ymd.year()), unsigned(ymd.month()),
                                unsigned(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (ms != 0) out += fmt::format(".{:03}", ms);
  return out + "Z";
}

Expected<domain::UtcSeconds> parse_iso_utc(std::string_view text, const std::string& field) {
  // Exactly YYYY-MM-DDTHH:MM:SSZ, what iso_utc writes for whole seconds.
  constexpr std::size_t kLength = 20;
  const auto bad = [&] {
    return domain::invalid(field, fmt::format("'{}' is not a UTC time like 2017-06-11T14:34:09Z", text));
  };
  if (text.size() != kLength || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return bad();
  auto day = domain::parse_date(text.substr(0, 10), field);
  if (!day) return bad();
  const auto number = [&](std::size_t at) -> int {
    const char a = text[at];
    const char b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  const int h = number(11);
  const int m = number(14);
  const int sec = number(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return bad();
  return std::chrono::sys_days{*day} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec};
}

Json to_json(const domain::Track& t) {
  Json offset = Json::array(), lat = Json::array(), lon = Json::array(), alt = Json::array(), dist = Json::array(),
       speed = Json::array(), hr = Json::array(), cad = Json::array(), power = Json::array();
  for (const auto& p : t.points) {
    offset.push_back(p.offset_s);
    lat.push_back(optional_json(p.latitude_deg));
    lon.push_back(optional_json(p.longitude_deg));
    alt.push_back(optional_json(p.altitude_m));
    dist.push_back(optional_json(p.distance_m));
    speed.push_back(optional_json(p.speed_m_per_s));
    hr.push_back(optional_json(p.heart_rate_bpm));
    cad.push_back(optional_json(p.cadence_spm));
    power.push_back(optional_json(p.power_w));
  }
  return {{"offset_s", offset},   {"lat_deg", lat},     {"lon_deg", lon},
          {"altitude_m", alt},    {"distance_m", dist}, {"speed_m_per_s", speed},
          {"heart_rate_bpm", hr}, {"cadence_spm", cad}, {"power_w", power}};
}

Expected<domain::Track> track_from_json(const Json& j, const std::string& path) {
  if (!j.is_object()) return domain::invalid(path, "must be an object");
  const auto offsets = j.find("offset_s");
  if (offsets == j.end() || !offsets->is_array()) return domain::invalid(path + ".offset_s", "must be an array");
  domain::Track t;
  t.points.resize(offsets->size());
  for (std::size_t i = 0; i < offsets->size(); ++i) {
    const auto& v = (*offsets)[i];
    if (!v.is_number() || !std::isfinite(v.get<double>())) {
      return domain::invalid(fmt::format("{}.offset_s[{}]", path, i), "must be a finite number");
    }
    t.points[i].offset_s = v.get<double>();
  }
  // Each column: absent, or an array as long as offset_s of numbers and nulls.
  const auto column = [&](const char* key, auto member) -> Expected<void> {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    const std::string col = fmt::format("{}.{}", path, key);
    if (!it->is_array() || it->size() != t.points.size()) {
      return domain::invalid(col, "must be an array as long as offset_s");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& v = (*it)[i];
      if (v.is_null()) continue;
      auto& slot = t.points[i].*member;
      using T = typename std::remove_reference_t<decltype(slot)>::value_type;
      if constexpr (std::is_integral_v<T>) {
        if (!v.is_number_integer() || v.get<long long>() < std::numeric_limits<T>::min() ||
            v.get<long long>() > std::numeric_limits<T>::max()) {
          return domain::invalid(fmt::format("{}[{}]", col, i), "must be an integer or null");
        }
        slot = static_cast<T>(v.get<long long>());
      } else {
        if (!v.is_number() || !std::isfinite(v.get<double>())) {
          return domain::invalid(fmt::format("{}[{}]", col, i), "must be a finite number or null");
        }
        slot = v.get<double>();
      }
    }
    return {};
  };
  using P = domain::TrackPoint;
  for (const auto& ok : {column("lat_deg", &P::latitude_deg), column("lon_deg", &P::longitude_deg),
                         column("altitude_m", &P::altitude_m), column("distance_m", &P::distance_m),
                         column("speed_m_per_s", &P::speed_m_per_s), column("heart_rate_bpm", &P::heart_rate_bpm),
                         column("cadence_spm", &P::cadence_spm), column("power_w", &P::power_w)}) {
    if (!ok) return std::unexpected(ok.error());
  }
  return t;
}

Json to_json(const domain::Recorded& r) {
  Json laps = Json::array();
  for (const auto& l : r.laps) {
    laps.push_back({{"start_offset_s", l.start_offset_s},
                    {"elapsed_s", l.elapsed_s},
                    {"distance_m", optional_json(l.distance_m)}});
  }
  return {{"source",
           {{"name", r.source.name},
            {"format", r.source.format},
            {"content_hash", r.source.content_hash},
            {"session", r.source.session_index}}},
          {"start", iso_utc(r.start_utc)},
          {"utc_offset_s", optional_json(r.utc_offset_s)},
          {"moving_s", optional_json(r.moving_s)},
          {"elevation_gain_m", optional_json(r.elevation_gain_m)},
          {"avg_heart_rate_bpm", optional_json(r.avg_heart_rate_bpm)},
          {"max_heart_rate_bpm", optional_json(r.max_heart_rate_bpm)},
          {"avg_cadence_spm", optional_json(r.avg_cadence_spm)},
          {"laps", laps}};
}

Json to_json(const domain::Activity& a) {
  Json exercises = Json::array();
  for (const auto& e : a.exercises) {
    Json ex = {{"exercise", e.exercise}, {"sets", e.sets}, {"reps", e.reps}, {"load_kg", optional_json(e.load_kg)}};
    // Absent, not empty or null, when not given: exports of uniform sessions stay as they were.
    if (!e.per_set.empty()) {
      Json sets = Json::array();
      for (const auto& set : e.per_set) sets.push_back({{"reps", set.reps}, {"load_kg", optional_json(set.load_kg)}});
      ex["per_set"] = std::move(sets);
    }
    if (e.pain) ex["pain"] = *e.pain;
    exercises.push_back(std::move(ex));
  }
  Json j = {{"id", a.id},
            {"kind", domain::name_of(a.kind())},
            {"sport", domain::name_of(a.sport)},
            {"date", domain::to_string(a.date)},
            {"distance_m", optional_json(a.distance_m)},
            {"distance_km", a.distance_m ? Json(*a.distance_m / domain::kMetresPerKm) : Json(nullptr)},
            {"duration_s", a.duration_s},
            {"rpe", optional_json(a.rpe)},
            {"exercises", exercises},
            {"note", a.note}};
  // Absent, not null, on hand-logged activities: exports of version 1 stay as they were.
  if (a.recorded) j["recorded"] = to_json(*a.recorded);
  // Likewise absent when no start time was logged.
  if (a.time) j["time"] = domain::time_of_day_to_string(*a.time);
  return j;
}

Json to_json(const domain::PainCheckin& c) {
  Json j = {{"id", c.id},
            {"date", domain::to_string(c.date)},
            {"time", c.time ? Json(domain::time_of_day_to_string(*c.time)) : Json(nullptr)},
            {"site", domain::name_of(c.site)},
            {"region", c.region ? Json(domain::name_of(*c.region)) : Json(nullptr)},
            {"side", domain::name_of(c.side)},
            {"pain", c.pain},
            {"timing", domain::name_of(c.timing)},
            {"persists_after_run", c.persists_after_run}};
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) j[std::string(name)] = c.has(sign);
  j["cleared_by_clinician"] = c.cleared_by_clinician;
  j["note"] = c.note;
  return j;
}

Json to_json(const domain::RoutineSession& r) {
  return {{"id", r.id},
          {"date", domain::to_string(r.date)},
          {"time", r.time ? Json(domain::time_of_day_to_string(*r.time)) : Json(nullptr)},
          {"routine", domain::name_of(r.routine)},
          {"steps_total", r.steps_total},
          {"steps_done", r.steps_done},
          {"steps_skipped", r.steps_skipped},
          {"seconds", r.seconds},
          {"completed", r.completed()}};
}

Json to_json(const domain::Profile& p) {
  Json days = Json::array();
  for (unsigned i = 0; i < 7; ++i) {
    if (p.available_days[i]) days.push_back(domain::weekday_name(std::chrono::weekday{(i + 1) % 7}));
  }
  Json cross = Json::array();
  for (auto s : p.cross_training) cross.push_back(domain::name_of(s));
  Json j = {
      {"time_zone", p.time_zone}, {"available_days", days},     {"long_run_day", domain::weekday_name(p.long_run_day)},
      {"cross_training", cross},  {"gym_access", p.gym_access}, {"strength_per_week", p.strength_per_week}};
  // Written only once chosen, so exports made before `units` existed round-trip byte for byte.
  if (p.units) j["units"] = domain::name_of(*p.units);
  if (p.weekly_goal_m) j["weekly_goal_km"] = *p.weekly_goal_m / domain::kMetresPerKm;
  if (p.session_time) j["session_time"] = domain::time_of_day_to_string(*p.session_time);
  return j;
}

Json to_json(const rules::FiredRule& r) {
  Json figures = Json::object();
  for (const auto& [name, value] : r.figures) figures[name] = value;
  return {{"id", r.id},
          {"why", r.why},
          {"action", domain::name_of(r.action)},
          {"site", r.site ? Json(domain::name_of(*r.site)) : Json(nullptr)},
          {"side", r.side ? Json(domain::name_of(*r.side)) : Json(nullptr)},
          {"since", r.since ? Json(domain::to_string(*r.since)) : Json(nullptr)},
          {"figures", figures}};
}

Json to_json(const rules::CareAdvice& c) { return {{"id", c.id}, {"text", c.text}}; }

Expected<domain::Activity> activity_from_json(const Json& j, const std::string& path) {
  const Fields f(j, path);
  if (!f.is_object()) return domain::invalid(path, "must be an object");
  domain::Activity a;
  SC_TRY_ASSIGN(a.id, f.required<domain::Id>("id"));
  SC_TRY_ASSIGN(a.sport, f.enumeration<domain::Sport>("sport"));
  SC_TRY_ASSIGN(a.date, f.date("date"));
  SC_TRY_ASSIGN(a.distance_m, f.optional<double>("distance_m"));
  SC_TRY_ASSIGN(a.duration_s, f.required<double>("duration_s"));
  SC_TRY_ASSIGN(a.rpe, f.optional<int>("rpe"));
  std::optional<std::string> note;
  SC_TRY_ASSIGN(note, f.optional<std::string>("note"));
  a.note = note.value_or("");
  std::optional<std::string> time;
  SC_TRY_ASSIGN(time, f.optional<std::string>("time"));
  if (time) SC_TRY_ASSIGN(a.time, domain::parse_time_of_day(*time, f.field("time")));
  auto exercises = f.objects("exercises", [&](const Fields& e) -> Expected<void> {
    domain::StrengthExercise ex;
    SC_TRY_ASSIGN(ex.exercise, e.required<std::string>("exercise"));
    SC_TRY_ASSIGN(ex.sets, e.required<int>("sets"));
    SC_TRY_ASSIGN(ex.reps, e.required<int>("reps"));
    SC_TRY_ASSIGN(ex.load_kg, e.optional<double>("load_kg"));
    SC_TRY_ASSIGN(ex.pain, e.optional<int>("pain"));
    auto sets = e.objects("per_set", [&](const Fields& p) -> Expected<void> {
      domain::StrengthSet set;
      SC_TRY_ASSIGN(set.reps, p.required<int>("reps"));
      SC_TRY_ASSIGN(set.load_kg, p.optional<double>("load_kg"));
      ex.per_set.push_back(set);
      return {};
    });
    if (!sets) return std::unexpected(sets.error());
    a.exercises.push_back(std::move(ex));
    return {};
  });
  if (!exercises) return std::unexpected(exercises.error());
  if (const auto it = j.find("recorded"); it != j.end() && !it->is_null()) {
    SC_TRY_ASSIGN(a.recorded, recorded_from_json(*it, f.field("recorded")));
  }
  return validated(std::move(a), path);
}

Expected<domain::PainCheckin> checkin_from_json(const Json& j, const std::string& path) {
  const Fields f(j, path);
  if (!f.is_object()) return domain::invalid(path, "must be an object");
  domain::PainCheckin c;
  SC_TRY_ASSIGN(c.id, f.required<domain::Id>("id"));
  SC_TRY_ASSIGN(c.date, f.date("date"));
  std::optional<std::string> time;
  SC_TRY_ASSIGN(time, f.optional<std::string>("time"));
  if (time) SC_TRY_ASSIGN(c.time, domain::parse_time_of_day(*time, f.field("time")));
  SC_TRY_ASSIGN(c.site, f.enumeration<domain::Site>("site"));
  if (const auto it = j.find("region"); it != j.end() && !it->is_null()) {
    SC_TRY_ASSIGN(c.region, f.enumeration<domain::Region>("region"));
  }
  SC_TRY_ASSIGN(c.side, f.enumeration<domain::Side>("side"));
  SC_TRY_ASSIGN(c.pain, f.required<int>("pain"));
  SC_TRY_ASSIGN(c.timing, f.enumeration<domain::Timing>("timing"));
  std::optional<bool> flag;
  SC_TRY_ASSIGN(flag, f.optional<bool>("persists_after_run"));
  c.persists_after_run = flag.value_or(false);
  SC_TRY_ASSIGN(flag, f.optional<bool>("cleared_by_clinician"));
  c.cleared_by_clinician = flag.value_or(false);
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
    SC_TRY_ASSIGN(flag, f.optional<bool>(name));
    c.set(sign, flag.value_or(false));
  }
  std::optional<std::string> note;
  SC_TRY_ASSIGN(note, f.optional<std::string>("note"));
  c.note = note.value_or("");
  return validated(std::move(c), path);
}

Expected<domain::RoutineSession> routine_from_json(const Json& j, const std::string& path) {
  const Fields f(j, path);
  if (!f.is_object()) return domain::invalid(path, "must be an object");
  domain::RoutineSession r;
  SC_TRY_ASSIGN(r.id, f.required<domain::Id>("id"));
  SC_TRY_ASSIGN(r.date, f.date("date"));
  std::optional<std::string> time;
  SC_TRY_ASSIGN(time, f.optional<std::string>("time"));
  if (time) SC_TRY_ASSIGN(r.time, domain::parse_time_of_day(*time, f.field("time")));
  SC_TRY_ASSIGN(r.routine, f.enumeration<domain::RoutineKind>("routine"));
  SC_TRY_ASSIGN(r.steps_total, f.required<int>("steps_total"));
  SC_TRY_ASSIGN(r.steps_done, f.required<int>("steps_done"));
  SC_TRY_ASSIGN(r.steps_skipped, f.required<int>("steps_skipped"));
  SC_TRY_ASSIGN(r.seconds, f.required<double>("seconds"));
  return validated(r, path);
}

Expected<domain::Profile> profile_from_json(const Json& j, const std::string& path) {
  const Fields f(j, path);
  if (!f.is_object()) return domain::invalid(path, "must be an object");
  domain::Profile p;
  SC_TRY_ASSIGN(p.time_zone, f.required<std::string>("time_zone"));
  const auto names = [&](std::string_view key) -> Expected<std::vector<std::string>> {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return domain::invalid(f.field(key), "must be an array of names");
    std::vector<std::string> out;
    for (const auto& v : *it) {
      if (!v.is_string()) return domain::invalid(f.field(key), "must be an array of names");
      out.push_back(v.get<std::string>());
    }
    return out;
  };
  std::vector<std::string> list;
  SC_TRY_ASSIGN(list, names("available_days"));
  p.available_days.fill(false);
  for (const auto& d : list) {
    const auto wd = domain::parse_weekday(d);
    if (!wd) return domain::invalid(f.field("available_days"), domain::not_a_day(d));
    p.available_days[domain::weekday_index(*wd)] = true;
  }
  std::string long_run;
  SC_TRY_ASSIGN(long_run, f.required<std::string>("long_run_day"));
  const auto wd = domain::parse_weekday(long_run);
  if (!wd) return domain::invalid(f.field("long_run_day"), domain::not_a_day(long_run));
  p.long_run_day = *wd;
  SC_TRY_ASSIGN(list, names("cross_training"));
  p.cross_training.clear();
  for (const auto& s : list) {
    const auto sport = domain::parse_cross_training(s);
    if (!sport) {
      return domain::invalid(f.field("cross_training"), domain::not_allowed(s, domain::cross_training_names()));
    }
    p.cross_training.push_back(*sport);
  }
  SC_TRY_ASSIGN(p.gym_access, f.required<bool>("gym_access"));
  SC_TRY_ASSIGN(p.strength_per_week, f.required<int>("strength_per_week"));
  std::optional<std::string> units;
  SC_TRY_ASSIGN(units, f.optional<std::string>("units"));
  if (units) {
    p.units = domain::parse_enum<domain::UnitSystem>(*units);
    if (!p.units) return domain::invalid(f.field("units"), domain::not_allowed<domain::UnitSystem>(*units));
  }
  std::optional<double> goal_km;
  SC_TRY_ASSIGN(goal_km, f.optional<double>("weekly_goal_km"));
  // Whole metres, as `profile --weekly-goal` stores them: km -> m -> km round-trips.
  if (goal_km) p.weekly_goal_m = std::round(*goal_km * domain::kMetresPerKm);
  std::optional<std::string> session_time;
  SC_TRY_ASSIGN(session_time, f.optional<std::string>("session_time"));
  if (session_time) {
    auto t = domain::parse_time_of_day(*session_time, f.field("session_time"));
    if (!t) return std::unexpected(t.error());
    p.session_time = *t;
  }
  return validated(std::move(p), path);
}

}  // namespace stridecare::services
