#include "importers/xml/tcx.hpp"

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

constexpr std::string_view kUnknownNamespace =
    "root element <TrainingCenterDatabase> in an unknown namespace, read as TCX v2";

/// Where the track points lie below a activity, by local name.
constexpr std::array<std::string_view, 3> kTrackPointPath{"Lap", "Track", "Trackpoint"};

class TcxReader {
 public:
  TcxReader(std::string_view tcd_uri, NamespaceScope& scope, WarningLog& log)
      : tcd_uri_(tcd_uri), scope_(scope), log_(log) {}

  /// `Activities` (entered): its activities, also those of multisport sessions, in file order.
  void read_activities(pugi::xml_node activities, std::vector<SessionRecord>& out) {
    for (pugi::xml_node child : activities.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_tcd(q)) continue;
      if (q.local == "Activity") {
        out.push_back(read_activity(child));
      } else if (q.local == "MultiSportSession") {
        read_multisport(child, out);
      }
    }
  }

 private:
  bool is_tcd(const QName& q) const { return q.declared && q.uri == tcd_uri_; }

  /// `MultiSportSession` (entered): `FirstSport/Activity`, then `NextSport/Activity`.
  void read_multisport(pugi::xml_node session, std::vector<SessionRecord>& out) {
    for (pugi::xml_node sport : session.children()) {
      if (!is_element(sport)) continue;
      const auto guard = scope_.enter(sport);
      const QName q = scope_.name(sport);
      if (!is_tcd(q) || (q.local != "FirstSport" && q.local != "NextSport")) continue;
      for (pugi::xml_node activity : sport.children()) {
        if (!is_element(activity)) continue;
        const auto activity_guard = scope_.enter(activity);
        const QName a = scope_.name(activity);
        if (is_tcd(a) && a.local == "Activity") out.push_back(read_activity(activity));
      }
    }
  }

  SessionRecord read_activity(pugi::xml_node activity) {
    SessionRecord session;
    session.sport = xml::ascii_lower_trimmed(activity.attribute("Sport").value());
    xml::reserve_samples(session.samples, xml::count_elements(activity, kTrackPointPath));
    xml::FirstTime id_time;
    xml::FirstTime lap_time;
    point_time_ = {};
    for (pugi::xml_node child : activity.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_tcd(q)) continue;
      if (q.local == "Id") {
        if (const auto t = xml::read_time(child, log_)) id_time.offer(*t);
      } else if (q.local == "Lap") {
        session.laps.push_back(read_lap(child, session, lap_time));
      }
    }

    session.start = id_time.time ? id_time.time : lap_time.time ? lap_time.time : point_time_.time;
    for (const xml::FirstTime* t : {&id_time, &lap_time, &point_time_}) {
      if (t->utc_offset_s) {
        session.utc_offset_s = t->utc_offset_s;
        break;
      }
    }

    bool all_times = !session.laps.empty();
    bool all_distances = !session.laps.empty();
    double time_sum = 0.0;
    double distance_sum = 0.0;
    for (const Lap& lap : session.laps) {
      all_times = all_times && lap.timer_s.has_value();
      all_distances = all_distances && lap.distance_m.has_value();
      time_sum += lap.timer_s.value_or(0.0);
      distance_sum += lap.distance_m.value_or(0.0);
    }
    if (all_times) {
      session.total_elapsed_s = time_sum;
      session.total_timer_s = time_sum;
    } else {
      bool backwards = false;
      session.total_elapsed_s = xml::elapsed_s(session.samples, &backwards);
      if (backwards) log_.note(kBackwards, activity);
    }
    if (all_distances) {
      session.total_distance_m = distance_sum;
    } else {
      for (auto it = session.samples.rbegin(); it != session.samples.rend(); ++it) {
        if (it->distance_m) {
          session.total_distance_m = it->distance_m;
          break;
        }
      }
    }
    return session;
  }

  Lap read_lap(pugi::xml_node lap_node, SessionRecord& session, xml::FirstTime& lap_time) {
    Lap lap;
    if (const pugi::xml_attribute start = lap_node.attribute("StartTime")) {
      // The attribute's own position is not tracked; warnings point at the <Lap>.
      const auto parsed = xml::parse_xsd_datetime(start.value());
      if (parsed) {
        lap.start = parsed->utc;
        lap_time.offer(*parsed);
      } else if (log_.note("lap StartTime that is not an xsd:dateTime ignored", lap_node)) {
        log_.detail(std::string("\"") + xml::shorten_for_message(start.value()) + "\", " + std::string(parsed.error()));
      }
    }
    for (pugi::xml_node child : lap_node.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_tcd(q)) continue;
      if (q.local == "TotalTimeSeconds") {
        xml::read_number(child, lap.timer_s, xml::Range::non_negative, log_);
        lap.elapsed_s = lap.timer_s;
      } else if (q.local == "DistanceMeters") {
        xml::read_number(child, lap.distance_m, xml::Range::non_negative, log_);
      } else if (q.local == "Track") {
        for (pugi::xml_node pt : child.children()) {
          if (!is_element(pt)) continue;
          const auto pt_guard = scope_.enter(pt);
          const QName p = scope_.name(pt);
          if (is_tcd(p) && p.local == "Trackpoint") read_point(pt, session.samples.emplace_back());
        }
      }
    }
    return lap;
  }

  void read_point(pugi::xml_node pt, Sample& s) {
    const char* lat = "";
    const char* lon = "";
    bool has_position = false;
    for (pugi::xml_node child : pt.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      const QName q = scope_.name(child);
      if (!is_tcd(q)) continue;
      const std::string_view l = q.local;
      if (l == "Time") {
        if (const auto t = xml::read_time(child, log_)) {
          s.time = t->utc;
          point_time_.offer(*t);
        }
      } else if (l == "Position") {
        has_position = true;
        for (pugi::xml_node coord : child.children()) {
          if (!is_element(coord)) continue;
          const auto coord_guard = scope_.enter(coord);
          const QName c = scope_.name(coord);
          if (!is_tcd(c)) continue;
          if (c.local == "LatitudeDegrees") lat = coord.child_value();
          if (c.local == "LongitudeDegrees") lon = coord.child_value();
        }
      } else if (l == "AltitudeMeters") {
        xml::read_number(child, s.altitude_m, xml::Range::any, log_);
      } else if (l == "DistanceMeters") {
        xml::read_number(child, s.distance_m, xml::Range::any, log_);
      } else if (l == "HeartRateBpm") {
        for (pugi::xml_node value : child.children()) {
          if (!is_element(value)) continue;
          const auto value_guard = scope_.enter(value);
          const QName v = scope_.name(value);
          if (is_tcd(v) && v.local == "Value") xml::read_whole(value, s.heart_rate_bpm, log_);
        }
      } else if (l == "Cadence") {
        xml::read_number(child, s.cadence_rpm, xml::Range::non_negative, log_);
      } else if (l == "Extensions") {
        for (pugi::xml_node ext : child.children()) {
          if (!is_element(ext)) continue;
          const auto ext_guard = scope_.enter(ext);
          read_extension(ext, s, 1);
        }
      }
    }
    if (has_position) xml::read_position(lat, lon, pt, s, false, log_);
  }

  /// Reads the extension element `el` (entered) and, when it holds no value, its children.
  void read_extension(pugi::xml_node el, Sample& s, int depth) {
    const QName q = scope_.name(el);
    if (!q.declared && log_.note(kUndeclaredPrefix, el)) log_.detail(el.name());
    // ActivityExtension v2, or the same names left in the TCX namespace or in none.
    const bool tpx_uri = q.uri == xml::ns::kActivityExtensionV2 || q.uri == tcd_uri_ || q.uri.empty();
    if (tpx_uri && q.local == "Speed") {
      xml::read_number(el, s.speed_m_per_s, xml::Range::non_negative, log_);
      return;
    }
    if (tpx_uri && q.local == "RunCadence") {
      xml::read_number(el, s.cadence_rpm, xml::Range::non_negative, log_);
      return;
    }
    if (tpx_uri && q.local == "Watts") {
      xml::read_whole(el, s.power_w, log_);
      return;
    }
    if (depth >= kMaxExtensionDepth) return;
    for (pugi::xml_node child : el.children()) {
      if (!is_element(child)) continue;
      const auto guard = scope_.enter(child);
      read_extension(child, s, depth + 1);
    }
  }

  std::string_view tcd_uri_;
  NamespaceScope& scope_;
  WarningLog& log_;
  xml::FirstTime point_time_;  ///< first trackpoint time of the activity being read
};

}  // namespace

