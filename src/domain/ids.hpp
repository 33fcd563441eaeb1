#pragma once
#include <cstdint>

namespace stridecare::domain {

/// Identifies a stored entry (activity or check-in). Activities and check-ins
/// share one id space, so `delete ID` needs no type prefix. 0 = not stored yet.
using Id = std::int64_t;

}  // namespace stridecare::domain
