#include "services/import.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <stdlib.h>

#include "domain/quantities.hpp"
#include "domain/text.hpp"
#include "importers/mapping/to_activities.hpp"
#include "importers/xml/huge_pages.hpp"
#include "services/activity_files.hpp"
#include "services/environment.hpp"
#include "services/file_bytes.hpp"
#include "services/import_memory.hpp"
#include "services/import_sources.hpp"
#include "services/journal.hpp"
#include "services/json_output.hpp"
#include "services/safe_log.hpp"

namespace stridecare::services {
namespace {

/// Files decoded ahead of the writer: bounds memory whatever the number of files.
constexpr std::size_t kInFlightPerThread = 4;

struct Decoded {
  std::string name;
  std::uint64_t bytes = 0;
  std::uint64_t memory = 0;  ///< of kImportMemoryBytes, held until it is stored
  std::vector<importers::MappedActivity> activities;
  std::vector<storage::track_codec::EncodedTrack> tracks;  ///< one per activity, encoded off the writer's thread
  std::vector<std::string> warnings;
  std::optional<std::string> error;
};

/// A Strava export's manual entries, from the CSV's own figures: each an activity without a recording,
/// or a warning saying why it is not imported.
Decoded manual_entries(SourceItem&& item, const importers::ZoneOffset& zone) {
  Decoded out;
  out.name = item.name;
  for (const auto& entry : item.manual) {
    auto a = importers::manual_activity(entry, zone, item.name);
    if (!a) {
      out.warnings.push_back(a.error().message + ": not imported");
      continue;
    }
    importers::MappedActivity m;
    m.activity = std::move(*a);
    out.activities.push_back(std::move(m));
    out.tracks.emplace_back();  // no recording, no track
  }
  return out;
}

Decoded decode(SourceItem&& item, const ImportOptions& options, const importers::ZoneOffset& zone) {
  Decoded out;
  // Stored and reported names are UTF-8 (JSON carries nothing else); a file system or an old zip
  // may name a file in another encoding.
  if (std::string valid = domain::valid_utf8(item.name); valid != item.name) {
    out.warnings.push_back("the file name is not valid UTF-8: stored as '" + valid +
                           "', with U+FFFD for the bytes that are not");
    item.name = std::move(valid);
  }
  out.name = item.name;
  out.bytes = item.bytes.size();
  if (item.error) {
    out.error = item.error->message;
    return out;
  }
  if (!item.manual.empty()) return manual_entries(std::move(item), zone);
  auto ingested = ingest_bytes(std::move(item.bytes), item.name, {.strict = options.strict});
  if (!ingested) {
    out.error = ingested.error().message;
    return out;
  }
  auto& recording = ingested->recording;
  domain::SourceFile source;
  source.name = item.name;
  source.format = recording.format;
  source.content_hash = std::move(ingested->content_hash);
  auto mapped = importers::to_activities(recording, source, zone, item.annotation);
  if (!mapped) {
    out.error = mapped.error().message;
    return out;
  }
  out.activities = std::move(*mapped);
  for (auto& a : out.activities) {
    auto encoded = storage::track_codec::encode_track(a.track);
    if (!encoded) {
      out.error = item.name + ": " + encoded.error().field + ": " + encoded.error().message;
      out.activities.clear();
      out.tracks.clear();
      return out;
    }
    out.tracks.push_back(std::move(*encoded));
    a.track = {};  // the encoded copy is what gets stored
  }
  for (auto& w : recording.warnings) out.warnings.push_back(std::move(w));
  for (auto& a : out.activities) {
    for (auto& n : a.notes) out.warnings.push_back(std::move(n));
  }
  return out;
}

/// The queue between the walker, the decoders and the writer. Items carry a
/// sequence number so the writer stores them in walk order: ids and the
/// report do not depend on which thread finished first.
///
/// Memory (import_memory.hpp): the walker reserves a file's size before it
/// reads it and the rest of its memory_need before it hands it on, waiting
/// while the items in flight would not leave room in kImportMemoryBytes (an
/// item larger than that waits until it is alone); the writer gives it back
/// once the item is stored. Only the walker waits for memory, and the
/// decoders and the writer always finish what they hold, so nothing waits on
/// itself.
class Pipeline {
 public:
  struct Work {
    std::size_t seq = 0;
    std::uint64_t memory = 0;
    SourceItem item;
  };

