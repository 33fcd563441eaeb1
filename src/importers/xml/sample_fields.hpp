#pragma once
/// Reading element text into `Sample` fields, with the warnings both XML
/// importers give for values they drop. A bad value never fails the file: it
/// is left out, and the point is kept.

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "importers/recording.hpp"
#include "importers/xml/warning_log.hpp"
#include "importers/xml/xml_values.hpp"

namespace stridecare::importers::xml {

/// Extensions are read this many levels deep, which also bounds recursion on hostile files.
inline constexpr int kMaxExtensionDepth = 8;

/// Warnings both importers give.
inline constexpr std::string_view kUndeclaredPrefix =
    "extension element with an undeclared namespace prefix read by local name";
inline constexpr std::string_view kBackwards = "times go backwards; elapsed time taken from the earliest to the latest";

inline bool is_element(pugi::xml_node n) { return n.type() == pugi::node_element; }

/// The elements reached from `node` through children of the local names of
/// `path`, one level per name (`{"trkseg", "trkpt"}`): the track points of a
/// track, counted before reading it to size the samples once.
std::size_t count_elements(pugi::xml_node node, std::span<const std::string_view> path);

/// The points of a file as it is read: how many samples a container (a
/// track, an activity) will hold, to size them once before reading, and how
/// many more the file may keep (ReadOptions::max_samples).
struct PointHint {
  /// For a document parsed in slices, an estimate of the points in later slices, which the first container to
  /// ask takes (later ones grow as they read).
  std::size_t later = 0;
  std::size_t left = kMaxSamples;  ///< points the file may still keep
  std::size_t dropped = 0;         ///< points found once none was left

  /// The points below `container` in the parsed tree, plus `later`, at most `left`.
  std::size_t operator()(pugi::xml_node container, std::span<const std::string_view> path) {
    return std::min(count_elements(container, path) + std::exchange(later, 0), left);
  }
  /// True when one more point may be kept (then counted as kept), false when it is dropped.
  bool take() {
    if (left == 0) {
      ++dropped;
      return false;
    }
    --left;
    return true;
  }
};

/// Room for `n` samples, readied for writing at once (huge_pages.hpp).
void reserve_samples(std::vector<Sample>& samples, std::size_t n);

/// What a quantity may hold.
enum class Range {
  any,           ///< any finite number (altitude, cumulative distance)
  non_negative,  ///< speed, cadence, heart rate, power
};

/// Sets `out` from `element`'s text unless `out` already holds a value (the
/// first source of a quantity wins). Empty text: nothing, silently. Text that
/// is not a number, or a number outside `range`: nothing, and a warning.
void read_number(pugi::xml_node element, std::optional<double>& out, Range range, WarningLog& log);

/// As `read_number` for whole quantities (heart rate, power): non-negative,
/// rounded to the nearest integer, at most 1,000,000.
void read_whole(pugi::xml_node element, std::optional<int>& out, WarningLog& log);

/// `element`'s text as an xsd:dateTime. Warns (and returns nullopt) when it is
/// not one; warns when it has no zone (it is then read as UTC).
std::optional<DateTime> read_time(pugi::xml_node element, WarningLog& log);

/// Sets the sample's position from the texts of latitude and longitude. A
/// missing coordinate, text that is not a number, a coordinate out of range
/// (|lat| > 90, |lon| > 180) and exactly 0,0 (what devices write without a
/// fix) leave the position empty, with a warning naming `point`; the point is
/// kept. `warn_missing`: whether a point without any coordinates is worth a
/// warning (GPX: lat/lon are required; TCX: indoor points have none).
void read_position(const char* lat_text, const char* lon_text, pugi::xml_node point, Sample& sample, bool warn_missing,
                   WarningLog& log);

/// Session start and UTC offset from the first sample with a time, when not
/// set already; `offset_s` of that time when it had a numeric zone.
struct FirstTime {
  std::optional<UtcMillis> time;
  std::optional<int> utc_offset_s;
  /// Keeps the first `t` it is given.
  void offer(const DateTime& t) {
    if (time) return;
    time = t.utc;
    if (t.zone == Zone::offset) utc_offset_s = t.offset_s;
  }
};

}  // namespace stridecare::importers::xml
