#include <gongkai/readers/xlsx/sheet_stream.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/readers/xlsx/ooxml_text.hpp>
#include <gongkai/readers/xlsx/xlsx_error.hpp>
#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <vector>

namespace gongkai {
namespace {

std::string_view trim_ws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

template <typename T>
std::optional<T> parse_unsigned(std::string_view s) {
  s = trim_ws(s);
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// What `t="…"` says a cell holds.
enum class Kind : std::uint8_t { number, shared, inline_string, formula_string, boolean, error, date };

Kind kind_of(std::optional<std::string_view> t) {
  if (!t || t->empty() || *t == "n") return Kind::number;
  if (*t == "s") return Kind::shared;
  if (*t == "inlineStr") return Kind::inline_string;
  if (*t == "str") return Kind::formula_string;
  if (*t == "b") return Kind::boolean;
  if (*t == "e") return Kind::error;
  if (*t == "d") return Kind::date;
  return Kind::number;
}

// A cell of the current row; its text is either in the row buffer (offset, size) or a view
// into storage that outlives the row (shared strings, literals).
struct PendingCell {
  std::uint32_t column = 0;
  XlsxValueType type = XlsxValueType::number;
  bool formula = false;
  bool in_buffer = true;
  std::size_t offset = 0;
  std::size_t size = 0;
  std::string_view view;
};

class WorksheetParser : public XmlHandler {
 public:
  WorksheetParser(const ZipPackage& package, const WorksheetSource& source, const XlsxRowCallback& on_row)
      : package_(package), limits_(package.limits()), source_(source), on_row_(on_row) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    switch (name.size()) {
      case 1:
        if (name == "c" && in_row_)
          begin_cell(attributes);
        else if (name == "v" && in_cell_)
          begin_value();
        else if (name == "f" && in_cell_)
          formula_ = true;
        else if (name == "t" && in_inline_ && phonetic_ == 0)
          begin_value();
        break;
      case 2:
        if (name == "is" && in_cell_) {
          in_inline_ = true;
          has_value_ = true;
        }
        break;
      case 3:
        if (name == "row" && in_sheet_data_)
          begin_row(attributes);
        else if (name == "rPh")
          ++phonetic_;
        break;
      default:
        if (name == "sheetData")
          in_sheet_data_ = true;
        else if (name == "mergeCell")
          add_merge(attributes);
        break;
    }
  }

  void end(std::string_view name) override {
    switch (name.size()) {
      case 1:
        if (name == "v" || name == "t")
          in_value_ = false;
        else if (name == "c" && in_cell_)
          end_cell();
        break;
      case 2:
        if (name == "is") in_inline_ = false;
        break;
      case 3:
        if (name == "row" && in_row_)
          end_row();
        else if (name == "rPh")
          --phonetic_;
        break;
      default:
        if (name == "sheetData") in_sheet_data_ = false;
        break;
    }
  }

  void text(std::string_view chunk) override {
    if (!in_value_) return;
    if (buffer_.size() - value_start_ + chunk.size() > limits_.max_cell_text_bytes) {
      fail_cell(XlsxFailure::refused,
                {fmt::format("单元格文字超过 {} 字节的上限", limits_.max_cell_text_bytes),
                 fmt::format("cell text longer than the limit of {} bytes", limits_.max_cell_text_bytes)});
    }
    buffer_.append(chunk);
  }

  XlsxSheetSummary summary;

 private:
  [[noreturn]] void fail_cell(XlsxFailure kind, const Text& detail) {
    xlsx_fail(kind, package_.name(), source_.part, detail, sheet_cell_ref(source_.sheet_name, CellRef{row_, column_}));
  }

  void begin_row(const XmlAttributes& attributes) {
    auto r = attributes.get("r");
    std::uint32_t row = row_ + 1;
    if (r) {
      auto parsed = parse_unsigned<std::uint32_t>(*r);
      if (!parsed || *parsed < 1 || *parsed > kXlsxMaxRows) {
        xlsx_fail(XlsxFailure::corrupt, package_.name(), source_.part,
                  {fmt::format("工作表「{}」的行号「{}」无效", source_.sheet_name, excerpt(*r)),
                   fmt::format("sheet '{}': invalid row number '{}'", source_.sheet_name, excerpt(*r))});
      }
      row = *parsed;
    } else if (row > kXlsxMaxRows) {
      xlsx_fail(XlsxFailure::corrupt, package_.name(), source_.part,
                {fmt::format("工作表「{}」超过 {} 行", source_.sheet_name, kXlsxMaxRows),
                 fmt::format("sheet '{}' has more than {} rows", source_.sheet_name, kXlsxMaxRows)});
    }
    row_ = row;
    column_ = 0;
    in_row_ = true;
    cells_.clear();
    buffer_.clear();
  }

  void begin_cell(const XmlAttributes& attributes) {
    std::uint32_t column = column_ + 1;
    if (auto r = attributes.get("r")) {
      auto ref = parse_cell_ref(*r);
      if (!ref) {
        xlsx_fail(
            XlsxFailure::corrupt, package_.name(), source_.part,
            {fmt::format("工作表「{}」第 {} 行的单元格引用「{}」无效", source_.sheet_name, row_, excerpt(*r)),
             fmt::format("sheet '{}' row {}: invalid cell reference '{}'", source_.sheet_name, row_, excerpt(*r))});
      }
      column = ref->column;
    }
    column_ = column;
    if (column > limits_.max_columns) {
      fail_cell(XlsxFailure::refused,
                {fmt::format("第 {} 列超过 {} 列的上限", column, limits_.max_columns),
                 fmt::format("column {} is beyond the limit of {} columns", column, limits_.max_columns)});
    }
    kind_ = kind_of(attributes.get("t"));
    in_cell_ = true;
    has_value_ = false;
    formula_ = false;
    value_start_ = buffer_.size();
  }

  void begin_value() {
    in_value_ = true;
    has_value_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    in_inline_ = false;
    in_value_ = false;
    if (!has_value_) {
      buffer_.resize(value_start_);
      return;
    }
    PendingCell cell;
    cell.column = column_;
    cell.formula = formula_;
    cell.offset = value_start_;
    switch (kind_) {
      case Kind::number:
        cell.type = XlsxValueType::number;
        trim_value();
        break;
      case Kind::date:
        cell.type = XlsxValueType::date;
        trim_value();
        break;
      case Kind::error:
        cell.type = XlsxValueType::error;
        trim_value();
        break;
      case Kind::inline_string:
      case Kind::formula_string:
        cell.type = XlsxValueType::text;
        decode_ooxml_escapes(buffer_, value_start_);
        break;
      case Kind::boolean: {
        std::string_view v = trim_ws(std::string_view(buffer_).substr(value_start_));
        cell.type = XlsxValueType::boolean;
        cell.in_buffer = false;
        cell.view = (v == "1" || v == "true") ? std::string_view("TRUE") : std::string_view("FALSE");
        buffer_.resize(value_start_);
        break;
      }
      case Kind::shared:
        cell.type = XlsxValueType::text;
        cell.in_buffer = false;
        cell.view = shared_string();
        buffer_.resize(value_start_);
        break;
    }
    cell.size = buffer_.size() - value_start_;
    if (cell.type == XlsxValueType::number && cell.size == 0) return;  // `<v/>`: nothing there
    cells_.push_back(cell);
  }

  void trim_value() {
    std::string_view v = std::string_view(buffer_).substr(value_start_);
    std::string_view t = trim_ws(v);
    if (t.size() == v.size()) return;
    std::string kept(t);
    buffer_.resize(value_start_);
    buffer_ += kept;
  }

  std::string_view shared_string() {
    std::string_view v = std::string_view(buffer_).substr(value_start_);
    auto index = parse_unsigned<std::uint64_t>(v);
    if (!index) {
      fail_cell(XlsxFailure::corrupt, {fmt::format("共享字符串序号「{}」不是数字", excerpt(v)),
                                       fmt::format("shared string index '{}' is not a number", excerpt(v))});
    }
    if (source_.shared == nullptr) {
      fail_cell(XlsxFailure::corrupt,
                {fmt::format("引用第 {} 个共享字符串，但工作簿没有共享字符串部件（xl/sharedStrings.xml）", *index),
                 fmt::format("refers to shared string {}, but the workbook has no shared strings part "
                             "(xl/sharedStrings.xml)",
                             *index)});
    }
    if (*index >= source_.shared->size()) {
      fail_cell(XlsxFailure::corrupt, {fmt::format("引用第 {} 个共享字符串，但 {} 只有 {} 个", *index,
                                                   source_.shared_part, source_.shared->size()),
                                       fmt::format("refers to shared string {}, but {} holds only {}", *index,
                                                   source_.shared_part, source_.shared->size())});
    }
    return source_.shared->at(static_cast<std::size_t>(*index));
  }

  void end_row() {
    in_row_ = false;
    if (cells_.empty()) return;
    row_cells_.clear();
    for (const PendingCell& p : cells_) {
      XlsxCell c;
      c.column = p.column;
      c.type = p.type;
      c.formula = p.formula;
      c.text = p.in_buffer ? std::string_view(buffer_).substr(p.offset, p.size) : p.view;
      row_cells_.push_back(c);
    }
    ++summary.rows;
    if (!on_row_(row_, std::span<const XlsxCell>(row_cells_))) {
      summary.complete = false;
      stop();
    }
  }

  void add_merge(const XmlAttributes& attributes) {
    auto ref = attributes.get("ref");
    auto range = ref ? parse_cell_range(*ref) : std::nullopt;
    if (!range) {
      xlsx_fail(XlsxFailure::corrupt, package_.name(), source_.part,
                {fmt::format("工作表「{}」的合并单元格「{}」无效", source_.sheet_name, ref.value_or("")),
                 fmt::format("sheet '{}': invalid merged range '{}'", source_.sheet_name, ref.value_or(""))});
    }
    if (summary.merged.size() >= limits_.max_merged_ranges) {
      xlsx_fail(XlsxFailure::refused, package_.name(), source_.part,
                {fmt::format("工作表「{}」的合并单元格超过 {} 处的上限", source_.sheet_name, limits_.max_merged_ranges),
                 fmt::format("sheet '{}' has more than {} merged ranges, the limit", source_.sheet_name,
                             limits_.max_merged_ranges)});
    }
    summary.merged.push_back(*range);
  }

  const ZipPackage& package_;
  const XlsxLimits& limits_;
  const WorksheetSource& source_;
  const XlsxRowCallback& on_row_;

  bool in_sheet_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool in_value_ = false;
  bool has_value_ = false;
  bool formula_ = false;
  int phonetic_ = 0;
  Kind kind_ = Kind::number;
  std::uint32_t row_ = 0;
  std::uint32_t column_ = 0;
  std::size_t value_start_ = 0;
  std::string buffer_;              // the current row's cell texts, back to back
  std::vector<PendingCell> cells_;  // the current row's cells
  std::vector<XlsxCell> row_cells_;
};

}  // namespace

XlsxSheetSummary stream_worksheet(ZipPackage& package, const WorksheetSource& source, const XlsxRowCallback& on_row) {
  ZipPartStream stream = package.open(source.part);
  WorksheetParser parser(package, source, on_row);
  bool complete = parse_xml_part(stream, parser, package.limits(), package.name());
  XlsxSheetSummary summary = std::move(parser.summary);
  if (!complete) {
    summary.complete = false;
    summary.merged.clear();
  }
  return summary;
}

}  // namespace gongkai
