#include "importers/xml/tcx.hpp"

#include <array>
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

constexpr std::string_view kUnknownTcxNamespace =
    "root element <TrainingCenterDatabase> in an unknown namespace, read as TCX v2";

/// Where the track points lie below a activity, by local name.
constexpr std::array<std::string_view, 3> kTcxPointPath{"Lap", "Track", "Trackpoint"};

/// Reads `TrainingCenterDatabase` (root) > `Activities` > `Activity` (or
/// `MultiSportSession` > `FirstSport`/`NextSport` > `Activity`) > `Lap` >
/// `Track` as containers, a `Trackpoint` whole.
class TcxReader final : public xml::FormatReader {
 public:
  explicit TcxReader(const xml::ReaderContext& context)
      : scope_(context.scope), log_(context.log), points_(context.points), file_name_(context.file_name) {}

  bool open(pugi::xml_node element, const QName& q) override {
    if (levels_.empty()) {
      tcd_uri_ = q.uri;
      if (!tcd_uri_.empty() && tcd_uri_ != xml::ns::kTrainingCenterDatabaseV2 &&
          log_.note(kUnknownTcxNamespace, element)) {
        log_.detail(tcd_uri_);
      }
      return enter(Level::root);
    }
    if (!is_tcd(q)) return false;
    const std::string_view l = q.local;
    switch (levels_.back()) {
      case Level::root:
        if (l == "Activities") return enter(Level::activities);
        if (l == "Courses") {
          for (pugi::xml_node course : element.children()) {
            if (is_element(course) && xml::local_name(course.name()) == "Course") ++courses_;
          }
        }
        return false;
      case Level::activities:
        if (l == "Activity") return open_activity(element);
        if (l == "MultiSportSession") return enter(Level::multisport);
        return false;
      case Level::multisport:
        return (l == "FirstSport" || l == "NextSport") && enter(Level::sport);
      case Level::sport:
        return l == "Activity" && open_activity(element);
      case Level::activity:
        if (l == "Id") {
          if (const auto t = xml::read_time(element, log_)) id_time_.offer(*t);
        } else if (l == "Lap") {
          open_lap(element);
          return enter(Level::lap);
        }
        return false;
      case Level::lap:
        if (l == "TotalTimeSeconds") {
          xml::read_number(element, lap_.timer_s, xml::Range::non_negative, log_);
          lap_.elapsed_s = lap_.timer_s;
        } else if (l == "DistanceMeters") {
          xml::read_number(element, lap_.distance_m, xml::Range::non_negative, log_);
        } else if (l == "Track") {
          return enter(Level::track);
        }
        return false;
      case Level::track:
        if (l == "Trackpoint" && points_.take()) read_point(element, session_.samples.emplace_back());
        return false;
    }
    return false;
  }

  void close(pugi::xml_node element, const QName&) override {
    const Level level = levels_.back();
    levels_.pop_back();
    if (level == Level::lap) session_.laps.push_back(lap_);
    if (level == Level::activity) finish_activity(element);
  }

  domain::Expected<Recording> finish() override {
    if (recording_.sessions.empty()) {
      return xml::file_error(file_name_, "no activity in file (" + std::to_string(courses_) + " course" +
                                             (courses_ == 1 ? "" : "s") + ")");
    }
    recording_.format = "tcx";
    recording_.warnings = log_.lines();
    return std::move(recording_);
  }

 private:
  /// The containers the reader is inside, outermost first.
  enum class Level { root, activities, multisport, sport, activity, lap, track };

  bool is_tcd(const QName& q) const { return q.declared && q.uri == tcd_uri_; }

  bool enter(Level level) {
    levels_.push_back(level);
    return true;
  }

  bool open_activity(pugi::xml_node activity) {
    session_ = {};
    session_.sport = xml::ascii_lower_trimmed(activity.attribute("Sport").value());
    xml::reserve_samples(session_.samples, points_(activity, kTcxPointPath));
    id_time_ = {};
    lap_time_ = {};
    point_time_ = {};
    return enter(Level::activity);
  }

  void open_lap(pugi::xml_node lap_node) {
    lap_ = {};
    if (const pugi::xml_attribute start = lap_node.attribute("StartTime")) {
      // The attribute's own position is not tracked; warnings point at the <Lap>.
      const auto parsed = xml::parse_xsd_datetime(start.value());
      if (parsed) {
        lap_.start = parsed->utc;
        lap_time_.offer(*parsed);
      } else if (log_.note("lap StartTime that is not an xsd:dateTime ignored", lap_node)) {
        log_.detail(std::string("\"") + xml::shorten_for_message(start.value()) + "\", " + std::string(parsed.error()));
      }
    }
  }

  /// Ends the activity `activity` opened: its start and totals.
  void finish_activity(pugi::xml_node activity) {
    SessionRecord& session = session_;
    // The earliest of the three: some writers put the time the file was saved in Id, after the last point.
    for (const xml::FirstTime* t : {&id_time_, &lap_time_, &point_time_}) {
      if (t->time && (!session.start || *t->time < *session.start)) session.start = t->time;
    }
    for (const xml::FirstTime* t : {&id_time_, &lap_time_, &point_time_}) {
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
    if (all_times) session.total_timer_s = time_sum;
    // Elapsed is wall-clock time, as in FIT: from the start to the last moment the file accounts for (its
    // last point, or the end of a lap), never less than the laps' timer time (pauses are not in the laps).
    std::optional<UtcMillis> end;
    const auto later = [&end](UtcMillis t) {
      if (!end || t > *end) end = t;
    };
    for (const Sample& sample : session.samples) {
      if (sample.time) later(*sample.time);
    }
    for (const Lap& lap : session.laps) {
      if (lap.start && lap.timer_s) {
        later(*lap.start + std::chrono::round<std::chrono::milliseconds>(std::chrono::duration<double>(*lap.timer_s)));
      }
    }
    if (session.start && end && *end > *session.start) {
      session.total_elapsed_s = std::chrono::duration<double>(*end - *session.start).count();
    }
    if (session.total_timer_s && (!session.total_elapsed_s || *session.total_elapsed_s < *session.total_timer_s)) {
      session.total_elapsed_s = session.total_timer_s;
    }
    if (!session.total_elapsed_s) {
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
    recording_.sessions.push_back(std::move(session));
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

  NamespaceScope& scope_;
  WarningLog& log_;
  xml::PointHint& points_;
  std::string_view file_name_;
  std::string tcd_uri_;  // owned: a slice's text, which the views point into, is reused
  std::vector<Level> levels_;
  Recording recording_;
  std::size_t courses_ = 0;
  SessionRecord session_;  ///< the activity being read
  Lap lap_;                ///< the lap being read
  xml::FirstTime id_time_;
  xml::FirstTime lap_time_;
  xml::FirstTime point_time_;  ///< first trackpoint time of the activity being read
};

}  // namespace

namespace xml {

std::unique_ptr<FormatReader> make_tcx_reader(const ReaderContext& context) {
  return std::make_unique<TcxReader>(context);
}

}  // namespace xml

domain::Expected<Recording> parse_tcx(std::string_view bytes, std::string_view name, ReadOptions options) {
  return xml::parse_activity(bytes, name, xml::Accept::tcx, options);
}

}  // namespace stridecare::importers
