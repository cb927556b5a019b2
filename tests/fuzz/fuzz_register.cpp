// Case registers (tally/): any bytes as a request register and as a case register — CSV in
// any encoding, or an XLSX workbook (sniffed by content), through the row tally.
#include "fuzz_support.hpp"

#include <gongkai/tally/case_register.hpp>
#include <gongkai/tally/register_input.hpp>
#include <gongkai/tally/request_register.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  static const auto form = fuzz::forms().by_id("2021");
  static RequestTerms requests = request_terms(*form, fuzz::vocabulary().requests, "register-synonyms.yaml");
  static CaseTerms cases = case_terms(*form, fuzz::vocabulary().cases, "register-synonyms.yaml");
  const std::string_view bytes = fuzz::as_text(data, size);
  {
    Diagnostics out;
    RequestRegister reg(requests, request_columns(fuzz::vocabulary().requests), 2023, out);
    try {
      (void)read_register("r.csv", bytes, Encoding::detect, reg, out);
    } catch (const InputError&) {
    }
    fuzz::render_all(out);
  }
  {
    Diagnostics out;
    CaseRegister reg(cases, case_columns(fuzz::vocabulary().cases), 2023, out);
    try {
      (void)read_register("c.csv", bytes, Encoding::detect, reg, out);
    } catch (const InputError&) {
    }
    fuzz::render_all(out);
  }
  return 0;
}
