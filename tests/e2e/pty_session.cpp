#include "pty_session.hpp"

#include <csignal>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stridecare::e2e {

PtySession::PtySession(const Command& c, int rows, int cols) {
  winsize ws{};
  ws.ws_row = static_cast<unsigned short>(rows);
  ws.ws_col = static_cast<unsigned short>(cols);
  std::vector<std::string> strings{c.program.string()};
  strings.insert(strings.end(), c.args.begin(), c.args.end());
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : c.env) env_strings.push_back(k + "=" + v);
  // Built before the fork: the child only calls async-signal-safe functions.
  std::vector<char*> argv;
  for (auto& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
  if (pid_ == 0) {
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  if (pid_ < 0) ADD_FAILURE() << "forkpty failed";
}

PtySession::~PtySession() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
  }
  if (fd_ >= 0) close(fd_);
}

void PtySession::type(std::string_view keys) {
  if (fd_ < 0) return;
  ASSERT_EQ(write(fd_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
}

void PtySession::resize(int rows, int cols) {
  winsize ws{};
  ws.ws_row = static_cast<unsigned short>(rows);
  ws.ws_col = static_cast<unsigned short>(cols);
  ioctl(fd_, TIOCSWINSZ, &ws);  // the kernel sends SIGWINCH to the terminal's foreground process group
}

void PtySession::read_some(int timeout_ms) {
  pollfd pfd{fd_, POLLIN, 0};
  if (poll(&pfd, 1, timeout_ms) <= 0) return;
  char buf[4096];
  const ssize_t n = read(fd_, buf, sizeof buf);
  if (n > 0) out_.append(buf, static_cast<std::size_t>(n));
}

bool PtySession::wait_for(std::string_view text, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (out_.find(text) == std::string::npos) {
    if (std::chrono::steady_clock::now() > end) return false;
    read_some(20);
  }
  return true;
}

std::string PtySession::screen() const {
  const auto at = out_.rfind("\x1b[2J");
  return at == std::string::npos ? out_ : out_.substr(at);
}

int PtySession::wait_exit(std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!exited_) {
    read_some(20);
    const pid_t r = waitpid(pid_, &status_, WNOHANG);
    if (r == pid_) exited_ = true;
    if (!exited_ && std::chrono::steady_clock::now() > end) return -1;
  }
  for (int i = 0; i < 5; ++i) read_some(10);  // what was still in the terminal's buffer
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

}  // namespace stridecare::e2e
