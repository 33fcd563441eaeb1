#pragma once
/// How much memory an import may hold, and what one file takes of it.
///
/// An import reads, decodes and stores several files at once (import.hpp). Each file holds at most
/// kMaxActivityFileBytes as read, kMaxDecompressedBytes once decompressed (the compressed bytes are then
/// freed) and importers::kMaxSamples points; the walker admits a file only while the files in flight
/// (read, being decoded, or waiting to be stored) fit in kImportMemoryBytes beside it, or when nothing
/// else is in flight. So the import's peak memory stays near kImportMemoryBytes whatever the inputs:
/// gzip bombs, a folder of them, a file of tiny FIT records (bench/import_memory.sh measures it).

#include <cstdint>
#include <span>

namespace stridecare::services {

/// The memory the files in flight of one import may hold together.
inline constexpr std::uint64_t kImportMemoryBytes = 512ULL << 20;

/// What a file of `bytes` (as read, gzip or not) may take at most while it is decoded, mapped to activities
/// and waiting to be stored: its bytes, its decompressed bytes (by the size the gzip trailer states), and as
/// many points as the data could hold (a FIT record takes 2 bytes at least) up to importers::kMaxSamples,
/// each a sample (twice: a sample vector grows by doubling, and a multisport FIT copies its samples into
/// sessions) and a track point.
std::uint64_t memory_need(std::span<const std::uint8_t> bytes);

}  // namespace stridecare::services
