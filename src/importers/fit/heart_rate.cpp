#include "importers/fit/heart_rate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "importers/fit/bit_reader.hpp"
#include "importers/fit/profile.hpp"

namespace stridecare::importers::fit {
namespace {

namespace p = profile;

/// The SDK's gap filling: steps of 250 ms, at most 5 s after the earlier beat.
constexpr double kGapStepS = 0.25;
constexpr double kGapStepMs = 250;
constexpr double kMillisPerSecond = 1000;
constexpr int kGapMaxSteps = 20;

/// One beat on the FIT time line.
struct Beat {
  double time_s;  ///< FIT seconds, fractional
  std::optional<int> bpm;
};

std::unexpected<domain::Error> broken(const std::string& why) {
  return domain::fail(domain::ErrorKind::invalid_file, "hr", "hr messages not merged: " + why);
}

/// JavaScript's Math.round (halves go up), which the SDK uses for the mean.
int js_round(double v) {
  const double down = std::floor(v);
  return static_cast<int>(v - down >= 0.5 ? down + 1 : down);
}

/// The record time in FIT seconds, as the SDK computes it from its Date.
double fit_seconds(UtcMillis t) {
  const double unix_s = static_cast<double>(t.time_since_epoch().count()) / kMillisPerSecond;
  return unix_s - static_cast<double>(p::kFitEpochUnixSeconds);
}

/// utils-hr-mesg.js expandHeartRates: every beat at its time, gaps filled.
domain::Expected<std::vector<Beat>> expand(std::span<const HrMessage> messages) {
  std::vector<Beat> beats;
  std::optional<double> anchor_s;
  double anchor_event_s = 0;
  for (const HrMessage& m : messages) {
    if (m.anchor_s) {
      anchor_s = m.anchor_s;
      if (m.event_times_s.size() != 1 || !m.event_times_s[0]) {
        return broken("an anchor hr message must have exactly one event_timestamp");
      }
      anchor_event_s = *m.event_times_s[0];
    }
    if (!anchor_s) return broken("an hr message without a timestamp comes before any with one");
    if (m.event_times_s.size() != m.filtered_bpm.size()) {
      return broken("an hr message has " + std::to_string(m.event_times_s.size()) + " event times but " +
                    std::to_string(m.filtered_bpm.size()) + " filtered_bpm values");
    }
    for (std::size_t i = 0; i < m.event_times_s.size(); ++i) {
      if (!m.event_times_s[i]) return broken("an hr message has an invalid event_timestamp");
      double event_s = *m.event_times_s[i];
      if (event_s < anchor_event_s) {
        if (anchor_event_s - event_s <= p::hr::kEventTimestampRolloverS) {
          return broken("an event_timestamp lies before its anchor's");
        }
        event_s += p::hr::kEventTimestampRolloverS;
      }
      const Beat beat{*anchor_s + (event_s - anchor_event_s), m.filtered_bpm[i]};
      if (!beats.empty()) {
        const Beat previous = beats.back();
        double gap_ms = std::abs(beat.time_s - previous.time_s) * kMillisPerSecond;
        for (int step = 1; gap_ms > kGapStepMs && step <= kGapMaxSteps; ++step, gap_ms -= kGapStepMs) {
          beats.push_back({previous.time_s + kGapStepS * step, previous.bpm});
        }
      }
      beats.push_back(beat);
    }
  }
  return beats;
}

}  // namespace

HrMessage read_hr(const MessageView& m, Accumulator& event_time) {
  HrMessage out;
  if (const auto ts = m.integer(kTimestampField)) {
    double fraction_s = 0;
    if (const auto t256 = m.number(p::hr::kTime256.number)) {
      fraction_s = *t256 / p::hr::kTime256.scale;
    } else if (const auto frac = m.number(p::hr::kFractionalTimestamp.number)) {
      fraction_s = *frac / p::hr::kFractionalTimestamp.scale;
    }
    out.anchor_s = static_cast<double>(*ts) + fraction_s;
  }
  if (const FieldDefinition* f = m.field(p::hr::kFilteredBpm)) {
    const std::size_t count = f->size / base_type_info(f->base_type).size;
    for (std::size_t i = 0; i < count; ++i) {
      out.filtered_bpm.push_back(
          m.integer_at(p::hr::kFilteredBpm, i).transform([](std::int64_t v) { return static_cast<int>(v); }));
    }
  }
  // The packed 12-bit deltas, when present, are the event times (they replace event_timestamp
  // in the SDK's component expansion); bytes that are all invalid (0xFF) hold none.
  const FieldDefinition* packed = m.field(p::hr::kEventTimestamp12);
  const auto packed_bytes = packed ? m.bytes(*packed) : std::span<const std::uint8_t>{};
  const auto invalid_byte = kBaseTypes[static_cast<std::size_t>(BaseType::byte)].invalid;
  const bool has_packed = packed && std::any_of(packed_bytes.begin(), packed_bytes.end(),
                                                [&](std::uint8_t b) { return b != invalid_byte; });
  if (const FieldDefinition* f = m.field(p::hr::kEventTimestamp.number)) {
    const std::size_t count = f->size / base_type_info(f->base_type).size;
    for (std::size_t i = 0; i < count; ++i) {
      const auto raw = m.integer_at(p::hr::kEventTimestamp.number, i);
      if (raw) event_time.anchor(static_cast<std::uint64_t>(*raw));
      if (!has_packed) {
        out.event_times_s.push_back(
            raw.transform([](std::int64_t v) { return static_cast<double>(v) / p::hr::kEventTimestamp.scale; }));
      }
    }
  }
  if (has_packed) {
    BitReader bits(packed_bytes);
    for (std::size_t i = 0; i < p::hr::kEventTimestamp12Components && bits.bits_left() >= p::hr::kEventTimestamp12Bits;
         ++i) {
      const std::uint64_t total = event_time.add(bits.read(p::hr::kEventTimestamp12Bits), p::hr::kEventTimestamp12Bits);
      out.event_times_s.push_back(static_cast<double>(total) / p::hr::kEventTimestamp.scale);
    }
  }
  return out;
}

domain::Expected<void> merge_heart_rates(std::span<const HrMessage> messages, std::span<Sample> samples) {
  if (messages.empty() || samples.empty()) return {};
  const auto expanded = expand(messages);
  if (!expanded) return std::unexpected(expanded.error());
  const std::vector<Beat>& beats = *expanded;

  // utils-hr-mesg.js mergeHeartRates, step for step: a window (start, end] per record.
  std::size_t next = 0;
  std::optional<double> start_s;
  for (Sample& sample : samples) {
    if (!sample.time) continue;
    const double end_s = fit_seconds(*sample.time);
    if (!start_s) start_s = end_s;
    if (*start_s == end_s) {
      *start_s -= 1;
      next = next >= 1 ? next - 1 : 0;
    }
    int sum_bpm = 0;
    int count = 0;
    for (; next < beats.size(); ++next) {
      const Beat& beat = beats[next];
      if (beat.time_s > *start_s && beat.time_s <= end_s) {
        if (beat.bpm) {
          sum_bpm += *beat.bpm;
          ++count;
        }
      } else if (beat.time_s > end_s) {
        if (count > 0) sample.heart_rate_bpm = js_round(static_cast<double>(sum_bpm) / count);
        start_s = end_s;
        break;
      }
    }
  }
  return {};
}

}  // namespace stridecare::importers::fit