  explicit Pipeline(std::size_t window) : window_(window) {}

  /// Walker, before reading `bytes` of a file: waits for the room. False when cancelled.
  bool reserve(std::uint64_t bytes) {
    std::unique_lock lock(mu_);
    if (!wait_for_room(lock, bytes)) return false;
    held_ += bytes;
    reserved_ += bytes;
    return true;
  }

  /// Walker: the item read, holding its reservation, takes the rest of its memory_need; then waits while
  /// `window_` items are in flight. False when cancelled.
  bool push(SourceItem&& item) {
    const std::uint64_t need = item.error ? 0 : memory_need(item.bytes);
    std::unique_lock lock(mu_);
    if (need > reserved_) {
      if (!wait_for_room(lock, need - reserved_)) return false;
      held_ += need - reserved_;
    } else {
      held_ -= reserved_ - need;
    }
    reserved_ = 0;
    space_.wait(lock, [&] { return cancelled_ || next_seq_ - written_ < window_; });
    if (cancelled_) return false;
    work_.push_back({next_seq_++, need, std::move(item)});
    work_ready_.notify_one();
    return true;
  }

  /// Writer: `bytes` of items stored are free again.
  void release(std::uint64_t bytes) {
    std::lock_guard lock(mu_);
    held_ -= bytes;
    space_.notify_all();
  }

