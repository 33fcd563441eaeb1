#include "importers/xml/gpx.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <pugixml.hpp>

#include "importers/xml/activity_root.hpp"
#include "importers/xml/namespaces.hpp"
#include "importers/xml/sample_fields.hpp"
#include "importers/xml/track_math.hpp"
#include "importers/xml/warning_log.hpp"
#include "importers/xml/xml_document.hpp"
#include "importers/xml/xml_values.hpp"

namespace stridecare::importers {
namespace {

using xml::is_element;
using xml::kBackwards;
using xml::kMaxExtensionDepth;
using xml::kUndeclaredPrefix;
using xml::NamespaceScope;
using xml::QName;
using xml::WarningLog;

constexpr std::string_view kEmptyTrack = "track without points skipped";
constexpr std::string_view kBadHeartRateReading = "heart-rate track reading without a valid time and bpm ignored";
/// A SportsTracker heart-rate reading counts for the track points up to this long after it.
constexpr std::chrono::seconds kHeartRateHold{60};
constexpr std::string_view kUnknownGpxNamespace = "root element <gpx> in an unknown namespace, read as GPX";

/// Where the track points lie below a track, by local name.
constexpr std::array<std::string_view, 2> kGpxPointPath{"trkseg", "trkpt"};

enum class Field { none, heart_rate, cadence, speed, power };

/// Reads `gpx` (root) > `trk` > `trkseg` as containers, a `trkpt` whole.
class GpxReader final : public xml::FormatReader {
 public:
  explicit GpxReader(const xml::ReaderContext& context)
      : scope_(context.scope), log_(context.log), points_(context.points), file_name_(context.file_name) {}

  bool open(pugi::xml_node element, const QName& q) override {
    switch (level_) {
      case Level::none:
        gpx_uri_ = q.uri;
        if (!gpx_uri_.empty() && gpx_uri_ != xml::ns::kGpx10 && gpx_uri_ != xml::ns::kGpx11 &&
            log_.note(kUnknownGpxNamespace, element)) {
          log_.detail(gpx_uri_);
        }
        level_ = Level::root;
        return true;
      case Level::root:
        return open_in_root(element, q);
      case Level::track:
        if (!is_gpx(q)) return false;
        if (q.local == "type") {
          session_.sport = xml::ascii_lower_trimmed(element.child_value());
        } else if (q.local == "trkseg") {
          have_previous_ = false;
          level_ = Level::segment;
          return true;
        }
        return false;
      case Level::segment:
        if (is_gpx(q) && q.local == "trkpt") add_point(element);
        return false;
      case Level::file_extensions:
        return open_in_file_extensions(element, q);
    }
    return false;
  }

  void close(pugi::xml_node element, const QName&) override {
    switch (level_) {
      case Level::file_extensions:
        if (extension_depth_ > 0) {
          --extension_depth_;
        } else {
          level_ = Level::root;
        }
        return;
      case Level::segment:
        level_ = Level::track;
        return;
      case Level::track:
        finish_track(element);
        level_ = Level::root;
        return;
      case Level::root:
      case Level::none:
        level_ = Level::none;
        return;
    }
  }

  domain::Expected<Recording> finish() override {
    const std::string others =
        std::to_string(route_points_) + " route points, " + std::to_string(waypoints_) + " waypoints)";
    if (recording_.sessions.empty() && empty_tracks_ == 0) {
      return xml::file_error(file_name_, "no track in file (" + others);
    }
    if (recording_.sessions.empty()) {
      return xml::file_error(file_name_, "no track point in file (" + std::to_string(empty_tracks_) + " empty track" +
                                             (empty_tracks_ == 1 ? "" : "s") + ", " + others);
    }
    apply_heart_rate_track();
    recording_.format = "gpx";
    recording_.warnings = log_.lines();
    return std::move(recording_);
  }

 private:
  /// Where the reader is: the containers opened and not yet closed.
  enum class Level { none, root, track, segment, file_extensions };

  bool is_gpx(const QName& q) const { return q.declared && q.uri == gpx_uri_; }

