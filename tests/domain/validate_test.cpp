// Plausibility checks on activities, check-ins and profiles, and the enum
// name tables they are spelled with.

#include "domain/validate.hpp"

#include <cctype>
#include <chrono>
#include <cstddef>
#include <functional>
#include <limits>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/quantities.hpp"
#include "expected_assertions.hpp"
#include "support/test_values.hpp"

namespace stridecare::domain {
namespace {

using test_support::case_name;
using test_support::ymd;

using ::testing::HasSubstr;
using testing_support::accepted;
using testing_support::rejected_on;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// 10 km in 50:00 at RPE 5: valid.
Activity a_run() {
  Activity a;
  a.sport = Sport::run;
  a.date = ymd(2026, 3, 2);
  a.distance_m = 10'000;
  a.duration_s = 50 * 60;
  a.rpe = 5;
  return a;
}

/// 45 minutes in the gym, two exercises: valid.
Activity a_strength_session() {
  Activity a;
  a.sport = Sport::strength;
  a.date = ymd(2026, 3, 3);
  a.duration_s = 45 * 60;
  a.rpe = 6;
  a.exercises = {{"squat", 3, 10, 40.0}, {"lunge", 3, 8, std::nullopt}};
  return a;
}

StrengthExercise squat(int sets, int reps, std::optional<double> load_kg = std::nullopt) {
  return {"squat", sets, reps, load_kg};
}

// ---------------------------------------------------------------------------
// validate(Activity)

struct ActivityCase {
  std::string_view name;
  std::function<Activity()> make;
  std::string_view field;  ///< empty: valid
};
std::ostream& operator<<(std::ostream& os, const ActivityCase& c) { return os << c.name; }

/// Starts from `base()` and applies `change`.
std::function<Activity()> with(Activity (*base)(), std::function<void(Activity&)> change) {
  return [base, change] {
    Activity a = base();
    change(a);
    return a;
  };
}

/// A 50-minute session of `sport` with no distance.
std::function<Activity()> session_without_distance(Sport sport) {
  return with(a_run, [sport](Activity& a) {
    a.sport = sport;
    a.distance_m.reset();
  });
}

class ValidateActivityRejects : public ::testing::TestWithParam<ActivityCase> {};

TEST_P(ValidateActivityRejects, NamingTheOffendingField) {
  EXPECT_TRUE(rejected_on(validate(GetParam().make()), GetParam().field));
}

INSTANTIATE_TEST_SUITE_P(
    Scales, ValidateActivityRejects,
    ::testing::Values(ActivityCase{"RpeBelowZero", with(a_run, [](Activity& a) { a.rpe = -1; }), "rpe"},
                      ActivityCase{"RpeAboveTen", with(a_run, [](Activity& a) { a.rpe = 11; }), "rpe"},
                      ActivityCase{"ImpossibleDate", with(a_run, [](Activity& a) { a.date = ymd(2026, 2, 30); }),
                                   "date"}),
    case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(
    Duration, ValidateActivityRejects,
    ::testing::Values(
        ActivityCase{"ZeroDuration", with(a_run, [](Activity& a) { a.duration_s = 0; }), "duration"},
        ActivityCase{"NegativeDuration", with(a_run, [](Activity& a) { a.duration_s = -60; }), "duration"},
        ActivityCase{"NotANumberDuration", with(a_run, [](Activity& a) { a.duration_s = kNaN; }), "duration"},
        ActivityCase{"InfiniteDuration", with(a_run, [](Activity& a) { a.duration_s = kInf; }), "duration"},
        ActivityCase{"LongerThanADay", with(a_run, [](Activity& a) { a.duration_s = 24 * 3600 + 1; }), "duration"},
        ActivityCase{"StrengthLongerThanADay", with(a_strength_session, [](Activity& a) { a.duration_s = 25 * 3600; }),
                     "duration"}),
    case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(
    Distance, ValidateActivityRejects,
    ::testing::Values(
        ActivityCase{"RunFasterThanTwoMinutesPerKm", with(a_run, [](Activity& a) { a.duration_s = 19 * 60 + 59; }),
                     "distance"},
        ActivityCase{"RunOfMarathonInAnHour",
                     with(a_run,
                          [](Activity& a) {
                            a.distance_m = 42'195;
                            a.duration_s = 3600;
                          }),
                     "distance"},
        ActivityCase{"NegativeDistance", with(a_run, [](Activity& a) { a.distance_m = -5000; }), "distance"},
        ActivityCase{"ZeroDistance", with(a_run, [](Activity& a) { a.distance_m = 0; }), "distance"},
        ActivityCase{"NotANumberDistance", with(a_run, [](Activity& a) { a.distance_m = kNaN; }), "distance"},
        ActivityCase{"InfiniteDistance", with(a_run, [](Activity& a) { a.distance_m = kInf; }), "distance"},
        ActivityCase{"RideOverAThousandKm",
                     with(a_run,
                          [](Activity& a) {
                            a.sport = Sport::cycle;
                            a.distance_m = 1'000'001;
                            a.duration_s = 24 * 3600;
                          }),
                     "distance"},
        ActivityCase{"RunWithoutDistance", with(a_run, [](Activity& a) { a.distance_m.reset(); }), "distance"}),
    case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(
    Exercises, ValidateActivityRejects,
    ::testing::Values(
        ActivityCase{"ExercisesOnARun", with(a_run, [](Activity& a) { a.exercises = {squat(3, 10)}; }), "exercise"},
        ActivityCase{"ExercisesOnCrossTraining",
                     with(a_run,
                          [](Activity& a) {
                            a.sport = Sport::cycle;
                            a.exercises = {squat(3, 10)};
                          }),
                     "exercise"},
        ActivityCase{"ExerciseWithoutName",
                     with(a_strength_session,
                          [](Activity& a) {
                            a.exercises = {{"", 3, 10, std::nullopt}};
                          }),
                     "exercise"},
        ActivityCase{"ZeroSets", with(a_strength_session, [](Activity& a) { a.exercises = {squat(0, 10)}; }),
                     "exercise"},
        ActivityCase{"TooManySets", with(a_strength_session, [](Activity& a) { a.exercises = {squat(21, 10)}; }),
                     "exercise"},
        ActivityCase{"ZeroReps", with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 0)}; }),
                     "exercise"},
        ActivityCase{"NegativeReps", with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, -1)}; }),
                     "exercise"},
        ActivityCase{"TooManyReps", with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 201)}; }),
                     "exercise"},
        ActivityCase{"NegativeLoad", with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, -1.0)}; }),
                     "exercise"},
        ActivityCase{"LoadOverATonne",
                     with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, 1000.5)}; }), "exercise"},
        ActivityCase{"NotANumberLoad",
                     with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, kNaN)}; }), "exercise"},
        ActivityCase{"BadSecondExercise",
                     with(a_strength_session, [](Activity& a) { a.exercises.push_back(squat(3, 10, kInf)); }),
                     "exercise"}),
    case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(Note, ValidateActivityRejects,
                         ::testing::Values(ActivityCase{
                             "NoteTooLong",
                             with(a_run, [](Activity& a) { a.note = std::string(kMaxNoteBytes + 1, 'x'); }), "note"}),
                         case_name<ActivityCase>);

