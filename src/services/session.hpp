#pragma once
/// What every use case works on: one athlete's store and the rule book.
/// The CLI builds one per process; the server will build one per request.

#include "rules/rule_book.hpp"
#include "storage/store.hpp"

namespace stridecare::services {

using domain::Expected;

struct Session {
  storage::Store& store;
  const rules::RuleBook& rules;
};

}  // namespace stridecare::services
