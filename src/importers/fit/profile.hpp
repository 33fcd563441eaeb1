#pragma once
/// The parts of the FIT profile (Profile.xlsx of the FIT SDK) that stridecare
/// reads: message and field numbers, scales and offsets. Named here once so no
/// decoder or mapping code carries a magic number.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stridecare::importers::fit::profile {

/// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z.
inline constexpr std::int64_t kFitEpochUnixSeconds = 631065600;
/// FIT date_time values below this are seconds since the device powered on, not since the FIT epoch.
inline constexpr std::uint32_t kMinAbsoluteTimestamp = 0x10000000;
/// Semicircles to degrees: 180 / 2^31.
inline constexpr double kDegreesPerSemicircle = 180.0 / 2147483648.0;

namespace mesg {
inline constexpr std::uint16_t kFileId = 0;
inline constexpr std::uint16_t kSession = 18;
inline constexpr std::uint16_t kLap = 19;
inline constexpr std::uint16_t kRecord = 20;
inline constexpr std::uint16_t kEvent = 21;
inline constexpr std::uint16_t kActivity = 34;
inline constexpr std::uint16_t kLength = 101;
inline constexpr std::uint16_t kHr = 132;
inline constexpr std::uint16_t kFieldDescription = 206;
inline constexpr std::uint16_t kDeveloperDataId = 207;
}  // namespace mesg

/// A field with its scale and offset: value = raw / scale - offset.
struct Field {
  std::uint8_t number;
  double scale;
  double offset;
};

namespace record {
inline constexpr Field kPositionLat{0, 1, 0};   ///< semicircles
inline constexpr Field kPositionLong{1, 1, 0};  ///< semicircles
inline constexpr Field kAltitude{2, 5, 500};    ///< m
inline constexpr Field kHeartRate{3, 1, 0};     ///< bpm
inline constexpr Field kCadence{4, 1, 0};       ///< rpm
inline constexpr Field kDistance{5, 100, 0};    ///< m
inline constexpr Field kSpeed{6, 1000, 0};      ///< m/s
inline constexpr Field kPower{7, 1, 0};         ///< W
/// 3 bytes: 12-bit speed (1/100 m/s) then 12-bit accumulating distance (1/16 m).
inline constexpr std::uint8_t kCompressedSpeedDistance = 8;
inline constexpr double kCompressedSpeedScale = 100;
inline constexpr double kCompressedDistanceScale = 16;
inline constexpr std::uint32_t kCompressedDistanceMask = 0xFFF;
inline constexpr Field kEnhancedSpeed{73, 1000, 0};    ///< m/s
inline constexpr Field kEnhancedAltitude{78, 5, 500};  ///< m
/// uint8 counter (strokes, revolutions) that rolls over: a component accumulating into total_cycles.
inline constexpr std::uint8_t kCycles = 18;
inline constexpr unsigned kCyclesBits = 8;
/// uint32 running total of cycles; when present it re-anchors the accumulation of `cycles`.
inline constexpr std::uint8_t kTotalCycles = 19;
}  // namespace record

namespace session {
inline constexpr std::uint8_t kStartTime = 2;
inline constexpr std::uint8_t kSport = 5;
inline constexpr std::uint8_t kSubSport = 6;
inline constexpr Field kTotalElapsedTime{7, 1000, 0};  ///< s
inline constexpr Field kTotalTimerTime{8, 1000, 0};    ///< s
inline constexpr Field kTotalDistance{9, 100, 0};      ///< m
inline constexpr Field kPoolLength{44, 100, 0};        ///< m
inline constexpr std::uint8_t kNumActiveLengths = 47;
}  // namespace session

/// `event` (21): the timer's starts and stops, among other events.
namespace event {
inline constexpr std::uint8_t kEvent = 0;
inline constexpr std::uint8_t kEventType = 1;
inline constexpr std::uint64_t kEventTimer = 0;
/// `event_type` values that stop the timer: stop, stop_all, stop_disable, stop_disable_all.
inline constexpr std::array<std::uint64_t, 4> kTimerStopTypes{1, 4, 8, 9};
}  // namespace event

namespace lap {
inline constexpr std::uint8_t kStartTime = 2;
inline constexpr Field kTotalElapsedTime{7, 1000, 0};  ///< s
inline constexpr Field kTotalTimerTime{8, 1000, 0};    ///< s
inline constexpr Field kTotalDistance{9, 100, 0};      ///< m
}  // namespace lap

/// HRM-Swim / HRM-Pro heart rate stored apart from the records (message `hr`, 132): an anchor
/// message pairs a timestamp with one event_timestamp; the messages after it carry up to 10
/// event times as 12-bit deltas (event_timestamp_12) with one filtered_bpm each.
namespace hr {
inline constexpr Field kFractionalTimestamp{0, 32768, 0};  ///< s
/// 8-bit component of fractional_timestamp (1/256 s); replaces it when present.
inline constexpr Field kTime256{1, 256, 0};            ///< s
inline constexpr std::uint8_t kFilteredBpm = 6;        ///< uint8 array, bpm
inline constexpr Field kEventTimestamp{9, 1024, 0};    ///< uint32 array, s (accumulated)
inline constexpr std::uint8_t kEventTimestamp12 = 10;  ///< byte array of 12-bit event_timestamp components
inline constexpr unsigned kEventTimestamp12Bits = 12;
inline constexpr std::size_t kEventTimestamp12Components = 10;
/// event_timestamp wraps at 2^32 / 1024 s; the SDK adds this once to an event before its anchor.
inline constexpr double kEventTimestampRolloverS = 0x400000;
}  // namespace hr

/// One pool length (message `length`, 101).
namespace length {
inline constexpr std::uint8_t kStartTime = 2;
inline constexpr std::uint8_t kLengthType = 12;
inline constexpr std::int64_t kLengthTypeActive = 1;  ///< profile type length_type: 0 idle (rest), 1 active
}  // namespace length

/// Developer data (FIT protocol "Developer Data"): which app wrote developer fields...
namespace developer_data_id {
inline constexpr std::uint8_t kApplicationId = 1;  ///< byte[16] UUID; absent in some files (ELEMNT BOLT)
inline constexpr std::uint8_t kDeveloperDataIndex = 3;
}  // namespace developer_data_id

/// ...and what each developer field is.
namespace field_description {
inline constexpr std::uint8_t kDeveloperDataIndex = 0;
inline constexpr std::uint8_t kFieldDefinitionNumber = 1;
inline constexpr std::uint8_t kFitBaseTypeId = 2;
inline constexpr std::uint8_t kFieldName = 3;
inline constexpr std::uint8_t kScale = 6;   ///< uint8; absent means 1
inline constexpr std::uint8_t kOffset = 7;  ///< sint8; absent means 0
inline constexpr std::uint8_t kUnits = 8;
inline constexpr std::uint8_t kNativeMesgNum = 14;
inline constexpr std::uint8_t kNativeFieldNum = 15;
}  // namespace field_description

namespace activity {
inline constexpr std::uint8_t kLocalTimestamp = 5;
}  // namespace activity

/// `sport` enum names (FIT profile type `sport`); empty for a value the profile does not name.
std::string_view sport_name(std::int64_t value);
/// `sub_sport` enum names (FIT profile type `sub_sport`); empty when unnamed.
std::string_view sub_sport_name(std::int64_t value);

}  // namespace stridecare::importers::fit::profile
