#pragma once
/// Strava's bulk export lists every activity in `activities.csv`: the
/// athlete's name for it, its type, perceived exertion, and the file under
/// `activities/` that holds its recording. Pure: bytes in, rows out.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "importers/mapping/to_activities.hpp"

namespace stridecare::importers {

/// A row without a file: an activity the athlete entered by hand on Strava
/// (a pool swim, a treadmill run), known only by the CSV's own figures.
struct StravaManualEntry {
  std::size_t line = 0;     ///< 1-based line of the CSV (the header is line 1)
  std::string activity_id;  ///< Strava's `Activity ID`
  std::string type;         ///< `Activity Type` as written, e.g. "Swim"
  /// `Activity Date`, which Strava's export writes in UTC ("Jun 14, 2017, 7:00:00 PM").
  std::optional<domain::UtcSeconds> start;
  std::optional<double> elapsed_s;   ///< the last `Elapsed Time` column: seconds
  std::optional<double> distance_m;  ///< the last `Distance` column: metres (the first is in display units)
  Annotation annotation;             ///< sport, name, description, perceived exertion
};

/// Annotations by the row's `Filename` (`activities/123.fit.gz`, relative to
/// the export's root), and the rows without a file (manual entries).
struct StravaActivities {
  std::map<std::string, Annotation, std::less<>> by_file;
  std::vector<StravaManualEntry> manual;
};

/// A manual entry as an activity (no recording: `recorded` is empty), its day
/// the local day of its start in `zone_offset`; or why it cannot be one
/// (ErrorKind::invalid_file naming `csv_name`, the line and the entry: no
/// date, no elapsed time, a sport stridecare does not know, a run without a
/// distance, a figure out of range).
domain::Expected<domain::Activity> manual_activity(const StravaManualEntry& entry, const ZoneOffset& zone_offset,
                                                   const std::string& csv_name);

/// Parses `activities.csv` (RFC 4180 quoting; the header repeats some column
/// names, the first of each is used). ErrorKind::invalid_file naming `name`
/// and the line when the CSV is malformed or lacks the `Filename` column.
domain::Expected<StravaActivities> parse_strava_activities(std::string_view csv, const std::string& name);

}  // namespace stridecare::importers
