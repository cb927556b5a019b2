#include <gongkai/core/huge_pages.hpp>
#include <gongkai/tally/id_set.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

using namespace gongkai;

TEST_SUITE("core/huge_pages") {
  TEST_CASE("advice on a buffer too small, unaligned or null changes nothing") {
    std::vector<char> small(100, 'x');
    advise_huge_pages(small.data() + 1, small.size() - 1);
    advise_huge_pages(nullptr, kHugePageWorth * 2);
    CHECK(std::string(small.begin(), small.end()) == std::string(100, 'x'));
  }

  TEST_CASE("a vector on the allocator keeps its elements across growth past the threshold") {
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> v;
    const std::size_t n = 3 * kHugePageWorth / sizeof(std::uint64_t);  // 12 MiB: advised generations
    for (std::size_t i = 0; i < n; ++i) v.push_back(i * 3);
    REQUIRE(v.size() == n);
    CHECK(v.capacity() * sizeof(std::uint64_t) >= kHugePageWorth);
    bool all = true;
    for (std::size_t i = 0; i < n; ++i) all = all && v[i] == i * 3;
    CHECK(all);
    CHECK(std::accumulate(v.begin(), v.end(), std::uint64_t{0}) == 3 * (n * (n - 1) / 2));
  }

  TEST_CASE("an IdSet past the threshold (400,000 IDs) still tells new IDs from seen ones") {
    IdSet ids;
    std::size_t seen_before = 0;
    for (std::uint32_t i = 0; i < 400000; ++i)
      seen_before += ids.insert("GK" + std::to_string(i), {i + 2, 0}) != nullptr;
    CHECK(seen_before == 0);
    for (std::uint32_t i = 0; i < 400000; i += 9973) {
      const IdPlace* p = ids.insert("GK" + std::to_string(i), {1, 1});
      REQUIRE(p != nullptr);
      CHECK(p->row == i + 2);
    }
    CHECK(ids.insert("GK400000", {0, 0}) == nullptr);
    CHECK(ids.size() == 400001);
  }
}