  bool open_in_root(pugi::xml_node element, const QName& q) {
    if (!is_gpx(q)) return false;
    if (q.local == "trk") {
      session_ = {};
      xml::reserve_samples(session_.samples, points_(element, kGpxPointPath));
      level_ = Level::track;
      return true;
    }
    if (q.local == "extensions") {
      level_ = Level::file_extensions;
      extension_depth_ = 0;
      return true;
    }
    if (q.local == "wpt") {
      ++waypoints_;
    } else if (q.local == "rte") {
      for (pugi::xml_node pt : element.children()) {
        if (is_element(pt) && xml::local_name(pt.name()) == "rtept") ++route_points_;
      }
    }
    return false;
  }

  /// Inside the file's own `extensions`: SportsTracker's `activity/heartRateTrack/heartRate time= bpm=`.
  bool open_in_file_extensions(pugi::xml_node element, const QName& q) {
    if (q.declared && q.uri == xml::ns::kSportsTracker && q.local == "heartRate") {
      const auto time = xml::parse_xsd_datetime(element.attribute("time").value());
      const pugi::xml_attribute bpm_attribute = element.attribute("bpm");
      const int bpm = bpm_attribute.as_int(-1);
      if (time && bpm > 0) {
        heart_rate_track_.emplace_back(time->utc, bpm);
      } else {
        log_.note(kBadHeartRateReading, element);
      }
      return false;
    }
    if (extension_depth_ >= kMaxExtensionDepth) return false;
    ++extension_depth_;
    return true;
  }

  /// The file-level heart-rate readings onto the track points without a heart rate of their own: each point
  /// takes the latest reading at or before its time, if it is at most kHeartRateHold old.
  void apply_heart_rate_track() {
    if (heart_rate_track_.empty()) return;
    std::ranges::stable_sort(heart_rate_track_, {}, &std::pair<UtcMillis, int>::first);
    for (SessionRecord& session : recording_.sessions) {
      for (Sample& s : session.samples) {
        if (!s.time || s.heart_rate_bpm) continue;
        auto it = std::ranges::upper_bound(heart_rate_track_, *s.time, {}, &std::pair<UtcMillis, int>::first);
        if (it == heart_rate_track_.begin()) continue;
        --it;
        if (*s.time - it->first <= kHeartRateHold) s.heart_rate_bpm = it->second;
      }
    }
  }

  /// A point of the segment being read: its sample, and the distance from the previous positioned one.
  void add_point(pugi::xml_node pt) {
    if (!points_.take()) return;
    Sample& s = session_.samples.emplace_back();
    read_point(pt, s);
    if (s.latitude_deg && s.longitude_deg) {
      if (have_previous_) {
        distance_m_ += xml::haversine_m(previous_lat_, previous_lon_, *s.latitude_deg, *s.longitude_deg);
      }
      have_previous_ = positioned_ = true;
      previous_lat_ = *s.latitude_deg;
      previous_lon_ = *s.longitude_deg;
    }
  }

  void read_point(pugi::xml_node pt, Sample& s) {
    xml::read_position(pt.attribute("lat").value(), pt.attribute("lon").value(), pt, s, true, log_);
    for (pugi::xml_node child : pt.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_gpx(q)) {
        read_extension(child, s, 0);  // GPX 1.0 puts foreign elements straight into trkpt
      } else if (q.local == "ele") {
        xml::read_number(child, s.altitude_m, xml::Range::any, log_);
      } else if (q.local == "time") {
        if (const auto t = xml::read_time(child, log_)) {
          s.time = t->utc;
          first_time_.offer(*t);
        }
      } else if (q.local == "speed") {
        xml::read_number(child, s.speed_m_per_s, xml::Range::non_negative, log_);
      } else if (q.local == "extensions") {
        for (pugi::xml_node ext : child.children()) {
          if (!is_element(ext)) continue;
          const auto ext_guard = scope_.enter(ext);
          read_extension(ext, s, 1);
        }
      }
    }
  }

