#include <gongkai/tally/id_set.hpp>

#include <cstring>
#include <functional>

namespace gongkai {

// A slot's place is decided by its 32-bit hash alone, so growing moves slots without hashing
// (or reading) the IDs again.
void IdSet::grow() {
  std::vector<Slot, HugePageAllocator<Slot>> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& s : slots_) {
    if (s.entry == 0) continue;
    std::size_t i = s.hash & mask;
    while (bigger[i].entry != 0) i = (i + 1) & mask;
    bigger[i] = s;
  }
  slots_ = std::move(bigger);
}

// A copy of `id` that stays where it is. An ID longer than a quarter block gets a block of its
// own, so the current block's room is not wasted.
const char* IdSet::keep(std::string_view id) {
  if (id.size() > kArenaBlock / 4) {
    arena_.push_back(std::make_unique_for_overwrite<char[]>(id.size()));
    std::memcpy(arena_.back().get(), id.data(), id.size());
    return arena_.back().get();
  }
  if (id.size() > arena_left_) {
    arena_.push_back(std::make_unique_for_overwrite<char[]>(kArenaBlock));
    arena_next_ = arena_.back().get();
    arena_left_ = kArenaBlock;
  }
  char* at = arena_next_;
  if (!id.empty()) std::memcpy(at, id.data(), id.size());
  arena_next_ += id.size();
  arena_left_ -= id.size();
  return at;
}

const IdPlace* IdSet::insert(std::string_view id, IdPlace place) {
  if ((size_ + 1) * 10 > slots_.size() * 7) grow();
  const std::size_t h = std::hash<std::string_view>{}(id);
  const auto tag = static_cast<std::uint32_t>(h ^ (h >> 32));
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = tag & mask;
  for (; slots_[i].entry != 0; i = (i + 1) & mask) {
    if (slots_[i].hash != tag) continue;
    const Entry& e = entry(slots_[i].entry - 1);
    if (std::string_view(e.bytes, e.length) == id) return &e.place;
  }
  if ((size_ & ((std::size_t{1} << kEntryBlockBits) - 1)) == 0) {
    entries_.emplace_back();
    entries_.back().reserve(std::size_t{1} << kEntryBlockBits);
  }
  entries_.back().push_back(Entry{keep(id), static_cast<std::uint32_t>(id.size()), place});
  ++size_;
  slots_[i] = Slot{static_cast<std::uint32_t>(size_), tag};
  return nullptr;
}

}  // namespace gongkai
