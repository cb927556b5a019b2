// The IDs seen so far in a run of registers, for the duplicate check: the one structure of a
// tally that grows with the register. A million IDs must not cost a million allocations (nor
// their frees at the end), so the IDs' bytes go into one arena and an open-addressing table of
// small slots points into it: about 50 bytes per ID in all.
#pragma once

#include <gongkai/core/huge_pages.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
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
  // seen (valid until the next insert).
  [[nodiscard]] const IdPlace* insert(std::string_view id, IdPlace place);
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t offset;  // into arena_
    std::uint32_t length;
    IdPlace place;
  };
  struct Slot {
    std::uint32_t entry = 0;  // index + 1; 0 when empty
    std::uint32_t hash = 0;   // the ID's hash folded to 32 bits: its place, and skips most byte comparisons
  };

  void grow();

  // Huge pages once they are large (core/huge_pages.hpp): filled in order, read at random.
  std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>> arena_;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // a power of two in size, at most 70% full
};

}  // namespace gongkai
