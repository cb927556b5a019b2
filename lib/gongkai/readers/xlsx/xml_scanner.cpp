// The scanner engine of parse_xml: XML 1.0 in UTF-8, without a DTD, read in one pass over a
// buffer that grows only while one tag does not fit in it. It gives expat's events (text
// possibly split differently) and refuses what expat refuses, with expat's wording and, for
// the usual errors, expat's line and column (columns count characters, as expat's do).
//
// Element and attribute names are checked as expat checks them for ASCII; a name's non-ASCII
// characters need only be valid UTF-8 (expat also holds them to XML's tables of name
// characters). No OOXML name is non-ASCII, so no workbook reads differently for it.
#include <gongkai/readers/xlsx/xml_engines.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gongkai::xml_detail {
namespace {

using uchar = unsigned char;

constexpr std::size_t kRead = std::size_t{1} << 18;

constexpr std::string_view kInvalidToken = "not well-formed (invalid token)";
constexpr std::string_view kNoElement = "no element found";
constexpr std::string_view kUnclosedToken = "unclosed token";
constexpr std::string_view kMismatchedTag = "mismatched tag";
constexpr std::string_view kJunkAfter = "junk after document element";
constexpr std::string_view kSyntaxError = "syntax error";
constexpr std::string_view kUndefinedEntity = "undefined entity";
constexpr std::string_view kBadCharRef = "reference to invalid character number";
constexpr std::string_view kDuplicateAttribute = "duplicate attribute";
constexpr std::string_view kMisplacedDeclaration = "XML or text declaration not at start of entity";
constexpr std::string_view kBadDeclaration = "XML declaration not well-formed";
constexpr std::string_view kPartialChar = "partial character";
constexpr std::string_view kUnknownEncoding = "unknown encoding";

// What a byte means in character data (kText) and in an attribute value (kValue).
enum Class : std::uint8_t { plain, lt, amp, cr, rsqb, ws, utf8, bad };

constexpr std::array<std::uint8_t, 256> make_classes(bool in_value) {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = plain;
    if (c < 0x20) k = bad;
    if (c >= 0x80) k = utf8;
    t[static_cast<std::size_t>(c)] = k;
  }
  t['\t'] = in_value ? ws : plain;
  t['\n'] = in_value ? ws : plain;
  t['\r'] = cr;
  t['<'] = lt;
  t['&'] = amp;
  if (!in_value) t[']'] = rsqb;
  return t;
}
constexpr std::array<std::uint8_t, 256> kText = make_classes(false);
constexpr std::array<std::uint8_t, 256> kValue = make_classes(true);

// 1: may start a name; 2: may continue one. Bytes of a UTF-8 sequence are 3 (checked apart).
constexpr std::array<std::uint8_t, 256> make_names() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = 1;
  t['_'] = 1;
  t[':'] = 1;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 2;
  t['-'] = 2;
  t['.'] = 2;
  for (int c = 0x80; c < 256; ++c) t[static_cast<std::size_t>(c)] = 3;
  return t;
}
constexpr std::array<std::uint8_t, 256> kName = make_names();

// The bytes [b, e) as text.
std::string_view bytes(const uchar* b, const uchar* e) {
  return {reinterpret_cast<const char*>(b), static_cast<std::size_t>(e - b)};
}

bool is_space(uchar c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The length of the UTF-8 sequence at p that is an XML character (2 to 4), 0 when the bytes
// end before it does, -1 when it is not one (malformed, overlong, a surrogate, U+FFFE/U+FFFF).
int utf8_char(const uchar* p, const uchar* e) {
  unsigned c = p[0];
  int n = 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (c < 0xC2) return -1;
  if (c < 0xE0) {
    n = 2;
  } else if (c < 0xF0) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c < 0xF5) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  if (e - p < 2) return 0;
  if (p[1] < lo || p[1] > hi) return -1;
  for (int i = 2; i < n; ++i) {
    if (e - p <= i) return 0;
    if ((p[i] & 0xC0) != 0x80) return -1;
  }
  if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return -1;
  return n;
}

