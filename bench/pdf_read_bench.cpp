// pdf_read_bench [FILE.pdf] [COUNT]: reads one PDF COUNT times (1,000 by default) through the PDF
// layout reader (import/pdf_document), as an import of that many report PDFs would, and prints
// the wall time, PDFs per second and the tables found. The file is read from disk once; each
// round is poppler's parse and text extraction plus the layout. Never a test (bench/README.md).
#include <gongkai/import/pdf_document.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  std::string path =
      argc > 1 ? argv[1] : std::string(GONGKAI_SOURCE_DIR) + "/tests/data/import/pdf/pingtan-2022-libreoffice.pdf";
  long count = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 1000;
  std::ifstream in(path, std::ios::binary);
  if (!in || count <= 0) {
    std::cerr << "usage: pdf_read_bench [FILE.pdf] [COUNT]\n";
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  std::size_t tables = 0, cells = 0;
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < count; ++i) {
    gongkai::Diagnostics d;
    auto doc = gongkai::import::read_pdf_document(path, bytes, d);
    tables += doc.tables.size();
    for (const auto& t : doc.tables) cells += t.cells.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%ld PDFs of %zu bytes: %.3f s, %.1f PDFs/s, %zu tables, %zu cells\n", count, bytes.size(), s,
              static_cast<double>(count) / s, tables, cells);
  return 0;
}
