// One XML text through one engine of parse_xml, as a list of events or the error it met, so
// the scanner can be held to expat: by the unit tests (test_readers_xlsx_xml_engines.cpp) and
// by the fuzz target `xml_engines`. Text is merged between other events (engines may split
// it differently); the input is fed in chunks of varying size, so every token is also seen
// cut at the end of a read.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::test {

struct XmlEngineRun {
  bool ok = false;
  std::vector<std::string> events;  // `<name a="v">`, `text:…`, `</name>`
  std::string error;                // the InputError, as `where: message` in English
  bool operator==(const XmlEngineRun&) const = default;

  [[nodiscard]] std::string describe() const {
    if (!ok) return "error: " + error;
    std::string s = "events:";
    for (const std::string& e : events) s += "\n  " + e;
    return s;
  }
};

class XmlEventRecorder : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attributes) override {
    flush();
    std::string e = "<" + std::string(name);
    for (const XmlAttribute& a : attributes.all()) e += " " + std::string(a.name) + "=\"" + std::string(a.value) + "\"";
    events.push_back(e + ">");
  }
  void end(std::string_view name) override {
    flush();
    events.push_back("</" + std::string(name) + ">");
  }
  void text(std::string_view chunk) override { text_ += chunk; }
  void flush() {
    if (!text_.empty()) events.push_back("text:" + text_);
    text_.clear();
  }
  std::vector<std::string> events;

 private:
  std::string text_;
};

// Gives `data` in reads of 1 to `max_chunk` bytes, sizes drawn from `seed`; max_chunk 0 gives
// as much as asked.
class ChunkedXmlInput : public XmlInput {
 public:
  ChunkedXmlInput(std::string_view data, std::size_t max_chunk, std::uint32_t seed)
      : data_(data), max_chunk_(max_chunk), state_(seed | 1U) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min(size, data_.size());
    if (max_chunk_ > 0) {
      state_ ^= state_ << 13;
      state_ ^= state_ >> 17;
      state_ ^= state_ << 5;
      n = std::min(n, 1 + state_ % max_chunk_);
    }
    if (n > 0) std::memcpy(buffer, data_.data(), n);
    data_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view data_;
  std::size_t max_chunk_;
  std::uint32_t state_;
};

inline XmlEngineRun run_xml_engine(std::string_view xml, XmlEngine engine, std::size_t max_chunk = 0,
                                   std::uint32_t seed = 1, XlsxLimits limits = {}) {
  XmlEngineRun run;
  XmlEventRecorder recorder;
  ChunkedXmlInput input(xml, max_chunk, seed);
  try {
    parse_xml(input, "p.xml", recorder, limits, "f.xlsx", engine);
    recorder.flush();
    run.ok = true;
    run.events = std::move(recorder.events);
  } catch (const InputError& e) {
    run.error = e.where().to_string() + ": " + e.message().en;
  }
  return run;
}

}  // namespace gongkai::test