namespace xml {

domain::Expected<Recording> read_tcx(const Root& root) {
  WarningLog& log = root.log;
  NamespaceScope& scope = root.scope;
  const std::string_view tcd_uri = root.name.uri;
  if (!tcd_uri.empty() && tcd_uri != ns::kTrainingCenterDatabaseV2 && log.note(kUnknownNamespace, root.element)) {
    log.detail(tcd_uri);
  }

  Recording recording;
  recording.format = "tcx";
  TcxReader reader(tcd_uri, scope, log);
  std::size_t courses = 0;
  for (pugi::xml_node child : root.element.children()) {
    if (!is_element(child)) continue;
    const auto guard = scope.enter(child);
    const QName q = scope.name(child);
    if (!q.declared || q.uri != tcd_uri) continue;
    if (q.local == "Activities") {
      reader.read_activities(child, recording.sessions);
    } else if (q.local == "Courses") {
      for (pugi::xml_node course : child.children()) {
        if (is_element(course) && local_name(course.name()) == "Course") ++courses;
      }
    }
  }
  if (recording.sessions.empty()) {
    return file_error(root.file_name,
                      "no activity in file (" + std::to_string(courses) + " course" + (courses == 1 ? "" : "s") + ")");
  }
  recording.warnings = log.lines();
  return recording;
}

}  // namespace xml

domain::Expected<Recording> parse_tcx(std::string_view bytes, std::string_view name) {
  std::string copy = xml::copy_for_parse(bytes);  // pugixml parses in place; the caller's bytes stay as they are
  return xml::parse_activity_in_place(copy, name, xml::Accept::tcx);
}

}  // namespace stridecare::importers
