#include "cli/guide_timer.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace stridecare::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Set by signal handlers, read by the loop (lock-free atomics are
// async-signal-safe).
std::atomic<bool> g_resized{false};
std::atomic<bool> g_interrupted{false};

extern "C" void on_winch(int /*signal*/) { g_resized = true; }
extern "C" void on_interrupt(int /*signal*/) { g_interrupted = true; }

/// Installs `handler` for `sig` without SA_RESTART (so poll wakes up), and
/// puts the old one back when destroyed.
class SignalGuard {
 public:
  SignalGuard(int sig, void (*handler)(int)) : sig_(sig) {
    struct sigaction sa {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(sig_, &sa, &old_);
  }
  ~SignalGuard() { sigaction(sig_, &old_, nullptr); }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  int sig_;
  struct sigaction old_ {};
};

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the terminal is gone: nothing more to show
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// Raw keys, no echo, the alternate screen and a hidden cursor; all undone
/// when destroyed, whatever ended the routine.
class RawTerminal {
 public:
  RawTerminal(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {
    ok_ = tcgetattr(in_, &saved_) == 0;
    if (ok_) {
      termios raw = saved_;
      raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);  // ISIG stays: Ctrl-C quits and saves
      raw.c_cc[VMIN] = 0;
      raw.c_cc[VTIME] = 0;
      tcsetattr(in_, TCSANOW, &raw);
    }
    write_all(out_, "\x1b[?1049h\x1b[?25l");
  }
  ~RawTerminal() {
    write_all(out_, "\x1b[?25h\x1b[?1049l");
    if (ok_) tcsetattr(in_, TCSANOW, &saved_);
  }
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

 private:
  int in_;
  int out_;
  bool ok_ = false;
  termios saved_{};
};

/// Rows of a 3 x 5 block font for the countdown; ' ' is an empty cell.
constexpr int kGlyphRows = 5;
const std::array<std::string_view, kGlyphRows>& glyph(char c) {
  static const std::array<std::array<std::string_view, kGlyphRows>, 11> font{{
      {"###", "# #", "# #", "# #", "###"},  // 0
      {"  #", "  #", "  #", "  #", "  #"},  // 1
      {"###", "  #", "###", "#  ", "###"},  // 2
      {"###", "  #", "###", "  #", "###"},  // 3
      {"# #", "# #", "###", "  #", "  #"},  // 4
      {"###", "#  ", "###", "  #", "###"},  // 5
      {"###", "#  ", "###", "# #", "###"},  // 6
      {"###", "  #", "  #", "  #", "  #"},  // 7
      {"###", "# #", "###", "# #", "###"},  // 8
      {"###", "# #", "###", "  #", "###"},  // 9
      {" ", "#", " ", "#", " "},            // :
  }};
  return font[c == ':' ? 10 : static_cast<std::size_t>(c - '0')];
}

/// `text` (digits and ':') in the block font, each cell two columns wide.
std::vector<std::string> big(std::string_view text) {
  std::vector<std::string> rows(kGlyphRows);
  for (char c : text) {
    for (int r = 0; r < kGlyphRows; ++r) {
      for (char cell : glyph(c)[static_cast<std::size_t>(r)]) {
        rows[static_cast<std::size_t>(r)] += cell == '#' ? "\u2588\u2588" : "  ";
      }
      rows[static_cast<std::size_t>(r)] += "  ";
    }
  }
  return rows;
}

/// Display width of `big(text)`.
int big_width(std::string_view text) {
  int w = 0;
  for (char c : text) w += 2 * static_cast<int>(glyph(c)[0].size()) + 2;
  return w;
}

std::string side_text(domain::Side side) {
  switch (side) {
    case domain::Side::left:
      return "left side";
    case domain::Side::right:
      return "right side";
    case domain::Side::both:
      return "both sides";
  }
  return "";
}

std::string step_title(const planner::RoutineStep& s) {
  return s.side == domain::Side::both ? s.name : fmt::format("{} ({})", s.name, domain::name_of(s.side));
}

std::string routine_title(domain::RoutineKind k) {
  switch (k) {
    case domain::RoutineKind::warmup:
      return "Warm-up";
    case domain::RoutineKind::cooldown:
      return "Cool-down";
    case domain::RoutineKind::strength:
      return "Strength";
  }
  return "";
}

std::string clock_text(double seconds) {
  const int s = static_cast<int>(std::ceil(std::max(0.0, seconds)));
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

/// Where the routine is: the step, what is left of it, and what is done.
class Walk {
 public:
  explicit Walk(const planner::Routine& r)
      : r_(r), done_(r.steps.size(), false), skipped_(r.steps.size(), false), left_(step().duration_s) {}

  const planner::RoutineStep& step() const { return r_.steps[index_]; }
  const planner::RoutineStep* next() const { return index_ + 1 < r_.steps.size() ? &r_.steps[index_ + 1] : nullptr; }
  std::size_t index() const { return index_; }
  double left() const { return left_; }
  bool finished() const { return finished_; }

  /// Advances routine time; true when the step changed.
  bool tick(double routine_seconds) {
    spent_ += routine_seconds;
    left_ -= routine_seconds;
    if (left_ > 0) return false;
    done_[index_] = true;
    skipped_[index_] = false;
    return advance();
  }
  bool skip() {
    done_[index_] = true;
    skipped_[index_] = true;
    return advance();
  }
  bool back() {
    if (index_ == 0) {
      left_ = step().duration_s;
      return false;
    }
    --index_;
    left_ = step().duration_s;
    return true;
  }

  GuideProgress progress(bool quit) const {
    GuideProgress p;
    p.steps_done = static_cast<int>(std::count(done_.begin(), done_.end(), true));
    for (std::size_t i = 0; i < done_.size(); ++i) p.steps_skipped += done_[i] && skipped_[i] ? 1 : 0;
    p.seconds = spent_;
    p.quit = quit;
    return p;
  }

 private:
  bool advance() {
    if (index_ + 1 >= r_.steps.size()) {
      finished_ = true;
      return true;
    }
    ++index_;
    left_ = step().duration_s;
    return true;
  }

  const planner::Routine& r_;
  std::vector<bool> done_;
  std::vector<bool> skipped_;
  std::size_t index_ = 0;
  double left_ = 0;
  double spent_ = 0;
  bool finished_ = false;
};

struct Size {
  int rows = 24;
  int cols = 80;
};

Size terminal_size(int fd) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) return {ws.ws_row, ws.ws_col};
  return {};
}

