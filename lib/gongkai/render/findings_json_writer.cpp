#include <gongkai/render/findings_json_writer.hpp>

#include <gongkai/render/diagnostics_json.hpp>

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
  errors_ = general.count(Severity::error);
  warnings_ = general.count(Severity::warning);
}

void FindingsJsonWriter::finding(const std::string& json) {
  sink_(findings_++ == 0 ? "\n" : ",\n");
  sink_(indented(json, 4));
}

void FindingsJsonWriter::add_unit(const UnitSummary& summary, const Diagnostics& findings) {
  nlohmann::ordered_json unit;
  unit["agency"] = summary.unit;
  unit["year"] = summary.year == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(summary.year);
  unit["file"] = summary.path;
  for (const auto& d : findings.items()) {
    auto j = diagnostic_json(d, lang_);
    j["unit"] = unit;
    finding(j.dump(2));
  }
  errors_ += findings.count(Severity::error);
  warnings_ += findings.count(Severity::warning);
  for (const auto& d : findings.items())
    if (d.explanation) {
      ++explained_;
      if (d.severity == Severity::warning) --warnings_;
    }
  units_ += counts_.units == 0 ? "\n" : ",\n";
  units_ += indented(overview_json({summary}).front().dump(2), 4);
  counts_.add(summary);
}

void FindingsJsonWriter::finish() {
  sink_(findings_ == 0 ? "]" : "\n  ]");
  sink_(",\n  \"units\": [");
  sink_(units_);
  sink_(counts_.units == 0 ? "]" : "\n  ]");
  nlohmann::ordered_json summary = {{"units", counts_.units},
                                    {"ok", counts_.ok},
                                    {"with_warnings", counts_.with_warnings},
                                    {"with_errors", counts_.with_errors},
                                    {"unreadable", counts_.unreadable},
                                    {"errors", errors_},
                                    {"warnings", warnings_}};
  if (explained_ > 0) summary["explained"] = explained_;
  sink_(",\n  \"summary\": ");
  sink_(indented(summary.dump(2), 2).substr(2));
  sink_("\n}");
}

}  // namespace gongkai