class ValidateActivityAccepts : public ::testing::TestWithParam<ActivityCase> {};

TEST_P(ValidateActivityAccepts, PlausibleActivity) { EXPECT_TRUE(accepted(validate(GetParam().make()))); }

INSTANTIATE_TEST_SUITE_P(
    Bounds, ValidateActivityAccepts,
    ::testing::Values(ActivityCase{"PlainRun", a_run, ""}, ActivityCase{"PlainStrengthSession", a_strength_session, ""},
                      ActivityCase{"RpeZero", with(a_run, [](Activity& a) { a.rpe = 0; }), ""},
                      ActivityCase{"RpeTen", with(a_run, [](Activity& a) { a.rpe = 10; }), ""},
                      ActivityCase{"WithoutRpe", with(a_run, [](Activity& a) { a.rpe.reset(); }), ""},
                      ActivityCase{"RunAtExactlyTwoMinutesPerKm",
                                   with(a_run, [](Activity& a) { a.duration_s = 20 * 60; }), ""},
                      ActivityCase{"ExactlyADay",
                                   with(a_run,
                                        [](Activity& a) {
                                          a.sport = Sport::walk;
                                          a.distance_m = 100'000;
                                          a.duration_s = 24 * 3600;
                                        }),
                                   ""},
                      ActivityCase{"RideOfExactlyAThousandKm",
                                   with(a_run,
                                        [](Activity& a) {
                                          a.sport = Sport::cycle;
                                          a.distance_m = 1'000'000;
                                          a.duration_s = 24 * 3600;
                                        }),
                                   ""},
                      ActivityCase{"NoteOfMaximumLength",
                                   with(a_run, [](Activity& a) { a.note = std::string(kMaxNoteBytes, 'x'); }), ""}),
    case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(CrossTrainingWithoutDistance, ValidateActivityAccepts,
                         ::testing::Values(ActivityCase{"Swim", session_without_distance(Sport::swim), ""},
                                           ActivityCase{"Walk", session_without_distance(Sport::walk), ""},
                                           ActivityCase{"Cycle", session_without_distance(Sport::cycle), ""},
                                           ActivityCase{"Elliptical", session_without_distance(Sport::elliptical), ""},
                                           ActivityCase{"Row", session_without_distance(Sport::row), ""},
                                           // Pace is a running limit: a fast ride is fine.
                                           ActivityCase{"FastRide",
                                                        with(a_run,
                                                             [](Activity& a) {
                                                               a.sport = Sport::cycle;
                                                               a.distance_m = 40'000;
                                                               a.duration_s = 3600;
                                                             }),
                                                        ""}),
                         case_name<ActivityCase>);

INSTANTIATE_TEST_SUITE_P(
    Exercises, ValidateActivityAccepts,
    ::testing::Values(
        ActivityCase{"StrengthWithoutExercises", with(a_strength_session, [](Activity& a) { a.exercises.clear(); }),
                     ""},
        ActivityCase{"FewestSetsAndReps", with(a_strength_session, [](Activity& a) { a.exercises = {squat(1, 1)}; }),
                     ""},
        ActivityCase{"MostSetsAndReps",
                     with(a_strength_session, [](Activity& a) { a.exercises = {squat(kMaxSets, kMaxReps)}; }), ""},
        ActivityCase{"ZeroLoad", with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, 0.0)}; }), ""},
        ActivityCase{"HeaviestLoad",
                     with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, kMaxLoadKg)}; }), ""},
        ActivityCase{"BodyWeight",
                     with(a_strength_session, [](Activity& a) { a.exercises = {squat(3, 10, std::nullopt)}; }), ""}),
    case_name<ActivityCase>);

