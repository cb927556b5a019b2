#include <gongkai/build/output_placement.hpp>

#include <gongkai/render/output_name.hpp>

#include <fmt/format.h>

#include <filesystem>

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

OutputPlacement::OutputPlacement(std::string output_dir) : output_dir_(std::move(output_dir)) {
  if (!output_dir_.empty() && output_dir_ != "-") staging_ = std::make_unique<StagingDir>(output_dir_);
}

void OutputPlacement::hand_in(std::size_t index, const std::string& agency,
                              std::vector<std::pair<std::string, std::string>> files) {
  Staged st;
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
    keep(index, std::move(st));
    throw;  // run_units records it as the unit's `output` finding
  }
  keep(index, std::move(st));
}

void OutputPlacement::keep(std::size_t index, Staged st) {
  std::lock_guard<std::mutex> lock(mutex_);
  staged_[index] = std::move(st);
}

bool OutputPlacement::place(std::size_t index, BuiltUnit& unit, const std::vector<UnitInput>& units,
                            const InputFiles& inputs) {
  Staged st;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = staged_.find(index);
    if (it == staged_.end()) return false;  // nothing handed in
    st = std::move(it->second);
    staged_.erase(it);
  }
  if (st.dir.empty()) return st.failed;
  auto [it, fresh] = taken_.emplace(st.dir, index);
  if (!fresh) {
    const std::string& first = units[it->second].path;
    const std::string& path = units[index].path;
    add_output_error(unit,
                     {fmt::format("{} 与 {} 是同一机关，会写到同一目录 {}，未写入", first, path, st.dir),
                      fmt::format("{} and {} are the same agency and would write the same folder {}; not written",
                                  first, path, st.dir)},
                     SourceLoc{path, 0, 0, {}});
    // Its staged files stay in the staging folder, removed with it.
    return st.failed;
  }
  unit.outputs = std::move(st.outputs);
  if (!staging_) return st.failed;  // in memory
  try {
    make_output_dir(st.dir);
    for (const auto& [from, to] : st.files) {
      install_output(from, to, inputs);
      unit.written.push_back(to);
    }
  } catch (const Error& e) {
    add_output_error(unit, e.message(), e.where());
    return true;
  }
  return st.failed;
}

}  // namespace gongkai
