// Work run beside the caller: its result, or what it threw, at get(), in the order asked.
#include <gongkai/core/side_task.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace gongkai;

TEST_SUITE("core_side_task") {
  TEST_CASE("results come back in the order asked for, computed on other threads") {
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<std::future<std::pair<int, bool>>> tasks;
    for (int i = 0; i < 4; ++i)
      tasks.push_back(side_task([caller](int n) { return std::pair(n * n, std::this_thread::get_id() != caller); }, i));
    for (int i = 0; i < 4; ++i) {
      const auto [square, elsewhere] = tasks[static_cast<std::size_t>(i)].get();
      CHECK(square == i * i);
      CHECK(elsewhere);
    }
  }

  TEST_CASE("what the work throws is thrown by get(); arguments by reference through std::cref") {
    const std::string text = "表三";
    auto ok = side_task([](const std::string& s) { return s.size(); }, std::cref(text));
    auto bad = side_task([](int) -> int { throw std::runtime_error("bad form"); }, 1);
    CHECK(ok.get() == text.size());
    CHECK_THROWS_WITH_AS(bad.get(), "bad form", std::runtime_error);
  }
}
