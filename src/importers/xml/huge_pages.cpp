#include "importers/xml/huge_pages.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

#include <pugixml.hpp>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define STRIDECARE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STRIDECARE_ASAN 1
#endif
#endif

namespace stridecare::importers::xml {
namespace {

constexpr std::size_t kHugePageBytes = std::size_t{2} << 20U;

constexpr std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

#ifndef STRIDECARE_ASAN

/// Chunk size: four huge pages, about 250 pugixml pages.
constexpr std::size_t kChunkBytes = 4 * kHugePageBytes;
/// malloc's alignment, which pugixml relies on.
constexpr std::size_t kAlign = 16;

/// The start of every mapping. A chunk lives while anything carved from it
/// does: `live` counts its allocations, plus one while the arena still carves
/// from it; the last release unmaps it.
struct Chunk {
  std::atomic<std::size_t> live{1};
  std::size_t bytes = 0;
};
constexpr std::size_t kFirstOffset = round_up(sizeof(Chunk), kAlign);

/// Put before every allocation, so that `deallocate` finds its chunk.
struct alignas(kAlign) Header {
  Chunk* chunk;
};

/// A new chunk of `bytes` (a multiple of kHugePageBytes) on a 2 MiB boundary,
/// where the kernel can back it with huge pages; nullptr when out of memory.
Chunk* map_chunk(std::size_t bytes) {
  const std::size_t mapped = bytes + kHugePageBytes;  // room to slide to a boundary
  void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  const auto base = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t start = round_up(base, kHugePageBytes);
  const std::size_t head = start - base;
  const std::size_t tail = mapped - head - bytes;
  if (head != 0) munmap(p, head);
  if (tail != 0) munmap(reinterpret_cast<void*>(start + bytes), tail);
  auto* memory = reinterpret_cast<void*>(start);
  madvise(memory, bytes, MADV_HUGEPAGE);  // when refused, the chunk just keeps 4 KiB pages
  auto* chunk = new (memory) Chunk;
  chunk->bytes = bytes;
  return chunk;
}

void release(Chunk* chunk) {
  if (chunk->live.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  const std::size_t bytes = chunk->bytes;
  chunk->~Chunk();
  munmap(chunk, bytes);
}

void* header_to_user(Chunk* chunk, std::size_t offset) {
  auto* header = new (reinterpret_cast<char*>(chunk) + offset) Header{chunk};
  return header + 1;
}

/// Bump allocation from a chunk of the calling thread's own: a thread parsing
/// slice after slice (slices.hpp) frees its tree before the next, and carves
/// the next from the same memory, whatever other threads parse meanwhile.
/// Documents may be freed on any thread: `live` is atomic.
class ThreadArena {
 public:
  ThreadArena() = default;
  ThreadArena(const ThreadArena&) = delete;
  ThreadArena& operator=(const ThreadArena&) = delete;
  ~ThreadArena() {
    if (current_ != nullptr) release(current_);  // what is still carved from it keeps it alive
  }

  void* allocate(std::size_t size) {
    const std::size_t need = round_up(sizeof(Header) + size, kAlign);
    if (need > kChunkBytes / 4) {  // a large text: a chunk of its own
      Chunk* own = map_chunk(round_up(kFirstOffset + need, kHugePageBytes));
      return own == nullptr ? nullptr : header_to_user(own, kFirstOffset);  // live = 1: this allocation
    }
    // Everything carved from the current chunk was freed (a previous file's
    // or slice's document): carve it again from the start, its pages already present.
    if (current_ != nullptr && current_->live.load(std::memory_order_acquire) == 1) used_ = kFirstOffset;
    if (current_ == nullptr || used_ + need > kChunkBytes) {
      Chunk* fresh = map_chunk(kChunkBytes);
      if (fresh == nullptr) return nullptr;
      if (current_ != nullptr) release(current_);
      current_ = fresh;
      used_ = kFirstOffset;
    }
    current_->live.fetch_add(1, std::memory_order_relaxed);
    void* out = header_to_user(current_, used_);
    used_ += need;
    return out;
  }

 private:
  Chunk* current_ = nullptr;
  std::size_t used_ = 0;
};

void* allocate(std::size_t size) {
  thread_local ThreadArena arena;
  return arena.allocate(size);
}

void deallocate(void* p) {
  if (p == nullptr) return;
  release((static_cast<Header*>(p) - 1)->chunk);
}

bool install() {
  pugi::set_memory_management_functions(allocate, deallocate);
  return true;
}
#else
bool install() { return false; }  // pugixml keeps malloc, which ASan checks
#endif

}  // namespace

bool install_huge_page_arena() {
  static const bool installed = install();
  return installed;
}

void prepare_for_writing(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kPageBytes = 4096;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t huge_first = round_up(begin, kHugePageBytes);
  const std::uintptr_t huge_last = (begin + bytes) / kHugePageBytes * kHugePageBytes;
  if (huge_last > huge_first) madvise(reinterpret_cast<void*>(huge_first), huge_last - huge_first, MADV_HUGEPAGE);
  // Below 16 pages the call costs about what the page faults it saves do.
  constexpr std::uintptr_t kMinPopulateBytes = 16 * kPageBytes;
  const std::uintptr_t first = round_up(begin, kPageBytes);
  const std::uintptr_t last = (begin + bytes) / kPageBytes * kPageBytes;
  if (last >= first + kMinPopulateBytes) madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
}

}  // namespace stridecare::importers::xml
