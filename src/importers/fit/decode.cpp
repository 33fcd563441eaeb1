#include "importers/fit/decode.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "importers/fit/accumulator.hpp"
#include "importers/fit/developer_fields.hpp"
#include "importers/fit/heart_rate.hpp"
#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"
#include "importers/utc_offset.hpp"

namespace stridecare::importers::fit {
namespace {

namespace p = profile;

constexpr std::size_t kMinBytesPerRecord = 16;
/// How much longer than the session's elapsed time its records may run before the totals are judged to stop early.
constexpr std::chrono::seconds kEarlyStopSlack{60};

std::optional<double> scaled(const MessageView& m, const p::Field& f) {
  const auto raw = m.number(f.number);
  if (!raw) return std::nullopt;
  return *raw / f.scale - f.offset;
}

/// As `scaled`, into `into` (left as it was when the field is absent or invalid); true when set.
[[gnu::always_inline]] inline bool scaled_into(const MessageView& m, const p::Field& f, std::optional<double>& into) {
  double raw = 0;
  if (!m.number_into(f.number, raw)) return false;
  into = raw / f.scale - f.offset;
  return true;
}

/// FIT seconds to UTC. Values below kMinAbsoluteTimestamp are seconds since the
/// device powered on; like the FIT SDK we still count them from the FIT epoch
/// (so order and durations hold) and the decoder warns that the dates are not real.
std::optional<UtcMillis> utc(std::optional<std::int64_t> fit_seconds) {
  if (!fit_seconds) return std::nullopt;
  return UtcMillis{std::chrono::seconds{*fit_seconds + p::kFitEpochUnixSeconds}};
}

bool relative(std::optional<std::int64_t> fit_seconds) {
  return fit_seconds && *fit_seconds < p::kMinAbsoluteTimestamp;
}

/// Collects records, laps and sessions of all chained files in file order.
class Collector final : public MessageVisitor {
 public:
  /// `file_size` sizes the sample buffer: a record takes at least ~10 bytes of a file.
  Collector(std::size_t file_size, std::size_t max_samples) : max_samples_(max_samples) {
    samples_.reserve(std::min(file_size / kMinBytesPerRecord, max_samples));
    sample_file_.reserve(std::min(file_size / kMinBytesPerRecord, max_samples));
  }

  void begin_file() override {
    // Accumulators restart with each chained file (formats.md).
    distance_accumulator_.reset();
    cycles_accumulator_.reset();
    hr_event_time_.reset();
    ++file_;
  }

  void message(const MessageView& m) override {
    switch (m.global()) {
      case p::mesg::kRecord:
        record(m);
        break;
      case p::mesg::kLap:
        lap(m);
        break;
      case p::mesg::kSession:
        session(m);
        break;
      case p::mesg::kActivity:
        activity(m);
        break;
      case p::mesg::kEvent:
        event(m);
        break;
      case p::mesg::kHr:
        hr_messages_.push_back(read_hr(m, hr_event_time_));
        break;
      case p::mesg::kLength:
        length(m);
        break;
      case p::mesg::kDeveloperDataId:
        developer_.developer_data_id(m);
        break;
      case p::mesg::kFieldDescription:
        developer_.field_description(m);
        break;
      default:
        break;
    }
  }

  Recording finish() {
    Recording out;
    out.format = "fit";
    if (dropped_samples_ > 0) out.warnings.push_back(samples_dropped_warning(dropped_samples_, max_samples_));
    // Before the samples are split into sessions: the strap's beats follow the records in file order.
    if (auto merged = merge_heart_rates(hr_messages_, samples_); !merged) {
      out.warnings.push_back(merged.error().message);
    }
    if (sessions_.empty()) {
      SessionRecord s;
      s.synthesized = true;
      if (!samples_.empty()) s.start = samples_.front().time;
      s.laps = std::move(laps_);
      s.samples = std::move(samples_);
      sessions_.push_back(std::move(s));
    } else if (sessions_.size() == 1) {
      sessions_[0].samples = std::move(samples_);
      sessions_[0].laps = std::move(laps_);
    } else {
      distribute();
    }
    count_lengths();
    for (const auto& [file, time] : timer_stops_) sessions_[session_for(file, time)].timer_stops.push_back(*time);
    for (auto& s : sessions_) {
      if (auto note = extend_early_totals(s)) out.warnings.push_back(std::move(*note));
    }
    if (utc_offset_s_) {
      for (auto& s : sessions_) s.utc_offset_s = utc_offset_s_;
    }
    if (!utc_offset_doubt_.empty()) {
      out.warnings.push_back("no time zone taken from the file: " + utc_offset_doubt_ + "; the profile's zone is used");
    }
    out.sessions = std::move(sessions_);
    out.developer_fields = developer_.described();
    if (relative_times_) {
      out.warnings.push_back("timestamps are seconds since the device powered on, not dates (below 0x10000000)");
    }
    return out;
  }