bool is_xml_char(std::uint32_t v) {
  return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) ||
         (v >= 0x10000 && v <= 0x10FFFF);
}

int encode_utf8(std::uint32_t v, char* out) {
  if (v < 0x80) {
    out[0] = static_cast<char>(v);
    return 1;
  }
  if (v < 0x800) {
    out[0] = static_cast<char>(0xC0 | (v >> 6));
    out[1] = static_cast<char>(0x80 | (v & 0x3F));
    return 2;
  }
  if (v < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (v >> 12));
    out[1] = static_cast<char>(0x80 | ((v >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (v & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (v >> 18));
  out[1] = static_cast<char>(0x80 | ((v >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((v >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (v & 0x3F));
  return 4;
}

// Line and column as expat counts them: CR, LF and CR LF each end a line; a column is a
// character, not a byte.
struct Position {
  std::uint64_t line = 1;
  std::uint64_t column = 0;  // characters before this point on its line
  bool after_cr = false;

  void advance(const uchar* p, const uchar* e) {
    if (p == e) return;
    auto n = static_cast<std::size_t>(e - p);
    if (after_cr || std::memchr(p, '\r', n) != nullptr) {
      for (; p < e; ++p) {
        if (*p == '\r') {
          ++line;
          column = 0;
          after_cr = true;
          continue;
        }
        if (*p == '\n') {
          if (!after_cr) ++line;
          column = 0;
        } else if ((*p & 0xC0) != 0x80) {
          ++column;
        }
        after_cr = false;
      }
      return;
    }
    // A sheet is one long line: the line ends are found with memchr, the characters after
    // the last one counted eight bytes at a time.
    const uchar* last_line = nullptr;
    for (const uchar* q = p;;) {
      const auto* nl = static_cast<const uchar*>(std::memchr(q, '\n', static_cast<std::size_t>(e - q)));
      if (nl == nullptr) break;
      ++line;
      last_line = q = nl + 1;
    }
    if (last_line != nullptr) {
      column = 0;
      p = last_line;
    }
    column += characters_in(p, e);
  }

  // The UTF-8 characters in [p, e): the bytes that are not continuation bytes (10xxxxxx).
  static std::uint64_t characters_in(const uchar* p, const uchar* e) {
    std::uint64_t n = 0;
    for (; e - p >= 8; p += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      std::uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ULL;
      n += 8 - static_cast<std::uint64_t>(std::popcount(continuation));
    }
    for (; p < e; ++p) n += (*p & 0xC0) != 0x80 ? 1 : 0;
    return n;
  }
};

enum class Step { done, more };  // more: the construct runs past the bytes read so far

class Scanner {
 public:
  explicit Scanner(const XmlRun& run) : run_(run), handler_(run.handler) {}

  bool scan() {
    load_prefix();
    (void)fill_at_least(4);
    if (avail() >= 3 && std::memcmp(at(), "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
    for (;;) {
      if (avail() == 0 && !grow()) break;
      Step step = (*at() == '<') ? markup() : characters();
      if (step == Step::more) {
        if (!grow()) truncated();
        continue;
      }
      first_ = false;
      if (handler_.stop_requested()) return false;
    }
    if (depth_ > 0 || !root_closed_) malformed(end_, kNoElement);
    return true;
  }

 private:
  // --- the buffer -------------------------------------------------------------------------

  [[nodiscard]] std::size_t avail() const { return end_ - pos_; }
  [[nodiscard]] const uchar* at() const { return buf_.data() + pos_; }
  [[nodiscard]] const uchar* limit() const { return buf_.data() + end_; }
  [[nodiscard]] std::size_t offset(const uchar* p) const { return static_cast<std::size_t>(p - buf_.data()); }
  void load_prefix() {
    reserve(std::max(kRead, run_.prefix.size()));
    std::memcpy(buf_.data(), run_.prefix.data(), run_.prefix.size());
    end_ = run_.prefix.size();
  }

  // Room for `size` bytes, the unread ones kept at the front; not zeroed, unlike a vector's.
  void reserve(std::size_t size) {
    auto bigger = std::make_unique_for_overwrite<uchar[]>(size);
    if (avail() > 0) std::memcpy(bigger.get(), at(), avail());
    end_ = avail();
    pos_ = 0;
    storage_ = std::move(bigger);
    buf_ = std::span<uchar>(storage_.get(), size);
  }

  // Moves the unread bytes to the front, counting the lines of those dropped.
  void compact() {
    if (pos_ == 0) return;
    base_.advance(buf_.data(), at());
    std::memmove(buf_.data(), at(), avail());
    end_ -= pos_;
    pos_ = 0;
  }

  // Reads until at least `want` bytes are unread or the input ends; false when none came.
  bool fill_at_least(std::size_t want) {
    if (eof_) return false;
    compact();
    if (buf_.size() < want + kRead) reserve(std::max(buf_.size() * 2, want + kRead));
    bool any = false;
    while (avail() < want || !any) {
      std::size_t n = run_.input.read(reinterpret_cast<char*>(buf_.data() + end_), buf_.size() - end_);
      if (n == 0) {
        eof_ = true;
        break;
      }
      end_ += n;
      any = true;
      if (end_ == buf_.size()) break;
    }
    return any;
  }

  // More bytes for a construct that runs past the end: twice the unread bytes, so a long tag
  // is scanned a logarithmic number of times.
  bool grow() { return fill_at_least(std::max<std::size_t>(avail() * 2, kRead / 2)); }

  // The input ended inside the construct at pos_.
  [[noreturn]] void truncated() const {
    uchar c = *at();
    if (c == '<' || c == '&') malformed(pos_, kUnclosedToken);
    if (c >= 0x80) malformed(pos_, kPartialChar);
    malformed(end_, kNoElement);  // a `]` or CR at the end of an unclosed element
  }

  Position position_at(std::size_t off) const {
    Position p = base_;
    p.advance(buf_.data(), buf_.data() + off);
    return p;
  }

  [[noreturn]] void malformed(std::size_t off, std::string_view message) const {
    Position p = position_at(off);
    fail_malformed(run_, p.line, p.column + 1, message);
  }
  [[noreturn]] void malformed(const uchar* p, std::string_view message) const { malformed(offset(p), message); }

  // --- names and references ---------------------------------------------------------------

  // The end of the name at p; nullptr when the bytes end first. Fails at p if no name starts.
  const uchar* name_end(const uchar* p, const uchar* e) const {
    if (p == e) return nullptr;
    if (kName[*p] != 1 && kName[*p] != 3) malformed(p, kInvalidToken);
    while (p < e) {
      std::uint8_t k = kName[*p];
      if (k == 0) return p;
      if (k == 3) {
        int n = utf8_char(p, e);
        if (n == 0) return nullptr;
        if (n < 0) malformed(p, kInvalidToken);
        p += n;
      } else {
        ++p;
      }
    }
    return nullptr;
  }

  // The reference at p (`&…;`) decoded into ref_; the byte after it, or nullptr when the bytes
  // end first.
  const uchar* reference(const uchar* p, const uchar* e) {
    const uchar* q = p + 1;
    if (q == e) return nullptr;
    if (*q == '#') {
      ++q;
      if (q == e) return nullptr;
      bool hex = *q == 'x';
      if (hex) ++q;
      std::uint32_t v = 0;
      const uchar* digits = q;
      for (;; ++q) {
        if (q == e) return nullptr;
        unsigned d = 0;
        if (*q >= '0' && *q <= '9') {
          d = *q - '0';
        } else if (hex && *q >= 'a' && *q <= 'f') {
          d = *q - 'a' + 10;
        } else if (hex && *q >= 'A' && *q <= 'F') {
          d = *q - 'A' + 10;
        } else {
          break;
        }
        v = v * (hex ? 16 : 10) + d;
        if (v > 0x10FFFF) v = 0x110000;  // stays out of range, never wraps
      }
      if (q == digits || *q != ';') malformed(q, kInvalidToken);
      if (!is_xml_char(v)) malformed(p, kBadCharRef);
      ref_size_ = encode_utf8(v, ref_.data());
      return q + 1;
    }
    const uchar* end = name_end(q, e);
    if (end == nullptr) return nullptr;
    if (*end != ';') malformed(end, kInvalidToken);
    std::string_view name = bytes(q, end);
    char c = 0;
    if (name == "lt") {
      c = '<';
    } else if (name == "gt") {
      c = '>';
    } else if (name == "amp") {
      c = '&';
    } else if (name == "quot") {
      c = '"';
    } else if (name == "apos") {
      c = '\'';
    } else {
      malformed(p, kUndefinedEntity);
    }
    ref_[0] = c;
    ref_size_ = 1;
    return end + 1;
  }

  // Checks that [p, e) is characters only: for comments, processing instructions, CDATA.
  void check_chars(const uchar* p, const uchar* e) const {
    while (p < e) {
      std::uint8_t k = kText[*p];
      if (k == utf8) {
        int n = utf8_char(p, e);
        if (n <= 0) malformed(p, kInvalidToken);
        p += n;
      } else if (k == bad) {
        malformed(p, kInvalidToken);
      } else {
        ++p;
      }
    }
  }

  // --- character data ---------------------------------------------------------------------

  void deliver(const uchar* p, const uchar* e) {
    if (p != e) handler_.text(bytes(p, e));
  }

  Step characters() {
    const uchar* start = at();
    const uchar* e = limit();
    if (depth_ == 0) {
      const uchar* p = start;
      while (p < e && is_space(*p)) ++p;
      if (p < e && *p != '<') malformed(p, root_closed_ ? kJunkAfter : kSyntaxError);
      pos_ = offset(p);
      return Step::done;
    }
    const uchar* p = start;
    const uchar* run = p;
    // Stops at p before a construct that needs bytes not yet read.
    auto pause = [&](const uchar* q) {
      deliver(run, q);
      pos_ = offset(q);
      return q == start ? Step::more : Step::done;
    };
    for (;;) {
      while (p < e && kText[*p] == plain) ++p;
      if (p == e) {
        deliver(run, p);
        pos_ = offset(p);
        return Step::done;
      }
      switch (kText[*p]) {
        case lt:
          deliver(run, p);
          pos_ = offset(p);
          return Step::done;
        case amp: {
          const uchar* after = reference(p, e);
          if (after == nullptr) return pause(p);
          deliver(run, p);
          handler_.text(std::string_view(ref_.data(), static_cast<std::size_t>(ref_size_)));
          p = run = after;
          break;
        }
        case cr:
          if (p + 1 == e && !eof_) return pause(p);
          deliver(run, p);
          handler_.text("\n");
          p += (p + 1 < e && p[1] == '\n') ? 2 : 1;
          run = p;
          break;
        case rsqb:
          if (e - p < 3 && !eof_) return pause(p);
          if (e - p >= 3 && p[1] == ']' && p[2] == '>') malformed(p + 2, kInvalidToken);
          ++p;
          break;
        case utf8: {
          int n = utf8_char(p, e);
          if (n == 0) {
            if (eof_) malformed(p, kPartialChar);
            return pause(p);
          }
          if (n < 0) malformed(p, kInvalidToken);
          p += n;
          break;
        }
        default:
          malformed(p, kInvalidToken);
      }
      if (handler_.stop_requested()) {
        pos_ = offset(p);
        return Step::done;
      }
    }
  }

  // --- markup -----------------------------------------------------------------------------

  Step markup() {
    const uchar* p = at();
    const uchar* e = limit();
    if (e - p < 2) return Step::more;
    switch (p[1]) {
      case '/':
        return end_tag();
      case '?':
        return instruction();
      case '!':
        return declaration();
      default:
        return start_tag();
    }
  }

  Step start_tag() {
    const uchar* s = at();
    const uchar* e = limit();
    const uchar* name = s + 1;
    const uchar* p = name_end(name, e);
    if (p == nullptr) return Step::more;
    std::string_view qname = bytes(name, p);
    attributes_.clear();
    values_.clear();
    spans_.clear();
    bool empty = false;
    for (;;) {
      const uchar* gap = p;
      while (p < e && is_space(*p)) ++p;
      if (p == e) return Step::more;
      if (*p == '>') {
        ++p;
        break;
      }
      if (*p == '/') {
        if (p + 1 == e) return Step::more;
        if (p[1] != '>') malformed(p + 1, kInvalidToken);
        p += 2;
        empty = true;
        break;
      }
      if (p == gap) malformed(p, kInvalidToken);
      const uchar* attr = p;
      p = name_end(p, e);
      if (p == nullptr) return Step::more;
      const uchar* attr_end = p;
      while (p < e && is_space(*p)) ++p;
      if (p == e) return Step::more;
      if (*p != '=') malformed(p, kInvalidToken);
      ++p;
      while (p < e && is_space(*p)) ++p;
      if (p == e) return Step::more;
      if (*p != '"' && *p != '\'') malformed(p, kInvalidToken);
      uchar quote = *p++;
      const auto* close = static_cast<const uchar*>(std::memchr(p, quote, static_cast<std::size_t>(e - p)));
      if (close == nullptr) return Step::more;
      ValueSpan span;
      span.name = bytes(attr, attr_end);
      value(p, close, span);
      spans_.push_back(span);
      p = close + 1;
    }
    // Each value is now final: views into the buffer or into values_.
    for (const ValueSpan& v : spans_) {
      std::string_view text = v.decoded ? std::string_view(values_).substr(v.offset, v.size)
                                        : std::string_view(reinterpret_cast<const char*>(v.raw), v.size);
      attributes_.push_back({v.name, text});
    }
    check_duplicates();
    if (root_closed_) malformed(s, kJunkAfter);
    if (++depth_ > run_.limits.max_xml_depth) {
      Position at_tag = position_at(offset(s));
      fail_too_deep(run_, at_tag.line, at_tag.column + 1);
    }
    open_.push_back(static_cast<std::uint32_t>(names_.size()));
    names_.append(qname);
    pos_ = offset(p);
    handler_.start(xml_local_name(qname), XmlAttributes(attributes_));
    if (empty && !handler_.stop_requested()) close_element();
    return Step::done;
  }

  struct ValueSpan {
    std::string_view name;
    const uchar* raw = nullptr;
    std::size_t offset = 0;
    std::size_t size = 0;
    bool decoded = false;
  };

  // The attribute value [p, e): a view of the buffer when nothing in it needs decoding,
  // otherwise decoded into values_.
  void value(const uchar* p, const uchar* e, ValueSpan& span) {
    const uchar* run = p;
    span.raw = p;
    for (;;) {
      while (p < e && kValue[*p] == plain) ++p;
      if (p == e) break;
      switch (kValue[*p]) {
        case amp: {
          const uchar* after = reference(p, e);
          if (after == nullptr) malformed(p, kInvalidToken);  // the quote came first
          begin_decoding(span, run, p);
          values_.append(ref_.data(), static_cast<std::size_t>(ref_size_));
          p = run = after;
          break;
        }
        case ws:
        case cr:
          begin_decoding(span, run, p);
          values_.push_back(' ');
          p += (*p == '\r' && p + 1 < e && p[1] == '\n') ? 2 : 1;
          run = p;
          break;
        case utf8: {
          int n = utf8_char(p, e);
          if (n <= 0) malformed(p, kInvalidToken);
          p += n;
          break;
        }
        default:  // `<` or a control character
          malformed(p, kInvalidToken);
      }
    }
    if (span.decoded) {
      values_.append(bytes(run, p));
      span.size = values_.size() - span.offset;
    } else {
      span.size = static_cast<std::size_t>(e - span.raw);
    }
  }

  // Switches the value to decoded, copying [run, p) (and, the first time, what came before).
  void begin_decoding(ValueSpan& span, const uchar* run, const uchar* p) {
    if (!span.decoded) {
      span.decoded = true;
      span.offset = values_.size();
      run = span.raw;
    }
    values_.append(bytes(run, p));
  }

  void check_duplicates() const {
    std::size_t n = attributes_.size();
    if (n <= 32) {
      for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          std::string_view a = attributes_[i].name;
          std::string_view b = attributes_[j].name;
          if (a.size() == b.size() && a[0] == b[0] && a == b) {
            malformed(reinterpret_cast<const uchar*>(attributes_[i].name.data()), kDuplicateAttribute);
          }
        }
      }
      return;
    }
    // A long list (hostile, no workbook has one): sorted, not compared pair by pair.
    std::vector<std::string_view> names;
    names.reserve(n);
    for (const XmlAttribute& a : attributes_) names.push_back(a.name);
    std::sort(names.begin(), names.end());
    auto dup = std::adjacent_find(names.begin(), names.end());
    if (dup != names.end()) malformed(reinterpret_cast<const uchar*>(dup->data()), kDuplicateAttribute);
  }

  void close_element() {
    std::string_view qname = std::string_view(names_).substr(open_.back());
    --depth_;
    if (depth_ == 0) root_closed_ = true;
    handler_.end(xml_local_name(qname));
    names_.resize(open_.back());
    open_.pop_back();
  }

  Step end_tag() {
    const uchar* s = at();
    const uchar* e = limit();
    const uchar* name = s + 2;
    const uchar* p = name_end(name, e);
    if (p == nullptr) return Step::more;
    std::string_view qname = bytes(name, p);
    while (p < e && is_space(*p)) ++p;
    if (p == e) return Step::more;
    if (*p != '>') malformed(p, kInvalidToken);
    if (depth_ == 0) malformed(s, root_closed_ ? kJunkAfter : kSyntaxError);
    if (std::string_view(names_).substr(open_.back()) != qname) malformed(name, kMismatchedTag);
    pos_ = offset(p + 1);
    close_element();
    return Step::done;
  }

  // Finds `close` at or after p; nullptr when not yet read.
  static const uchar* find(const uchar* p, const uchar* e, std::string_view close) {
    std::string_view hay = bytes(p, e);
    auto at = hay.find(close);
    return at == std::string_view::npos ? nullptr : p + at;
  }

  Step instruction() {
    const uchar* s = at();
    const uchar* e = limit();
    const uchar* target = s + 2;
    const uchar* p = name_end(target, e);
    if (p == nullptr) return Step::more;
    std::string_view name = bytes(target, p);
    bool is_xml = name.size() == 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l';
    if (is_xml && name != "xml") malformed(p, kInvalidToken);
    const uchar* close = find(p, e, "?>");
    if (close == nullptr) return Step::more;
    if (p != close && !is_space(*p)) malformed(p, kInvalidToken);
    check_chars(p, close);
    if (is_xml) {
      if (!first_) malformed(s, kMisplacedDeclaration);
      declaration_fields(p, close);
    }
    pos_ = offset(close + 2);
    return Step::done;
  }

  [[nodiscard]] bool root_seen() const { return depth_ > 0 || root_closed_; }

  // `version="1.0" encoding="UTF-8" standalone="yes"`, in that order, the last two optional.
  void declaration_fields(const uchar* p, const uchar* e) const {
    const uchar* field_start = p;
    auto field = [&](std::string_view key, bool required) -> std::optional<std::string_view> {
      const uchar* q = p;
      while (q < e && is_space(*q)) ++q;
      std::string_view rest = bytes(q, e);
      if (!rest.starts_with(key)) {
        if (required) malformed(q, kBadDeclaration);
        return std::nullopt;
      }
      if (q == p) malformed(q, kBadDeclaration);
      q += key.size();
      while (q < e && is_space(*q)) ++q;
      if (q == e || *q != '=') malformed(q, kBadDeclaration);
      ++q;
      while (q < e && is_space(*q)) ++q;
      if (q == e || (*q != '"' && *q != '\'')) malformed(q, kBadDeclaration);
      uchar quote = *q++;
      const uchar* v = q;
      while (q < e && *q != quote) ++q;
      if (q == e) malformed(q, kBadDeclaration);
      std::string_view text = bytes(v, q);
      p = q + 1;
      field_start = v;
      return text;
    };
    std::string_view version = *field("version", true);
    for (char c : version) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
            c == ':' || c == '-')) {
        malformed(field_start, kBadDeclaration);
      }
    }
    // The dispatch sends a part declaring another encoding to expat; this one is declared
    // past the head the dispatch reads, where expat would not know it either.
    auto encoding = field("encoding", false);
    if (encoding && !ascii_iequal(*encoding, "UTF-8")) malformed(field_start, kUnknownEncoding);
    auto standalone = field("standalone", false);
    if (standalone && *standalone != "yes" && *standalone != "no") malformed(field_start, kBadDeclaration);
    while (p < e && is_space(*p)) ++p;
    if (p != e) malformed(p, kBadDeclaration);
  }

  Step declaration() {
    const uchar* s = at();
    const uchar* e = limit();
    std::string_view rest = bytes(s, e);
    auto cut_short = [&](std::string_view token) { return rest.size() < token.size() && token.starts_with(rest); };
    if (cut_short("<!--") || cut_short("<![CDATA[") || cut_short("<!DOCTYPE")) return Step::more;
    if (rest.starts_with("<!--")) {
      const uchar* close = find(s + 4, e, "--");
      if (close == nullptr) return Step::more;
      if (close + 2 == e) return Step::more;
      if (close[2] != '>') malformed(close + 2, kInvalidToken);
      check_chars(s + 4, close);
      pos_ = offset(close + 3);
      return Step::done;
    }
    if (rest.starts_with("<![CDATA[")) {
      if (depth_ == 0) malformed(s, root_closed_ ? kJunkAfter : kSyntaxError);
      const uchar* close = find(s + 9, e, "]]>");
      if (close == nullptr) return Step::more;
      cdata(s + 9, close);
      pos_ = offset(close + 3);
      return Step::done;
    }
    if (rest.starts_with("<!DOCTYPE")) {
      if (root_seen()) malformed(s, root_closed_ ? kJunkAfter : kInvalidToken);
      // expat reports a DOCTYPE where its internal subset opens, or where it ends.
      const uchar* p = s + 9;
      uchar quote = 0;
      for (; p < e; ++p) {
        if (quote != 0) {
          if (*p == quote) quote = 0;
        } else if (*p == '"' || *p == '\'') {
          quote = *p;
        } else if (*p == '[' || *p == '>') {
          break;
        }
      }
      if (p == e) return Step::more;
      Position at_subset = position_at(offset(p));
      fail_doctype(run_, at_subset.line, at_subset.column + 1);
    }
    malformed(s + 2, depth_ == 0 && !root_closed_ ? kSyntaxError : kInvalidToken);
  }

  void cdata(const uchar* p, const uchar* e) {
    check_chars(p, e);
    const uchar* run = p;
    while (p < e) {
      if (*p == '\r') {
        deliver(run, p);
        handler_.text("\n");
        p += (p + 1 < e && p[1] == '\n') ? 2 : 1;
        run = p;
      } else {
        ++p;
      }
    }
    deliver(run, p);
  }

  const XmlRun& run_;
  XmlHandler& handler_;
  std::unique_ptr<uchar[]> storage_;
  std::span<uchar> buf_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  Position base_;      // where buf_[0] is in the part
  bool first_ = true;  // nothing read yet but a byte order mark: an XML declaration may come

  int depth_ = 0;
  bool root_closed_ = false;
  std::string names_;                // the open elements' names, back to back
  std::vector<std::uint32_t> open_;  // where each starts in names_
  std::vector<XmlAttribute> attributes_;
  std::vector<ValueSpan> spans_;
  std::string values_;  // attribute values that needed decoding
  std::array<char, 4> ref_{};
  int ref_size_ = 0;
};

}  // namespace

bool parse_with_scanner(const XmlRun& run) {
  Scanner scanner(run);
  return scanner.scan();
}

}  // namespace gongkai::xml_detail
