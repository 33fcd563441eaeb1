#pragma once
/// Rule IDs of rules.md sections 2 and 2.1, spelled once (section 3's are in
/// domain/load_parameters.hpp, where the load analytics can see them).

#include <array>
#include <string_view>

namespace stridecare::rules::ids {

inline constexpr std::string_view kRf1 = "TRIAGE-RF-1";
inline constexpr std::string_view kRf2 = "TRIAGE-RF-2";
inline constexpr std::string_view kRf3 = "TRIAGE-RF-3";
inline constexpr std::string_view kRf4 = "TRIAGE-RF-4";
inline constexpr std::string_view kRf5 = "TRIAGE-RF-5";
inline constexpr std::string_view kRf6 = "TRIAGE-RF-6";
inline constexpr std::string_view kSeed1 = "TRIAGE-SEED-1";
inline constexpr std::string_view kSeed2 = "TRIAGE-SEED-2";
inline constexpr std::string_view kSeed3 = "TRIAGE-SEED-3";
inline constexpr std::string_view kPersist1 = "TRIAGE-PERSIST-1";
inline constexpr std::string_view kPmm1 = "TRIAGE-PMM-1";
inline constexpr std::string_view kPmm2 = "TRIAGE-PMM-2";
inline constexpr std::string_view kPmm3 = "TRIAGE-PMM-3";
inline constexpr std::string_view kPmm4 = "TRIAGE-PMM-4";
inline constexpr std::string_view kLoad1 = "TRIAGE-LOAD-1";
inline constexpr std::string_view kOk1 = "TRIAGE-OK-1";

inline constexpr std::string_view kCareIce1 = "CARE-ICE-1";
inline constexpr std::string_view kCareHeat1 = "CARE-HEAT-1";
inline constexpr std::string_view kCareMed1 = "CARE-MED-1";
inline constexpr std::string_view kCareEvid1 = "CARE-EVID-1";
inline constexpr std::string_view kCareRun1 = "CARE-RUN-1";

// rules.md 2.2: what each action allows.
inline constexpr std::string_view kSafeGuide1 = "SAFE-GUIDE-1";
inline constexpr std::string_view kSafeGuide2 = "SAFE-GUIDE-2";
inline constexpr std::string_view kSafeLog1 = "SAFE-LOG-1";
inline constexpr std::string_view kSafeAsk1 = "SAFE-ASK-1";

}  // namespace stridecare::rules::ids

namespace stridecare::rules {
inline constexpr std::array<std::string_view, 5> kCareRuleIds{ids::kCareIce1, ids::kCareHeat1, ids::kCareMed1,
                                                              ids::kCareEvid1, ids::kCareRun1};
}
