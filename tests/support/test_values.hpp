#pragma once
// Small helpers many tests share: a calendar date, a parameterised case's
// name, a substring check.

#include <chrono>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "domain/date.hpp"

namespace stridecare::test_support {

inline domain::Date ymd(int y, unsigned m, unsigned d) {
  return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// Names a parameterised test after its case's `name` field.
template <class Case>
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return std::string(info.param.name);
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace stridecare::test_support
