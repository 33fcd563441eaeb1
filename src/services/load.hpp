#pragma once
/// Training load as of a day, and as a daily series (`load`, `today`'s
/// warnings, TRIAGE-LOAD-1): rules.md section 3 over the athlete's stored
/// activities.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/load_warnings.hpp"
#include "rules/triage.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// The load analysis of every activity on or before `to`.
Expected<analytics::LoadAnalysis> analyse_load(Session& s, domain::Date to);

struct LoadReport {
  domain::Date date{};
  std::optional<analytics::DayLoad> day;         ///< nullopt before the first session
  std::optional<analytics::DayMetrics> metrics;  ///< nullopt before the first session
  std::vector<analytics::LoadWarning> warnings;  ///< analytics::warnings_as_of
  std::vector<std::string> notes;                ///< "not enough history ..." and the like
};

LoadReport load_report(const analytics::LoadAnalysis& a, domain::Date date, const domain::LoadParameters& p);
Expected<LoadReport> load_report(Session& s, domain::Date date);

/// `{"id","date","value","threshold","level","hazard_ratio","figures":{...},"summary","evidence"}`.
Json to_json(const analytics::LoadWarning& w);

/// product.md's `load --json`: `{"date","acwr_ewma","acwr_rolling","acute_load","chronic_load",
/// "weekly_run_km","weekly_change","longest_run_30d_km","monotony","strain","warnings":[...]}`
/// and more; `null` where there is not enough history.
Json to_json(const LoadReport& r);

/// One day of the load series (`load --from --to`), for its text and its JSON alike.
struct LoadSeriesDay {
  domain::Date date{};
  const analytics::DayLoad* load = nullptr;        ///< nullptr before the first session
  const analytics::DayMetrics* metrics = nullptr;  ///< nullptr before the first session
  std::span<const analytics::LoadWarning> warnings;
};

/// Gives `day` each day from `from` to `to`, in order; the views are valid during the call only. Warnings
/// are found a block of days at a time, so ten years of them are never held at once.
void for_each_load_day(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                       const domain::LoadParameters& p, const std::function<void(const LoadSeriesDay&)>& day);
/// As above, on the analysis of the session's activities up to `to`.
Expected<void> for_each_load_day(Session& s, domain::Date from, domain::Date to,
                                 const std::function<void(const LoadSeriesDay&)>& day);

/// Receives text in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

/// `load --from --to --json`: `{"from","to","days":[{"date", the fields of a
/// report, the day's loads, "warnings":[{"id","level","value"}]}]}` and a
/// newline; days before the first session are zeros with null metrics.
/// Written to `out` as it is made, in pieces of about 64 KiB (ten years are
/// 2.6 MB of text); each day holds the same fields and values as `to_json`
/// of that day's LoadReport (the day's loads flattened in). Nothing is
/// written when reading the store fails.
Expected<void> write_load_series_json(Session& s, domain::Date from, domain::Date to, const TextSink& out);
void write_load_series_json(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                            const domain::LoadParameters& p, const TextSink& out);

}  // namespace stridecare::services
