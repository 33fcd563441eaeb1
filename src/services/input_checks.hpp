#pragma once
/// Checks of what the runner types that need more than the value itself:
/// exercise names against the library, days against today. Each can run
/// before the database is opened, except check_not_future, which needs the
/// profile's time zone.

#include <optional>
#include <string_view>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "services/session.hpp"

namespace stridecare::services {

/// An exercise's name is an id of the exercise library or `custom:NAME`;
/// any other is refused (field `exercise`) naming the closest id ("did you
/// mean squat?") when one is close, so that a typo never starts a
/// progression of its own.
domain::Expected<void> check_exercise_name(std::string_view name);

/// A day after UTC's today + 1 is in the future in every time zone: refused
/// (field `date`) without reading the profile.
domain::Expected<void> check_not_surely_future(domain::Date day);

/// A day after today in the profile's time zone is refused (field `date`):
/// nothing is logged before it has begun.
domain::Expected<void> check_not_future(Session& s, domain::Date day);
/// As above, against `today` when given (`serve --date`: the day the server takes as today), else the real one.
domain::Expected<void> check_not_future(Session& s, domain::Date day, std::optional<domain::Date> today);

}  // namespace stridecare::services
