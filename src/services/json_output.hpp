#pragma once
/// The output boundary of the JSON documents (`--json`, later the HTTP API):
/// numbers rounded to their stated precision, whole numbers written as
/// integers, and the error document. docs/json.md is the table of precisions.
/// Exports are not documents: `export --format json` keeps exact values so
/// that a backup restores exactly.

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "services/json_codec.hpp"

namespace stridecare::services {

/// Decimals kept for a number under the JSON field `name` (docs/json.md):
/// e.g. 3 for ratios, 5 for `*_km`, 1 for `*_s` and loads, 7 for `*_deg`.
int json_decimals(std::string_view name);

/// `value` rounded to json_decimals(name) decimals (half away from zero).
double json_rounded(std::string_view name, double value);

/// Rounds every floating-point number of `doc` to the precision of the
/// field it is under (an array's items take the array's field) and writes
/// each whole number as an integer: `4.0` becomes `4`.
void normalise_numbers(Json& doc);

/// `doc` serialised as it is (indented by `indent` spaces per level, or on one line for -1). Never
/// fails on text: bytes that are not UTF-8 (none should reach a document: notes are checked and
/// stored text is repaired on read) are written as U+FFFD, not thrown as an error.
std::string json_text(const Json& doc, int indent = -1);

/// `doc` normalised and serialised on one line (json_text), ending in a newline.
std::string document_text(Json doc);

/// api.md's error code of a kind: `invalid_input`, `invalid_file`,
/// `not_found`, `conflict`, `storage`, `io`, `refused_by_action`.
std::string_view error_code(domain::ErrorKind kind);

/// `{"error":{"code","message","field"}}`; `field` is null when empty.
Json to_json(const domain::Error& e);

}  // namespace stridecare::services
