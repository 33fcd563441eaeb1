#pragma once
/// The schema of a stridecare database file and how a file moves from one
/// version of it to the next.
///
/// A file records its schema version in `PRAGMA user_version` (0 = no schema
/// yet) and that it belongs to stridecare in `PRAGMA application_id`.
/// Migration N takes a file from version N-1 to N. Migrations only move
/// forward, and a released migration is never edited: a schema change is a
/// new migration appended to the list.

#include <cstdint>
#include <span>
#include <string>

#include "domain/error.hpp"
#include "storage/sqlite/database.hpp"

namespace stridecare::storage::sqlite {

/// `PRAGMA application_id` of every stridecare file: "STRC" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x53545243;

/// The SQL of each migration, in order: element 0 is migration 1 (the initial
/// schema), element 1 is migration 2 (the date indexes), and so on.
std::span<const std::string> migrations();

/// The schema version this program writes and fully understands.
int latest_schema_version();

/// Brings `db` up to schema version `target` (1 ..= latest_schema_version()),
/// applying each missing migration in its own `BEGIN IMMEDIATE` transaction
/// together with its `user_version` bump (and the `application_id`), so an
/// interrupted upgrade leaves the file at some whole version. A file already
/// at or past `target` is left alone. Safe against another process migrating
/// the same file at the same time: the version is re-read under the write lock.
///
/// REQUIRES: the file is empty or a stridecare database (checked by the
/// caller; this function does not judge foreign files).
Expected<void> migrate(Database& db, int target);

/// `PRAGMA user_version` / `PRAGMA application_id` of the open file.
Expected<int> schema_version(Database& db);
Expected<std::int32_t> application_id(Database& db);

}  // namespace stridecare::storage::sqlite