  void walk_done() {
    std::lock_guard lock(mu_);
    walk_done_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  /// Decoder: the next item, or nullopt when there is no more work.
  std::optional<Work> pop() {
    std::unique_lock lock(mu_);
    work_ready_.wait(lock, [&] { return cancelled_ || walk_done_ || !work_.empty(); });
    if (cancelled_ || work_.empty()) return std::nullopt;
    auto item = std::move(work_.front());
    work_.pop_front();
    return item;
  }

  void finish(std::size_t seq, Decoded&& d) {
    std::lock_guard lock(mu_);
    results_.emplace(seq, std::move(d));
    result_ready_.notify_all();
  }

  /// Writer: the next results in walk order, waiting for at least one;
  /// empty when everything was written.
  std::vector<Decoded> take(std::size_t max) {
    std::unique_lock lock(mu_);
    result_ready_.wait(lock, [&] { return results_.contains(written_) || (walk_done_ && written_ == next_seq_); });
    std::vector<Decoded> out;
    while (out.size() < max) {
      auto it = results_.find(written_);
      if (it == results_.end()) break;
      out.push_back(std::move(it->second));
      results_.erase(it);
      ++written_;
    }
    space_.notify_all();
    return out;
  }

  void cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    space_.notify_all();
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

 private:
  /// Room for `bytes` more beside what is in flight, or nothing in flight but the walker's own reservation.
  bool wait_for_room(std::unique_lock<std::mutex>& lock, std::uint64_t bytes) {
    space_.wait(lock, [&] { return cancelled_ || held_ + bytes <= kImportMemoryBytes || held_ == reserved_; });
    return !cancelled_;
  }

  const std::size_t window_;
  std::mutex mu_;
  std::condition_variable space_, work_ready_, result_ready_;
  std::deque<Work> work_;
  std::map<std::size_t, Decoded> results_;
  std::size_t next_seq_ = 0;
  std::size_t written_ = 0;
  std::uint64_t held_ = 0;      ///< memory of the items in flight and the walker's reservation
  std::uint64_t reserved_ = 0;  ///< the walker's, for the item it is reading
  bool walk_done_ = false;
  bool cancelled_ = false;
};

/// The stored activity `a` duplicates, with the reason; nullopt when it is new.
/// One look at the activities that started near it: the same file and session
/// (a re-import) or the same outing from another source. A stored copy of the
/// same file that starts elsewhere (an older decoder's start) is refused by
/// `add_activity` itself, without a second query here.
Expected<std::optional<std::pair<domain::Id, std::string>>> find_duplicate(storage::Store& store,
                                                                           const domain::Activity& a) {
  const auto& r = *a.recorded;
  auto nearby = store.list_recorded(r.start_utc - kDuplicateStartWindow, r.start_utc + kDuplicateStartWindow);
  if (!nearby) return std::unexpected(std::move(nearby.error()));
  for (const auto& n : *nearby) {
    if (n.recorded->source.content_hash == r.source.content_hash &&
        n.recorded->source.session_index == r.source.session_index) {
      return std::optional{std::pair{n.id, std::string("same file")}};
    }
  }
  for (const auto& n : *nearby) {
    if (!domain::same_outing_family(n.sport, a.sport)) continue;
    const double longer = std::max(n.duration_s, a.duration_s);
    if (std::abs(n.duration_s - a.duration_s) > kDuplicateDurationRatio * longer) continue;
    if (n.distance_m && a.distance_m &&
        std::abs(*n.distance_m - *a.distance_m) > kDuplicateDurationRatio * std::max(*n.distance_m, *a.distance_m)) {
      continue;  // the same start and time but not the same way: two outings
    }
    return std::optional{std::pair{
        n.id, n.sport == a.sport ? std::string("same activity")
                                 : "same activity (stored as " + std::string(domain::name_of(n.sport)) + ")"}};
  }
  return std::optional<std::pair<domain::Id, std::string>>{};
}

/// A manual entry already stored: an identical session that day (a second import of the same export).
Expected<std::optional<std::pair<domain::Id, std::string>>> find_manual_duplicate(storage::Store& store,
                                                                                  const domain::Activity& a) {
  auto same = identical_that_day(store, a);
  if (!same) return std::unexpected(std::move(same.error()));
  if (!*same) return std::optional<std::pair<domain::Id, std::string>>{};
  return std::optional{std::pair{**same, std::string("same manual entry")}};
}

}  // namespace

namespace {

/// SAFE-LOG-1 for the imported runs, from one look at the history.
Expected<void> add_safety_warnings(Session& s, ImportReport& report) {
  std::vector<domain::Activity> runs;
  std::vector<std::size_t> index;
  for (std::size_t i = 0; i < report.imported.size(); ++i) {
    const domain::Activity& a = report.imported[i].activity;
    if (a.sport != domain::Sport::run) continue;
    domain::Activity light;  // what the check reads, without the recording
    light.id = a.id;
    light.sport = a.sport;
    light.date = a.date;
    light.time = a.time;
    light.duration_s = a.duration_s;
    runs.push_back(std::move(light));
    index.push_back(i);
  }
  auto warnings = safe_log_warnings(s, runs);
  if (!warnings) return std::unexpected(std::move(warnings.error()));
  for (std::size_t k = 0; k < index.size(); ++k) report.imported[index[k]].warnings = std::move((*warnings)[k]);
  return {};
}

}  // namespace

Expected<ImportReport> import_paths(Session& s, const std::vector<std::filesystem::path>& paths,
                                    const ImportOptions& options) {
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(std::move(profile.error()));
  const auto zone = utc_offset_in(profile->time_zone);

  const unsigned threads = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  Pipeline pipeline(kInFlightPerThread * threads + 2);
  ImportProgress progress;
  progress.bytes_total = options.progress ? total_input_bytes(paths) : 0;
  std::atomic<std::uint64_t> bytes_read{0};

  std::jthread walker([&] {
    walk_sources(paths, {.item = [&](SourceItem&& item) { return pipeline.push(std::move(item)); },
                         .progress = [&](std::uint64_t n) { bytes_read.store(n, std::memory_order_relaxed); },
                         .reserve = [&](std::uint64_t n) { return pipeline.reserve(n); }});
    pipeline.walk_done();
  });
  std::vector<std::jthread> decoders;
  for (unsigned i = 0; i < threads; ++i) {
    decoders.emplace_back([&] {
      while (auto work = pipeline.pop()) {
        Decoded d = decode(std::move(work->item), options, zone);
        d.memory = work->memory;
        pipeline.finish(work->seq, std::move(d));
      }
    });
  }

  ImportReport report;
  std::optional<domain::Error> store_error;
  while (!store_error) {
    auto batch = pipeline.take(kFilesPerTransaction);
    if (batch.empty()) break;
    std::vector<ImportedActivity> stored;
    std::vector<DuplicateActivity> duplicates;
    auto written = s.store.transact([&]() -> Expected<void> {
      stored.clear();
      duplicates.clear();
      for (auto& file : batch) {
        for (std::size_t i = 0; i < file.activities.size(); ++i) {
          auto& m = file.activities[i];
          auto dup =
              m.activity.recorded ? find_duplicate(s.store, m.activity) : find_manual_duplicate(s.store, m.activity);
          if (!dup) return std::unexpected(std::move(dup.error()));
          if (*dup) {
            const int session = m.activity.recorded ? m.activity.recorded->source.session_index : static_cast<int>(i);
            duplicates.push_back({file.name, session, (*dup)->first, (*dup)->second});
            continue;
          }
          auto id = s.store.add_activity(m.activity);
          if (!id && id.error().kind == domain::ErrorKind::conflict && m.activity.recorded) {
            duplicates.push_back({file.name, m.activity.recorded->source.session_index, 0, "same file"});
            continue;
          }
          if (!id) return std::unexpected(std::move(id.error()));
          if (file.tracks[i].point_count > 0) {
            if (auto ok = s.store.save_encoded_track(*id, file.tracks[i]); !ok) return ok;
          }
          domain::Activity a = m.activity;
          a.id = *id;
          stored.push_back({std::move(a), file.name, {}});
        }
      }
      return {};
    });
    std::uint64_t memory = 0;
    for (const auto& file : batch) memory += file.memory;
    pipeline.release(memory);
    if (!written) {
      store_error = std::move(written.error());
      break;
    }
    for (auto& a : stored) report.imported.push_back(std::move(a));
    for (auto& d : duplicates) report.duplicates.push_back(std::move(d));
    for (auto& file : batch) {
      ++report.files;
      report.bytes_read += file.bytes;
      if (file.error) report.failed.push_back({file.name, *file.error});
      for (auto& w : file.warnings) report.warnings.push_back({file.name, std::move(w)});
    }
    if (options.progress) {
      progress.items_done = report.files;
      progress.bytes_read = bytes_read.load(std::memory_order_relaxed);
      options.progress(progress);
    }
  }
  if (store_error) {
    pipeline.cancel();
    report.stopped = std::move(store_error);
    return report;
  }
  if (auto ok = add_safety_warnings(s, report); !ok) return std::unexpected(std::move(ok.error()));
  return report;
}

Json to_json(const ImportReport& r) {
  Json activities = Json::array();
  for (const auto& i : r.imported) {
    const auto& a = i.activity;
    activities.push_back({{"id", a.id},
                          {"sport", domain::name_of(a.sport)},
                          // A Strava manual entry has no recording: its start is its day and local `time`.
                          {"start", a.recorded ? Json(iso_utc(a.recorded->start_utc)) : Json(nullptr)},
                          {"date", domain::to_string(a.date)},
                          {"distance_km", a.distance_m ? Json(*a.distance_m / domain::kMetresPerKm) : Json(nullptr)},
                          {"duration_s", a.duration_s},
                          {"path", i.path}});
    activities.back()["warnings"] = Json::array();
    for (const auto& w : i.warnings) activities.back()["warnings"].push_back(to_json(w));
  }
  Json duplicates = Json::array();
  for (const auto& d : r.duplicates) {
    duplicates.push_back({{"path", d.path},
                          {"session", d.session},
                          {"duplicate_of", d.existing_id == 0 ? Json(nullptr) : Json(d.existing_id)},
                          {"reason", d.reason}});
  }
  Json failed = Json::array();
  for (const auto& f : r.failed) failed.push_back({{"path", f.path}, {"error", f.error}});
  Json warnings = Json::array();
  for (const auto& w : r.warnings) warnings.push_back({{"path", w.path}, {"warning", w.warning}});
  return {{"imported", r.imported.size()},
          {"duplicates", duplicates},
          {"failed", failed},
          {"activities", activities},
          {"warnings", warnings},
          {"files", r.files},
          {"stopped", r.stopped ? to_json(*r.stopped)["error"] : Json(nullptr)}};
}

namespace {

/// A private folder under the system's temporary one, removed with what it holds.
class UploadFolder {
 public:
  UploadFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "stridecare-upload-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  UploadFolder(const UploadFolder&) = delete;
  UploadFolder& operator=(const UploadFolder&) = delete;
  ~UploadFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The last component of a name as sent, never a folder of ours: "a/../b.fit" -> "b.fit"; "" or ".." -> "upload".
std::string upload_file_name(std::string_view sent) {
  const auto slash = sent.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? sent : sent.substr(slash + 1));
  if (name.empty() || name == "." || name == "..") name = "upload";
  return name;
}

}  // namespace

Expected<ImportReport> import_uploads(Session& s, const std::vector<Upload>& uploads, const ImportOptions& options) {
  const UploadFolder folder;
  if (folder.path().empty()) {
    return domain::fail(domain::ErrorKind::io, "files", "cannot make a temporary folder for the uploaded files");
  }
  std::vector<std::filesystem::path> paths;
  std::vector<std::pair<std::string, std::string>> names;  // written path prefix -> name as sent
  for (std::size_t i = 0; i < uploads.size(); ++i) {
    // One folder per file, so that two files sent with one name stay two files.
    const std::filesystem::path dir = folder.path() / std::to_string(i);
    std::error_code ec;
    std::filesystem::create_directory(dir, ec);
    const std::filesystem::path file = dir / upload_file_name(uploads[i].name);
    if (auto written = write_file_atomically(file.string(), uploads[i].bytes); ec || !written) {
      return domain::fail(domain::ErrorKind::io, "files",
                          "cannot store the uploaded file '" + uploads[i].name + "' to read it");
    }
    paths.push_back(file);
    names.emplace_back(file.string(), uploads[i].name);
  }
  auto report = import_paths(s, paths, options);
  if (!report) return report;
  const auto rename = [&names](std::string& path) {
    for (const auto& [written, sent] : names) {
      if (path.starts_with(written)) {
        path = sent + path.substr(written.size());
        return;
      }
    }
  };
  for (auto& a : report->imported) rename(a.path);
  for (auto& d : report->duplicates) rename(d.path);
  // A message names the file as it was written here: name it as it was sent, never by the server's folder.
  const auto rename_in = [&names](std::string& text) {
    for (const auto& [written, sent] : names) {
      for (std::size_t at = text.find(written); at != std::string::npos; at = text.find(written, at)) {
        text.replace(at, written.size(), sent);
        at += sent.size();
      }
    }
  };
  for (auto& f : report->failed) {
    rename_in(f.error);
    rename(f.path);
  }
  for (auto& w : report->warnings) {
    rename_in(w.warning);
    rename(w.path);
  }
  return report;
}

bool use_huge_page_xml_allocator() { return importers::xml::install_huge_page_arena(); }

}  // namespace stridecare::services
