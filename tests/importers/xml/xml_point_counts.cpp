// Test helper for reference_counts.py: parses each FILE with
// parse_xml_activity and prints one line per file:
//   PATH <tab> SAMPLES <tab> POSITIONED      (samples of all sessions, those with a position)
//   PATH <tab> rejected <tab> MESSAGE        (the error message)
// Usage: xml_point_counts FILE...

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "importers/xml/xml_activity.hpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    std::error_code ec;
    std::string bytes(static_cast<std::size_t>(std::filesystem::file_size(path, ec)), '\0');
    if (ec) {
      std::printf("%s\trejected\tcannot read the file\n", argv[i]);
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    const auto r = stridecare::importers::parse_xml_activity_in_place(bytes, argv[i]);
    if (!r) {
      std::printf("%s\trejected\t%s\n", argv[i], r.error().message.c_str());
      continue;
    }
    std::size_t samples = 0;
    std::size_t positioned = 0;
    for (const auto& session : r->sessions) {
      for (const auto& s : session.samples) {
        ++samples;
        if (s.latitude_deg && s.longitude_deg) ++positioned;
      }
    }
    std::printf("%s\t%zu\t%zu\n", argv[i], samples, positioned);
  }
  return 0;
}
