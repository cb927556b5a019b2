// A large part inflated on a second thread while the first parses what came before: on a
// million-row sheet, inflating is a fifth of the work, and the two overlap. The reader thread
// runs at most four chunks of 256 KiB ahead, so memory stays bounded. What it meets — a
// damaged part, a limit crossed — is thrown to the parser once the parser has had every byte
// read before it: the same error as reading in line. Malformed XML before that point is met
// first, as it is in line.
#pragma once

#include <gongkai/readers/xlsx/xml_stream.hpp>
#include <gongkai/readers/xlsx/zip_package.hpp>

#include <array>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace gongkai {

class ReadAheadInput : public XmlInput {
 public:
  // REQUIRES: `stream` outlives this object and is read through it alone.
  // Throws std::system_error when no thread can be started.
  explicit ReadAheadInput(ZipPartStream& stream);
  ~ReadAheadInput() override;  // stops the reader thread and waits for it
  ReadAheadInput(const ReadAheadInput&) = delete;
  ReadAheadInput& operator=(const ReadAheadInput&) = delete;

  std::size_t read(char* buffer, std::size_t size) override;

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 18;
  static constexpr std::size_t kChunks = 4;

  struct Chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
  };

  void produce();

  ZipPartStream& stream_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::array<Chunk, kChunks> chunks_;
  std::size_t head_ = 0;    // the chunk being read by the parser
  std::size_t ready_ = 0;   // chunks filled and not yet read, from head_ on
  std::size_t offset_ = 0;  // into chunks_[head_]
  bool ended_ = false;      // the reader thread is done: end of part or failure
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started once everything above is ready
};

}  // namespace gongkai
