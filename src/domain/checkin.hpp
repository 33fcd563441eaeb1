#pragma once
/// A pain check-in (rules.md section 1): how one body site felt on one day.

#include <bitset>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/ids.hpp"

namespace stridecare::domain {

enum class Site { knee, hip };
/// Knee: front (around/behind the kneecap), outer, inner, back.
/// Hip: front (groin), outer (side), back (buttock); `inner` is not a hip region.
enum class Region { front, outer, inner, back };
enum class Side { left, right, both };
enum class Timing { during_run, after_run, next_morning, at_rest };

/// The warning signs a check-in screens for. `swelling`, `redness` and
/// `warmth` are the article's signs; the rest are the NHS red-flag screen.
enum class Sign {
  swelling,
  redness,
  warmth,
  fever_or_unwell,
  cannot_bear_weight,
  locking,
  giving_way,
  injury_trauma,
  numbness_tingling,
  night_pain,
  deformity,
};
inline constexpr int kSignCount = 11;

struct PainCheckin {
  Id id = 0;
  Date date{};
  std::optional<MinuteOfDay> time;  ///< local time of day, when given
  Site site = Site::knee;
  std::optional<Region> region;
  Side side = Side::left;
  int pain = 0;  ///< numeric rating scale 0-10
  Timing timing = Timing::after_run;
  bool persists_after_run = false;    ///< pain did not stop when the run finished
  bool cleared_by_clinician = false;  ///< a clinician has assessed and cleared this site
  std::bitset<kSignCount> signs;      ///< indexed by `Sign`
  std::string note;

  bool has(Sign s) const { return signs.test(static_cast<std::size_t>(s)); }
  void set(Sign s, bool on = true) { signs.set(static_cast<std::size_t>(s), on); }
  bool operator==(const PainCheckin&) const = default;
};

/// "left knee", "both hips", "right knee (outer)".
std::string where(Site site, Side side, std::optional<Region> region = std::nullopt);

template <>
struct EnumNames<Site> {
  static constexpr std::array<std::pair<Site, std::string_view>, 2> table{{
      {Site::knee, "knee"},
      {Site::hip, "hip"},
  }};
};
template <>
struct EnumNames<Region> {
  static constexpr std::array<std::pair<Region, std::string_view>, 4> table{{
      {Region::front, "front"},
      {Region::outer, "outer"},
      {Region::inner, "inner"},
      {Region::back, "back"},
  }};
};
template <>
struct EnumNames<Side> {
  static constexpr std::array<std::pair<Side, std::string_view>, 3> table{{
      {Side::left, "left"},
      {Side::right, "right"},
      {Side::both, "both"},
  }};
};
template <>
struct EnumNames<Timing> {
  static constexpr std::array<std::pair<Timing, std::string_view>, 4> table{{
      {Timing::during_run, "during_run"},
      {Timing::after_run, "after_run"},
      {Timing::next_morning, "next_morning"},
      {Timing::at_rest, "at_rest"},
  }};
};
/// Sign names are also the JSON fields, SQL columns and (with `-` for `_`) CLI flags.
template <>
struct EnumNames<Sign> {
  static constexpr std::array<std::pair<Sign, std::string_view>, kSignCount> table{{
      {Sign::swelling, "swelling"},
      {Sign::redness, "redness"},
      {Sign::warmth, "warmth"},
      {Sign::fever_or_unwell, "fever_or_unwell"},
      {Sign::cannot_bear_weight, "cannot_bear_weight"},
      {Sign::locking, "locking"},
      {Sign::giving_way, "giving_way"},
      {Sign::injury_trauma, "injury_trauma"},
      {Sign::numbness_tingling, "numbness_tingling"},
      {Sign::night_pain, "night_pain"},
      {Sign::deformity, "deformity"},
  }};
};

}  // namespace stridecare::domain