/// One frame of the full-screen view, fitted to `size`.
std::string frame(const planner::Routine& r, const Walk& w, bool paused, Size size) {
  const auto& s = w.step();
  std::vector<std::string> lines;
  lines.push_back(fmt::format("stridecare  {}  step {} of {}", routine_title(r.kind), w.index() + 1, r.steps.size()));
  lines.emplace_back();
  lines.push_back(fmt::format("\x1b[1m{}\x1b[0m", s.name));
  lines.push_back(side_text(s.side) + (s.round > 0 ? fmt::format("  (round {})", s.round) : ""));
  lines.emplace_back();
  const std::string count = s.reps ? std::to_string(*s.reps) : clock_text(w.left());
  if (big_width(count) + 8 <= size.cols && size.rows >= 16) {
    for (auto& row : big(count)) lines.push_back("  " + row);
    lines.push_back(s.reps ? fmt::format("  reps   ({} left)", clock_text(w.left())) : "");
  } else {
    lines.push_back(s.reps ? fmt::format("{} reps ({} left)", *s.reps, clock_text(w.left())) : count);
  }
  lines.emplace_back();
  lines.push_back(w.next() ? "Next: " + step_title(*w.next()) : "Next: done");
  const int bar = std::max(10, std::min(40, size.cols - 12));
  const auto filled = static_cast<int>(w.index() * static_cast<std::size_t>(bar) / r.steps.size());
  std::string progress = "[";
  for (int i = 0; i < bar; ++i) progress += i < filled ? "=" : ".";
  lines.push_back(progress + fmt::format("] {}/{}", w.index(), r.steps.size()));
  lines.push_back(paused ? "\x1b[7m PAUSED \x1b[0m  space resumes" : "");
  lines.push_back("space pause   n skip   b back   q quit");

  std::string out = "\x1b[H\x1b[2J";
  const auto rows = static_cast<std::size_t>(std::max(1, size.rows));
  for (std::size_t i = 0; i < lines.size() && i < rows; ++i) {
    out += lines[i];
    if (i + 1 < lines.size() && i + 1 < rows) out += "\r\n";
  }
  return out;
}

}  // namespace

