#include "server/server.hpp"

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <pthread.h>

#include "server/api.hpp"
#include "server/pages.hpp"
#include "server/web_assets.hpp"

namespace stridecare::server {
namespace {

/// SIGINT and SIGTERM (and SIGUSR1, to wake it), blocked in the calling thread (and so in every thread it starts) and
/// waited for by one thread of their own, which stops the server: a signal handler could not safely stop it.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& http) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGUSR1);  // only to wake the waiter when the server stopped otherwise
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    waiter_ = std::thread([this, &http] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (!done_) http.stop();
    });
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  ~StopOnSignal() {
    done_ = true;
    pthread_kill(waiter_.native_handle(), SIGUSR1);  // wakes the waiter when no signal came
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

constexpr std::size_t kConnectionThreads = 96;
constexpr std::size_t kRequestsPerConnection = 100000;

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

}  // namespace

domain::Expected<void> serve(services::Session& session, const ServeOptions& options,
                             const std::function<void(const std::string& url)>& listening,
                             const std::function<void(const std::string& line)>& log) {
  httplib::Server http;
  // A thread per open connection: a dashboard's browser keeps several alive, and a benchmark 64.
  http.new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
  // A small answer goes out at once: with Nagle's algorithm its body waited for the headers' ACK, which the
  // client delays by 40 ms.
  http.set_tcp_nodelay(true);
  // A browser or a benchmark keeps its connections: httplib's default closes one after 5 requests, and 64
  // clients reconnecting overflow its listen backlog of 5, so a new connection waits a second for SYN to be
  // sent again.
  http.set_keep_alive_max_count(kRequestsPerConnection);
  std::mutex store_mutex;
  StopOnSignal stop(http);
  const int port = options.port == 0 ? http.bind_to_any_port(options.host)
                                     : (http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    return domain::fail(
        domain::ErrorKind::io, "port",
        fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", options.host, options.port));
  }
  ApiOptions api{.max_body_bytes = options.max_body_bytes, .own_hosts = {}, .today = options.today};
  for (const std::string& name : {options.host, std::string("localhost"), std::string("127.0.0.1")}) {
    api.own_hosts.push_back(fmt::format("{}:{}", url_host(name), port));
  }
  add_api(http, session, store_mutex, api);
  add_pages(http, web_assets());
  http.set_logger([&log](const httplib::Request& req, const httplib::Response& res) {
    log(fmt::format("{} {} {}", req.method, req.path, res.status));
  });
  listening(fmt::format("http://{}:{}", url_host(options.host), port));
  http.listen_after_bind();
  return {};
}

}  // namespace stridecare::server
