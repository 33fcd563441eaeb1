#pragma once
/// Heart rate that HRM-Swim and HRM-Pro straps store apart from the records (message `hr`),
/// merged into the records by time exactly as the Garmin FIT SDK's `mergeHeartRates`
/// (utils-hr-mesg.js, SDK 21.217, the reference of the differential test) does:
///
/// - an anchor message (one with a timestamp) ties `timestamp + fractional_timestamp` to its one
///   `event_timestamp`; each beat of the messages after it is at
///   `anchor + (event_timestamp - anchor event_timestamp)`;
/// - a gap between two beats is filled with the earlier value every 0.25 s, for up to 5 s;
/// - a record gets the rounded mean of the beats in (previous record's time, its time], replacing
///   the heart rate it had; a record with no beat in that window keeps its own.
///
/// One deliberate difference: an invalid filtered_bpm (0xFF) is left out of the mean, where the
/// SDK counts it as 0. Records without a timestamp are passed over.

#include <optional>
#include <span>
#include <vector>

#include "domain/error.hpp"
#include "importers/fit/accumulator.hpp"
#include "importers/fit/reader.hpp"
#include "importers/recording.hpp"

namespace stridecare::importers::fit {

/// One `hr` message with its components expanded.
struct HrMessage {
  /// timestamp + fractional timestamp (FIT seconds) when this is an anchor message.
  std::optional<double> anchor_s;
  /// event_timestamp of each beat (s, on the strap's own clock), accumulated across messages.
  std::vector<std::optional<double>> event_times_s;
  std::vector<std::optional<int>> filtered_bpm;
};

/// Reads one `hr` message. `event_time` carries the event_timestamp accumulation from one
/// message to the next (12-bit deltas roll over against it).
HrMessage read_hr(const MessageView& m, Accumulator& event_time);

/// Merges the beats of `messages` (file order) into `samples` (file order). When the messages
/// cannot be placed in time (no anchor yet, an anchor without exactly one event time, beat and
/// time counts that differ, an event time before its anchor) nothing is changed and the error
/// says why.
domain::Expected<void> merge_heart_rates(std::span<const HrMessage> messages, std::span<Sample> samples);

}  // namespace stridecare::importers::fit
