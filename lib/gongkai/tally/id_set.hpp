// The IDs seen so far in a run of registers, for the duplicate check: the one structure of a
// tally that grows with the register. A million IDs must not cost a million allocations (nor
// their frees at the end), so the IDs' bytes go into an arena of blocks and an open-addressing
// table of small slots points at them: about 50 bytes per ID in all.
//
// The IDs and their places are kept in blocks that are filled and never moved: grown by
// doubling, they would be copied each time, and on the machines we measure every page first
// touched costs more than the copy itself (a 1,000,000-row register: bench/README.md).
#pragma once

#include <gongkai/core/huge_pages.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace gongkai {

// Where an ID was first seen: a CSV line or a sheet row, and the register source it was in.
struct IdPlace {
  std::uint32_t row = 0;
  std::uint32_t source = 0;
};

class IdSet {
 public:
  // Adds `id` first seen at `place`. Returns nullptr when it is new, else where it was first
  // seen (valid as long as the set).
  [[nodiscard]] const IdPlace* insert(std::string_view id, IdPlace place);
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  struct Entry {
    const char* bytes;  // in an arena block
    std::uint32_t length;
    IdPlace place;
  };
  struct Slot {
    std::uint32_t entry = 0;  // index + 1; 0 when empty
    std::uint32_t hash = 0;   // the ID's hash folded to 32 bits: its place, and skips most byte comparisons
  };

  static constexpr unsigned kEntryBlockBits = 15;                   // 32,768 entries, 768 KiB a block
  static constexpr std::size_t kArenaBlock = std::size_t{1} << 20;  // 1 MiB of ID bytes a block

  void grow();
  const char* keep(std::string_view id);
  [[nodiscard]] const Entry& entry(std::uint32_t index) const {
    return entries_[index >> kEntryBlockBits][index & ((1U << kEntryBlockBits) - 1)];
  }

  std::size_t size_ = 0;
  std::vector<std::vector<Entry>> entries_;  // blocks, each reserved whole and never reallocated
  std::vector<std::unique_ptr<char[]>> arena_;
  char* arena_next_ = nullptr;
  std::size_t arena_left_ = 0;
  // Read at random, so huge pages once it is large (core/huge_pages.hpp).
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // a power of two in size, at most 70% full
};

}  // namespace gongkai
