#include <gongkai/readers/csv.hpp>

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <cstring>

namespace gongkai {
namespace {

// Eight bytes at a time (SWAR): a register is megabytes of short unquoted fields.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  return x;
}

// The high bit of each zero byte of `y` (the lowest one exact; only it is used).
std::uint64_t zero_bytes(std::uint64_t y) { return (y - kOnes) & ~y & kHighs; }

// The offset of the first byte at or after `pos` that is the delimiter, a line end or a quote
// (`text.size()` when none is).
std::size_t scan_plain(std::string_view text, std::size_t pos, char delimiter) {
  const char* d = text.data();
  const std::size_t n = text.size();
  if constexpr (std::endian::native == std::endian::little) {
    const std::uint64_t del = kOnes * static_cast<unsigned char>(delimiter);
    const std::uint64_t lf = kOnes * '\n';
    const std::uint64_t cr = kOnes * '\r';
    const std::uint64_t quote = kOnes * '"';
    for (; pos + 8 <= n; pos += 8) {
      const std::uint64_t x = load8(d + pos);
      const std::uint64_t hit = zero_bytes(x ^ del) | zero_bytes(x ^ lf) | zero_bytes(x ^ cr) | zero_bytes(x ^ quote);
      if (hit != 0) return pos + static_cast<std::size_t>(std::countr_zero(hit) >> 3);
    }
  }
  for (; pos < n; ++pos) {
    const char c = d[pos];
    if (c == delimiter || c == '\n' || c == '\r' || c == '"') return pos;
  }
  return n;
}

}  // namespace

CsvReader::CsvReader(std::string_view name, std::string_view text, char delimiter)
    : name_(name), text_(text), delimiter_(delimiter) {}

void CsvReader::error(int line, int column, Text message, Diagnostics& out) const {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "csv";
  d.message = std::move(message);
  d.where = SourceLoc{name_, line, column, {}};
  out.add(std::move(d));
}

void CsvReader::newline() {
  ++line_;
  col_byte_ = pos_;
  col_ = 1;
}

int CsvReader::column_at(std::size_t to) {
  // Fields are visited left to right, so the column advances incrementally: linear overall.
  // A character is a byte that is not a continuation byte (10xxxxxx).
  for (; col_byte_ + 8 <= to; col_byte_ += 8) {
    const std::uint64_t x = load8(text_.data() + col_byte_);
    // One bit per continuation byte, summed by a multiply (no popcount instruction assumed).
    const std::uint64_t continuation = (x & ~(x << 1) & kHighs) >> 7;
    col_ += 8 - static_cast<int>((continuation * kOnes) >> 56);
  }
  for (; col_byte_ < to; ++col_byte_)
    if ((static_cast<unsigned char>(text_[col_byte_]) & 0xC0U) != 0x80U) ++col_;
  return col_;
}

bool CsvReader::next(CsvRow& row, Diagnostics& out) {
  row.fields.clear();
  scratch_.clear();
  spans_.clear();
  const std::size_t size = text_.size();
  auto at_field_end = [&](char c) { return c == delimiter_ || c == '\n' || c == '\r'; };
  // Consumes a line end at pos_ (CRLF, LF or a lone CR).
  auto take_line_end = [&] {
    const char c = text_[pos_++];
    if (c == '\r' && pos_ < size && text_[pos_] == '\n') ++pos_;
    newline();
  };

  for (;;) {
    if (done_ || pos_ >= size) return false;
    const char c = text_[pos_];
    if (c != '\n' && c != '\r') break;
    take_line_end();
  }
  row.line = line_;

  for (;;) {
    CsvField field;
    field.line = line_;
    field.column = column_at(pos_);
    if (pos_ < size && text_[pos_] == '"') {
      field.quoted = true;
      ++pos_;
      std::size_t segment = pos_;  // start of the text not yet copied to scratch_
      const std::size_t scratch_begin = scratch_.size();
      bool unescaped = false;
      bool closed = false;
      while (pos_ < size) {
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
            unescaped = true;
            scratch_.append(text_.substr(segment, pos_ + 1 - segment));  // keeps one quote
            pos_ += 2;
            segment = pos_;
            continue;
          }
          closed = true;
          break;
        }
        if (c == '\n' || c == '\r') {
          take_line_end();
          continue;
        }
        ++pos_;
      }
      if (!closed) {
        error(field.line, field.column,
              {fmt::format("引号未闭合：第 {} 行第 {} 列开始的带引号字段直到文件末尾都没有结束", field.line,
                           field.column),
               fmt::format("unterminated quoted field: the quote opened at line {}, column {} is never closed",
                           field.line, field.column)},
              out);
        done_ = true;
        return false;
      }
      const std::size_t end = pos_;
      ++pos_;  // the closing quote
      if (pos_ < size && !at_field_end(text_[pos_])) {
        const int line = line_;
        const int column = column_at(pos_);
        error(line, column,
              {fmt::format("第 {} 行第 {} 列：右引号后还有字符（字段内的引号应写成 \"\"）", line, column),
               fmt::format("characters after the closing quote at line {}, column {} (a quote inside a field is "
                           "written \"\")",
                           line, column)},
              out);
        // Keep what follows as part of the field, so the row keeps its shape.
        scratch_.append(text_.substr(segment, end - segment));
        const std::size_t rest = pos_;
        while (pos_ < size && !at_field_end(text_[pos_])) ++pos_;
        scratch_.append(text_.substr(rest, pos_ - rest));
        spans_.push_back({scratch_begin, scratch_.size(), true});
      } else if (unescaped) {
        scratch_.append(text_.substr(segment, end - segment));
        spans_.push_back({scratch_begin, scratch_.size(), true});
      } else {
        spans_.push_back({segment, end, false});
      }
    } else {
      const std::size_t start = pos_;
      pos_ = scan_plain(text_, pos_, delimiter_);
      bool reported = false;
      while (pos_ < size && !at_field_end(text_[pos_])) {
        if (text_[pos_] == '"' && !reported) {
          reported = true;
          const int column = column_at(pos_);
          error(
              line_, column,
              {fmt::format("第 {} 行第 {} 列：未加引号的字段中出现引号（含引号的字段应整体加引号，内部引号写成 \"\"）",
                           line_, column),
               fmt::format("stray quote at line {}, column {} in an unquoted field (quote the whole field and "
                           "write an inner quote as \"\")",
                           line_, column)},
              out);
        }
        ++pos_;
      }
      spans_.push_back({start, pos_, false});
    }
    row.fields.push_back(field);
    if (pos_ >= size) break;
    if (text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    take_line_end();
    break;
  }

  const std::string_view scratch = scratch_;
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    const Pending& s = spans_[i];
    row.fields[i].text = (s.in_scratch ? scratch : text_).substr(s.begin, s.end - s.begin);
  }
  return true;
}

}  // namespace gongkai
