#pragma once
/// The words of a pain check-in (rules.md section 1) as the runner reads them: the warning signs as
/// statements (`log pain --help`) and as plain yes/no questions (the dashboard's check-in form), the body
/// regions, the timings. One table, so that the CLI and the web page never word a red flag differently.

#include <string_view>

#include "domain/checkin.hpp"
#include "domain/validate.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

/// How one yes/no answer maps to a check-in field.
struct QuestionWording {
  std::string_view statement;  ///< true when the field is set: "The joint is swollen"
  std::string_view question;   ///< "Is the joint swollen?"
  bool set_when_yes = true;    ///< false for a question asked the other way round ("Can you put weight ...?")
};

QuestionWording wording(domain::Sign sign);
QuestionWording persists_after_run_wording();
QuestionWording cleared_by_clinician_wording();

/// `GET /api/checkin-form`: what a check-in form asks, in the order to ask it:
/// `{"sites":[{"id","label","regions":[{"id","label"}]}], "sides":[{"id","label"}], "timings":[{"id","label"}],
///   "pain":{"min","max","low","high"}, "questions":[{"field","question","statement","set_when_yes"}]}`.
/// `questions` holds every warning sign, then `persists_after_run` and `cleared_by_clinician`: their `field`
/// is the request key of `POST /api/checkins`.
Json checkin_form_json();

}  // namespace stridecare::services
