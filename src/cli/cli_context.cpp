#include "cli/cli_context.hpp"

#include <filesystem>

#include "domain/enum_names.hpp"
#include "services/journal.hpp"

namespace stridecare::cli {

namespace {
std::optional<Units> units_flag(const GlobalOptions& o) {
  if (!o.units) return std::nullopt;
  const auto units = domain::parse_enum<Units>(*o.units);
  if (!units) {
    throw CommandFailed{{domain::ErrorKind::invalid_input, "units", domain::not_allowed<Units>(*o.units)}};
  }
  return units;
}
}  // namespace

Units CliContext::units() {
  if (auto flag = units_flag(options_)) return *flag;
  return value_or_fail(services::load_profile(session())).units.value_or(Units::metric);
}

Units CliContext::units_if_stored() {
  if (auto flag = units_flag(options_)) return *flag;
  if (session_) return units();
  const auto path = services::database_path(options_.db, env_);
  std::error_code ec;
  return path && std::filesystem::exists(*path, ec) ? units() : Units::metric;
}

void CliContext::check_globals() const {
  (void)units_flag(options_);
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
    store_ = value_or_fail(only_reads_ ? services::open_sqlite_for_reading(path) : services::open_sqlite(path));
    session_.emplace(services::Session{*store_, book});
  }
  return *session_;
}

}  // namespace stridecare::cli
