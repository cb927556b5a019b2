// YAML tallies (readers/yaml_tally): any bytes as a tally file.
#include "fuzz_support.hpp"

#include <gongkai/readers/yaml_tally.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  Diagnostics out;
  try {
    (void)read_yaml_tally("t.yaml", fuzz::as_text(data, size), fuzz::forms(), ReportMeta{}, out);
  } catch (const InputError&) {
  }
  fuzz::render_all(out);
  return 0;
}