 private:
  /// Which session a record or lap at `time` from chained file `file` belongs to: the
  /// latest session of the same file that started at or before it (the first one if
  /// none did); a file without sessions (an appended HR or swim file) uses all of them.
  /// Order within a session stays file order: chained files may overlap in time.
  std::size_t session_for(std::size_t file, const std::optional<UtcMillis>& time) const {
    const bool file_has_sessions =
        std::any_of(session_file_.begin(), session_file_.end(), [&](std::size_t f) { return f == file; });
    std::optional<std::size_t> first;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < sessions_.size(); ++i) {
      if (file_has_sessions && session_file_[i] != file) continue;
      if (!first) first = i;
      if (time && sessions_[i].start && *sessions_[i].start <= *time &&
          (!best || *sessions_[*best].start <= *sessions_[i].start)) {
        best = i;
      }
    }
    return best.value_or(first.value_or(0));
  }

  void distribute() {
    for (std::size_t i = 0; i < samples_.size(); ++i) {
      const std::size_t target = session_for(sample_file_[i], samples_[i].time);
      sessions_[target].samples.push_back(samples_[i]);
    }
    for (std::size_t i = 0; i < laps_.size(); ++i) {
      sessions_[session_for(lap_file_[i], laps_[i].start)].laps.push_back(laps_[i]);
    }
  }

  void record(const MessageView& m) {
    // The FIT SDK drops messages without fields; so do we (compressed-speed-distance.fit opens with one).
    if (m.definition().fields.empty()) return;
    if (samples_.size() == max_samples_) {
      ++dropped_samples_;
      return;
    }
    // Built where it is kept: a Sample is ~150 bytes, and copying it in was a third of a record's time.
    Sample& s = samples_.emplace_back();
    sample_file_.push_back(file_);
    if (const auto ts = m.timestamp()) {
      s.time = utc(*ts);
      relative_times_ = relative_times_ || relative(*ts);
    }
    // Values go straight into the sample: an optional in between costs a stall per field (reader.hpp).
    std::int64_t lat = 0;
    std::int64_t lon = 0;
    if (m.integer_into(p::record::kPositionLat.number, lat) && m.integer_into(p::record::kPositionLong.number, lon)) {
      s.latitude_deg = static_cast<double>(lat) * p::kDegreesPerSemicircle;
      s.longitude_deg = static_cast<double>(lon) * p::kDegreesPerSemicircle;
    }
    if (!scaled_into(m, p::record::kEnhancedAltitude, s.altitude_m)) scaled_into(m, p::record::kAltitude, s.altitude_m);
    if (!scaled_into(m, p::record::kEnhancedSpeed, s.speed_m_per_s)) scaled_into(m, p::record::kSpeed, s.speed_m_per_s);
    scaled_into(m, p::record::kDistance, s.distance_m);
    if (const FieldDefinition* f = m.field(p::record::kCompressedSpeedDistance); f && f->size == 3) {
      compressed_speed_distance(m.bytes(*f), s);
    }
    std::int64_t v = 0;
    if (m.integer_into(p::record::kHeartRate.number, v)) s.heart_rate_bpm = static_cast<int>(v);
    // The integer `cadence` field, as the FIT SDK reports it (fractional_cadence is a separate field).
    if (m.integer_into(p::record::kCadence.number, v)) s.cadence_rpm = static_cast<double>(v);
    if (m.integer_into(p::record::kPower.number, v)) s.power_w = static_cast<int>(v);
    cycles(m, s);
    if (!m.definition().developer_fields.empty()) fill_from_developer_fields(m, s);
  }

