#include "services/journal.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "domain/validate.hpp"
#include "services/environment.hpp"

namespace stridecare::services {

Expected<std::optional<domain::Id>> identical_that_day(storage::Store& store, const domain::Activity& a) {
  constexpr double kSameDistanceM = 1.0;
  constexpr double kSameDurationS = 1.0;
  auto that_day = store.list_activities({a.date, a.date});
  if (!that_day) return std::unexpected(that_day.error());
  for (const auto& other : *that_day) {
    if (other.sport != a.sport || std::abs(other.duration_s - a.duration_s) >= kSameDurationS) continue;
    if (other.distance_m.has_value() != a.distance_m.has_value()) continue;
    if (a.distance_m && std::abs(*other.distance_m - *a.distance_m) >= kSameDistanceM) continue;
    return std::optional<domain::Id>{other.id};
  }
  return std::optional<domain::Id>{};
}

Expected<domain::Activity> log_activity(Session& s, domain::Activity a) {
  if (auto ok = domain::validate(a); !ok) return std::unexpected(ok.error());
  a.id = 0;
  auto done = s.store.transact([&]() -> Expected<void> {
    auto id = s.store.add_activity(a);
    if (!id) return std::unexpected(id.error());
    a.id = *id;
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return a;
}

Expected<LoggedCheckin> log_checkin(Session& s, domain::PainCheckin c) {
  if (auto ok = domain::validate(c); !ok) return std::unexpected(ok.error());
  c.id = 0;
  LoggedCheckin out;
  auto done = s.store.transact([&]() -> Expected<void> {
    auto id = s.store.add_checkin(c);
    if (!id) return std::unexpected(id.error());
    c.id = *id;
    auto report = today(s, c.date);
    if (!report) return std::unexpected(report.error());
    out.report = std::move(*report);
    return {};
  });
  if (!done) return std::unexpected(done.error());
  out.checkin = std::move(c);
  return out;
}

std::vector<rules::FiredRule> checkin_rules(const LoggedCheckin& l) {
  const auto& c = l.checkin;
  std::vector<rules::FiredRule> out;
  for (const auto& r : l.report.triage.rules) {
    const bool side = r.side && (*r.side == c.side || c.side == domain::Side::both);
    if (r.site == c.site && side && r.since == c.date) out.push_back(r);
  }
  return out;
}

Json to_json(const LoggedCheckin& l, const rules::RuleBook& book) {
  Json j = to_json(l.report, book);
  j["checkin"] = to_json(l.checkin);
  j["checkin_rules"] = Json::array();
  for (const auto& r : checkin_rules(l)) j["checkin_rules"].push_back(to_json(r));
  return j;
}

Expected<std::vector<domain::Activity>> list_activities(Session& s, const domain::DateRange& range) {
  return s.store.list_activities(range);
}

Expected<std::vector<domain::PainCheckin>> list_checkins(Session& s, const domain::DateRange& range) {
  return s.store.list_checkins(range);
}

Expected<void> remove_entry(Session& s, domain::Id id, EntryKind kind) {
  const auto missing = [&] {
    const char* what = kind == EntryKind::activity  ? "no activity"
                       : kind == EntryKind::checkin ? "no check-in"
                                                    : "no activity or check-in";
    return domain::fail(domain::ErrorKind::not_found, "id", std::string(what) + " has id " + std::to_string(id));
  };
  if (kind == EntryKind::checkin) {
    auto all = s.store.list_checkins({});
    if (!all) return std::unexpected(all.error());
    if (std::none_of(all->begin(), all->end(), [id](const domain::PainCheckin& c) { return c.id == id; })) {
      return missing();
    }
  } else if (kind == EntryKind::activity) {
    auto all = s.store.list_activities({});
    if (!all) return std::unexpected(all.error());
    if (std::none_of(all->begin(), all->end(), [id](const domain::Activity& a) { return a.id == id; })) {
      return missing();
    }
  }
  bool removed = false;
  auto done = s.store.transact([&]() -> Expected<void> {
    auto r = s.store.remove(id);
    if (!r) return std::unexpected(r.error());
    removed = *r;
    return {};
  });
  if (!done) return done;
  if (!removed) return missing();
  return {};
}

Expected<std::int64_t> data_version(Session& s) { return s.store.data_version(); }

Expected<domain::Profile> load_profile(Session& s) {
  auto p = s.store.load_profile();
  if (!p) return std::unexpected(p.error());
  return p->value_or(domain::Profile{});
}

namespace {
Expected<void> validate_profile(const domain::Profile& p) {
  if (auto ok = domain::validate(p); !ok) return ok;
  return check_time_zone(p.time_zone);
}
}  // namespace

Expected<domain::Profile> save_profile(Session& s, const domain::Profile& p) {
  if (auto ok = validate_profile(p); !ok) return std::unexpected(ok.error());
  auto done = s.store.transact([&] { return s.store.save_profile(p); });
  if (!done) return std::unexpected(done.error());
  return p;
}

Expected<domain::Profile> update_profile(Session& s, const std::function<Expected<void>(domain::Profile&)>& edit) {
  domain::Profile profile;
  auto done = s.store.transact([&]() -> Expected<void> {
    auto current = load_profile(s);
    if (!current) return std::unexpected(current.error());
    profile = *current;
    if (auto ok = edit(profile); !ok) return ok;
    if (auto ok = validate_profile(profile); !ok) return ok;
    return s.store.save_profile(profile);
  });
  if (!done) return std::unexpected(done.error());
  return profile;
}

Json to_json(std::span<const domain::Activity> activities) {
  Json list = Json::array();
  for (const auto& a : activities) list.push_back(to_json(a));
  return Json{{"activities", std::move(list)}};
}

Json to_json(std::span<const domain::PainCheckin> checkins) {
  Json list = Json::array();
  for (const auto& c : checkins) list.push_back(to_json(c));
  return Json{{"checkins", std::move(list)}};
}

Json deleted_json(domain::Id id) { return Json{{"deleted", id}}; }

Expected<domain::Profile> save_profile_document(Session& s, const Json& doc) {
  auto profile = profile_from_json(doc, "");
  if (!profile) return std::unexpected(profile.error());
  auto saved = save_profile(s, *profile);
  if (!saved && saved.error().field == "tz") {
    saved.error().field = "time_zone";
    if (saved.error().message.starts_with("tz: ")) saved.error().message.replace(0, 2, "time_zone");
  }
  return saved;
}

}  // namespace stridecare::services
