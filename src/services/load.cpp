#include "services/load.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <span>
#include <type_traits>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "services/json_output.hpp"

namespace stridecare::services {

namespace {

using domain::kMetresPerKm;

/// The fields of a day's loads, in output order: `put(name, value)` with a
/// double, int or bool. The one list behind `load --json` and the series.
template <class Put>
void visit_day(const analytics::DayLoad* d, Put&& put) {
  const analytics::DayLoad none;
  const auto& x = d ? *d : none;
  put("run_km", x.run_distance_m / kMetresPerKm);
  put("run_duration_s", x.run_duration_s);
  put("srpe_load", x.srpe_load);
  put("impact_load", x.impact_load);
  put("sessions", x.sessions);
  put("estimated", x.estimated);
}

/// The metric fields, in output order: `put(name, value)` with an int, a
/// double or an optional<double> (null when absent).
template <class Put>
void visit_metrics(const analytics::DayMetrics* m, Put&& put) {
  const analytics::DayMetrics none;
  const auto& x = m ? *m : none;
  const auto km = [](std::optional<double> metres) {
    return metres ? std::optional<double>(*metres / kMetresPerKm) : std::nullopt;
  };
  put("history_days", m ? m->history_days : 0);
  put("acwr_ewma", x.acwr_ewma);
  put("acwr_rolling", x.acwr_rolling);
  put("acwr_rolling_uncoupled", x.acwr_rolling_uncoupled);
  put("acute_load", x.acute_ewma);
  put("chronic_load", x.chronic_ewma);
  put("acute_load_rolling", x.acute_rolling);
  put("chronic_load_rolling", x.chronic_rolling);
  put("weekly_run_km", x.week_run_m / kMetresPerKm);
  put("last_week_run_km", km(x.last_week_run_m));
  put("weekly_change", x.week_change);
  put("two_week_change", x.two_week_change);
  put("longest_run_30d_km", km(x.longest_run_30d_m));
  put("monotony", x.monotony);
  put("strain", x.strain);
  put("weekly_load", x.window_srpe_load);
}

/// Puts fields into a JSON object.
struct TreePut {
  Json& j;
  template <class T>
  void operator()(std::string_view name, const T& value) const {
    if constexpr (std::is_same_v<T, std::optional<double>>) {
      j[std::string(name)] = optional_json(value);
    } else {
      j[std::string(name)] = value;
    }
  }
};

/// Days per call of warnings_between while writing a series.
constexpr int kWarningBlockDays = 64;
/// The series is handed to the sink in pieces of about this size.
constexpr std::size_t kSeriesPieceBytes = std::size_t{64} * 1024;

/// Writes the daily series as text, field by field: a tree per day made the
/// ten-year series 3.4x slower as a whole process (docs/performance.md,
/// issue 4). Numbers are fmt's shortest round-trip form of the rounded value; NaN and infinity,
/// which the metrics never hold, would be null.
class SeriesWriter {
 public:
  explicit SeriesWriter(const TextSink& out) : out_(out) { buf_.reserve(kSeriesPieceBytes + kSlackBytes); }

  void raw(std::string_view s) { buf_.append(s); }
  void value(double x) {
    if (std::isfinite(x)) {
      fmt::format_to(std::back_inserter(buf_), "{}", x);
    } else {
      raw("null");
    }
  }
  void value(std::optional<double> x) { x ? value(*x) : raw("null"); }
  void value(int x) { fmt::format_to(std::back_inserter(buf_), "{}", x); }
  void value(bool x) { raw(x ? "true" : "false"); }
  void value(domain::Date d) { fmt::format_to(std::back_inserter(buf_), "\"{}\"", domain::to_string(d)); }
  void value(std::string_view s) { buf_ += json_text(Json(s)); }

  /// `,"name":value` (names are plain ASCII).
  /// Numbers are rounded as document_text rounds them (docs/json.md).
  template <class T>
  void field(std::string_view name, const T& v) {
    fmt::format_to(std::back_inserter(buf_), ",\"{}\":", name);
    if constexpr (std::is_same_v<T, double>) {
      value(json_rounded(name, v));
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
      value(v ? std::optional(json_rounded(name, *v)) : std::nullopt);
    } else {
      value(v);
    }
  }

  /// One day: its date, the fields of visit_day and visit_metrics, then its warnings.
  void day(domain::Date date, const analytics::DayLoad* d, const analytics::DayMetrics* m,
           std::span<const analytics::LoadWarning> warnings) {
    raw(R"({"date":)");
    value(date);
    const auto put = [this](std::string_view name, const auto& v) { field(name, v); };
    visit_day(d, put);
    visit_metrics(m, put);
    raw(R"(,"warnings":[)");
    bool first = true;
    for (const auto& w : warnings) {
      raw(first ? R"({"id":)" : R"(,{"id":)");
      value(domain::name_of(w.rule));
      raw(R"(,"level":)");
      w.level.empty() ? raw("null") : value(std::string_view(w.level));
      field("value", w.value);
      raw("}");
      first = false;
    }
    raw("]}");
    if (buf_.size() >= kSeriesPieceBytes) flush();
  }

  void flush() {
    if (!buf_.empty()) out_(buf_);
    buf_.clear();
  }

