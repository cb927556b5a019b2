#include <gongkai/tally/id_set.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("tally/id_set") {
  TEST_CASE("an ID is new once, then names where it was first seen") {
    IdSet ids;
    CHECK(ids.insert("A1", {3, 0}) == nullptr);
    CHECK(ids.insert("A2", {4, 0}) == nullptr);
    const IdPlace* again = ids.insert("A1", {9, 1});
    REQUIRE(again != nullptr);
    CHECK(again->row == 3);
    CHECK(again->source == 0);
    CHECK(ids.size() == 2);
  }

  TEST_CASE("many IDs survive the table's growth, and similar IDs stay distinct") {
    IdSet ids;
    for (std::uint32_t i = 0; i < 100000; ++i) CHECK_FALSE(ids.insert("R" + std::to_string(i), {i, 0}) != nullptr);
    CHECK(ids.size() == 100000);
    for (std::uint32_t i = 0; i < 100000; i += 997) {
      const IdPlace* p = ids.insert("R" + std::to_string(i), {0, 1});
      REQUIRE(p != nullptr);
      CHECK(p->row == i);
    }
    CHECK(ids.insert("R100000", {0, 0}) == nullptr);
    CHECK(ids.insert("", {1, 0}) == nullptr);
    CHECK(ids.insert("", {2, 0}) != nullptr);
  }

  TEST_CASE("long IDs across the arena's blocks, and IDs longer than a quarter block, are kept whole") {
    IdSet ids;
    auto id_of = [](std::uint32_t i) {
      std::string id(i % 101 == 0 ? 300000 : 1000, static_cast<char>('a' + i % 26));
      return id + std::to_string(i);
    };
    for (std::uint32_t i = 0; i < 3000; ++i) REQUIRE(ids.insert(id_of(i), {i, 2}) == nullptr);
    for (std::uint32_t i = 0; i < 3000; ++i) {
      const IdPlace* p = ids.insert(id_of(i), {0, 0});
      REQUIRE(p != nullptr);
      CHECK(p->row == i);
      CHECK(p->source == 2);
    }
    CHECK(ids.size() == 3000);
  }
}
