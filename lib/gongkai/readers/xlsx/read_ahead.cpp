#include <gongkai/readers/xlsx/read_ahead.hpp>

#include <algorithm>
#include <cstring>
#include <utility>

namespace gongkai {

ReadAheadInput::ReadAheadInput(ZipPartStream& stream) : stream_(stream) {
  for (Chunk& c : chunks_) c.bytes = std::make_unique_for_overwrite<char[]>(kChunk);
  thread_ = std::thread([this] { produce(); });
}

ReadAheadInput::~ReadAheadInput() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ReadAheadInput::produce() {
  for (;;) {
    std::size_t slot = 0;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || ready_ < kChunks; });
      if (stopping_) return;
      slot = (head_ + ready_) % kChunks;
    }
    // The chunk at `slot` is not the parser's until ready_ counts it: filled without the lock.
    std::size_t n = 0;
    std::exception_ptr failure;
    try {
      n = stream_.read(chunks_[slot].bytes.get(), kChunk);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      if (failure || n == 0) {
        failure_ = failure;
        ended_ = true;
      } else {
        chunks_[slot].size = n;
        ++ready_;
      }
    }
    changed_.notify_all();
    if (failure || n == 0) return;
  }
}

std::size_t ReadAheadInput::read(char* buffer, std::size_t size) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return ready_ > 0 || ended_; });
    if (ready_ == 0) {
      if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
      return 0;
    }
  }
  // chunks_[head_] is the parser's until ready_ is lowered: read without the lock.
  const Chunk& chunk = chunks_[head_];
  std::size_t n = std::min(size, chunk.size - offset_);
  std::memcpy(buffer, chunk.bytes.get() + offset_, n);
  offset_ += n;
  if (offset_ == chunk.size) {
    {
      std::lock_guard lock(mutex_);
      head_ = (head_ + 1) % kChunks;
      --ready_;
      offset_ = 0;
    }
    changed_.notify_all();
  }
  return n;
}

}  // namespace gongkai
