#include "importers/exports/strava_activities.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include <csv.h>

#include "domain/validate.hpp"
#include "importers/mapping/sport_names.hpp"

namespace stridecare::importers {
namespace {

using domain::ErrorKind;

struct Rows {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

extern "C" void on_field(void* field, std::size_t size, void* data) {
  static_cast<Rows*>(data)->current.emplace_back(static_cast<const char*>(field), size);
}

extern "C" void on_row(int /*terminator*/, void* data) {
  auto* r = static_cast<Rows*>(data);
  r->rows.push_back(std::move(r->current));
  r->current.clear();
}

/// Perceived Exertion as Strava stores it: 1-10, sometimes with a decimal.
std::optional<int> parse_rpe(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  const long rounded = std::lround(v);
  if (rounded < domain::kScaleMin || rounded > domain::kScaleMax) return std::nullopt;
  return static_cast<int>(rounded);
}

/// A non-negative number as the CSV writes it; nullopt when empty or not one.
std::optional<double> parse_number(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v) || v < 0) {
    return std::nullopt;
  }
  return v;
}

/// "Jun 14, 2017, 7:00:00 PM" (Strava's `Activity Date`, UTC); nullopt when it is not one.
std::optional<domain::UtcSeconds> parse_strava_date(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() < 3) return std::nullopt;
  const auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(0, 3));
  if (month == kMonths.end()) return std::nullopt;
  unsigned day = 0;
  int year = 0;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
  char meridiem[3] = {};
  const std::string rest(text.substr(3));
  int used = 0;
  if (std::sscanf(rest.c_str(), " %u, %d, %u:%u:%u %2[AP]M%n", &day, &year, &hour, &minute, &second, meridiem, &used) !=
          6 ||
      static_cast<std::size_t>(used) != rest.size()) {
    return std::nullopt;
  }
  if (hour < 1 || hour > 12 || minute > 59 || second > 59) return std::nullopt;
  hour = hour % 12 + (meridiem[0] == 'P' ? 12 : 0);
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month - kMonths.begin()) + 1},
                                        std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second};
}

}  // namespace

domain::Expected<domain::Activity> manual_activity(const StravaManualEntry& entry, const ZoneOffset& zone_offset,
                                                   const std::string& csv_name) {
  const std::string where = csv_name + " line " + std::to_string(entry.line) + " (" +
                            (entry.annotation.name.empty() ? "activity " + entry.activity_id : entry.annotation.name) +
                            ", a manual entry)";
  const auto refuse = [&](const std::string& why) {
    return domain::fail(ErrorKind::invalid_file, csv_name, where + ": " + why);
  };
  if (!entry.start) return refuse("no Activity Date in Strava's form (\"Jun 14, 2017, 7:00:00 PM\")");
  if (!entry.elapsed_s || *entry.elapsed_s <= 0) return refuse("no Elapsed Time");
  if (!entry.annotation.sport) return refuse("Activity Type \"" + entry.type + "\" is no sport stridecare knows");
  domain::Activity a;
  a.sport = *entry.annotation.sport;
  const auto local = *entry.start + zone_offset(*entry.start);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  a.date = domain::Date{day};
  a.time = static_cast<domain::MinuteOfDay>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
  a.duration_s = *entry.elapsed_s;
  if (entry.distance_m && *entry.distance_m > 0) a.distance_m = entry.distance_m;
  a.rpe = entry.annotation.rpe;
  a.note = entry.annotation.name;
  if (!entry.annotation.description.empty()) a.note += (a.note.empty() ? "" : " - ") + entry.annotation.description;
  if (a.note.size() > domain::kMaxNoteBytes) a.note.resize(domain::kMaxNoteBytes);
  if (auto ok = domain::validate(a); !ok) return refuse(ok.error().field + ": " + ok.error().message);
  return a;
}

domain::Expected<StravaActivities> parse_strava_activities(std::string_view csv, const std::string& name) {
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return domain::fail(ErrorKind::io, name, name + ": cannot start the CSV parser");
  }
  Rows rows;
  const std::size_t parsed = csv_parse(&parser, csv.data(), csv.size(), on_field, on_row, &rows);
  const int parse_error = parsed != csv.size() ? csv_error(&parser) : CSV_SUCCESS;
  const int fini = parse_error == CSV_SUCCESS ? csv_fini(&parser, on_field, on_row, &rows) : 0;
  csv_free(&parser);
  if (parse_error != CSV_SUCCESS || fini != 0) {
    return domain::fail(ErrorKind::invalid_file, name,
                        name + ": not a valid CSV after row " + std::to_string(rows.rows.size()) + ": " +
                            csv_strerror(parse_error != CSV_SUCCESS ? parse_error : CSV_EPARSE));
  }
  if (rows.rows.empty()) return domain::fail(ErrorKind::invalid_file, name, name + ": empty CSV, no header");

  const auto& header = rows.rows.front();
  const auto column = [&](std::string_view title) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == title) return i;  // the first of repeated names is the displayed one
    }
    return std::nullopt;
  };
  const auto file = column("Filename");
  if (!file) {
    return domain::fail(ErrorKind::invalid_file, name, name + ": no \"Filename\" column; not a Strava activities.csv");
  }
  const auto type = column("Activity Type");
  const auto title = column("Activity Name");
  const auto description = column("Activity Description");
  const auto rpe = column("Perceived Exertion");
  // Repeated titles: the last one holds the raw figure (seconds, metres); the first, the display one.
  const auto last_column = [&](std::string_view wanted) -> std::optional<std::size_t> {
    for (std::size_t i = header.size(); i-- > 0;) {
      if (header[i] == wanted) return i;
    }
    return std::nullopt;
  };
  const auto id = column("Activity ID");
  const auto date = column("Activity Date");
  const auto elapsed = last_column("Elapsed Time");
  const auto distance = last_column("Distance");

  StravaActivities out;
  for (std::size_t r = 1; r < rows.rows.size(); ++r) {
    const auto& row = rows.rows[r];
    const auto cell = [&](std::optional<std::size_t> c) -> std::string_view {
      return c && *c < row.size() ? std::string_view(row[*c]) : std::string_view{};
    };
    Annotation a;
    a.sport = sport_from_names(cell(type));
    a.name = std::string(cell(title));
    a.description = std::string(cell(description));
    a.rpe = parse_rpe(cell(rpe));
    if (cell(file).empty()) {
      if (row.size() <= 1 && cell(id).empty()) continue;  // a blank line
      StravaManualEntry m;
      m.line = r + 1;
      m.activity_id = std::string(cell(id));
      m.type = std::string(cell(type));
      m.start = parse_strava_date(cell(date));
      m.elapsed_s = parse_number(cell(elapsed));
      m.distance_m = parse_number(cell(distance));
      m.annotation = std::move(a);
      out.manual.push_back(std::move(m));
      continue;
    }
    out.by_file.insert_or_assign(std::string(cell(file)), std::move(a));
  }
  return out;
}

}  // namespace stridecare::importers
