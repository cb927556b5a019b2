// YAML tallies (readers/yaml_tally): any bytes as a tally file. When the tally reads, the rest of
// the file is read from the tree it kept (explanations, section 六's extras), and must give what
// reading the text again gives: the same explanations at the same places, the same findings.
#include "fuzz_support.hpp"

#include <gongkai/build/explanations_input.hpp>
#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/readers/yaml_tally.hpp>

namespace {

using namespace gongkai;

// Everything a reading said, as text: findings, and what the caller gets.
std::string said(const Diagnostics& out) { return render_diagnostics_text(out, Lang::en); }

std::string explanations_of(std::string_view text, const Form& form, const YAML::Node* tree) {
  Diagnostics out;
  std::string s;
  for (const Explanation& e : read_explanations("t.yaml", text, form, out, false, tree))
    s += e.rule + "|" + e.cell_id + "|" + e.reason.zh + "|" + e.reason.en + "|" + e.where.to_string() + "\n";
  return s + said(out);
}

std::string extras_of(std::string_view text, const YAML::Node* tree) {
  Diagnostics out;
  try {
    const ProseExtras x = read_prose_extras("t.yaml", text, out, tree);
    std::string s = x.fees ? "fees\n" : "";
    s += x.work_plan ? "plan " + std::to_string(x.work_plan->tasks.size()) + "\n" : "";
    s += x.work_plan_file.value_or("") + "\n" + x.previous_file.value_or("") + "\n";
    return s + said(out);
  } catch (const Error& e) {
    return "error " + e.message().en + "\n" + said(out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Diagnostics out;
  const std::string_view text = fuzz::as_text(data, size);
  try {
    const YamlTally tally = read_yaml_tally("t.yaml", text, fuzz::forms(), ReportMeta{}, out);
    if (tally.report && tally.root) {
      const Form& form = *tally.report->form;
      if (explanations_of(text, form, &*tally.root) != explanations_of(text, form, nullptr)) __builtin_trap();
      if (extras_of(text, &*tally.root) != extras_of(text, nullptr)) __builtin_trap();
    }
  } catch (const InputError&) {
  }
  fuzz::render_all(out);
  return 0;
}