  /// Speed (12 bits, 1/100 m/s) and distance (12 bits, 1/16 m, accumulating) packed in 3 bytes.
  void compressed_speed_distance(std::span<const std::uint8_t> b, Sample& s) {
    const std::uint32_t speed_raw = b[0] | static_cast<std::uint32_t>(b[1] & 0x0F) << 8;
    const std::uint32_t distance_raw = static_cast<std::uint32_t>(b[1] >> 4) | static_cast<std::uint32_t>(b[2]) << 4;
    if (!s.speed_m_per_s) s.speed_m_per_s = speed_raw / p::record::kCompressedSpeedScale;
    std::uint64_t acc = distance_accumulator_.value_or(0);
    acc += (distance_raw - acc) & p::record::kCompressedDistanceMask;
    distance_accumulator_ = acc;
    if (!s.distance_m) s.distance_m = static_cast<double>(acc) / p::record::kCompressedDistanceScale;
  }

  /// `total_cycles` re-anchors the count; otherwise the 8-bit `cycles` accumulates into it.
  void cycles(const MessageView& m, Sample& s) {
    if (const auto total = m.integer(p::record::kTotalCycles)) {
      cycles_accumulator_.anchor(static_cast<std::uint64_t>(*total));
      s.total_cycles = *total;
    } else if (const auto c = m.integer(p::record::kCycles)) {
      s.total_cycles =
          static_cast<std::int64_t>(cycles_accumulator_.add(static_cast<std::uint64_t>(*c), p::record::kCyclesBits));
    }
  }

  /// The native_field_num policy (developer_fields.hpp): a developer field only fills a value the
  /// record's own fields left empty.
  void fill_from_developer_fields(const MessageView& m, Sample& s) {
    developer_.native_fills(m, p::mesg::kRecord, fills_);
    if (fills_.empty()) return;
    const auto first = [&](std::uint8_t native) -> std::optional<double> {
      for (const auto& f : fills_) {
        if (f.native_field == native) return f.value;
      }
      return std::nullopt;
    };
    const auto either = [&](std::uint8_t enhanced, std::uint8_t plain) {
      const auto v = first(enhanced);
      return v ? v : first(plain);
    };
    const auto whole = [](double v) { return static_cast<int>(std::lround(v)); };
    if (!s.altitude_m) s.altitude_m = either(p::record::kEnhancedAltitude.number, p::record::kAltitude.number);
    if (!s.speed_m_per_s) s.speed_m_per_s = either(p::record::kEnhancedSpeed.number, p::record::kSpeed.number);
    if (!s.distance_m) s.distance_m = first(p::record::kDistance.number);
    if (!s.heart_rate_bpm) s.heart_rate_bpm = first(p::record::kHeartRate.number).transform(whole);
    if (!s.cadence_rpm) s.cadence_rpm = first(p::record::kCadence.number);
    if (!s.power_w) s.power_w = first(p::record::kPower.number).transform(whole);
  }

  /// Totals of a lap or session, a developer field filling one its own fields left empty.
  template <class Totals>
  void totals(const MessageView& m, std::uint16_t message, const p::Field& elapsed, const p::Field& timer,
              const p::Field& distance, Totals&& set) const {
    std::optional<double> e = scaled(m, elapsed);
    std::optional<double> t = scaled(m, timer);
    std::optional<double> d = scaled(m, distance);
    if (!m.definition().developer_fields.empty()) {
      std::vector<NativeFill> fills;
      developer_.native_fills(m, message, fills);
      for (const auto& f : fills) {
        if (f.native_field == elapsed.number && !e) e = f.value;
        if (f.native_field == timer.number && !t) t = f.value;
        if (f.native_field == distance.number && !d) d = f.value;
      }
    }
    set(e, t, d);
  }

  void lap(const MessageView& m) {
    Lap l;
    l.start = utc(m.integer(p::lap::kStartTime));
    totals(m, p::mesg::kLap, p::lap::kTotalElapsedTime, p::lap::kTotalTimerTime, p::lap::kTotalDistance,
           [&](auto e, auto t, auto d) {
             l.elapsed_s = e;
             l.timer_s = t;
             l.distance_m = d;
           });
    laps_.push_back(l);
    lap_file_.push_back(file_);
  }

