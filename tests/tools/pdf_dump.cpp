// pdf_dump FILE.pdf: prints the SourceDocument the PDF layout reader makes of a PDF (tables cell
// by cell, then the text blocks), for people working on the reader or the table mapping.
// Exit 2 with the reader's message when the PDF is refused.
#include <gongkai/import/pdf_document.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {
const char* kind_name(gongkai::import::SourceBlock::Kind k) {
  using K = gongkai::import::SourceBlock::Kind;
  return k == K::title ? "title" : k == K::heading ? "heading" : "paragraph";
}
std::string one_line(std::string s) {
  for (std::size_t i = 0; (i = s.find('\n', i)) != std::string::npos;) s.replace(i, 1, "\\n");
  return s;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: pdf_dump FILE.pdf\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  gongkai::Diagnostics diags;
  try {
    auto doc = gongkai::import::read_pdf_document(argv[1], bytes, diags);
    std::cout << "title: " << doc.title << "\n";
    for (std::size_t t = 0; t < doc.tables.size(); ++t) {
      const auto& table = doc.tables[t];
      std::cout << "table " << t + 1 << " (" << table.where << "): " << table.rows << " rows x " << table.cols
                << " cols\n";
      for (const auto& c : table.cells)
        std::cout << "  [" << c.row << "," << c.col << "]"
                  << (c.row_span > 1 || c.col_span > 1
                          ? " span " + std::to_string(c.row_span) + "x" + std::to_string(c.col_span)
                          : "")
                  << " " << one_line(c.text) << "  (" << c.where << ")\n";
    }
    for (const auto& b : doc.blocks)
      std::cout << "block " << kind_name(b.kind) << " after " << b.tables_before << " table(s) (" << b.where
                << "): " << one_line(b.text) << "\n";
    for (const auto& d : diags.items()) std::cout << "warning: " << d.message.en << "\n";
  } catch (const gongkai::Error& e) {
    std::cerr << argv[1] << ": error: " << e.message().en << "\n";
    return 2;
  }
  return 0;
}
