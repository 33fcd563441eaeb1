#pragma once
/// Finding the activity files under the paths given to `import`: plain files,
/// folders (recursively, in name order), zip and tar archives (nested ones
/// too), read as a stream so memory does not grow with the number of files.
/// A Strava export's `activities.csv` (at the root of a folder or archive)
/// annotates the files it lists, and its rows without a file (manual
/// entries) come as one more item after the export's files.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "importers/exports/strava_activities.hpp"
#include "importers/mapping/to_activities.hpp"

namespace stridecare::services {

/// One file that may hold activities.
struct SourceItem {
  std::string name;                 ///< as the user can find it: `runs/a.fit`, `export.zip/activities/1.fit.gz`
  std::vector<std::uint8_t> bytes;  ///< as stored: possibly gzip-compressed
  /// Named on the command line: content that is not an activity file is an
  /// error. Files found by walking a folder or an archive are only offered
  /// when their name says FIT, GPX or TCX (optionally .gz).
  bool named = false;
  std::optional<importers::Annotation> annotation;  ///< from a Strava activities.csv
  std::optional<domain::Error> error;               ///< could not be read: `bytes` is empty
  /// A Strava `activities.csv`'s rows without a file (manual entries), offered once its folder or archive
  /// has been walked; `name` is the CSV's and `bytes` is empty.
  std::vector<importers::StravaManualEntry> manual;
};

/// True for names that end in .fit, .gpx or .tcx, optionally followed by .gz, in any case.
bool has_activity_extension(std::string_view name);

struct WalkCallbacks {
  /// Each item in order; return false to stop the walk.
  std::function<bool(SourceItem&&)> item;
  /// Bytes of the given paths consumed so far (compressed bytes for archives).
  std::function<void(std::uint64_t bytes_read)> progress;
  /// Called before a file or an archive entry of at most `bytes` is read into memory (its item follows);
  /// may wait for room (import_memory.hpp). Return false to stop the walk. Empty: nothing to reserve.
  std::function<bool(std::uint64_t bytes)> reserve;
};

/// Total size in bytes of the regular files under `paths` (for progress).
std::uint64_t total_input_bytes(const std::vector<std::filesystem::path>& paths);

/// Walks the entries of a zip or tar archive held in memory (nested archives
/// too), as `walk_sources` does for an archive file. For tests and fuzzing.
void walk_archive_bytes(std::span<const std::uint8_t> bytes, const std::string& name, const WalkCallbacks& callbacks);

/// Walks `paths` in order. Unreadable paths and damaged archives become items
/// with an `error`; the walk goes on with the next path.
void walk_sources(const std::vector<std::filesystem::path>& paths, const WalkCallbacks& callbacks);

}  // namespace stridecare::services