  void session(const MessageView& m) {
    SessionRecord s;
    if (const auto sport = m.integer(p::session::kSport)) s.sport = std::string(p::sport_name(*sport));
    if (const auto sub = m.integer(p::session::kSubSport)) s.sub_sport = std::string(p::sub_sport_name(*sub));
    s.start = utc(m.integer(p::session::kStartTime));
    totals(m, p::mesg::kSession, p::session::kTotalElapsedTime, p::session::kTotalTimerTime, p::session::kTotalDistance,
           [&](auto e, auto t, auto d) {
             s.total_elapsed_s = e;
             s.total_timer_s = t;
             s.total_distance_m = d;
           });
    s.pool_length_m = scaled(m, p::session::kPoolLength);
    if (!m.definition().developer_fields.empty()) s.developer_values = developer_.values(m);
    sessions_.push_back(std::move(s));
    session_file_.push_back(file_);
  }

  /// Active pool lengths, placed in their session later (a session message follows its lengths).
  void length(const MessageView& m) {
    if (m.integer(p::length::kLengthType) != p::length::kLengthTypeActive) return;
    auto start = m.integer(p::length::kStartTime);
    if (!start) start = m.integer(kTimestampField);
    lengths_.push_back({file_, utc(start)});
  }

  /// A timer stop event: kept to judge session totals that end before the records do.
  void event(const MessageView& m) {
    if (m.integer(p::event::kEvent) != p::event::kEventTimer) return;
    const auto type = m.integer(p::event::kEventType);
    if (!type || std::ranges::find(p::event::kTimerStopTypes, *type) == p::event::kTimerStopTypes.end()) return;
    if (const auto ts = m.timestamp()) timer_stops_.push_back({file_, utc(*ts)});
  }

  /// Session totals that stop early: a watch summed its laps into the session with the last lap left out, while
  /// its records ran on with no timer stop. When the records outlast the session's elapsed time by more than
  /// kEarlyStopSlack, without a gap longer than that from the session's end on, reach further in distance, and
  /// the timer was not stopped from the session's end on, elapsed time becomes the records' span and distance
  /// the records' (time and distance from one source); the timer's total too when the timer never stopped at
  /// all. Returns the warning saying so. Records of a damaged or synthetic file (a jump in time, less
  /// distance than the session's) leave the totals as they are.
  static std::optional<std::string> extend_early_totals(SessionRecord& s) {
    if (!s.start || !s.total_elapsed_s || s.samples.empty()) return std::nullopt;
    const double elapsed = *s.total_elapsed_s;
    const UtcMillis end =
        *s.start + std::chrono::round<std::chrono::milliseconds>(std::chrono::duration<double>(elapsed));
    // The common case without a walk over every sample (a tenth of decode time): the last timed record
    // is no later than the slack past the end. In time order it is the latest, so no record runs on; out
    // of order, the walk below would give up anyway.
    const auto last_timed =
        std::ranges::find_if(s.samples.rbegin(), s.samples.rend(), [](const Sample& x) { return x.time.has_value(); });
    if (last_timed == s.samples.rend() ||
        *last_timed->time - *s.start <= std::chrono::duration<double>(elapsed) + kEarlyStopSlack) {
      return std::nullopt;
    }
    if (std::ranges::any_of(s.timer_stops, [&](UtcMillis t) { return t >= end - kEarlyStopSlack; })) {
      return std::nullopt;
    }
    std::optional<UtcMillis> last;
    std::optional<double> record_distance;
    for (const Sample& x : s.samples) {
      if (x.time) {
        if (last && *x.time < *last) return std::nullopt;  // time goes backwards: no span to trust
        if (last && *x.time > end && *x.time - *last > kEarlyStopSlack) return std::nullopt;
        last = x.time;
      }
      if (x.distance_m && (!record_distance || *x.distance_m > *record_distance)) record_distance = x.distance_m;
    }
    if (!last || !record_distance) return std::nullopt;
    if (s.total_distance_m && *record_distance < *s.total_distance_m) return std::nullopt;
    // In time order, `last` is the record the check above found past the slack.
    const double span = std::chrono::duration<double>(*last - *s.start).count();
    std::string note = "session totals end " + std::to_string(std::lround(span - elapsed)) +
                       " s before its records, with no timer stop: elapsed time " +
                       std::to_string(std::lround(elapsed)) + " -> " + std::to_string(std::lround(span)) + " s";
    if (!s.total_distance_m || std::lround(*record_distance) != std::lround(*s.total_distance_m)) {
      note += ", distance " + (s.total_distance_m ? std::to_string(std::lround(*s.total_distance_m)) : "none") +
              " -> " + std::to_string(std::lround(*record_distance)) + " m";
    }
    s.total_elapsed_s = span;
    s.total_distance_m = record_distance;
    if (s.timer_stops.empty() && s.total_timer_s && *s.total_timer_s < span) {
      note += ", timer time " + std::to_string(std::lround(*s.total_timer_s)) + " -> " +
              std::to_string(std::lround(span)) + " s";
      s.total_timer_s = span;
    }
    return note + ": time and distance from the records";
  }

