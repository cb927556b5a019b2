#include "colour.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace gongkai::cli {

namespace {

struct Severity {
  std::string_view word;
  std::string_view sgr;
};
constexpr Severity kSeverities[] = {{"error", "\x1b[1;31m"}, {"warning", "\x1b[1;33m"}, {"info", "\x1b[1;36m"}};
constexpr std::string_view kReset = "\x1b[0m";

// Keeps what is written until a line is whole, then writes it tinted to the real stream. A
// partial line is passed on as it is at each flush (std::cerr flushes after every <<), so
// nothing is held back; findings lines are written whole, so they are tinted.
class TintBuf : public std::streambuf {
 public:
  explicit TintBuf(std::streambuf* out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    pending_.push_back(traits_type::to_char_type(c));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override {
    std::size_t start = 0;
    for (std::size_t nl = pending_.find('\n'); nl != std::string::npos; nl = pending_.find('\n', start)) {
      const std::string line = tint_line(std::string_view(pending_).substr(start, nl + 1 - start));
      out_->sputn(line.data(), static_cast<std::streamsize>(line.size()));
      start = nl + 1;
    }
    if (start < pending_.size())
      out_->sputn(pending_.data() + start, static_cast<std::streamsize>(pending_.size() - start));
    pending_.clear();
    return out_->pubsync();
  }

 private:
  std::streambuf* out_;
  std::string pending_;
};

}  // namespace

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

std::string tint_line(std::string_view line) {
  // The severity starts the line or follows "where: ", and is followed by "[rule]: ".
  for (const Severity& s : kSeverities) {
    std::size_t at = 0;
    if (!line.starts_with(s.word)) {
      const std::size_t found = line.find(std::string(": ") + std::string(s.word) + "[");
      if (found == std::string_view::npos) continue;
      at = found + 2;
    }
    const std::size_t after = at + s.word.size();
    if (after >= line.size() || line[after] != '[' || line.find("]: ", after) == std::string_view::npos) continue;
    std::string out(line.substr(0, at));
    out += s.sgr;
    out += s.word;
    out += kReset;
    out += line.substr(after);
    return out;
  }
  return std::string(line);
}

StderrTint::StderrTint() {
  if (!colour_wanted(STDERR_FILENO)) return;
  original_ = std::cerr.rdbuf();
  filter_ = std::make_unique<TintBuf>(original_);
  std::cerr.rdbuf(filter_.get());
}

StderrTint::~StderrTint() {
  if (filter_ == nullptr) return;
  std::cerr.flush();
  std::cerr.rdbuf(original_);
}

}  // namespace gongkai::cli
