#pragma once
/// Runs a program in a real pseudo-terminal (forkpty), so a test can type keys,
/// resize the window and read what the program drew.

#include <chrono>
#include <string>
#include <string_view>

#include "process.hpp"

namespace stridecare::e2e {

class PtySession {
 public:
  /// Starts `c.program` with `c.args` and `c.env` (only), in a `rows` x `cols` terminal.
  PtySession(const Command& c, int rows, int cols);
  ~PtySession();
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  void type(std::string_view keys);
  /// Resizes the terminal; the kernel tells the program (SIGWINCH).
  void resize(int rows, int cols);
  /// Reads output until `text` has appeared in what was read since the last
  /// clear(), or `timeout` passes; true when it appeared.
  bool wait_for(std::string_view text, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  /// Everything read since the last clear().
  const std::string& output() const { return out_; }
  void clear() { out_.clear(); }
  /// What the last full redraw put on the screen (after the last clear-screen escape).
  std::string screen() const;
  /// Waits for the program to end (reading its output meanwhile); its exit code, or -1 on timeout or signal.
  int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(20));

 private:
  void read_some(int timeout_ms);

  int fd_ = -1;
  int pid_ = -1;
  bool exited_ = false;
  int status_ = 0;
  std::string out_;
};

}  // namespace stridecare::e2e
