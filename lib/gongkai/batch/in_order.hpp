// Hands results over in input order when workers finish them in any order: a reorder window.
// Each result waits until every result before it has been handed over; the hand-over runs on
// the worker that completed the run, one at a time, without holding the lock (so the other
// workers go on). A worker asks for its turn before starting an item: it waits while the item
// is `window` or more places ahead of the next to hand over, which bounds what is held.
//
// No deadlock: the item next to hand over was taken before any item after it (indices are
// taken in order), and its worker never waits (it is within the window).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <utility>

namespace gongkai {

template <typename T>
class InOrder {
 public:
  explicit InOrder(std::size_t window) : window_(std::max<std::size_t>(1, window)) {}

  // Blocks while `index` is `window` or more places ahead of the next item to hand over.
  void wait_for_turn(std::size_t index) {
    std::unique_lock<std::mutex> lock(mutex_);
    turn_.wait(lock, [&] { return index < next_ + window_; });
  }

  // Item `index` is done: it is handed to `hand_over(index, T&&)` when its turn comes, with
  // those after it that are waiting. `hand_over` must not throw.
  template <typename F>
  void done(std::size_t index, T&& value, F&& hand_over) {
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_.emplace(index, std::move(value));
    most_waiting_ = std::max(most_waiting_, waiting_.size());
    if (handing_over_) return;  // that worker will find it
    handing_over_ = true;
    while (!waiting_.empty() && waiting_.begin()->first == next_) {
      auto node = waiting_.extract(waiting_.begin());
      lock.unlock();
      hand_over(node.key(), std::move(node.mapped()));
      lock.lock();
      ++next_;
      turn_.notify_all();
    }
    handing_over_ = false;
  }

  // The most items held at once so far (for tests and figures).
  [[nodiscard]] std::size_t most_waiting() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return most_waiting_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable turn_;
  std::map<std::size_t, T> waiting_;
  std::size_t next_ = 0;
  std::size_t window_;
  std::size_t most_waiting_ = 0;
  bool handing_over_ = false;
};

}  // namespace gongkai
