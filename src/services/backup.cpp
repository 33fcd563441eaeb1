#include "services/backup.hpp"

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "services/environment.hpp"

namespace stridecare::services {
namespace {

using domain::ErrorKind;

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

}  // namespace

Expected<Json> export_json(Session& s) {
  Json out = {{"format", kExportFormat}, {"version", kExportVersion}};
  auto done = s.store.transact([&]() -> Expected<void> {
    auto profile = s.store.load_profile();
    if (!profile) return std::unexpected(profile.error());
    out["profile"] = *profile ? to_json(**profile) : Json(nullptr);
    auto activities = s.store.list_activities({});
    if (!activities) return std::unexpected(activities.error());
    out["activities"] = Json::array();
    for (const auto& a : *activities) {
      Json j = to_json(a);
      if (a.recorded) {
        auto track = s.store.load_track(a.id);
        if (!track) return std::unexpected(track.error());
        if (*track) j["recorded"]["track"] = to_json(**track);
      }
      out["activities"].push_back(std::move(j));
    }
    auto checkins = s.store.list_checkins({});
    if (!checkins) return std::unexpected(checkins.error());
    out["checkins"] = Json::array();
    for (const auto& c : *checkins) out["checkins"].push_back(to_json(c));
    auto routines = s.store.list_routines({});
    if (!routines) return std::unexpected(routines.error());
    out["routines"] = Json::array();
    for (const auto& r : *routines) out["routines"].push_back(to_json(r));
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return out;
}

Expected<std::string> export_csv(Session& s) {
  auto activities = s.store.list_activities({});
  if (!activities) return std::unexpected(activities.error());
  auto checkins = s.store.list_checkins({});
  if (!checkins) return std::unexpected(checkins.error());
  std::string out =
      "record,id,date,time,kind,sport,distance_km,duration_s,rpe,exercises,site,region,side,pain,timing,"
      "persists_after_run";
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) out += fmt::format(",{}", name);
  out += ",cleared_by_clinician,note\r\n";
  const std::string empty_checkin_columns(6 + domain::kSignCount + 1, ',');
  for (const auto& a : *activities) {
    std::string exercises;
    for (const auto& e : a.exercises) {
      // The spelling `log strength --exercise` reads: SETSxREPS[@LOAD] or REPS[@LOAD],... per set, then ,pain=N.
      if (!exercises.empty()) exercises += ';';
      if (e.per_set.empty()) {
        exercises += fmt::format("{}:{}x{}", e.exercise, e.sets, e.reps);
        if (e.load_kg) exercises += fmt::format("@{}kg", *e.load_kg);
      } else {
        exercises += e.exercise + ":";
        for (std::size_t i = 0; i < e.per_set.size(); ++i) {
          exercises += fmt::format("{}{}", i ? "," : "", e.per_set[i].reps);
          if (e.per_set[i].load_kg) exercises += fmt::format("@{}kg", *e.per_set[i].load_kg);
        }
      }
      if (e.pain) exercises += fmt::format(",pain={}", *e.pain);
    }
    out += fmt::format("activity,{},{},{},{},{},{},{},{},{}", a.id, domain::to_string(a.date),
                       a.time ? domain::time_of_day_to_string(*a.time) : "", domain::name_of(a.kind()),
                       domain::name_of(a.sport),
                       number(a.distance_m.transform([](double m) { return m / domain::kMetresPerKm; })), a.duration_s,
                       a.rpe ? std::to_string(*a.rpe) : "", csv_field(exercises));
    out += fmt::format("{},{}\r\n", empty_checkin_columns, csv_field(a.note));
  }
  for (const auto& c : *checkins) {
    out += fmt::format("checkin,{},{},{},,,,,,,{},{},{},{},{},{}", c.id, domain::to_string(c.date),
                       c.time ? domain::time_of_day_to_string(*c.time) : "", domain::name_of(c.site),
                       c.region ? domain::name_of(*c.region) : "", domain::name_of(c.side), c.pain,
                       domain::name_of(c.timing), c.persists_after_run ? 1 : 0);
    for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) out += c.has(sign) ? ",1" : ",0";
    out += fmt::format(",{},{}\r\n", c.cleared_by_clinician ? 1 : 0, csv_field(c.note));
  }
  return out;
}

Expected<void> restore(Session& s, std::string_view json_text, std::string_view source) {
  const std::string file(source);
  // The file's content is at fault, not the command line: invalid_file.
  const auto bad = [&](const domain::Error& e) {
    const auto kind = e.kind == ErrorKind::invalid_input ? ErrorKind::invalid_file : e.kind;
    return domain::fail(kind, e.field.empty() ? file : e.field,
                        fmt::format("{}: {}{}{}", file, e.field, e.field.empty() ? "" : ": ", e.message));
  };
  const auto invalid_file = [&](const std::string& why) {
    return domain::fail(ErrorKind::invalid_file, file, fmt::format("{}: {}", file, why));
  };
  const Json doc = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return invalid_file("is not valid JSON");
  // Look before reading: Json::value() throws when "format" holds a non-string.
  const auto format = doc.is_object() ? doc.find("format") : doc.end();
  if (format == doc.end() || !format->is_string() || format->get_ref<const std::string&>() != kExportFormat) {
    return invalid_file(fmt::format("is not a stridecare export (no \"format\": \"{}\")", kExportFormat));
  }
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != kExportVersion) {
    return invalid_file(fmt::format("export version is not {}, the one this stridecare reads", kExportVersion));
  }
  // Decode and validate everything before the first write.
  std::optional<domain::Profile> profile;
  if (doc.contains("profile") && !doc["profile"].is_null()) {
    auto p = profile_from_json(doc["profile"], "profile");
    if (!p) return bad(p.error());
    if (auto ok = check_time_zone(p->time_zone); !ok) {
      return bad({ok.error().kind, "profile.time_zone", ok.error().message});
    }
    profile = *p;
  }
  const auto list = [&](const char* key) -> Expected<const Json*> {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_array()) return invalid_file(fmt::format("{}: must be an array", key));
    return &*it;
  };
  auto activities_json = list("activities");
  if (!activities_json) return std::unexpected(activities_json.error());
  auto checkins_json = list("checkins");
  if (!checkins_json) return std::unexpected(checkins_json.error());
  std::vector<domain::Activity> activities;
  std::vector<std::pair<std::size_t, domain::Track>> tracks;  // by index into `activities`
  for (std::size_t i = 0; i < (*activities_json)->size(); ++i) {
    const Json& entry = (**activities_json)[i];
    auto a = activity_from_json(entry, fmt::format("activities[{}]", i));
    if (!a) return bad(a.error());
    if (a->id <= 0) return invalid_file(fmt::format("activities[{}].id: {} is not a positive id", i, a->id));
    if (a->recorded) {
      const Json& recorded = entry["recorded"];
      if (const auto it = recorded.find("track"); it != recorded.end() && !it->is_null()) {
        auto track = track_from_json(*it, fmt::format("activities[{}].recorded.track", i));
        if (!track) return bad(track.error());
        tracks.emplace_back(activities.size(), std::move(*track));
      }
    }
    activities.push_back(std::move(*a));
  }
  std::vector<domain::PainCheckin> checkins;
  for (std::size_t i = 0; i < (*checkins_json)->size(); ++i) {
    auto c = checkin_from_json((**checkins_json)[i], fmt::format("checkins[{}]", i));
    if (!c) return bad(c.error());
    if (c->id <= 0) return invalid_file(fmt::format("checkins[{}].id: {} is not a positive id", i, c->id));
    checkins.push_back(std::move(*c));
  }
  // Exports written before routines were recorded have no "routines".
  std::vector<domain::RoutineSession> routines;
  if (doc.contains("routines")) {
    auto routines_json = list("routines");
    if (!routines_json) return std::unexpected(routines_json.error());
    for (std::size_t i = 0; i < (*routines_json)->size(); ++i) {
      auto r = routine_from_json((**routines_json)[i], fmt::format("routines[{}]", i));
      if (!r) return bad(r.error());
      if (r->id <= 0) return invalid_file(fmt::format("routines[{}].id: {} is not a positive id", i, r->id));
      routines.push_back(*r);
    }
  }
  auto done = s.store.transact([&]() -> Expected<void> {
    auto empty = s.store.empty();
    if (!empty) return std::unexpected(empty.error());
    if (!*empty) {
      return domain::fail(
          ErrorKind::conflict, file,
          fmt::format("{}: the database is not empty; restore loads into an empty database only", file));
    }
    if (profile) {
      if (auto ok = s.store.save_profile(*profile); !ok) return ok;
    }
    for (const auto& a : activities) {
      if (auto id = s.store.add_activity(a); !id) return bad(id.error());
    }
    for (const auto& [index, track] : tracks) {
      if (auto ok = s.store.save_track(activities[index].id, track); !ok) return bad(ok.error());
    }
    for (const auto& c : checkins) {
      if (auto id = s.store.add_checkin(c); !id) return bad(id.error());
    }
    for (const auto& r : routines) {
      if (auto id = s.store.add_routine(r); !id) return bad(id.error());
    }
    return {};
  });
  return done;
}

Json restored_json(std::string_view source) { return Json{{"restored", source}}; }
}  // namespace stridecare::services
