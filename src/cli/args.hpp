#pragma once
/// Conversions of flag text to values with one-line errors that name the flag.

#include <string>

#include "domain/error.hpp"

namespace stridecare::cli {

/// An integer in [min, max]; `field` is the flag name without dashes.
domain::Expected<int> parse_int(const std::string& text, const std::string& field, int min, int max);

/// A domain error's field as the user typed it: `strength_per_week` -> `--strength-per-week`.
std::string flag_name(const std::string& field);

}  // namespace stridecare::cli