TEST(ValidateActivity, RejectsRunFasterThanTwoMinutesPerKmWithPaceRoundedDown) {
  Activity a = a_run();
  a.duration_s = 19 * 60 + 59;  // 1:59.9 min/km
  const auto r = validate(a);
  ASSERT_TRUE(rejected_on(r, "distance"));
  // Not "2:00 min/km, faster than the 2:00 min/km".
  EXPECT_THAT(r.error().message, HasSubstr("is 1:59 min/km"));
  EXPECT_THAT(r.error().message, HasSubstr("19:59"));
}

TEST(ValidateActivity, RejectsFirstBadFieldWhenSeveralAreBad) {
  Activity a = a_run();
  a.duration_s = 0;
  a.rpe = 11;
  a.note = std::string(kMaxNoteBytes + 1, 'x');
  EXPECT_TRUE(rejected_on(validate(a), "duration"));
}

TEST(ValidateActivity, RejectsHugeParsedDistance) {
  const auto metres = parse_distance_m("5000km");
  ASSERT_TRUE(accepted(metres));
  Activity a = a_run();
  a.sport = Sport::cycle;
  a.distance_m = *metres;
  a.duration_s = 24 * 3600;
  const auto r = validate(a);
  ASSERT_TRUE(rejected_on(r, "distance"));
  EXPECT_THAT(r.error().message, HasSubstr("5000 km"));
}

