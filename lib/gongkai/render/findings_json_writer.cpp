#include <gongkai/render/findings_json_writer.hpp>

#include <nlohmann/json.hpp>

namespace gongkai {

namespace {

// `json` (nlohmann's dump(2)) as it reads nested `depth` spaces in.
std::string indented(const std::string& json, std::size_t depth) {
  const std::string pad(depth, ' ');
  std::string out = pad;
  out.reserve(json.size() + json.size() / 8);
  for (const char c : json) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

FindingsJsonWriter::FindingsJsonWriter(Sink sink, const Diagnostics& general, Lang lang)
    : sink_(std::move(sink)), lang_(lang) {
  sink_("{\n  \"findings\": [");
  for (const auto& d : general.items()) {
    auto j = diagnostic_json(d, lang_);
    j["unit"] = nullptr;
    finding(j.dump(2));
  }
  totals_.add(general);
}

void FindingsJsonWriter::finding(const std::string& json) {
  sink_(findings_++ == 0 ? "\n" : ",\n");
  sink_(indented(json, 4));
}

void FindingsJsonWriter::add_unit(const UnitSummary& summary, const Diagnostics& findings) {
  const nlohmann::ordered_json unit = finding_unit_json(summary);
  for (const auto& d : findings.items()) {
    auto j = diagnostic_json(d, lang_);
    j["unit"] = unit;
    finding(j.dump(2));
  }
  totals_.add(findings);
  units_ += counts_.units == 0 ? "\n" : ",\n";
  units_ += indented(overview_json({summary}).front().dump(2), 4);
  counts_.add(summary);
}

void FindingsJsonWriter::finish() {
  sink_(findings_ == 0 ? "]" : "\n  ]");
  sink_(",\n  \"units\": [");
  sink_(units_);
  sink_(counts_.units == 0 ? "]" : "\n  ]");
  sink_(",\n  \"summary\": ");
  sink_(indented(findings_summary_json(counts_, totals_).dump(2), 2).substr(2));
  sink_("\n}");
}

}  // namespace gongkai