  /// Which sample field the extension element `q` holds.
  Field field_of(const QName& q) const {
    const std::string_view l = q.local;
    // Elements with no namespace of their own: no prefix in a file without a
    // default namespace, the GPX namespace by default, or an undeclared prefix.
    if (!q.declared || q.uri.empty() || q.uri == gpx_uri_) {
      if (l == "hr" || l == "heartrate") return Field::heart_rate;
      if (l == "cad" || l == "cadence") return Field::cadence;
      if (l == "power") return Field::power;
      if (l == "speed") return Field::speed;
      return Field::none;
    }
    if (q.uri == xml::ns::kTrackPointExtensionV1 || q.uri == xml::ns::kTrackPointExtensionV2) {
      if (l == "hr") return Field::heart_rate;
      if (l == "cad") return Field::cadence;
      if (l == "speed" && q.uri == xml::ns::kTrackPointExtensionV2) return Field::speed;
      if (l == "PowerInWatts") return Field::power;  // Apple Watch nests PowerExtension in this namespace
      return Field::none;
    }
    if (q.uri == xml::ns::kPowerExtensionV1) return l == "PowerInWatts" ? Field::power : Field::none;
    if (q.uri == xml::ns::kClueTrustGpxData) {
      if (l == "hr") return Field::heart_rate;
      if (l == "cadence") return Field::cadence;
    }
    return Field::none;
  }

  /// Reads the extension element `el` (entered) and, when it holds no value, its children.
  void read_extension(pugi::xml_node el, Sample& s, int depth) {
    const QName q = scope_.name(el);
    if (!q.declared && log_.note(kUndeclaredPrefix, el)) log_.detail(el.name());
    switch (field_of(q)) {
      case Field::heart_rate:
        xml::read_whole(el, s.heart_rate_bpm, log_);
        return;
      case Field::cadence:
        xml::read_number(el, s.cadence_rpm, xml::Range::non_negative, log_);
        return;
      case Field::speed:
        xml::read_number(el, s.speed_m_per_s, xml::Range::non_negative, log_);
        return;
      case Field::power:
        xml::read_whole(el, s.power_w, log_);
        return;
      case Field::none:
        break;
    }
    if (depth >= kMaxExtensionDepth) return;
    for (pugi::xml_node child : el.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      read_extension(child, s, depth + 1);
    }
  }

  /// Ends the track `trk` opened: its totals, then it joins the recording
  /// unless it has no points.
  void finish_track(pugi::xml_node trk) {
    SessionRecord& session = session_;
    session.start = first_time_.time;
    session.utc_offset_s = first_time_.utc_offset_s;
    bool backwards = false;
    session.total_elapsed_s = xml::elapsed_s(session.samples, &backwards);
    if (backwards) log_.note(kBackwards, trk);
    if (positioned_) session.total_distance_m = distance_m_;
    if (session.samples.empty()) {
      ++empty_tracks_;
      log_.note(kEmptyTrack, trk);
    } else {
      recording_.sessions.push_back(std::move(session));
    }
    // The next track starts afresh.
    first_time_ = {};
    distance_m_ = 0.0;
    positioned_ = false;
  }

  NamespaceScope& scope_;
  WarningLog& log_;
  xml::PointHint& points_;
  std::string_view file_name_;
  std::string gpx_uri_;  // owned: a slice's text, which the views point into, is reused
  Level level_ = Level::none;
  Recording recording_;
  SessionRecord session_;  ///< the track being read
  std::size_t route_points_ = 0;
  std::size_t waypoints_ = 0;
  std::size_t empty_tracks_ = 0;
  xml::FirstTime first_time_;
  double distance_m_ = 0.0;
  bool positioned_ = false;
  bool have_previous_ = false;                               ///< a positioned point earlier in this segment
  int extension_depth_ = 0;                                  ///< elements entered below the file's `extensions`
  std::vector<std::pair<UtcMillis, int>> heart_rate_track_;  ///< SportsTracker's readings: time, bpm
  double previous_lat_ = 0.0;
  double previous_lon_ = 0.0;
};

}  // namespace

namespace xml {

std::unique_ptr<FormatReader> make_gpx_reader(const ReaderContext& context) {
  return std::make_unique<GpxReader>(context);
}

}  // namespace xml

domain::Expected<Recording> parse_gpx(std::string_view bytes, std::string_view name, ReadOptions options) {
  return xml::parse_activity(bytes, name, xml::Accept::gpx, options);
}

}  // namespace stridecare::importers
