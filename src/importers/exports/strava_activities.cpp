#include "importers/exports/strava_activities.hpp"

#include <charconv>
#include <cmath>
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

}  // namespace

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
  if (!file)
    return domain::fail(ErrorKind::invalid_file, name, name + ": no \"Filename\" column; not a Strava activities.csv");
  const auto type = column("Activity Type");
  const auto title = column("Activity Name");
  const auto description = column("Activity Description");
  const auto rpe = column("Perceived Exertion");

  StravaActivities out;
  for (std::size_t r = 1; r < rows.rows.size(); ++r) {
    const auto& row = rows.rows[r];
    const auto cell = [&](std::optional<std::size_t> c) -> std::string_view {
      return c && *c < row.size() ? std::string_view(row[*c]) : std::string_view{};
    };
    if (cell(file).empty()) {
      ++out.rows_without_file;
      continue;
    }
    Annotation a;
    a.sport = sport_from_names(cell(type));
    a.name = std::string(cell(title));
    a.description = std::string(cell(description));
    a.rpe = parse_rpe(cell(rpe));
    out.by_file.insert_or_assign(std::string(cell(file)), std::move(a));
  }
  return out;
}

}  // namespace stridecare::importers