TEST(ValidateActivity, RejectsHugeParsedDuration) {
  const auto seconds = parse_duration_s("999999999999999999:00:00");
  ASSERT_TRUE(accepted(seconds));
  Activity a = a_run();
  a.duration_s = *seconds;
  EXPECT_TRUE(rejected_on(validate(a), "duration"));
}

TEST(ValidateActivity, AcceptsParsedExercises) {
  Activity a = a_strength_session();
  a.exercises.clear();
  for (const char* text : {"squat:3x10@40kg", "lunge:3x8", "deadlift:3x8@135lb"}) {
    const auto ex = parse_exercise(text);
    ASSERT_TRUE(accepted(ex)) << text;
    a.exercises.push_back(*ex);
  }
  EXPECT_TRUE(accepted(validate(a)));
}

TEST(ValidateActivity, RejectsAnExerciseWithAbsurdSets) {
  auto ex = parse_exercise("squat:3x10");
  ASSERT_TRUE(accepted(ex));
  ex->sets = 1'000'000;  // not from the parser, which refuses it (quantities_test)
  Activity a = a_strength_session();
  a.exercises = {*ex};
  const auto r = validate(a);
  ASSERT_TRUE(rejected_on(r, "exercise"));
  EXPECT_THAT(r.error().message, HasSubstr("allowed 1-20"));
}

TEST(ValidateActivity, RejectsLoadOverATonneParsedFromPounds) {
  const auto ex = parse_exercise("deadlift:1x1@2205lb");  // 1000.17 kg
  ASSERT_TRUE(accepted(ex));
  Activity a = a_strength_session();
  a.exercises = {*ex};
  EXPECT_TRUE(rejected_on(validate(a), "exercise"));
}

// ---------------------------------------------------------------------------
// validate(PainCheckin)

PainCheckin a_checkin() {
  PainCheckin c;
  c.date = ymd(2026, 3, 2);
  c.time = 7 * 60;
  c.site = Site::knee;
  c.region = Region::front;
  c.side = Side::left;
  c.pain = 3;
  c.timing = Timing::after_run;
  return c;
}

struct CheckinCase {
  std::string_view name;
  std::function<void(PainCheckin&)> change;
  std::string_view field;  ///< empty: valid
};
std::ostream& operator<<(std::ostream& os, const CheckinCase& c) { return os << c.name; }

class ValidatePainCheckin : public ::testing::TestWithParam<CheckinCase> {};

