// The findings document of render/diagnostics_json.hpp (findings_document(...).dump(2)), written
// as a batch's units come: the same text, byte for byte, without holding every unit's findings.
// Each unit's findings go to the sink as it is added; what stays is the unit's entry of "units"
// (a few hundred bytes of text) and the counts, written by finish().
//
// Every unit's key figures must be the same columns, as in a batch (summarize_unit with
// key_figures(forms)): the document's figure columns are then those of any one unit.
#pragma once

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/overview.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace gongkai {

class FindingsJsonWriter {
 public:
  using Sink = std::function<void(std::string_view)>;
  // Writes the document's opening and the findings about no one unit.
  FindingsJsonWriter(Sink sink, const Diagnostics& general, Lang lang);
  void add_unit(const UnitSummary& summary, const Diagnostics& findings);
  // The rest of the document, up to its closing brace (no newline after it).
  void finish();

 private:
  void finding(const std::string& json);
  Sink sink_;
  Lang lang_;
  std::size_t findings_ = 0;
  std::string units_;  // each unit's entry of "units", as its text in the document
  BatchCounts counts_;
  FindingTotals totals_;
};

}  // namespace gongkai
