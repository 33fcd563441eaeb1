// `stridecare guide`: the guided timer in a real pseudo-terminal with a fast
// clock (STRIDECARE_GUIDE_SPEED), driven with keys; and plain lines when the
// output is not a terminal. What the runner did is checked in the export.

#include <algorithm>
#include <string>
#include <thread>

#include "e2e_support.hpp"
#include "pty_session.hpp"

namespace stridecare::e2e {
namespace {

using namespace std::chrono_literals;

class E2eGuide : public E2eTest {
 protected:
  void SetUp() override { sc_ok({"profile", "--tz", "Europe/London", "--gym", "yes"}); }

  /// The steps `guide ROUTINE` will walk through (its dry run).
  Json steps(const std::string& routine) { return sc_json({"guide", routine, "--dry-run", "--json"})["steps"]; }

  Command guide(const std::string& routine, const std::string& speed) const {
    Environment e = env();
    e["STRIDECARE_GUIDE_SPEED"] = speed;
    e["TERM"] = "xterm";
    return command({"guide", routine}, e);
  }

  Json routines() { return sc_json({"export", "--format", "json"})["routines"]; }
};

TEST_F(E2eGuide, KeysPauseSkipGoBackAndQuitAndTheProgressIsRecorded) {
  const Json planned = steps("cooldown");
  ASSERT_GE(planned.size(), 3u);
  const std::string first = planned[0]["name"];
  // 30 s holds at 20x: 1.5 s a step.
  PtySession t(guide("cooldown", "20"), 30, 100);
  ASSERT_TRUE(t.wait_for("step 1 of " + std::to_string(planned.size()))) << t.output();
  ASSERT_TRUE(t.wait_for("space pause")) << t.output();
  EXPECT_NE(t.screen().find(first), std::string::npos) << t.screen();
  EXPECT_NE(t.screen().find("left side"), std::string::npos) << t.screen();
  EXPECT_NE(t.screen().find("Next: " + std::string(planned[1]["name"]) + " (right)"), std::string::npos) << t.screen();
  EXPECT_NE(t.output().find('\a'), std::string::npos) << "a bell when the routine starts";

  t.clear();
  t.type("n");  // skip
  ASSERT_TRUE(t.wait_for("step 2 of")) << t.output();
  EXPECT_NE(t.output().find('\a'), std::string::npos) << "a bell at each change";

  t.type(" ");  // pause
  ASSERT_TRUE(t.wait_for("PAUSED")) << t.output();
  t.clear();
  std::this_thread::sleep_for(2500ms);  // longer than the step would last
  t.wait_for("never shown", 100ms);
  EXPECT_EQ(t.output().find("step 3 of"), std::string::npos) << "paused: the step must not end";

  t.type(" ");  // resume
  t.type("b");  // back to the first step
  ASSERT_TRUE(t.wait_for("step 1 of")) << t.output();
  t.type("q");
  ASSERT_EQ(t.wait_exit(), 0) << t.output();
  EXPECT_NE(t.output().find("stopped"), std::string::npos) << t.output();
  EXPECT_NE(t.output().find("Recorded"), std::string::npos) << t.output();

  const Json recorded = routines();
  ASSERT_EQ(recorded.size(), 1u) << recorded.dump();
  EXPECT_EQ(recorded[0]["routine"], "cooldown");
  EXPECT_EQ(recorded[0]["steps_total"], planned.size());
  EXPECT_GE(recorded[0]["steps_done"].get<int>(), 1);  // the skipped first step
  EXPECT_GE(recorded[0]["steps_skipped"].get<int>(), 1);
  EXPECT_FALSE(recorded[0]["completed"].get<bool>());
}

TEST_F(E2eGuide, RedrawsForTheNewSizeWhenTheTerminalIsResized) {
  PtySession t(guide("cooldown", "1"), 30, 100);
  const std::string wide_bar = "[" + std::string(40, '.') + "]";
  ASSERT_TRUE(t.wait_for(wide_bar)) << t.output();
  t.clear();
  t.resize(12, 30);
  const std::string narrow_bar = "[" + std::string(18, '.') + "]";  // 30 columns less 12 for the count
  ASSERT_TRUE(t.wait_for(narrow_bar)) << t.output();
  // 12 rows leave no room for the large digits: the countdown is plain text.
  EXPECT_EQ(t.screen().find("\u2588"), std::string::npos) << t.screen();
  t.type("q");
  EXPECT_EQ(t.wait_exit(), 0);
}

TEST_F(E2eGuide, ARoutineRunToTheEndIsRecordedComplete) {
  const Json planned = steps("warmup");
  PtySession t(guide("warmup", "2000"), 30, 100);
  ASSERT_EQ(t.wait_exit(), 0) << t.output();
  EXPECT_NE(t.output().find("done"), std::string::npos) << t.output();
  const Json recorded = routines();
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0]["steps_done"], planned.size());
  EXPECT_EQ(recorded[0]["steps_skipped"], 0);
  EXPECT_TRUE(recorded[0]["completed"].get<bool>());
  EXPECT_FALSE(recorded[0]["time"].is_null()) << "the local time it started";
}

TEST_F(E2eGuide, NotATerminalPrintsOnePlainLinePerStep) {
  const Json planned = steps("strength");
  Environment e = env();
  e["STRIDECARE_GUIDE_SPEED"] = "100000";
  const Outcome o = sc({"guide", "strength"}, e);
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto lines = lines_of(o.out);
  ASSERT_EQ(lines.size(), planned.size() + 1) << o.out;
  EXPECT_EQ(lines[0].rfind("[1/" + std::to_string(planned.size()) + "] ", 0), 0u) << lines[0];
  EXPECT_NE(lines.back().find("done"), std::string::npos) << lines.back();
  EXPECT_EQ(o.out.find('\x1b'), std::string::npos) << "no escape sequences off a terminal";
  EXPECT_EQ(routines().size(), 1u);
}

TEST_F(E2eGuide, ABadClockSpeedIsAUsageError) {
  Environment e = env();
  e["STRIDECARE_GUIDE_SPEED"] = "fast";
  const Outcome o = sc({"guide", "warmup"}, e);
  expect_one_line_failure(o, 2, {"STRIDECARE_GUIDE_SPEED", "fast"});
}

}  // namespace
}  // namespace stridecare::e2e
