#include "cli/cli_context.hpp"

#include "domain/enum_names.hpp"
#include "services/journal.hpp"

namespace stridecare::cli {

Units CliContext::units() const { return options_.units == "imperial" ? Units::imperial : Units::metric; }

void CliContext::check_globals() const {
  if (options_.units != "metric" && options_.units != "imperial") {
    throw CommandFailed{{domain::ErrorKind::invalid_input, "units",
                         "'" + options_.units + "' is not allowed; allowed metric|imperial"}};
  }
  (void)date_flag();
}

std::optional<domain::Date> CliContext::date_flag() const {
  if (!options_.date) return std::nullopt;
  return value_or_fail(domain::parse_date(*options_.date, "date"));
}

domain::Date CliContext::date() {
  if (auto d = date_flag()) return *d;
  const auto profile = value_or_fail(services::load_profile(session()));
  return services::today_in(profile.time_zone);
}

const rules::RuleBook& CliContext::rule_book() {
  if (!rules_) rules_ = value_or_fail(services::load_rule_book(options_.rules, env_));
  return *rules_;
}

services::Session& CliContext::session() {
  if (!session_) {
    const rules::RuleBook& book = rule_book();
    const auto path = value_or_fail(services::database_path(options_.db, env_));
    store_ = value_or_fail(services::open_sqlite(path));
    session_.emplace(services::Session{*store_, book});
  }
  return *session_;
}

}  // namespace stridecare::cli
