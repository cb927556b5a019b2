#include <gongkai/import/html_document.hpp>

#include <gongkai/core/error.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/readers/encoding.hpp>

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <utility>

namespace gongkai::import {
namespace {

// A page's own markup nests a few dozen levels; deeper content (a crafted page) is not read,
// so the walk's recursion stays bounded.
constexpr int kMaxDepth = 400;
// A span larger than these is the page's mistake: HTML allows colspan up to 1000 and rowspan
// up to 65534, the forms' tables are at most 16 columns and 30 rows.
constexpr int kMaxColSpan = 64;
constexpr int kMaxRowSpan = 1000;
// Cells of one table: the grid's positions held (rows x columns).
constexpr std::size_t kMaxGridPositions = 200000;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Trims white space a page uses for layout at both ends of a line: ASCII, no-break (U+00A0)
// and ideographic (U+3000) spaces.
std::string_view trim_line(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && ascii_space(s.front())) s.remove_prefix(1), changed = true;
    while (!s.empty() && ascii_space(s.back())) s.remove_suffix(1), changed = true;
    for (std::string_view sp : {std::string_view("\xC2\xA0"), std::string_view("\xE3\x80\x80")}) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size()), changed = true;
      if (s.ends_with(sp)) s.remove_suffix(sp.size()), changed = true;
    }
  }
  return s;
}

// Lines trimmed, empty ones dropped, joined by '\n'.
std::string tidy_lines(std::string_view text) {
  std::string out;
  for (std::string_view line : split(text, '\n')) {
    std::string_view t = trim_line(line);
    if (t.empty()) continue;
    if (!out.empty()) out += '\n';
    out += t;
  }
  return out;
}

// White space in a text node collapsed as a browser shows it.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (ascii_space(c)) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    } else {
      out += c;
    }
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// Elements whose content is not text a reader sees.
bool hidden(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      break;
  }
  const GumboAttribute* style = gumbo_get_attribute(&node->v.element.attributes, "style");
  if (style == nullptr) return false;
  std::string s;
  for (char c : std::string_view(style->value)) {
    if (!ascii_space(c)) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s.find("display:none") != std::string::npos;
}

int span_attribute(const GumboNode* cell, const char* name, int max) {
  const GumboAttribute* a = gumbo_get_attribute(&cell->v.element.attributes, name);
  if (a == nullptr) return 1;
  std::string_view v = trim(a->value);
  int n = 0;
  std::size_t i = 0;
  for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && n <= max; ++i) n = n * 10 + (v[i] - '0');
  if (i == 0 || n < 1) return 1;
  return std::min(n, max);
}

// The text of a cell: its descendants' text, <br> and block elements as line breaks; nested
// tables are tables of their own and not part of it.
void cell_text(const GumboNode* node, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    append_collapsed(out, node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_TABLE || hidden(node)) return;
  if (tag == GUMBO_TAG_BR) {
    out += '\n';
    return;
  }
  const bool block = is_block(tag);
  if (block) out += '\n';
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    cell_text(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
  }
  if (block) out += '\n';
}

class Walker {
 public:
  explicit Walker(SourceDocument& doc) : doc_(doc) {}