TEST_P(ValidatePainCheckin, AcceptsOrNamesTheOffendingField) {
  PainCheckin c = a_checkin();
  GetParam().change(c);
  if (GetParam().field.empty()) {
    EXPECT_TRUE(accepted(validate(c)));
  } else {
    EXPECT_TRUE(rejected_on(validate(c), GetParam().field));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rejects, ValidatePainCheckin,
    ::testing::Values(CheckinCase{"PainBelowZero", [](PainCheckin& c) { c.pain = -1; }, "pain"},
                      CheckinCase{"PainAboveTen", [](PainCheckin& c) { c.pain = 11; }, "pain"},
                      CheckinCase{"InnerHip",
                                  [](PainCheckin& c) {
                                    c.site = Site::hip;
                                    c.region = Region::inner;
                                  },
                                  "region"},
                      CheckinCase{"NegativeTime", [](PainCheckin& c) { c.time = -1; }, "time"},
                      CheckinCase{"TimeOfTwentyFourHundred", [](PainCheckin& c) { c.time = 24 * 60; }, "time"},
                      CheckinCase{"ImpossibleDate", [](PainCheckin& c) { c.date = ymd(2026, 2, 29); }, "date"},
                      CheckinCase{"NoteTooLong", [](PainCheckin& c) { c.note = std::string(kMaxNoteBytes + 1, 'x'); },
                                  "note"}),
    case_name<CheckinCase>);

INSTANTIATE_TEST_SUITE_P(
    Accepts, ValidatePainCheckin,
    ::testing::Values(CheckinCase{"PainZero", [](PainCheckin& c) { c.pain = 0; }, ""},
                      CheckinCase{"PainTen", [](PainCheckin& c) { c.pain = 10; }, ""},
                      CheckinCase{"InnerKnee", [](PainCheckin& c) { c.region = Region::inner; }, ""},
                      CheckinCase{"FrontHip",
                                  [](PainCheckin& c) {
                                    c.site = Site::hip;
                                    c.region = Region::front;
                                  },
                                  ""},
                      CheckinCase{"OuterHip",
                                  [](PainCheckin& c) {
                                    c.site = Site::hip;
                                    c.region = Region::outer;
                                  },
                                  ""},
                      CheckinCase{"BackHip",
                                  [](PainCheckin& c) {
                                    c.site = Site::hip;
                                    c.region = Region::back;
                                  },
                                  ""},
                      CheckinCase{"HipWithoutRegion",
                                  [](PainCheckin& c) {
                                    c.site = Site::hip;
                                    c.region.reset();
                                  },
                                  ""},
                      CheckinCase{"Midnight", [](PainCheckin& c) { c.time = 0; }, ""},
                      CheckinCase{"LastMinuteOfTheDay", [](PainCheckin& c) { c.time = 24 * 60 - 1; }, ""},
                      CheckinCase{"WithoutTime", [](PainCheckin& c) { c.time.reset(); }, ""},
                      CheckinCase{"WithEverySign",
                                  [](PainCheckin& c) {
                                    for (const auto& [sign, _] : EnumNames<Sign>::table) c.set(sign);
                                  },
                                  ""},
                      CheckinCase{"NoteOfMaximumLength",
                                  [](PainCheckin& c) { c.note = std::string(kMaxNoteBytes, 'x'); }, ""}),
    case_name<CheckinCase>);

TEST(ValidatePainCheckinMessage, InnerHipErrorListsTheHipRegions) {
  PainCheckin c = a_checkin();
  c.site = Site::hip;
  c.region = Region::inner;
  const auto r = validate(c);
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("front|outer|back"));
}

TEST(ValidatePainCheckinMessage, PainErrorQuotesTheValueAndTheScale) {
  PainCheckin c = a_checkin();
  c.pain = 11;
  const auto r = validate(c);
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("11"));
  EXPECT_THAT(r.error().message, HasSubstr("0-10"));
}

TEST(ValidatePainCheckinWhere, DescribesSiteSideAndRegion) {
  // checkin.hpp: "left knee", "both hips", "right knee (outer)".
  EXPECT_EQ(where(Site::knee, Side::left), "left knee");
  EXPECT_EQ(where(Site::hip, Side::both), "both hips");
  EXPECT_EQ(where(Site::knee, Side::right, Region::outer), "right knee (outer)");
  EXPECT_EQ(where(Site::hip, Side::both, Region::front), "both hips (front)");
}

// ---------------------------------------------------------------------------
// validate(Profile)

struct ProfileCase {
  std::string_view name;
  std::function<void(Profile&)> change;
  std::string_view field;  ///< empty: valid
};
std::ostream& operator<<(std::ostream& os, const ProfileCase& c) { return os << c.name; }

