#include "importers/xml/warning_log.hpp"

#include "importers/xml/xml_values.hpp"

namespace stridecare::importers::xml {

bool WarningLog::note(std::string_view what, pugi::xml_node where) {
  for (Entry& e : entries_) {
    if (e.what == what) {
      ++e.count;
      return false;
    }
  }
  entries_.push_back(Entry{std::string(what), 1, map_.file_offset(where), {}});
  return true;
}

void WarningLog::detail(std::string_view text) {
  if (!entries_.empty()) entries_.back().first_detail = shorten_for_message(text, 100);
}

std::vector<std::string> WarningLog::lines() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) {
    std::string line = e.what + " (";
    if (e.count > 1) line += std::to_string(e.count) + " times, first ";
    line += "at byte " + std::to_string(e.first_offset);
    if (!e.first_detail.empty()) line += ": " + e.first_detail;
    line += ")";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace stridecare::importers::xml