  void visit(const GumboNode* node, int depth, bool in_table, bool in_heading) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
      if (in_table) return;
      if (block_.empty() && node->type != GUMBO_NODE_WHITESPACE) {
        block_line_ = static_cast<int>(node->v.text.start_pos.line);
        block_heading_ = in_heading;
      }
      append_collapsed(block_, node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) {
      return;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TITLE) {
        title(node);
        return;
      }
      if (hidden(node)) return;
      if (tag == GUMBO_TAG_TABLE) {
        flush();
        read_table(node);
        for (unsigned i = 0; i < children.length; ++i) {
          visit(static_cast<const GumboNode*>(children.data[i]), depth + 1, true, false);
        }
        return;
      }
      // A heading inside a table (the article in a CMS's layout table) is a block all the same.
      if (in_table && is_heading(tag)) {
        std::string text;
        cell_text(node, text, depth);
        text = tidy_lines(text);
        if (!text.empty()) {
          SourceBlock b;
          b.kind = SourceBlock::Kind::heading;
          b.text = std::move(text);
          b.where = fmt::format("line {}", node->v.element.start_pos.line);
          b.tables_before = static_cast<int>(doc_.tables.size());
          doc_.blocks.push_back(std::move(b));
        }
        return;
      }
      const bool block = is_block(tag);
      if (block && !in_table) flush();
      in_heading = in_heading || is_heading(tag);
      for (unsigned i = 0; i < children.length; ++i) {
        visit(static_cast<const GumboNode*>(children.data[i]), depth + 1, in_table, in_heading);
      }
      if (block && !in_table) flush();
      return;
    }
    for (unsigned i = 0; i < children.length; ++i) {
      visit(static_cast<const GumboNode*>(children.data[i]), depth + 1, in_table, in_heading);
    }
  }

  void flush() {
    std::string text = tidy_lines(block_);
    block_.clear();
    if (text.empty()) return;
    SourceBlock b;
    b.kind = block_heading_ ? SourceBlock::Kind::heading : SourceBlock::Kind::paragraph;
    b.text = std::move(text);
    b.where = fmt::format("line {}", block_line_);
    b.tables_before = static_cast<int>(doc_.tables.size());
    doc_.blocks.push_back(std::move(b));
  }

 private:
  void title(const GumboNode* node) {
    std::string text;
    cell_text(node, text, 0);
    text = tidy_lines(text);
    if (text.empty() || !doc_.title.empty()) return;
    doc_.title = text;
    flush();
    SourceBlock b;
    b.kind = SourceBlock::Kind::title;
    b.text = text;
    b.where = fmt::format("line {}", node->v.element.start_pos.line);
    b.tables_before = static_cast<int>(doc_.tables.size());
    doc_.blocks.push_back(std::move(b));
  }

  // The rows of a table: its <tr> children and those of its <thead>, <tbody>, <tfoot>; never a
  // nested table's.
  static void collect_rows(const GumboNode* node, std::vector<const GumboNode*>& rows) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        rows.push_back(c);
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        collect_rows(c, rows);
      }
    }
  }

  void read_table(const GumboNode* node) {
    const int number = static_cast<int>(doc_.tables.size()) + 1;
    SourceTable table;
    table.where = fmt::format("table {}", number);
    std::vector<const GumboNode*> rows;
    collect_rows(node, rows);
    std::set<std::pair<int, int>> taken;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const int row = static_cast<int>(r);
      int col = 0;
      const GumboVector& cells = rows[r]->v.element.children;
      for (unsigned i = 0; i < cells.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(cells.data[i]);
        if (c->type != GUMBO_NODE_ELEMENT) continue;
        if (c->v.element.tag != GUMBO_TAG_TD && c->v.element.tag != GUMBO_TAG_TH) continue;
        if (hidden(c)) continue;
        while (taken.count({row, col}) != 0) ++col;
        const int cs = span_attribute(c, "colspan", kMaxColSpan);
        const int rs = std::min(span_attribute(c, "rowspan", kMaxRowSpan), static_cast<int>(rows.size()) - row);
        if (taken.size() + static_cast<std::size_t>(cs) * static_cast<std::size_t>(rs) > kMaxGridPositions) break;
        for (int y = row; y < row + rs; ++y) {
          for (int x = col; x < col + cs; ++x) taken.insert({y, x});
        }
        SourceCell cell;
        std::string raw;
        cell_text(c, raw, 0);
        cell.text = tidy_lines(raw);
        cell.row = row;
        cell.col = col;
        cell.row_span = rs;
        cell.col_span = cs;
        cell.where = fmt::format("table {}, row {}, column {}", number, row + 1, col + 1);
        table.rows = std::max(table.rows, row + rs);
        table.cols = std::max(table.cols, col + cs);
        table.cells.push_back(std::move(cell));
        col += cs;
      }
    }
    std::sort(table.cells.begin(), table.cells.end(), [](const SourceCell& a, const SourceCell& b) {
      return std::pair(a.row, a.col) < std::pair(b.row, b.col);
    });
    doc_.tables.push_back(std::move(table));
  }

  SourceDocument& doc_;
  std::string block_;
  int block_line_ = 0;
  bool block_heading_ = false;
};

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

std::optional<std::string> declared_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 16384));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(head).substr(at, end - at);
    const std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag.size() && ascii_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (ascii_space(tag[i]) || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::string name;
    while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' || tag[i] == '_')) {
      name += tag[i++];
    }
    if (!name.empty()) return name;
  }
  return std::nullopt;
}

SourceDocument read_html_document(const std::string& path, std::string_view bytes, Diagnostics& out) {
  const SourceLoc file{path, 0, 0, {}};
  Encoding enc = Encoding::utf8;
  if (!bytes.starts_with("\xEF\xBB\xBF")) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
      throw InputError(file, {"网页为 UTF-16 编码，无法读取：请另存为 UTF-8 或 GB18030",
                              "the page is UTF-16: save it as UTF-8 or GB18030"});
    }
    if (auto cs = declared_charset(bytes)) {
      if (*cs == "gb2312" || *cs == "gbk" || *cs == "gb18030" || *cs == "x-gbk" || *cs == "cp936" || *cs == "euc-cn" ||
          *cs == "x-euc-cn") {
        enc = Encoding::gb18030;
      } else if (*cs != "utf-8" && *cs != "utf8" && *cs != "us-ascii" && *cs != "ascii") {
        throw InputError(file, {fmt::format("网页声明的字符集「{}」不受支持（支持 UTF-8、GB2312、GBK、GB18030）", *cs),
                                fmt::format("the page declares the charset '{}', which is not supported (supported: "
                                            "UTF-8, GB2312, GBK, GB18030)",
                                            *cs)});
      }
    }
  }
  Diagnostics decoding;
  std::optional<std::string> text = to_utf8(bytes, path, enc, decoding);
  if (!text) {
    const Diagnostic& d = decoding.items().front();
    throw InputError(d.where, d.message);
  }
  if (enc == Encoding::gb18030) {
    out.add(Diagnostic::make(Severity::info, "encoding", file,
                             {"网页声明为 GB2312/GBK/GB18030 编码，已按 GB18030 解码",
                              "decoded as GB18030 (the page declares GB2312, GBK or GB18030)"}));
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboDeleter> parsed(gumbo_parse_with_options(&options, text->data(), text->size()));
  if (!parsed) throw InputError(file, {"无法解析网页", "the page cannot be parsed"});
  SourceDocument doc;
  doc.path = path;
  Walker walker(doc);
  walker.visit(parsed->document, 0, false, false);
  walker.flush();
  return doc;
}

}  // namespace gongkai::import