class ValidateProfile : public ::testing::TestWithParam<ProfileCase> {};

TEST_P(ValidateProfile, AcceptsOrNamesTheOffendingField) {
  Profile p;
  GetParam().change(p);
  if (GetParam().field.empty()) {
    EXPECT_TRUE(accepted(validate(p)));
  } else {
    EXPECT_TRUE(rejected_on(validate(p), GetParam().field));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rejects, ValidateProfile,
    ::testing::Values(
        ProfileCase{"OneStrengthSessionPerWeek", [](Profile& p) { p.strength_per_week = 1; }, "strength_per_week"},
        ProfileCase{"FourStrengthSessionsPerWeek", [](Profile& p) { p.strength_per_week = 4; }, "strength_per_week"},
        ProfileCase{"ZeroStrengthSessionsPerWeek", [](Profile& p) { p.strength_per_week = 0; }, "strength_per_week"},
        ProfileCase{"RunAsCrossTraining", [](Profile& p) { p.cross_training.push_back(Sport::run); }, "cross"},
        ProfileCase{"StrengthAsCrossTraining", [](Profile& p) { p.cross_training = {Sport::strength}; }, "cross"},
        ProfileCase{"EmptyTimeZone", [](Profile& p) { p.time_zone.clear(); }, "tz"},
        ProfileCase{"LongRunDayNotADay", [](Profile& p) { p.long_run_day = std::chrono::weekday{8}; }, "long_run_day"}),
    case_name<ProfileCase>);

INSTANTIATE_TEST_SUITE_P(
    Accepts, ValidateProfile,
    ::testing::Values(
        ProfileCase{"Defaults", [](Profile&) {}, ""},
        ProfileCase{"TwoStrengthSessionsPerWeek", [](Profile& p) { p.strength_per_week = 2; }, ""},
        ProfileCase{"ThreeStrengthSessionsPerWeek", [](Profile& p) { p.strength_per_week = 3; }, ""},
        ProfileCase{"EveryCrossTrainingSport",
                    [](Profile& p) {
                      p.cross_training = {Sport::swim, Sport::walk, Sport::cycle, Sport::elliptical, Sport::row};
                    },
                    ""},
        ProfileCase{"NoCrossTraining", [](Profile& p) { p.cross_training.clear(); }, ""},
        ProfileCase{"NamedTimeZone", [](Profile& p) { p.time_zone = "Europe/London"; }, ""},
        // The name itself is checked against the time zone database by the service layer.
        ProfileCase{"UnknownTimeZoneNameLeftToTheServiceLayer", [](Profile& p) { p.time_zone = "Mars/Olympus"; }, ""},
        ProfileCase{"SaturdayLongRun", [](Profile& p) { p.long_run_day = std::chrono::Saturday; }, ""}),
    case_name<ProfileCase>);

TEST(ValidateProfileMessage, CrossTrainingErrorNamesTheSport) {
  Profile p;
  p.cross_training = {Sport::swim, Sport::run};
  const auto r = validate(p);
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("run"));
  EXPECT_THAT(r.error().message, HasSubstr("swim|walk|cycle|elliptical|row"));
}

// ---------------------------------------------------------------------------
// Enum name tables

/// The last enumerator of each enum: the tables must end with it.
template <class E>
struct Last;
template <>
struct Last<Sport> : std::integral_constant<Sport, Sport::other> {};
template <>
struct Last<ActivityKind> : std::integral_constant<ActivityKind, ActivityKind::strength> {};
template <>
struct Last<Site> : std::integral_constant<Site, Site::hip> {};
template <>
struct Last<Region> : std::integral_constant<Region, Region::back> {};
template <>
struct Last<Side> : std::integral_constant<Side, Side::both> {};
template <>
struct Last<Timing> : std::integral_constant<Timing, Timing::at_rest> {};
template <>
struct Last<Sign> : std::integral_constant<Sign, Sign::deformity> {};