GuideProgress guide_on_terminal(const planner::Routine& r, const GuideOptions& options, int in_fd, int out_fd) {
  g_resized = false;
  g_interrupted = false;
  const SignalGuard winch(SIGWINCH, on_winch);
  const SignalGuard interrupt(SIGINT, on_interrupt);
  const SignalGuard terminate(SIGTERM, on_interrupt);
  const RawTerminal raw(in_fd, out_fd);

  Walk w(r);
  Size size = terminal_size(out_fd);
  bool paused = false;
  bool quit = false;
  bool dirty = true;
  int shown_second = -1;
  auto last = Clock::now();
  write_all(out_fd, "\a");
  while (!w.finished() && !quit) {
    if (g_resized.exchange(false)) {
      size = terminal_size(out_fd);
      dirty = true;
    }
    const int second = static_cast<int>(std::ceil(w.left()));
    if (dirty || second != shown_second) {
      write_all(out_fd, frame(r, w, paused, size));
      shown_second = second;
      dirty = false;
    }
    // Wake for the next displayed second, a key or a signal.
    const double to_next_second = w.left() - std::floor(std::max(0.0, w.left() - 1e-9));
    const int timeout_ms =
        paused ? 250 : std::clamp(static_cast<int>(to_next_second / options.speed * 1000) + 1, 1, 250);
    pollfd pfd{in_fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, timeout_ms);
    const auto now = Clock::now();
    const double real = std::chrono::duration<double>(now - last).count();
    last = now;
    if (g_interrupted) quit = true;
    if (!paused && !quit && w.tick(real * options.speed)) {
      write_all(out_fd, "\a");
      dirty = true;
    }
    if (ready > 0 && (pfd.revents & POLLIN) != 0) {
      std::array<char, 64> keys{};
      const ssize_t n = ::read(in_fd, keys.data(), keys.size());
      for (ssize_t i = 0; i < n && !quit && !w.finished(); ++i) {
        switch (keys[static_cast<std::size_t>(i)]) {
          case ' ':
            paused = !paused;
            dirty = true;
            break;
          case 'n':
          case 'N':
            if (w.skip()) write_all(out_fd, "\a");
            dirty = true;
            break;
          case 'b':
          case 'B':
            if (w.back()) write_all(out_fd, "\a");
            dirty = true;
            break;
          case 'q':
          case 'Q':
            quit = true;
            break;
          default:
            break;  // other keys (arrows arrive as escape sequences) do nothing
        }
      }
    } else if (ready > 0 && (pfd.revents & (POLLHUP | POLLERR)) != 0) {
      quit = true;  // the terminal went away: keep what was done
    }
  }
  return w.progress(quit && !w.finished());
}

GuideProgress guide_plain(const planner::Routine& r, const GuideOptions& options, std::FILE* out) {
  g_interrupted = false;
  const SignalGuard interrupt(SIGINT, on_interrupt);
  const SignalGuard terminate(SIGTERM, on_interrupt);
  Walk w(r);
  std::size_t shown = r.steps.size();
  while (!w.finished() && !g_interrupted) {
    if (w.index() != shown) {
      const auto& s = w.step();
      const std::string dose = s.reps ? fmt::format("{} reps", *s.reps) : fmt::format("{} s", s.duration_s);
      fmt::print(out, "[{}/{}] {}: {}\n", w.index() + 1, r.steps.size(), step_title(s), dose);
      std::fflush(out);
      shown = w.index();
    }
    // Sleep in slices, so Ctrl-C stops within a fraction of a second.
    constexpr double kSliceS = 0.1;
    const double slice = std::min(kSliceS, std::max(w.left(), 0.0) / options.speed + 1e-4);
    const auto start = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(slice));
    w.tick(std::chrono::duration<double>(Clock::now() - start).count() * options.speed);
  }
  return w.progress(!w.finished());
}

}  // namespace stridecare::cli
