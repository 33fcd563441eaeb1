#include "services/input_checks.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "domain/quantities.hpp"
#include "domain/suggest.hpp"
#include "services/environment.hpp"
#include "services/journal.hpp"
#include "services/routines.hpp"

namespace stridecare::services {
namespace {

domain::Expected<void> refuse_future(domain::Date day, domain::Date today, std::string_view where) {
  return domain::invalid("date",
                         fmt::format("{} is in the future (today is {}{}); a day can be logged once it has begun",
                                     domain::to_string(day), domain::to_string(today), where));
}

}  // namespace

domain::Expected<void> check_exercise_name(std::string_view name) {
  if (name.starts_with(domain::kCustomExercisePrefix) || find_exercise(name) != nullptr) return {};
  std::vector<std::string> ids;
  for (const auto& e : exercises()) ids.push_back(e.id);
  const auto closest = domain::closest_name(name, ids);
  if (closest) {
    return domain::invalid("exercise", fmt::format("'{}' is not in the exercise library; did you mean {}? Use {}NAME "
                                                   "for an exercise of your own",
                                                   name, *closest, domain::kCustomExercisePrefix));
  }
  return domain::invalid("exercise", fmt::format("'{}' is not in the exercise library (see stridecare exercises); use "
                                                 "{}NAME for an exercise of your own",
                                                 name, domain::kCustomExercisePrefix));
}

domain::Expected<void> check_not_surely_future(domain::Date day) {
  const domain::Date utc_today = today_in("UTC");
  if (std::chrono::sys_days{day} <= std::chrono::sys_days{domain::add_days(utc_today, 1)}) return {};
  return refuse_future(day, utc_today, " in UTC");
}

domain::Expected<void> check_not_future(Session& s, domain::Date day) {
  auto profile = load_profile(s);
  if (!profile) return std::unexpected(profile.error());
  const domain::Date today = today_in(profile->time_zone);
  if (std::chrono::sys_days{day} <= std::chrono::sys_days{today}) return {};
  return refuse_future(day, today, "");
}

domain::Expected<void> check_not_future(Session& s, domain::Date day, std::optional<domain::Date> today) {
  if (!today) return check_not_future(s, day);
  if (std::chrono::sys_days{day} <= std::chrono::sys_days{*today}) return {};
  return refuse_future(day, *today, "");
}

}  // namespace stridecare::services
