// Transparent huge pages for the few buffers that grow with the input: a register read whole
// (io/files.cpp), the IDs of a million-row register (tally/id_set). Filled once and read at
// random, they cost a page fault every 4 KiB and a TLB miss on most lookups; asked to be backed
// by 2 MiB pages (madvise MADV_HUGEPAGE, which Debian's kernels honour by default: "madvise"
// mode), they cost a fault every 2 MiB. A 1,000,000-row CSV register: 42,354 -> 9,777 page
// faults, 1.05 s -> 0.72 s (medians of seven alternated runs: bench/README.md).
// Not for small or short-lived memory: a huge page is zeroed whole, which made a one-report
// build slower when every allocation asked for them.
#pragma once

#include <cstddef>
#include <memory>

namespace gongkai {

// From this size on, a buffer is worth a huge page or more.
inline constexpr std::size_t kHugePageWorth = std::size_t{4} << 20;

// Asks that the whole 2 MiB pages inside [data, data + bytes) be huge pages, before they are
// touched. Does nothing below kHugePageWorth, or where the kernel says no.
void advise_huge_pages(void* data, std::size_t bytes) noexcept;

// std::allocator, advising huge pages for allocations of kHugePageWorth or more.
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) noexcept {}
  [[nodiscard]] T* allocate(std::size_t n) {
    T* p = std::allocator<T>{}.allocate(n);
    advise_huge_pages(p, n * sizeof(T));
    return p;
  }
  void deallocate(T* p, std::size_t n) noexcept { std::allocator<T>{}.deallocate(p, n); }
  template <class U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const noexcept {
    return true;
  }
};

}  // namespace gongkai
