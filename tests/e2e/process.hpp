#pragma once
/// Running a program from the end-to-end tests: argv without a shell, an
/// explicit environment (nothing is inherited), optional stdin, and the exit
/// status and both output streams captured. `Process::start` returns at once,
/// so a test can run several programs side by side or kill one mid-flight.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <sys/types.h>

namespace stridecare::e2e {

/// The child's whole environment, NAME -> value.
using Environment = std::map<std::string, std::string>;

struct Command {
  std::filesystem::path program;
  std::vector<std::string> args;  ///< argv[1..]; argv[0] is `program`
  Environment env;
  std::optional<std::string> stdin_text;  ///< nullopt: stdin is /dev/null
  std::filesystem::path cwd;              ///< empty: the test's own
};

/// How a process ended and what it wrote.
struct Outcome {
  std::vector<std::string> argv;  ///< for messages
  int exit_code = -1;             ///< -1 when a signal ended it
  int signal = 0;                 ///< the signal that ended it; 0 when it exited
  bool timed_out = false;         ///< killed by `wait` after its deadline
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
  long peak_rss_kb = 0;  ///< the process's peak resident memory (getrusage's ru_maxrss)

  bool exited() const { return signal == 0; }
};

/// `argv`, exit status, stdout and stderr: what a failed expectation should show.
std::ostream& operator<<(std::ostream& os, const Outcome& o);
void PrintTo(const Outcome& o, std::ostream* os);

/// A started child whose stdout and stderr go to pipes. The destructor kills
/// (SIGKILL) and reaps a child that was not waited for.
class Process {
 public:
  /// Starts `command`; throws std::system_error when it cannot be started.
  static Process start(const Command& command);

  Process(Process&& other) noexcept;
  Process& operator=(Process&& other) noexcept;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();

  pid_t pid() const { return pid_; }

  /// Sends `signal` to the child (nothing once it has been reaped).
  void kill(int signal) const;

  /// Feeds stdin, reads stdout and stderr to their end, and reaps the child.
  /// A child still running after `timeout` is killed and `timed_out` is set.
  Outcome wait(std::chrono::milliseconds timeout = std::chrono::seconds(60));

 private:
  Process() = default;
  void close_fds();

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  std::string stdin_text_;
  std::vector<std::string> argv_;
  std::chrono::steady_clock::time_point started_;
};

/// Starts `command` and waits for it.
Outcome run(const Command& command, std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace stridecare::e2e