  void count_lengths() {
    if (sessions_.empty()) return;
    for (const auto& [file, start] : lengths_) ++sessions_[session_for(file, start)].pool_lengths;
  }

  /// The zone from `local_timestamp - timestamp`, only when it is a real one (importers/utc_offset.hpp).
  void activity(const MessageView& m) {
    const auto ts = m.integer(kTimestampField);
    const auto local = m.integer(p::activity::kLocalTimestamp);
    if (!ts || !local || *ts < p::kMinAbsoluteTimestamp) return;
    if (*local < p::kMinAbsoluteTimestamp) {
      utc_offset_doubt_ = "the activity's local_timestamp (" + std::to_string(*local) +
                          ") is not a calendar time (below 0x10000000: seconds since the device powered on)";
      utc_offset_s_.reset();
      return;
    }
    UtcOffsetReading r = read_utc_offset(static_cast<std::int64_t>(*local) - static_cast<std::int64_t>(*ts));
    utc_offset_s_ = r.offset_s;
    utc_offset_doubt_ = std::move(r.doubt);
  }

  std::vector<Sample> samples_;
  std::vector<Lap> laps_;
  std::vector<SessionRecord> sessions_;
  std::size_t file_ = 0;                  ///< chained file being read, from 1
  std::vector<std::size_t> sample_file_;  ///< chained file of each sample
  std::vector<std::size_t> lap_file_;
  std::vector<std::size_t> session_file_;
  std::optional<std::uint64_t> distance_accumulator_;
  Accumulator cycles_accumulator_;  ///< record total_cycles
  DeveloperFields developer_;
  std::vector<NativeFill> fills_;  ///< a record's developer fills, one buffer for all records
  struct ActiveLength {
    std::size_t file;
    std::optional<UtcMillis> start;
  };
  std::vector<ActiveLength> lengths_;
  std::vector<HrMessage> hr_messages_;
  Accumulator hr_event_time_;  ///< event_timestamp of `hr` messages
  std::optional<int> utc_offset_s_;
  std::string utc_offset_doubt_;  ///< why the activity's local time gave no zone
  std::vector<std::pair<std::size_t, std::optional<UtcMillis>>> timer_stops_;  ///< chained file, time
  bool relative_times_ = false;
  std::size_t max_samples_;
  std::size_t dropped_samples_ = 0;
};

}  // namespace

domain::Expected<Recording> decode_fit(std::span<const std::uint8_t> bytes, std::string_view name,
                                       DecodeOptions options) {
  Collector collector(bytes.size(), options.max_samples);
  const ReadSummary summary = read_fit(bytes, collector);
  const std::string file(name);
  if (summary.damage && (options.strict || summary.messages == 0)) {
    return domain::fail(domain::ErrorKind::invalid_file, file,
                        file + ": byte " + std::to_string(summary.damage->offset) + ": " + summary.damage->reason);
  }
  // A CRC that does not match means bytes changed after the device wrote them: kept with a warning,
  // but --strict takes nothing it cannot vouch for.
  if (summary.crc_mismatch && options.strict) {
    return domain::fail(domain::ErrorKind::invalid_file, file, file + ": " + *summary.crc_mismatch + " (--strict)");
  }
  Recording out = collector.finish();
  out.warnings.insert(out.warnings.begin(), summary.warnings.begin(), summary.warnings.end());
  if (summary.damage) {
    out.warnings.push_back("recovered, truncated at byte " + std::to_string(summary.damage->offset) + ": " +
                           summary.damage->reason);
  }
  return out;
}

}  // namespace stridecare::importers::fit
