// Reads a published report page (HTML) into a SourceDocument (import/document.hpp) with a real
// HTML5 parser (gumbo): every <table> in document order — nested ones too, each its own table —
// with rowspan/colspan expanded into the grid, each cell's text with <br> and block elements
// (<p>, <div> …) as line breaks; the text outside tables as title, headings and paragraphs with
// their source lines. Word-exported markup (a <span> per run, <o:p>, mso styles, conditional
// comments) is read as the browser shows it; <script>, <style> and elements styled
// `display:none` are not text.
//
// The charset: a byte-order mark, else the page's <meta charset> or <meta http-equiv
// content-type> (GB2312, GBK, GB18030 decoded as GB18030, readers/encoding.hpp), else UTF-8.
// The layout reader decides nothing about labels: that is import/map_tables.hpp.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/import/document.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace gongkai::import {

// The charset a page declares in its first bytes ("gb18030", "utf-8"), lower case; nullopt
// when it declares none (or only a BOM says).
[[nodiscard]] std::optional<std::string> declared_charset(std::string_view bytes);

// Throws InputError when the bytes cannot be decoded in the charset the page declares (or
// UTF-8), or when the page holds no element at all.
[[nodiscard]] SourceDocument read_html_document(const std::string& path, std::string_view bytes, Diagnostics& out);

}  // namespace gongkai::import
