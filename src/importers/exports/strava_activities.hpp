#pragma once
/// Strava's bulk export lists every activity in `activities.csv`: the
/// athlete's name for it, its type, perceived exertion, and the file under
/// `activities/` that holds its recording. Pure: bytes in, rows out.

#include <map>
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "importers/mapping/to_activities.hpp"

namespace stridecare::importers {

/// Annotations by the row's `Filename` (`activities/123.fit.gz`, relative to
/// the export's root). Rows without a file (manual entries) are counted, not
/// returned: they carry no recording to annotate.
struct StravaActivities {
  std::map<std::string, Annotation, std::less<>> by_file;
  std::size_t rows_without_file = 0;
};

/// Parses `activities.csv` (RFC 4180 quoting; the header repeats some column
/// names, the first of each is used). ErrorKind::invalid_file naming `name`
/// and the line when the CSV is malformed or lacks the `Filename` column.
domain::Expected<StravaActivities> parse_strava_activities(std::string_view csv, const std::string& name);

}  // namespace stridecare::importers