 private:
  static constexpr std::size_t kSlackBytes = 4096;  ///< room for the day that crosses the piece size
  const TextSink& out_;
  std::string buf_;
};

}  // namespace

Expected<analytics::LoadAnalysis> analyse_load(Session& s, domain::Date to) {
  auto activities = s.store.list_activities({std::nullopt, to});
  if (!activities) return std::unexpected(activities.error());
  return analytics::analyse(*activities, to, s.rules.load);
}

LoadReport load_report(const analytics::LoadAnalysis& a, domain::Date date, const domain::LoadParameters& p) {
  LoadReport r;
  r.date = date;
  if (const auto i = a.history.index_of(date)) {
    r.day = a.history.days[*i];
    r.metrics = a.at(*i);
  }
  r.warnings = analytics::warnings_as_of(a, date, p);
  if (!r.metrics) {
    r.notes.push_back("no training recorded on or before this day: nothing to measure");
  } else if (r.metrics->history_days < p.min_history_days) {
    r.notes.push_back(
        fmt::format("not enough history: {} of {} days since the first session; ACWR, chronic load "
                    "and single-run spikes need {}",
                    r.metrics->history_days, p.min_history_days, p.min_history_days));
  }
  if (r.metrics && r.metrics->history_days >= p.min_history_days && !r.metrics->acwr_ewma) {
    r.notes.push_back("no impact load in the chronic window: ACWR is undefined");
  }
  return r;
}

Expected<LoadReport> load_report(Session& s, domain::Date date) {
  auto a = analyse_load(s, date);
  if (!a) return std::unexpected(a.error());
  return load_report(*a, date, s.rules.load);
}

Json to_json(const analytics::LoadWarning& w) {
  Json figures = Json::object();
  for (const auto& [name, value] : w.figures) figures[name] = value;
  return {{"id", domain::name_of(w.rule)},
          {"date", domain::to_string(w.date)},
          {"value", w.value},
          {"threshold", w.threshold},
          {"level", w.level.empty() ? Json(nullptr) : Json(w.level)},
          {"hazard_ratio", optional_json(w.hazard_ratio)},
          {"activity", w.activity == 0 ? Json(nullptr) : Json(w.activity)},
          {"figures", figures},
          {"summary", analytics::summary(w, domain::UnitSystem::metric)},
          {"evidence", w.evidence}};
}

Json to_json(const LoadReport& r) {
  Json j = {{"date", domain::to_string(r.date)}};
  visit_metrics(r.metrics ? &*r.metrics : nullptr, TreePut{j});
  Json day = Json::object();
  visit_day(r.day ? &*r.day : nullptr, TreePut{day});
  j["day"] = day;
  Json warnings = Json::array();
  for (const auto& w : r.warnings) warnings.push_back(to_json(w));
  j["warnings"] = warnings;
  j["notes"] = r.notes;
  return j;
}

void for_each_load_day(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                       const domain::LoadParameters& p, const std::function<void(const LoadSeriesDay&)>& day) {
  // Warnings a block of days at a time: the memory of one block is reused by
  // the next (ten years of LoadWarnings at once are ~1.3 MB of new pages).
  std::vector<analytics::LoadWarning> warnings;
  auto next_warning = warnings.cbegin();
  domain::Date block_end = from;
  bool first_day = true;
  for (auto d = std::chrono::sys_days{from}; d <= std::chrono::sys_days{to}; d += std::chrono::days{1}) {
    const domain::Date date{d};
    if (first_day || std::chrono::sys_days{block_end} < d) {
      block_end = std::min(domain::add_days(date, kWarningBlockDays - 1), to);
      warnings = analytics::warnings_between(a, date, block_end, p);
      next_warning = warnings.cbegin();
    }
    const auto i = a.history.index_of(date);
    const auto end = std::find_if(next_warning, warnings.cend(),
                                  [&date](const analytics::LoadWarning& x) { return x.date != date; });
    const auto m = i ? std::optional(a.at(*i)) : std::nullopt;
    day({date, i ? &a.history.days[*i] : nullptr, m ? &*m : nullptr,
         std::span<const analytics::LoadWarning>(next_warning, end)});
    next_warning = end;
    first_day = false;
  }
}

Expected<void> for_each_load_day(Session& s, domain::Date from, domain::Date to,
                                 const std::function<void(const LoadSeriesDay&)>& day) {
  auto a = analyse_load(s, to);
  if (!a) return std::unexpected(a.error());
  for_each_load_day(*a, from, to, s.rules.load, day);
  return {};
}

void write_load_series_json(const analytics::LoadAnalysis& a, domain::Date from, domain::Date to,
                            const domain::LoadParameters& p, const TextSink& out) {
  SeriesWriter w(out);
  w.raw(R"({"from":)");
  w.value(from);
  w.field("to", to);
  w.raw(R"(,"days":[)");
  bool first_day = true;
  for_each_load_day(a, from, to, p, [&](const LoadSeriesDay& d) {
    w.raw(first_day ? "" : ",");
    w.day(d.date, d.load, d.metrics, d.warnings);
    first_day = false;
  });
  w.raw("]}\n");
  w.flush();
}

Expected<void> write_load_series_json(Session& s, domain::Date from, domain::Date to, const TextSink& out) {
  auto a = analyse_load(s, to);
  if (!a) return std::unexpected(a.error());
  write_load_series_json(*a, from, to, s.rules.load, out);
  return {};
}

}  // namespace stridecare::services
