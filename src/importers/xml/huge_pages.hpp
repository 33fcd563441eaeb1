#pragma once
/// Transparent huge pages (MADV_HUGEPAGE) and pre-faulting for the large
/// buffers of a parse: pugixml's memory, carved from large anonymous mappings,
/// and buffers filled at once (the file's bytes, the samples).
///
/// Why: pugixml turns a 100,000-point GPX file into ~55 MB of nodes (a TCX
/// file into ~85 MB), allocated 32 KiB at a time from the C heap and first
/// touched one 4 KiB page at a time. On the project's machine (a VM) each such
/// page fault costs several microseconds, and the faults cost more than the
/// parse itself (~14 us per fault); 2 MiB pages make them 512 times rarer
/// (docs/performance.md).
/// The kernel is left to decide: with THP off, or no huge page free, 4 KiB
/// pages are used as before.
///
/// The arena becomes pugixml's allocator for the whole process only when the
/// executable asks for it (install_huge_page_arena, first thing in main): a
/// library never changes a process-wide allocator behind its program's back.
/// Each thread carves from a chunk of its own. A chunk is unmapped when everything in it is freed, except the one a
/// thread is carving from, which stays for its next file or slice (at most
/// 8 MiB per thread). Not in builds with AddressSanitizer, which must see
/// pugixml's allocations to check them.

#include <cstddef>

namespace stridecare::importers::xml {

/// Makes the arena pugixml's allocator for the whole process; returns whether
/// it is (false in builds with AddressSanitizer). Precondition: no pugixml
/// object exists yet, so that every pointer pugixml frees came from the
/// arena: call it first thing in main, before any thread starts. Later calls
/// change nothing.
bool install_huge_page_arena();

/// Readies `[data, data + bytes)`, memory the caller owns, has not touched yet
/// and is about to fill completely (a buffer for read(2), a copy, reserved
/// samples): asks for huge pages for its 2 MiB-aligned part, then faults all
/// its whole pages in with one call (MADV_POPULATE_WRITE) instead of one trap
/// per page, which halves their cost here (buffers of 64 KiB or more: below
/// that the call costs what it saves). Best effort: kernels without either
/// advice fault pages in as they are first written, as before.
void prepare_for_writing(void* data, std::size_t bytes);

}  // namespace stridecare::importers::xml
