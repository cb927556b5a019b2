#include <gongkai/tally/register_input.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/readers/csv.hpp>
#include <gongkai/readers/xlsx/workbook.hpp>

#include <algorithm>

namespace gongkai {
namespace {

void input_error(Diagnostics& out, SourceLoc where, Text message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "input";
  d.message = std::move(message);
  d.where = std::move(where);
  out.add(std::move(d));
}

bool read_csv(std::string_view name, std::string_view bytes, Encoding encoding, RegisterConsumer& consumer,
              Diagnostics& out) {
  // Valid UTF-8 is read in place: a million-row register is not copied. Anything else goes
  // through to_utf8, which decodes GB18030 (saying so) or explains what is wrong.
  std::optional<std::string> decoded;
  std::string_view text = strip_bom(bytes);
  if (encoding == Encoding::gb18030 || find_invalid_utf8(text) != std::string_view::npos) {
    decoded = to_utf8(bytes, name, encoding, out);
    if (!decoded) return false;
    text = *decoded;
  }
  const RegisterOrigin origin{std::string(name), {}};
  consumer.begin(origin);
  CsvReader reader(name, text);
  CsvRow csv;
  RegisterRow row;
  // The reader's own findings (quoting) mean the file is malformed; the register's findings
  // about its rows go to `out` through the consumer. Kept in file order.
  Diagnostics csv_found;
  bool malformed = false;
  for (;;) {
    const bool more = reader.next(csv, csv_found);
    if (!csv_found.empty()) {
      malformed = malformed || csv_found.has_errors();
      out.append(csv_found);
      csv_found.clear();
    }
    if (!more) break;
    row.line = csv.line;
    row.cells.resize(csv.fields.size());
    for (std::size_t i = 0; i < csv.fields.size(); ++i) {
      const CsvField& f = csv.fields[i];
      row.cells[i] = RegisterCell{f.text, false, f.line, f.column};
    }
    if (!consumer.row(row)) break;
  }
  consumer.end();
  consumer.end_file();
  return !malformed;
}

bool read_xlsx(std::string_view name, std::string_view bytes, RegisterConsumer& consumer, Diagnostics& out) {
  try {
    XlsxWorkbook book(name, bytes);
    RegisterRow row;
    for (std::size_t i = 0; i < book.sheets().size(); ++i) {
      consumer.begin(RegisterOrigin{std::string(name), book.sheets()[i].name});
      (void)book.read_sheet(i, [&](std::uint32_t number, std::span<const XlsxCell> cells) {
        std::uint32_t width = 0;
        for (const auto& c : cells) width = std::max(width, c.column);
        row.sheet_row = number;
        row.cells.assign(width, RegisterCell{});
        for (const auto& c : cells)
          row.cells[c.column - 1] = RegisterCell{c.text, c.type == XlsxValueType::number, 0, 0};
        return consumer.row(row);
      });
      consumer.end();
    }
    consumer.end_file();
    return true;
  } catch (const Error& e) {
    out.add(to_diagnostic(e));
    return false;
  }
}

}  // namespace

RegisterFormat sniff_register(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return RegisterFormat::xlsx;
  if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return RegisterFormat::xls;
  return RegisterFormat::csv;
}

bool read_register(std::string_view name, std::string_view bytes, Encoding encoding, RegisterConsumer& consumer,
                   Diagnostics& out) {
  switch (sniff_register(bytes)) {
    case RegisterFormat::xlsx:
      return read_xlsx(name, bytes, consumer, out);
    case RegisterFormat::xls:
      input_error(out, SourceLoc{std::string(name), 0, 0, {}},
                  {"这是 Excel 97–2003 工作簿（.xls），请另存为 .xlsx 或 CSV",
                   "this is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV"});
      return false;
    case RegisterFormat::csv:
      break;
  }
  return read_csv(name, bytes, encoding, consumer, out);
}

}  // namespace gongkai
