#include "process.hpp"

#include <array>
#include <cerrno>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stridecare::e2e {
namespace {

[[noreturn]] void fail(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

/// Writing to the stdin of a child that has already died must give EPIPE,
/// not end the test program. A handler (unlike SIG_IGN) is reset to the
/// default by exec, so children still see the usual SIGPIPE behaviour.
void survive_sigpipe() {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = [](int) {};
    sigemptyset(&action.sa_mask);
    return sigaction(SIGPIPE, &action, nullptr) == 0;
  }();
  if (!installed) fail(errno, "sigaction(SIGPIPE)");
}

struct Pipe {
  int read = -1;
  int write = -1;
};

Pipe make_pipe() {
  std::array<int, 2> fds{};
  // CLOEXEC: a child started later must not hold this child's pipes open.
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) fail(errno, "pipe2");
  return {fds[0], fds[1]};
}

void set_nonblocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) fail(errno, "fcntl(O_NONBLOCK)");
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

/// posix_spawn's attribute and file-action objects, destroyed on every path.
class SpawnSetup {
 public:
  SpawnSetup() {
    if (int rc = posix_spawn_file_actions_init(&actions_); rc != 0) fail(rc, "posix_spawn_file_actions_init");
    if (int rc = posix_spawnattr_init(&attr_); rc != 0) {
      posix_spawn_file_actions_destroy(&actions_);
      fail(rc, "posix_spawnattr_init");
    }
  }
  ~SpawnSetup() {
    posix_spawnattr_destroy(&attr_);
    posix_spawn_file_actions_destroy(&actions_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  void check(int rc, const char* what) const {
    if (rc != 0) fail(rc, what);
  }

  posix_spawn_file_actions_t* actions() { return &actions_; }
  posix_spawnattr_t* attr() { return &attr_; }

 private:
  posix_spawn_file_actions_t actions_{};
  posix_spawnattr_t attr_{};
};

/// Reads what `fd` has now into `sink`; closes `fd` at end of file.
void drain(int& fd, std::string& sink) {
  std::array<char, 65536> buffer{};
  while (fd >= 0) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      sink.append(buffer.data(), static_cast<std::size_t>(n));
    } else if (n == 0) {
      close_fd(fd);
    } else if (errno == EINTR) {
      continue;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      return;
    } else {
      fail(errno, "read from a child's pipe");
    }
  }
}

std::string shown(const std::string& text) {
  constexpr std::size_t kMax = 4000;
  if (text.size() <= kMax) return text;
  return text.substr(0, kMax) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  os << "\n  command:";
  for (const auto& a : o.argv) os << " '" << a << "'";
  if (o.timed_out) os << "\n  TIMED OUT";
  if (o.exited()) {
    os << "\n  exit code: " << o.exit_code;
  } else {
    os << "\n  killed by signal " << o.signal;
  }
  os << "\n  stdout: [" << shown(o.out) << "]\n  stderr: [" << shown(o.err) << "]\n";
  return os;
}

void PrintTo(const Outcome& o, std::ostream* os) { *os << o; }

