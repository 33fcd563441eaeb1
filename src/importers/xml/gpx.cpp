#include "importers/xml/gpx.hpp"

#include <array>
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

/// Extensions nest a few levels (`extensions/TrackPointExtension/hr`); deeper
/// content is not read, which also bounds the recursion on hostile files.
constexpr std::string_view kEmptyTrack = "track without points skipped";
constexpr std::string_view kUnknownNamespace = "root element <gpx> in an unknown namespace, read as GPX";

/// Where the track points lie below a track, by local name.
constexpr std::array<std::string_view, 2> kTrackPointPath{"trkseg", "trkpt"};

enum class Field { none, heart_rate, cadence, speed, power };

class GpxReader {
 public:
  GpxReader(std::string_view gpx_uri, NamespaceScope& scope, WarningLog& log)
      : gpx_uri_(gpx_uri), scope_(scope), log_(log) {}

  /// One session from `trk` (entered); its samples may be empty.
  SessionRecord read_track(pugi::xml_node trk) {
    SessionRecord session;
    xml::reserve_samples(session.samples, xml::count_elements(trk, kTrackPointPath));
    for (pugi::xml_node child : trk.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_gpx(q)) continue;
      if (q.local == "type") {
        session.sport = xml::ascii_lower_trimmed(child.child_value());
      } else if (q.local == "trkseg") {
        read_segment(child, session);
      }
    }
    finish(trk, session);
    return session;
  }

 private:
  bool is_gpx(const QName& q) const { return q.declared && q.uri == gpx_uri_; }

  void read_segment(pugi::xml_node seg, SessionRecord& session) {
    bool have_previous = false;  // a positioned point earlier in this segment
    double previous_lat = 0.0;
    double previous_lon = 0.0;
    for (pugi::xml_node pt : seg.children()) {
      if (!is_element(pt)) continue;
      const auto guard = scope_.enter(pt);
      const QName q = scope_.name(pt);
      if (!is_gpx(q) || q.local != "trkpt") continue;
      Sample& s = session.samples.emplace_back();
      read_point(pt, s);
      if (s.latitude_deg && s.longitude_deg) {
        if (have_previous)
          distance_m_ += xml::haversine_m(previous_lat, previous_lon, *s.latitude_deg, *s.longitude_deg);
        have_previous = positioned_ = true;
        previous_lat = *s.latitude_deg;
        previous_lon = *s.longitude_deg;
      }
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

  void finish(pugi::xml_node trk, SessionRecord& session) {
    session.start = first_time_.time;
    session.utc_offset_s = first_time_.utc_offset_s;
    bool backwards = false;
    session.total_elapsed_s = xml::elapsed_s(session.samples, &backwards);
    if (backwards) log_.note(kBackwards, trk);
    if (positioned_) session.total_distance_m = distance_m_;
    // The next track starts afresh.
    first_time_ = {};
    distance_m_ = 0.0;
    positioned_ = false;
  }

  std::string_view gpx_uri_;
  NamespaceScope& scope_;
  WarningLog& log_;
  xml::FirstTime first_time_;
  double distance_m_ = 0.0;
  bool positioned_ = false;
};

}  // namespace

namespace xml {

domain::Expected<Recording> read_gpx(const Root& root) {
  WarningLog& log = root.log;
  NamespaceScope& scope = root.scope;
  const std::string_view gpx_uri = root.name.uri;
  if (!gpx_uri.empty() && gpx_uri != ns::kGpx10 && gpx_uri != ns::kGpx11 && log.note(kUnknownNamespace, root.element)) {
    log.detail(gpx_uri);
  }

  Recording recording;
  recording.format = "gpx";
  GpxReader reader(gpx_uri, scope, log);
  std::size_t route_points = 0;
  std::size_t waypoints = 0;
  std::size_t empty_tracks = 0;
  for (pugi::xml_node child : root.element.children()) {
    if (!is_element(child)) continue;
    const auto guard = scope.enter(child);
    const QName q = scope.name(child);
    if (!q.declared || q.uri != gpx_uri) continue;
    if (q.local == "trk") {
      SessionRecord session = reader.read_track(child);
      if (session.samples.empty()) {
        ++empty_tracks;
        log.note(kEmptyTrack, child);
      } else {
        recording.sessions.push_back(std::move(session));
      }
    } else if (q.local == "wpt") {
      ++waypoints;
    } else if (q.local == "rte") {
      for (pugi::xml_node pt : child.children()) {
        if (is_element(pt) && local_name(pt.name()) == "rtept") ++route_points;
      }
    }
  }

  const std::string others =
      std::to_string(route_points) + " route points, " + std::to_string(waypoints) + " waypoints)";
  if (recording.sessions.empty() && empty_tracks == 0) return file_error(root.file_name, "no track in file (" + others);
  if (recording.sessions.empty()) {
    return file_error(root.file_name, "no track point in file (" + std::to_string(empty_tracks) + " empty track" +
                                          (empty_tracks == 1 ? "" : "s") + ", " + others);
  }
  recording.warnings = log.lines();
  return recording;
}

}  // namespace xml

domain::Expected<Recording> parse_gpx(std::string_view bytes, std::string_view name) {
  std::string copy = xml::copy_for_parse(bytes);  // pugixml parses in place; the caller's bytes stay as they are
  return xml::parse_activity_in_place(copy, name, xml::Accept::gpx);
}

}  // namespace stridecare::importers
