#pragma once
/// The parts of the FIT profile (Profile.xlsx of the FIT SDK) that stridecare
/// reads: message and field numbers, scales and offsets. Named here once so no
/// decoder or mapping code carries a magic number.

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
}  // namespace record

namespace session {
inline constexpr std::uint8_t kStartTime = 2;
inline constexpr std::uint8_t kSport = 5;
inline constexpr std::uint8_t kSubSport = 6;
inline constexpr Field kTotalElapsedTime{7, 1000, 0};  ///< s
inline constexpr Field kTotalTimerTime{8, 1000, 0};    ///< s
inline constexpr Field kTotalDistance{9, 100, 0};      ///< m
}  // namespace session

namespace lap {
inline constexpr std::uint8_t kStartTime = 2;
inline constexpr Field kTotalElapsedTime{7, 1000, 0};  ///< s
inline constexpr Field kTotalTimerTime{8, 1000, 0};    ///< s
inline constexpr Field kTotalDistance{9, 100, 0};      ///< m
}  // namespace lap

namespace activity {
inline constexpr std::uint8_t kLocalTimestamp = 5;
}  // namespace activity

/// `sport` enum names (FIT profile type `sport`); empty for a value the profile does not name.
std::string_view sport_name(std::int64_t value);
/// `sub_sport` enum names (FIT profile type `sub_sport`); empty when unnamed.
std::string_view sub_sport_name(std::int64_t value);

}  // namespace stridecare::importers::fit::profile
