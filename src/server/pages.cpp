#include "server/pages.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <string>

#include <httplib.h>

namespace stridecare::server {
namespace {

constexpr int kPageOk = 200;
constexpr int kPageNotFound = 404;

constexpr std::array<std::string_view, 9> kPages = {
    "/", "/checkin", "/log", "/load", "/plan", "/import", "/routine/warmup", "/routine/cooldown", "/routine/strength"};

/// Only this server, for everything: the dashboard fetches its own API and loads its own files. Styles set
/// from scripts (the charts', the countdown's) are not inline style sheets and need no exception.
constexpr std::string_view kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::string_view content_type(std::string_view path) {
  static const std::array<std::pair<std::string_view, std::string_view>, 9> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (path.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

void secure(httplib::Response& res) {
  res.set_header("Content-Security-Policy", std::string(kPolicy));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

void send_asset(httplib::Response& res, const WebAsset& a, bool immutable) {
  res.status = kPageOk;
  secure(res);
  // Built names carry a hash of their content: a new build is a new name.
  res.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_content_provider(a.bytes.size(), std::string(content_type(a.path)),
                           [bytes = a.bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(bytes.data() + offset, length);
                           });
}

void send_html(httplib::Response& res, int status, const std::string& title, const std::string& body) {
  res.status = status;
  secure(res);
  res.set_header("Cache-Control", "no-cache");
  res.set_content(
      "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>" +
          title + " - stridecare</title><h1>" + title + "</h1>" + body + "</html>",
      "text/html; charset=utf-8");
}

}  // namespace

std::span<const std::string_view> page_paths() { return kPages; }

void add_pages(httplib::Server& http, std::span<const WebAsset> assets) {
  auto by_path = std::make_shared<std::map<std::string, WebAsset, std::less<>>>();
  for (const WebAsset& a : assets) by_path->emplace(std::string(a.path), a);
  // Every GET but the API's: a built file by its exact name, a page, or nothing.
  http.Get(R"(/(?!api/).*)", [by_path](const httplib::Request& req, httplib::Response& res) {
    if (const auto it = by_path->find(req.path); it != by_path->end()) {
      send_asset(res, it->second, req.path.starts_with("/assets/"));
      return;
    }
    if (std::find(kPages.begin(), kPages.end(), req.path) == kPages.end()) {
      send_html(res, kPageNotFound, "Not found",
                "<p>There is no page at this address. <a href=\"/\">Today</a> is the dashboard's first page.</p>");
      return;
    }
    if (const auto index = by_path->find("/index.html"); index != by_path->end()) {
      send_asset(res, index->second, false);
      return;
    }
    send_html(
        res, kPageOk, "stridecare",
        "<p>This stridecare was built without its web dashboard (cmake -DSTRIDECARE_WEB=OFF, or no npm). "
        "The JSON API answers: its routes are listed at <a href=\"/api/openapi.json\">/api/openapi.json</a>.</p>");
  });
}

}  // namespace stridecare::server
