#include <gongkai/tally/id_set.hpp>

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

const IdPlace* IdSet::insert(std::string_view id, IdPlace place) {
  if ((entries_.size() + 1) * 10 > slots_.size() * 7) grow();
  const std::size_t h = std::hash<std::string_view>{}(id);
  const auto tag = static_cast<std::uint32_t>(h ^ (h >> 32));
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = tag & mask;
  for (; slots_[i].entry != 0; i = (i + 1) & mask) {
    if (slots_[i].hash != tag) continue;
    const Entry& e = entries_[slots_[i].entry - 1];
    if (std::string_view(arena_.data() + e.offset, e.length) == id) return &e.place;
  }
  entries_.push_back(Entry{arena_.size(), static_cast<std::uint32_t>(id.size()), place});
  arena_.append(id);
  slots_[i] = Slot{static_cast<std::uint32_t>(entries_.size()), tag};
  return nullptr;
}

}  // namespace gongkai
