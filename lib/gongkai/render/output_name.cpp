#include <gongkai/render/output_name.hpp>

#include <gongkai/core/text.hpp>

namespace gongkai {

std::string safe_dir_name(std::string_view agency) {
  std::string out;
  for (char ch : trim(agency)) {
    const auto byte = static_cast<unsigned char>(ch);
    out += (ch == '/' || ch == '\\' || byte < 0x20 || byte == 0x7f) ? '_' : ch;
  }
  if (out.empty()) return "_";
  if (out.front() == '.') out.front() = '_';
  return out;
}

}  // namespace gongkai
