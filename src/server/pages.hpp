#pragma once
/// The dashboard's pages (../shared/spec/api.md, "Pages"): `/` and `/checkin`, `/log`, `/load`, `/plan`, `/import`,
/// `/routine/{warmup,cooldown,strength}` answer the one page of the app (index.html), which draws the page its
/// address names; `/assets/...` answer the built scripts and styles. Nothing is read from the disk: a path is
/// looked up among the files compiled in (web_assets.hpp), so no path can reach another file.

#include <span>

#include "server/web_assets.hpp"

namespace httplib {
class Server;
}

namespace stridecare::server {

/// The paths of the dashboard's pages, as registered.
std::span<const std::string_view> page_paths();

/// Registers the pages and assets. Each answer carries a Content-Security-Policy that allows this server only
/// (the dashboard makes no request elsewhere); hashed assets may be kept by the browser, pages are asked anew.
/// Without built assets a page says how to build them.
void add_pages(httplib::Server& http, std::span<const WebAsset> assets);

}  // namespace stridecare::server
