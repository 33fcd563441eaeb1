// RapidCheck properties guarding the safety invariants of rules.md section 2.

#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "checkin_builder.hpp"
#include "rules/care.hpp"
#include "rules/triage.hpp"

namespace stridecare::rules {
namespace {

using domain::PainCheckin;
using domain::Sign;
using testing::book;
using testing::day;

constexpr int kDays = 60;

/// A check-in on one of two sites, days 0..kDays, any pain, signs rare.
rc::Gen<PainCheckin> any_checkin(bool allow_signs, bool allow_clearance) {
  return rc::gen::exec([=] {
    PainCheckin c;
    c.date = day(*rc::gen::inRange(0, kDays));
    c.pain = *rc::gen::inRange(0, 11);
    c.site = *rc::gen::element(domain::Site::knee, domain::Site::hip);
    c.side = *rc::gen::element(domain::Side::left, domain::Side::right);
    c.timing = *rc::gen::element(domain::Timing::during_run, domain::Timing::after_run, domain::Timing::next_morning,
                                 domain::Timing::at_rest);
    if (*rc::gen::inRange(0, 2) == 1) c.time = *rc::gen::inRange(0, 24 * 60);
    if (allow_signs) {
      for (int s = 0; s < domain::kSignCount; ++s) {
        if (*rc::gen::inRange(0, 8) == 0) c.signs.set(static_cast<std::size_t>(s));
      }
      c.persists_after_run = *rc::gen::inRange(0, 8) == 0;
    }
    c.cleared_by_clinician = allow_clearance && *rc::gen::inRange(0, 6) == 0;
    return c;
  });
}

/// The action rules.md (version 2) gives a single check-in's red flags, if any; written
/// from the table, apart from the engine's own rule list.
std::optional<Action> red_flag_action(const PainCheckin& c) {
  const bool hot = c.has(Sign::swelling) || c.has(Sign::warmth) || c.has(Sign::redness);
  const bool fever = c.has(Sign::fever_or_unwell);
  const auto& t = book().triage;
  if ((hot && fever) || c.has(Sign::cannot_bear_weight) || c.has(Sign::deformity) ||
      (c.has(Sign::numbness_tingling) && c.has(Sign::injury_trauma))) {
    return Action::emergency;
  }
  const bool injury = c.has(Sign::injury_trauma);
  if (c.has(Sign::locking) || c.has(Sign::giving_way) ||
      (injury && (c.has(Sign::swelling) || c.pain >= t.severe_pain_min)) || c.has(Sign::night_pain) ||
      (fever && (c.pain > 0 || c.site == domain::Site::hip)) || c.pain >= t.very_severe_pain_min ||
      (c.has(Sign::swelling) && (c.has(Sign::warmth) || c.has(Sign::redness)) && !fever)) {
    return Action::urgent_care;
  }
  return std::nullopt;
}

void assign_ids(std::vector<PainCheckin>& cs) {
  for (std::size_t i = 0; i < cs.size(); ++i) cs[i].id = static_cast<domain::Id>(i + 1);
}

/// A random history whose last check-in (on day kDays + 1, just before midnight) fires a red flag: nothing
/// before it can have cleared it.
std::pair<std::vector<PainCheckin>, PainCheckin> history_ending_in_a_red_flag() {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  PainCheckin flagged = *any_checkin(true, true);
  RC_PRE(red_flag_action(flagged).has_value());
  flagged.date = day(kDays + 1);
  flagged.time = 23 * 60 + 59;
  history.push_back(flagged);
  return {std::move(history), flagged};
}

RC_GTEST_PROP(TriageProperties, RedFlagNeverYieldsALessUrgentAction, ()) {
  auto [history, flagged] = history_ending_in_a_red_flag();
  assign_ids(history);
  const int later = *rc::gen::inRange(0, 1000);
  const TriageResult r = triage({domain::add_days(flagged.date, later), history, {}, {}, {}}, book());
  RC_ASSERT(more_urgent_or_equal(r.action, *red_flag_action(flagged)));
}

RC_GTEST_PROP(TriageProperties, BenignCheckinsNeverDowngradeAnActiveRedFlag, ()) {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  assign_ids(history);
  const domain::Date before_day = day(kDays);
  const TriageResult before = triage({before_day, history, {}, {}, {}}, book());
  RC_PRE(more_urgent_or_equal(before.action, Action::see_clinician));
  // Benign: no sign, no persisting pain, never cleared by a clinician, on later days.
  auto benign = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(false, false));
  for (auto& c : benign) c.date = domain::add_days(c.date, kDays + 1);
  auto combined = history;
  combined.insert(combined.end(), benign.begin(), benign.end());
  assign_ids(combined);
  const TriageResult after = triage({day(3 * kDays), combined, {}, {}, {}}, book());
  if (more_urgent_or_equal(before.action, Action::urgent_care)) {
    RC_ASSERT(more_urgent_or_equal(after.action, before.action));
  } else {
    // Seed and persist rules may clear on sign-free check-in days (rules.md); then nothing
    // but the window rules remain. Without enough later check-in days they must hold.
    std::set<domain::Date> later_days;
    for (const auto& c : benign) later_days.insert(c.date);
    if (static_cast<int>(later_days.size()) < book().triage.sign_free_days_to_clear) {
      RC_ASSERT(more_urgent_or_equal(after.action, before.action));
    }
  }
}

RC_GTEST_PROP(TriageProperties, AStopNeverEndsWithoutACheckin, ()) {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  assign_ids(history);
  const TriageResult before = triage({day(kDays), history, {}, {}, {}}, book());
  RC_PRE(more_urgent_or_equal(before.action, Action::stop_running));
  // Silence: no check-in after day kDays, however long.
  const int later = *rc::gen::inRange(1, 2000);
  const TriageResult after = triage({day(kDays + later), history, {}, {}, {}}, book());
  RC_ASSERT(more_urgent_or_equal(after.action, before.action));
}

RC_GTEST_PROP(TriageProperties, NothingButAClinicianClearanceDowngradesARedFlag, ()) {
  auto [history, flagged] = history_ending_in_a_red_flag();
  // Later check-ins of any site, any sign, any pain, but none cleared by a clinician.
  auto later = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, false));
  for (auto& c : later) c.date = domain::add_days(c.date, kDays + 2);
  history.insert(history.end(), later.begin(), later.end());
  assign_ids(history);
  const TriageResult r = triage({day(3 * kDays + 10), history, {}, {}, {}}, book());
  RC_ASSERT(more_urgent_or_equal(r.action, *red_flag_action(flagged)));
}

