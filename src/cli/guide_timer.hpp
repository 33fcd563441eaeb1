#pragma once
/// The guided timer of `stridecare guide`: walks the runner through a routine
/// step by step.
///
/// On a terminal: a full-screen view (ANSI escapes, termios raw input) with
/// the current exercise and side, a large countdown or rep target, the next
/// exercise and the progress; space pauses and resumes, `n` skips, `b` goes
/// back, `q` quits; a bell at each change; redrawn when the terminal is
/// resized. Otherwise: one plain line per step, timed the same way.

#include <cstdio>

#include "services/routines.hpp"

namespace stridecare::cli {

struct GuideOptions {
  /// Routine seconds per real second (tests run the clock fast); >= 1.
  double speed = 1;
};

/// How far the runner got.
struct GuideProgress {
  int steps_done = 0;     ///< distinct steps finished: timed out or skipped
  int steps_skipped = 0;  ///< of steps_done, skipped with `n`
  double seconds = 0;     ///< routine time spent, s, pauses excluded
  bool quit = false;      ///< `q` (or Ctrl-C) before the end
};

/// The full-screen view on the terminal `in_fd`/`out_fd`.
/// REQUIRES: both are terminals; `r` has at least one step.
GuideProgress guide_on_terminal(const planner::Routine& r, const GuideOptions& options, int in_fd, int out_fd);

/// One line per step on `out`, each step timed in full.
GuideProgress guide_plain(const planner::Routine& r, const GuideOptions& options, std::FILE* out);

}  // namespace stridecare::cli
