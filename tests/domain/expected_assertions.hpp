#pragma once
/// GoogleTest predicates for `domain::Expected` results, so that a failing
/// check prints the error the code returned (field and message).

#include <string_view>

#include <gtest/gtest.h>

#include "domain/error.hpp"

namespace stridecare::domain::testing_support {

/// Success: `EXPECT_TRUE(accepted(parse_date("2026-01-05")))`.
template <class T>
::testing::AssertionResult accepted(const Expected<T>& result) {
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "rejected on field '" << result.error().field
                                       << "': " << result.error().message;
}

/// An `invalid_input` error that names `field` and carries a message:
/// `EXPECT_TRUE(rejected_on(validate(a), "rpe"))`.
template <class T>
::testing::AssertionResult rejected_on(const Expected<T>& result, std::string_view field) {
  if (result) return ::testing::AssertionFailure() << "accepted; expected an error on field '" << field << "'";
  const Error& e = result.error();
  if (e.kind != ErrorKind::invalid_input) {
    return ::testing::AssertionFailure() << "error kind " << static_cast<int>(e.kind) << ", expected invalid_input ("
                                         << e.message << ")";
  }
  if (e.field != field) {
    return ::testing::AssertionFailure() << "error on field '" << e.field << "' (" << e.message << "), expected '"
                                         << field << "'";
  }
  if (e.message.empty()) return ::testing::AssertionFailure() << "error on field '" << field << "' has no message";
  return ::testing::AssertionSuccess();
}

}  // namespace stridecare::domain::testing_support
