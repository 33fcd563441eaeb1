#pragma once
/// The dashboard's built files (web/, `vite build`), compiled into the program so that `serve` needs no
/// directory beside it and a request can only ever name one of these: a path is a key, never a file name.

#include <span>
#include <string_view>

namespace stridecare::server {

struct WebAsset {
  std::string_view path;   ///< as requested: `/index.html`, `/assets/index-3f2a.js`
  std::string_view bytes;  ///< the file as built
};

/// Every built file; empty when the program was built without the dashboard (-DSTRIDECARE_WEB=OFF).
/// Defined by the generated web_assets.cpp (cmake/embed_web.cmake).
std::span<const WebAsset> web_assets();

}  // namespace stridecare::server