RC_GTEST_PROP(TriageProperties, BothSidesCountForEachSide, ()) {
  PainCheckin both = *any_checkin(true, false);
  both.side = domain::Side::both;
  both.id = 1;
  PainCheckin left = both;
  left.side = domain::Side::left;
  const std::vector<PainCheckin> one{both};
  const std::vector<PainCheckin> other{left};
  const TriageResult a = triage({both.date, one, {}, {}, {}}, book());
  const TriageResult b = triage({both.date, other, {}, {}, {}}, book());
  RC_ASSERT(a.action == b.action);
}

RC_GTEST_PROP(TriageProperties, IceAndHeatAreNeverAdvisedOnTheSameDay, ()) {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  assign_ids(history);
  const int as_of = *rc::gen::inRange(0, kDays + 10);
  const TriageResult r = triage({day(as_of), history, {}, {}, {}}, book());
  const auto care = care_advice(r, book());
  // Heat advice, not the note that says heat is withheld (and to keep to the cold pack).
  const auto has = [&](std::string_view id) {
    return std::any_of(care.begin(), care.end(), [&](const CareAdvice& c) { return c.id == id && !c.withheld; });
  };
  RC_ASSERT(!(has("CARE-ICE-1") && has("CARE-HEAT-1")));
  // Never heat for a swollen, warm or red joint: it gets the note that withholds heat instead.
  for (const auto& e : r.episodes) {
    if (!e.inflamed || e.episode_day < book().care.heat_first_episode_day) continue;
    const std::string site = domain::where(e.site, e.side) + " (day";
    for (const auto& c : care) {
      if (c.id == "CARE-HEAT-1" && !c.withheld) RC_ASSERT(c.text.find(site) == std::string::npos);
    }
    if (!has("CARE-ICE-1") && !care.empty()) {
      RC_ASSERT(std::any_of(care.begin(), care.end(), [](const CareAdvice& c) { return c.withheld; }));
    }
  }
  if (has("CARE-HEAT-1")) {
    RC_ASSERT(std::none_of(r.episodes.begin(), r.episodes.end(),
                           [&](const ActiveEpisode& e) { return e.episode_day <= book().care.ice_last_episode_day; }));
  }
}

RC_GTEST_PROP(TriageProperties, ActionIsTheMostUrgentFiredRuleAndEmergenciesGetNoHomeCare, ()) {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  assign_ids(history);
  const TriageResult r = triage({day(*rc::gen::inRange(0, kDays + 10)), history, {}, {}, {}}, book());
  RC_ASSERT(!r.rules.empty());
  Action most = Action::keep_going;
  for (const auto& f : r.rules) most = most_urgent(most, f.action);
  RC_ASSERT(most == r.action);
  if (more_urgent_or_equal(r.action, Action::urgent_care)) RC_ASSERT(care_advice(r, book()).empty());
}

RC_GTEST_PROP(TriageProperties, OrderOfInputDoesNotChangeTheResult, ()) {
  auto history = *rc::gen::container<std::vector<PainCheckin>>(any_checkin(true, true));
  assign_ids(history);
  auto shuffled = history;
  std::reverse(shuffled.begin(), shuffled.end());
  const domain::Date as_of = day(*rc::gen::inRange(0, kDays + 10));
  const TriageResult a = triage({as_of, history, {}, {}, {}}, book());
  const TriageResult b = triage({as_of, shuffled, {}, {}, {}}, book());
  RC_ASSERT(a.action == b.action);
  RC_ASSERT(a.rules.size() == b.rules.size());
}

}  // namespace
}  // namespace stridecare::rules
