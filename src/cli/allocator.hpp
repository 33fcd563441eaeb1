#pragma once
/// Process-wide malloc settings, applied once at start-up by main().

namespace stridecare::cli {

/// Keeps freed memory for reuse and grows the heap in large steps marked for
/// transparent huge pages. Call before anything is allocated in bulk.
void tune_allocator();

}  // namespace stridecare::cli
