#pragma once
/// Logging and listing what the athlete did and felt. Each call is one
/// transaction: it lands whole or not at all.

#include <functional>
#include <span>
#include <vector>

#include "domain/activity.hpp"
#include "domain/checkin.hpp"
#include "services/session.hpp"
#include "services/today.hpp"

namespace stridecare::services {

/// Validates and stores a run, cross-training or strength session; returns it with its id.
Expected<domain::Activity> log_activity(Session& s, domain::Activity a);

/// A stored session identical to `a`: of its sport, on its day, with its distance (to the metre, or both
/// without one) and its duration (to the second). `log run` logged twice, a manual entry imported again.
Expected<std::optional<domain::Id>> identical_that_day(storage::Store& store, const domain::Activity& a);

struct LoggedCheckin {
  domain::PainCheckin checkin;  ///< as stored, with its id
  TodayReport report;           ///< triage as of the check-in's day, over the whole history
};

/// Validates and stores a pain check-in and triages at once.
Expected<LoggedCheckin> log_checkin(Session& s, domain::PainCheckin c);

/// The rules of `l.report` that this check-in fired (its site, its side or
/// sides, its day).
std::vector<rules::FiredRule> checkin_rules(const LoggedCheckin& l);

/// product.md's `log pain --json`: the day's report as `today --json` gives it
/// (all sites), with `"checkin"` and `"checkin_rules"`.
Json to_json(const LoggedCheckin& l, const rules::RuleBook& book);

Expected<std::vector<domain::Activity>> list_activities(Session& s, const domain::DateRange& range);
Expected<std::vector<domain::PainCheckin>> list_checkins(Session& s, const domain::DateRange& range);

/// `activities --json` and the API's list: `{"activities": [to_json(Activity)...]}`.
Json to_json(std::span<const domain::Activity> activities);
/// `checkins --json` and the API's list: `{"checkins": [to_json(PainCheckin)...]}`.
Json to_json(std::span<const domain::PainCheckin> checkins);
/// What a delete answers: `{"deleted": ID}`.
Json deleted_json(domain::Id id);

/// What an id given to remove_entry must be.
enum class EntryKind { any, activity, checkin };

/// Removes an activity or check-in; ErrorKind::not_found when there is none of that kind (`DELETE
/// /api/checkins/ID` never removes an activity: ids are shared).
Expected<void> remove_entry(Session& s, domain::Id id, EntryKind kind = EntryKind::any);

/// Changes whenever anything may have been stored since it was last asked (storage::Store::data_version):
/// a server keeps its answers while it stays the same.
Expected<std::int64_t> data_version(Session& s);

/// The saved profile, or the defaults when none was saved.
Expected<domain::Profile> load_profile(Session& s);
/// Validates (time zone included) and saves.
Expected<domain::Profile> save_profile(Session& s, const domain::Profile& p);
/// Saves the profile document `to_json(Profile)` writes (the API's `PUT /api/profile`); errors name the
/// document's keys (`time_zone`, not the CLI's `tz`).
Expected<domain::Profile> save_profile_document(Session& s, const Json& doc);

/// Reads the profile (or the defaults), applies `edit` and saves the result,
/// all in one transaction. An error from `edit` or validation saves nothing.
Expected<domain::Profile> update_profile(Session& s, const std::function<Expected<void>(domain::Profile&)>& edit);

}  // namespace stridecare::services
