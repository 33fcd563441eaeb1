#pragma once
/// Export and restore: the whole store as one JSON document (lossless; export
/// -> restore into an empty store -> export gives identical JSON) or as CSV.

#include <string>
#include <string_view>

#include "services/json_codec.hpp"
#include "services/session.hpp"

namespace stridecare::services {

inline constexpr std::string_view kExportFormat = "stridecare-export";
inline constexpr int kExportVersion = 1;

/// `{"format","version","profile","activities","checkins"}`; ids are kept.
Expected<Json> export_json(Session& s);

/// One RFC 4180 table of activities and check-ins (a `record` column tells
/// which), for spreadsheets. Not read back by `restore`.
Expected<std::string> export_csv(Session& s);

/// Loads an `export_json` document into an EMPTY store, in one transaction.
/// `source` names the file in errors. Every entry is validated first; on any
/// error nothing is written.
Expected<void> restore(Session& s, std::string_view json_text, std::string_view source);

/// What a restore answers: `{"restored": SOURCE}`.
Json restored_json(std::string_view source);

}  // namespace stridecare::services
