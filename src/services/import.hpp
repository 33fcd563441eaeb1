#pragma once
/// `stridecare import`: activities from files, folders and bulk exports into
/// the store. Files are decoded on every core while one thread writes; each
/// file lands whole or not at all; a failed file does not stop the batch.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "planner/safety.hpp"
#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// An activity counts as already stored (from another file: a FIT and its
/// GPX export, Strava's and Garmin's copy of one run) when one of a
/// compatible sport (domain::same_outing_family: a run and a walk can be one
/// outing) started within this window and its duration, and its distance when
/// both have one, agree within kDuplicateDurationRatio. Devices and exports
/// round start times differently.
inline constexpr std::chrono::seconds kDuplicateStartWindow{120};
inline constexpr double kDuplicateDurationRatio = 0.10;

struct ImportProgress {
  std::size_t items_done = 0;  ///< activity files decoded and stored (or failed)
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  ///< of the given paths, on disk
};

struct ImportOptions {
  bool strict = false;   ///< a damaged file fails instead of keeping what decoded before the damage
  unsigned threads = 0;  ///< decoding threads; 0 = one per core
  std::function<void(const ImportProgress&)> progress;  ///< called from the writing thread
};

struct ImportedActivity {
  domain::Activity activity;  ///< as stored, with its id
  std::string path;
  std::vector<planner::SafetyWarning> warnings;  ///< SAFE-LOG-1: a run while the action in force forbade it
};

struct DuplicateActivity {
  std::string path;
  int session = 0;             ///< session index in the file
  domain::Id existing_id = 0;  ///< the stored activity it duplicates; 0 when earlier in this batch but
                               ///< not stored (same file given twice)
  std::string reason;          ///< `same file` or `same activity`
};

struct FailedFile {
  std::string path;
  std::string error;
};

struct FileWarning {
  std::string path;
  std::string warning;
};

/// Files stored per transaction: a killed or failed import keeps whole files, these many at a time.
inline constexpr std::size_t kFilesPerTransaction = 64;

struct ImportReport {
  std::vector<ImportedActivity> imported;
  std::vector<DuplicateActivity> duplicates;
  std::vector<FailedFile> failed;
  std::vector<FileWarning> warnings;  ///< recovered damage, sport inferred...
  std::size_t files = 0;              ///< activity files seen (inside archives too)
  std::uint64_t bytes_read = 0;
  /// Set when the store failed midway (a full disk): everything above was stored, in whole files
  /// committed kFilesPerTransaction at a time, and nothing after it; importing the same paths again
  /// continues (what is stored is found as duplicates).
  std::optional<domain::Error> stopped;
};

/// Makes pugixml, which reads GPX and TCX files, allocate from large mappings
/// backed by huge pages (importers/xml/huge_pages.hpp): a bulk import spends
/// less time in page faults than in parsing (docs/performance.md). A choice of
/// the executable, made first thing in main before any thread starts and
/// before any file is parsed; false where it is not available (ASan builds).
bool use_huge_page_xml_allocator();

/// Imports everything under `paths`. Errors of single files are in the
/// report, and so is a store that fails midway (`stopped`); the Expected fails
/// only when nothing could be read or written at all (no profile).
Expected<ImportReport> import_paths(Session& s, const std::vector<std::filesystem::path>& paths,
                                    const ImportOptions& options);

/// A file sent to the server (`POST /api/import`): its name as the sender gave it, and its bytes.
struct Upload {
  std::string name;
  std::string bytes;
};

/// Imports uploaded files as import_paths imports files on disk (archives, gzip, duplicates, SAFE-LOG-1):
/// each is written to a private temporary folder that is removed afterwards, and the report names them
/// by the names they were sent with (a name is reduced to its last component: no folder is reached).
Expected<ImportReport> import_uploads(Session& s, const std::vector<Upload>& uploads, const ImportOptions& options);

/// `import --json` and the API's import result: `{"imported": N, "duplicates": [{"path", "session",
/// "duplicate_of", "reason"}], "failed": [{"path", "error"}], "activities": [{"id", "sport", "start", "date",
/// "distance_km", "duration_s", "path", "warnings"}], "warnings": [{"path", "warning"}], "files": N,
/// "stopped": null or the error of a store that failed midway}`.
Json to_json(const ImportReport& r);

}  // namespace stridecare::services