Process Process::start(const Command& command) {
  survive_sigpipe();
  Process p;
  p.argv_.push_back(command.program.string());
  p.argv_.insert(p.argv_.end(), command.args.begin(), command.args.end());

  // posix_spawn takes char* const[]; these copies outlive the call.
  std::vector<std::string> argv_text = p.argv_;
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text;
  for (const auto& [name, value] : command.env) env_text.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  Pipe in;
  int child_stdin = -1;
  if (command.stdin_text) {
    in = make_pipe();
    child_stdin = in.read;
  } else {
    child_stdin = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (child_stdin < 0) fail(errno, "open /dev/null");
  }
  Pipe out = make_pipe();
  Pipe err = make_pipe();

  int rc = 0;
  {
    SpawnSetup setup;
    setup.check(posix_spawn_file_actions_adddup2(setup.actions(), child_stdin, STDIN_FILENO), "adddup2 stdin");
    setup.check(posix_spawn_file_actions_adddup2(setup.actions(), out.write, STDOUT_FILENO), "adddup2 stdout");
    setup.check(posix_spawn_file_actions_adddup2(setup.actions(), err.write, STDERR_FILENO), "adddup2 stderr");
    if (!command.cwd.empty()) {
      setup.check(posix_spawn_file_actions_addchdir_np(setup.actions(), command.cwd.c_str()), "addchdir");
    }
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    setup.check(posix_spawnattr_setsigdefault(setup.attr(), &defaults), "setsigdefault");
    sigset_t none;
    sigemptyset(&none);
    setup.check(posix_spawnattr_setsigmask(setup.attr(), &none), "setsigmask");
    setup.check(
        posix_spawnattr_setflags(setup.attr(), static_cast<short>(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)),
        "setflags");
    rc = posix_spawn(&p.pid_, argv[0], setup.actions(), setup.attr(), argv.data(), envp.data());
  }
  p.started_ = std::chrono::steady_clock::now();
  // The child's ends belong to the child now.
  close_fd(child_stdin);
  close_fd(out.write);
  close_fd(err.write);
  p.stdin_fd_ = in.write;
  p.stdout_fd_ = out.read;
  p.stderr_fd_ = err.read;
  if (rc != 0) {
    p.pid_ = -1;
    p.close_fds();
    fail(rc, "posix_spawn " + command.program.string());
  }
  for (int fd : {p.stdin_fd_, p.stdout_fd_, p.stderr_fd_}) {
    if (fd >= 0) set_nonblocking(fd);
  }
  if (command.stdin_text) p.stdin_text_ = *command.stdin_text;
  return p;
}

Process::Process(Process&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      stdin_fd_(std::exchange(other.stdin_fd_, -1)),
      stdout_fd_(std::exchange(other.stdout_fd_, -1)),
      stderr_fd_(std::exchange(other.stderr_fd_, -1)),
      stdin_text_(std::move(other.stdin_text_)),
      argv_(std::move(other.argv_)),
      started_(other.started_) {}

Process& Process::operator=(Process&& other) noexcept {
  if (this != &other) {
    Process old(std::move(*this));
    pid_ = std::exchange(other.pid_, -1);
    stdin_fd_ = std::exchange(other.stdin_fd_, -1);
    stdout_fd_ = std::exchange(other.stdout_fd_, -1);
    stderr_fd_ = std::exchange(other.stderr_fd_, -1);
    stdin_text_ = std::move(other.stdin_text_);
    argv_ = std::move(other.argv_);
    started_ = other.started_;
  }
  return *this;
}

Process::~Process() {
  close_fds();
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

void Process::close_fds() {
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  close_fd(stderr_fd_);
}

void Process::kill(int signal) const {
  if (pid_ > 0) ::kill(pid_, signal);
}

Outcome Process::wait(std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  Outcome o;
  o.argv = argv_;
  const auto deadline = Clock::now() + timeout;
  std::size_t written = 0;
  if (stdin_text_.empty()) close_fd(stdin_fd_);
  while (stdin_fd_ >= 0 || stdout_fd_ >= 0 || stderr_fd_ >= 0) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      kill(SIGKILL);
      o.timed_out = true;
      break;
    }
    std::vector<pollfd> fds;
    if (stdin_fd_ >= 0) fds.push_back({stdin_fd_, POLLOUT, 0});
    if (stdout_fd_ >= 0) fds.push_back({stdout_fd_, POLLIN, 0});
    if (stderr_fd_ >= 0) fds.push_back({stderr_fd_, POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      fail(errno, "poll");
    }
    for (const auto& f : fds) {
      if (f.revents == 0) continue;
      if (f.fd == stdin_fd_) {
        const ssize_t n = ::write(stdin_fd_, stdin_text_.data() + written, stdin_text_.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        // EPIPE: the child stopped reading; the rest of its input does not matter.
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == stdin_text_.size()) close_fd(stdin_fd_);
      } else if (f.fd == stdout_fd_) {
        drain(stdout_fd_, o.out);
      } else if (f.fd == stderr_fd_) {
        drain(stderr_fd_, o.err);
      }
    }
  }
  close_fds();
  int status = 0;
  struct rusage usage {};
  while (::wait4(pid_, &status, 0, &usage) < 0) {
    if (errno != EINTR) fail(errno, "wait4");
  }
  pid_ = -1;
  o.peak_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) {
    o.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    o.signal = WTERMSIG(status);
  }
  o.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started_);
  return o;
}

Outcome run(const Command& command, std::chrono::milliseconds timeout) { return Process::start(command).wait(timeout); }

}  // namespace stridecare::e2e
