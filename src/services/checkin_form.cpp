#include "services/checkin_form.hpp"

#include <string>

namespace stridecare::services {
namespace {

Json choice(std::string_view id, std::string_view label) { return {{"id", id}, {"label", label}}; }

Json question(std::string_view field, const QuestionWording& w) {
  return {{"field", field}, {"question", w.question}, {"statement", w.statement}, {"set_when_yes", w.set_when_yes}};
}

}  // namespace

QuestionWording wording(domain::Sign sign) {
  switch (sign) {
    case domain::Sign::swelling:
      return {"The joint is swollen", "Is the joint swollen?"};
    case domain::Sign::redness:
      return {"The skin over the joint is red", "Is the skin over the joint red?"};
    case domain::Sign::warmth:
      return {"The joint feels warm or hot", "Does the joint feel warm or hot?"};
    case domain::Sign::fever_or_unwell:
      return {"You have a fever or feel unwell", "Do you have a fever or feel unwell?"};
    case domain::Sign::cannot_bear_weight:
      return {"You cannot put weight on the leg", "Can you put weight on the leg?", false};
    case domain::Sign::locking:
      return {"The joint locks or catches and will not straighten",
              "Does the joint lock or catch, so that it will not straighten?"};
    case domain::Sign::giving_way:
      return {"The joint gives way under you", "Does the joint give way under you?"};
    case domain::Sign::injury_trauma:
      return {"A new fall, twist or blow since the last check-in",
              "Since your last check-in, did a fall, a twist or a blow hurt it?"};
    case domain::Sign::numbness_tingling:
      return {"Numbness or tingling in the leg or foot", "Do you feel numbness or tingling in the leg or foot?"};
    case domain::Sign::night_pain:
      return {"The pain wakes you at night", "Does the pain wake you at night?"};
    case domain::Sign::deformity:
      return {"The joint looks out of shape", "Does the joint look out of shape?"};
  }
  return {};
}

QuestionWording persists_after_run_wording() {
  return {"The pain did not stop when the run finished", "Did the pain go on after the run had ended?"};
}

QuestionWording cleared_by_clinician_wording() {
  return {"A clinician has assessed and cleared this site",
          "Has a doctor or physiotherapist examined this joint and cleared you?"};
}

Json checkin_form_json() {
  Json sites = Json::array();
  sites.push_back({{"id", "knee"},
                   {"label", "Knee"},
                   {"regions",
                    {choice("front", "Front: around or behind the kneecap"), choice("outer", "Outer side"),
                     choice("inner", "Inner side"), choice("back", "Back of the knee")}}});
  sites.push_back(
      {{"id", "hip"},
       {"label", "Hip"},
       {"regions",
        {choice("front", "Front: the groin"), choice("outer", "Outer side"), choice("back", "Back: the buttock")}}});
  Json questions = Json::array();
  for (const auto& [sign, name] : domain::EnumNames<domain::Sign>::table) {
    questions.push_back(question(name, wording(sign)));
  }
  questions.push_back(question("persists_after_run", persists_after_run_wording()));
  questions.push_back(question("cleared_by_clinician", cleared_by_clinician_wording()));
  return {{"sites", std::move(sites)},
          {"sides", {choice("left", "Left"), choice("right", "Right"), choice("both", "Both")}},
          {"timings",
           {choice("during_run", "During a run"), choice("after_run", "After a run (within 24 hours)"),
            choice("next_morning", "The morning after a run"), choice("at_rest", "At rest")}},
          {"pain",
           {{"min", domain::kScaleMin}, {"max", domain::kScaleMax}, {"low", "no pain"}, {"high", "worst imaginable"}}},
          {"questions", std::move(questions)}};
}

}  // namespace stridecare::services
