// OOXML's escape for characters XML cannot carry: `_xHHHH_` is the UTF-16 code unit HHHH
// (Excel writes a carriage return in a cell as `_x000D_`), and `_x005F_` escapes a literal
// underscore. Cell text read from a workbook is decoded with this before anyone sees it.
#pragma once

#include <cstddef>
#include <string>

namespace gongkai {

// Decodes the escapes in `text` from byte `from` on, in place. Malformed sequences and lone
// surrogates are left as written.
void decode_ooxml_escapes(std::string& text, std::size_t from = 0);

}  // namespace gongkai
