#include "importers/fit/decode.hpp"

#include <algorithm>
#include <string>

#include "importers/fit/profile.hpp"
#include "importers/fit/reader.hpp"

namespace stridecare::importers::fit {
namespace {

namespace p = profile;

constexpr std::size_t kMinBytesPerRecord = 16;

std::optional<double> scaled(const MessageView& m, const p::Field& f) {
  const auto raw = m.number(f.number);
  if (!raw) return std::nullopt;
  return *raw / f.scale - f.offset;
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
  explicit Collector(std::size_t file_size) { samples_.reserve(file_size / kMinBytesPerRecord); }

  void begin_file() override {
    // Accumulators restart with each chained file (formats.md).
    distance_accumulator_.reset();
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
      default:
        break;
    }
  }

  Recording finish() {
    Recording out;
    out.format = "fit";
    const auto by_time = [](const Sample& a, const Sample& b) { return a.time < b.time; };
    if (!std::is_sorted(samples_.begin(), samples_.end(), by_time)) {
      std::stable_sort(samples_.begin(), samples_.end(), by_time);
    }
    if (sessions_.size() == 1) {
      sessions_[0].samples = std::move(samples_);
      sessions_[0].laps = std::move(laps_);
    } else if (sessions_.empty()) {
      SessionRecord s;
      if (!samples_.empty()) s.start = samples_.front().time;
      s.laps = std::move(laps_);
      s.samples = std::move(samples_);
      sessions_.push_back(std::move(s));
    } else {
      // Each record and lap belongs to the session whose time span holds it; records before the first
      // session's start go to the first, after the last session's end to the last.
      std::sort(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
      const auto index_for = [&](const std::optional<UtcMillis>& t) {
        std::size_t i = 0;
        if (!t) return i;
        while (i + 1 < sessions_.size() && sessions_[i + 1].start && *sessions_[i + 1].start <= *t) ++i;
        return i;
      };
      // Samples are in time order, so each session's share is one contiguous run.
      for (auto it = samples_.begin(); it != samples_.end();) {
        const std::size_t i = index_for(it->time);
        auto end = it;
        while (end != samples_.end() && index_for(end->time) == i) ++end;
        auto& target = sessions_[i].samples;
        if (target.empty()) {
          target.assign(std::make_move_iterator(it), std::make_move_iterator(end));
        } else {
          target.insert(target.end(), std::make_move_iterator(it), std::make_move_iterator(end));
        }
        it = end;
      }
      for (auto& l : laps_) sessions_[index_for(l.start)].laps.push_back(std::move(l));
    }
    if (utc_offset_s_) {
      for (auto& s : sessions_) s.utc_offset_s = utc_offset_s_;
    }
    out.sessions = std::move(sessions_);
    if (relative_times_) {
      out.warnings.push_back("timestamps are seconds since the device powered on, not dates (below 0x10000000)");
    }
    return out;
  }

 private:
  void record(const MessageView& m) {
    // The FIT SDK drops messages without fields; so do we (compressed-speed-distance.fit opens with one).
    if (m.definition().fields.empty()) return;
    Sample s;
    if (const auto ts = m.timestamp()) {
      s.time = utc(*ts);
      relative_times_ = relative_times_ || relative(*ts);
    }
    const auto lat = m.integer(p::record::kPositionLat.number);
    const auto lon = m.integer(p::record::kPositionLong.number);
    if (lat && lon) {
      s.latitude_deg = static_cast<double>(*lat) * p::kDegreesPerSemicircle;
      s.longitude_deg = static_cast<double>(*lon) * p::kDegreesPerSemicircle;
    }
    s.altitude_m = scaled(m, p::record::kEnhancedAltitude);
    if (!s.altitude_m) s.altitude_m = scaled(m, p::record::kAltitude);
    s.speed_m_per_s = scaled(m, p::record::kEnhancedSpeed);
    if (!s.speed_m_per_s) s.speed_m_per_s = scaled(m, p::record::kSpeed);
    s.distance_m = scaled(m, p::record::kDistance);
    if (const FieldDefinition* f = m.field(p::record::kCompressedSpeedDistance); f && f->size == 3) {
      compressed_speed_distance(m.bytes(*f), s);
    }
    if (const auto hr = m.integer(p::record::kHeartRate.number)) s.heart_rate_bpm = static_cast<int>(*hr);
    // The integer `cadence` field, as the FIT SDK reports it (fractional_cadence is a separate field).
    if (const auto cad = m.integer(p::record::kCadence.number)) s.cadence_rpm = static_cast<double>(*cad);
    if (const auto w = m.integer(p::record::kPower.number)) s.power_w = static_cast<int>(*w);
    samples_.push_back(s);
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

  void lap(const MessageView& m) {
    Lap l;
    l.start = utc(m.integer(p::lap::kStartTime));
    l.elapsed_s = scaled(m, p::lap::kTotalElapsedTime);
    l.timer_s = scaled(m, p::lap::kTotalTimerTime);
    l.distance_m = scaled(m, p::lap::kTotalDistance);
    laps_.push_back(l);
  }

  void session(const MessageView& m) {
    SessionRecord s;
    if (const auto sport = m.integer(p::session::kSport)) s.sport = std::string(p::sport_name(*sport));
    if (const auto sub = m.integer(p::session::kSubSport)) s.sub_sport = std::string(p::sub_sport_name(*sub));
    s.start = utc(m.integer(p::session::kStartTime));
    s.total_elapsed_s = scaled(m, p::session::kTotalElapsedTime);
    s.total_timer_s = scaled(m, p::session::kTotalTimerTime);
    s.total_distance_m = scaled(m, p::session::kTotalDistance);
    sessions_.push_back(std::move(s));
  }

  void activity(const MessageView& m) {
    const auto ts = m.integer(kTimestampField);
    const auto local = m.integer(p::activity::kLocalTimestamp);
    if (ts && local && *ts >= p::kMinAbsoluteTimestamp) utc_offset_s_ = static_cast<int>(*local - *ts);
  }

  std::vector<Sample> samples_;
  std::vector<Lap> laps_;
  std::vector<SessionRecord> sessions_;
  std::optional<std::uint64_t> distance_accumulator_;
  std::optional<int> utc_offset_s_;
  bool relative_times_ = false;
};

}  // namespace

domain::Expected<Recording> decode_fit(std::span<const std::uint8_t> bytes, std::string_view name,
                                       DecodeOptions options) {
  Collector collector(bytes.size());
  const ReadSummary summary = read_fit(bytes, collector);
  const std::string file(name);
  if (summary.damage && (options.strict || summary.messages == 0)) {
    return domain::fail(domain::ErrorKind::invalid_file, file,
                        file + ": byte " + std::to_string(summary.damage->offset) + ": " + summary.damage->reason);
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
