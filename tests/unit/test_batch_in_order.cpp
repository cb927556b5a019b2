#include <gongkai/batch/in_order.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace gongkai {

TEST_SUITE("batch/in_order") {
  TEST_CASE("an item finished early waits for those before it, then all go in order") {
    InOrder<int> in_order(8);
    std::vector<std::size_t> handed;
    const auto take = [&](std::size_t i, int&& v) {
      CHECK(v == static_cast<int>(i) * 10);
      handed.push_back(i);
    };
    in_order.done(2, 20, take);
    in_order.done(1, 10, take);
    CHECK(handed.empty());
    CHECK(in_order.most_waiting() == 2);
    in_order.done(0, 0, take);
    CHECK(handed == std::vector<std::size_t>{0, 1, 2});
    in_order.done(3, 30, take);
    CHECK(handed == std::vector<std::size_t>{0, 1, 2, 3});
  }

  TEST_CASE("workers finishing out of order: every item handed over once, in order, one at a time") {
    constexpr std::size_t kItems = 2000;
    constexpr std::size_t kWindow = 16;
    InOrder<std::size_t> in_order(kWindow);
    std::atomic<std::size_t> next{0};
    std::vector<std::size_t> handed;
    std::atomic<int> inside{0};
    bool overlapped = false;
    const auto take = [&](std::size_t i, std::size_t&& v) {
      if (inside.fetch_add(1) != 0) overlapped = true;
      CHECK(v == i);
      handed.push_back(i);
      inside.fetch_sub(1);
    };
    const auto worker = [&] {
      for (;;) {
        const std::size_t i = next.fetch_add(1);
        if (i >= kItems) return;
        in_order.wait_for_turn(i);
        // Every 97th item is slow: those after it pile up behind it, up to the window.
        if (i % 97 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        in_order.done(i, std::size_t{i}, take);
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    REQUIRE(handed.size() == kItems);
    for (std::size_t i = 0; i < kItems; ++i) REQUIRE(handed[i] == i);
    CHECK_FALSE(overlapped);
    // Held at once: never more than the window (the slow item's followers, started within it).
    CHECK(in_order.most_waiting() <= kWindow);
    CHECK(in_order.most_waiting() > 1);  // the slow items did hold others back
  }

  TEST_CASE("a worker does not start an item the window's width ahead of the next to hand over") {
    InOrder<int> in_order(2);
    std::atomic<bool> started{false};
    std::thread ahead([&] {
      in_order.wait_for_turn(2);  // items 0 and 1 are within the window; 2 is not yet
      started = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(started.load());
    in_order.done(0, 0, [](std::size_t, int&&) {});
    ahead.join();
    CHECK(started.load());
  }
}

}  // namespace gongkai