template <class E>
class ParseEnum : public ::testing::Test {};

using Enums = ::testing::Types<Sport, ActivityKind, Site, Region, Side, Timing, Sign>;
TYPED_TEST_SUITE(ParseEnum, Enums);

TYPED_TEST(ParseEnum, RoundTripsEveryName) {
  for (const auto& [value, name] : EnumNames<TypeParam>::table) {
    EXPECT_EQ(name_of(value), name);
    EXPECT_EQ(parse_enum<TypeParam>(name), value) << name;
  }
}

TYPED_TEST(ParseEnum, ListsEveryEnumeratorOnceInDeclarationOrder) {
  const auto& table = EnumNames<TypeParam>::table;
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(table[i].first), i) << table[i].second;
  }
  EXPECT_EQ(table.back().first, Last<TypeParam>::value);
}

TYPED_TEST(ParseEnum, NamesAreDistinctLowercaseIdentifiers) {
  std::set<std::string_view> seen;
  for (const auto& [value, name] : EnumNames<TypeParam>::table) {
    EXPECT_TRUE(seen.insert(name).second) << "duplicate " << name;
    EXPECT_FALSE(name.empty());
    for (const char c : name) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << name;
  }
}

TYPED_TEST(ParseEnum, RejectsUnknownAndCaseVariantNames) {
  EXPECT_EQ(parse_enum<TypeParam>(""), std::nullopt);
  EXPECT_EQ(parse_enum<TypeParam>("no_such_name"), std::nullopt);
  std::string upper(EnumNames<TypeParam>::table.front().second);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_enum<TypeParam>(upper), std::nullopt) << upper;
}

TYPED_TEST(ParseEnum, NamesAnOutOfRangeValueWithAQuestionMark) {
  const auto past_end = static_cast<TypeParam>(EnumNames<TypeParam>::table.size());
  EXPECT_EQ(name_of(past_end), "?");
}

TYPED_TEST(ParseEnum, AllowedNamesJoinsTheTable) {
  std::string expected;
  for (const auto& [value, name] : EnumNames<TypeParam>::table) {
    if (!expected.empty()) expected += '|';
    expected += name;
  }
  EXPECT_EQ(allowed_names<TypeParam>(), expected);
  EXPECT_EQ(allowed_names<TypeParam>(", ").size(), expected.size() + EnumNames<TypeParam>::table.size() - 1);
}

TEST(ParseEnumTables, SignTableCoversTheSignBitset) {
  EXPECT_EQ(EnumNames<Sign>::table.size(), static_cast<std::size_t>(kSignCount));
}

TEST(ParseEnumTables, SpellsTheDocumentedNames) {
  EXPECT_EQ(allowed_names<Sport>(), "run|swim|walk|cycle|elliptical|row|strength|other");
  EXPECT_EQ(allowed_names<Region>(), "front|outer|inner|back");
  EXPECT_EQ(allowed_names<Timing>(), "during_run|after_run|next_morning|at_rest");
  EXPECT_EQ(name_of(Sign::fever_or_unwell), "fever_or_unwell");
}

TEST(ParseEnumTables, ClassifiesSportsIntoKinds) {
  EXPECT_EQ(kind_of(Sport::run), ActivityKind::run);
  EXPECT_EQ(kind_of(Sport::strength), ActivityKind::strength);
  for (const Sport s : {Sport::swim, Sport::walk, Sport::cycle, Sport::elliptical, Sport::row}) {
    EXPECT_EQ(kind_of(s), ActivityKind::cross) << name_of(s);
    EXPECT_TRUE(is_cross_training(s)) << name_of(s);
  }
  EXPECT_FALSE(is_cross_training(Sport::run));
  EXPECT_FALSE(is_cross_training(Sport::strength));
}

}  // namespace
}  // namespace stridecare::domain
