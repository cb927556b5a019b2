#include <gongkai/build/output_placement.hpp>

#include <gongkai/render/output_name.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace gongkai {

namespace {

namespace fs = std::filesystem;

void add_output_error(BuiltUnit& unit, Text message, SourceLoc where) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "output";
  d.message = std::move(message);
  d.where = std::move(where);
  unit.findings.add(std::move(d));
  ++unit.summary.errors;
  ++unit.summary.by_rule["output"];
}

}  // namespace

OutputPlacement::OutputPlacement(std::string output_dir, std::size_t units)
    : output_dir_(std::move(output_dir)), staged_(units) {
  if (!output_dir_.empty() && output_dir_ != "-") staging_ = std::make_unique<StagingDir>(output_dir_);
}

void OutputPlacement::hand_in(std::size_t index, const std::string& agency,
                              std::vector<std::pair<std::string, std::string>> files) {
  Staged& st = staged_[index];
  try {
    if (output_dir_ == "-") {
      for (const auto& [ext, bytes] : files) write_output("-", bytes);
      return;
    }
    const std::string folder = safe_dir_name(agency);
    std::vector<OutputFile> outputs;
    std::vector<std::pair<std::string, std::string>> staged;
    for (auto& [ext, bytes] : files) {
      const std::string name = ext.find('.') == std::string::npos ? "report." + ext : ext;
      OutputFile out{(fs::path(folder) / name).string(), {}};
      if (staging_) {
        const std::string final_path = (fs::path(output_dir_) / folder / name).string();
        staged.emplace_back(staging_->write(fmt::format("{}.{}", index, ext), bytes, final_path), final_path);
      } else {
        out.bytes = std::move(bytes);
      }
      outputs.push_back(std::move(out));
    }
    st.outputs = std::move(outputs);
    st.files = std::move(staged);
    st.dir = staging_ ? (fs::path(output_dir_) / folder).string() : folder;
  } catch (const Error&) {
    st.failed = true;
    throw;  // run_units records it as the unit's `output` finding
  }
}

bool OutputPlacement::place(std::vector<BuiltUnit>& units, const std::vector<std::string>& paths,
                            const InputFiles& inputs) {
  bool failed = false;
  std::map<std::string, std::size_t> taken;  // output folder -> the unit that has it
  for (std::size_t i = 0; i < units.size() && i < staged_.size(); ++i) {
    Staged& st = staged_[i];
    failed = failed || st.failed;
    if (st.dir.empty()) continue;
    auto [it, fresh] = taken.emplace(st.dir, i);
    if (!fresh) {
      const std::string& first = paths[it->second];
      add_output_error(units[i],
                       {fmt::format("{} 与 {} 是同一机关，会写到同一目录 {}，未写入", first, paths[i], st.dir),
                        fmt::format("{} and {} are the same agency and would write the same folder {}; not written",
                                    first, paths[i], st.dir)},
                       SourceLoc{paths[i], 0, 0, {}});
      continue;
    }
    if (!staging_) {  // in memory
      units[i].outputs = std::move(st.outputs);
      continue;
    }
    units[i].outputs = st.outputs;
    try {
      make_output_dir(st.dir);
      for (const auto& [from, to] : st.files) {
        install_output(from, to, inputs);
        units[i].written.push_back(to);
      }
    } catch (const Error& e) {
      add_output_error(units[i], e.message(), e.where());
      failed = true;
    }
  }
  staging_.reset();
  return failed;
}

}  // namespace gongkai
