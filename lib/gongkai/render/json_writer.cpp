#include <gongkai/render/json_writer.hpp>

#include <gongkai/core/text.hpp>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

namespace gongkai {

void JsonWriter::newline_indent() {
  out_ += '\n';
  out_.append(2 * counts_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the document itself
  if (counts_.back()++ > 0) out_ += ',';
  newline_indent();
}

void JsonWriter::key(std::string_view k) {
  if (counts_.back()++ > 0) out_ += ',';
  newline_indent();
  string(k);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  counts_.push_back(0);
}

void JsonWriter::end_object() {
  const std::size_t n = counts_.back();
  counts_.pop_back();
  if (n > 0) newline_indent();
  out_ += '}';
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  counts_.push_back(0);
}

void JsonWriter::end_array() {
  const std::size_t n = counts_.back();
  counts_.pop_back();
  if (n > 0) newline_indent();
  out_ += ']';
}

void JsonWriter::value(std::string_view s) {
  before_value();
  string(s);
}

void JsonWriter::value(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", n);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::value(const nlohmann::ordered_json& j) {
  before_value();
  // dump(2) indents from column 0; at this depth every line after the first moves right. A
  // string's own line breaks are escaped, so every '\n' of the text is a layout line break.
  const std::string text = j.dump(2);
  const std::string pad(2 * counts_.size(), ' ');
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out_.append(text, from, nl + 1 - from);
    out_ += pad;
    from = nl + 1;
  }
  out_.append(text, from, std::string::npos);
}

void JsonWriter::string(std::string_view s) {
  // dump() refuses text that is not UTF-8 (type_error 316): so does this, the same way.
  if (find_invalid_utf8(s) != std::string_view::npos) (void)nlohmann::ordered_json(std::string(s)).dump();
  out_ += '"';
  std::size_t plain = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default:
        fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
        break;
    }
  }
  out_.append(s, plain, std::string_view::npos);
  out_ += '"';
}

}  // namespace gongkai
