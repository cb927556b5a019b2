#include <gongkai/build/previous_reports.hpp>

#include <gongkai/build/unit_inputs.hpp>
#include <gongkai/check/checker.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/io/files.hpp>

#include <filesystem>

namespace gongkai {

namespace {

// A roster is a YAML with a top-level `units:` key.
bool is_roster(const std::string& path, const std::optional<std::string>& text) {
  if (!is_yaml_path(path) || !text) return false;
  for (std::string_view line : split(*text, '\n'))
    if (line.starts_with("units:")) return true;
  return false;
}

}  // namespace

std::unique_ptr<Report> read_checked_report(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                            std::vector<std::string>& files, Diagnostics& out, const FileLoader& load) {
  const FileLoader loader = load ? load : FileLoader([](const std::string& p) { return read_file(p); });
  Diagnostics found;
  std::unique_ptr<Report> report;
  try {
    ReadResult r = read_report(path, forms, options, loader, found);
    files.insert(files.end(), r.files.begin(), r.files.end());
    if (r.report) report = std::make_unique<Report>(std::move(*r.report));
  } catch (const Error& e) {
    found.add(to_diagnostic(e));
  }
  if (found.has_errors() || !report) {
    out.append(found);
    return nullptr;
  }
  Diagnostics ignored;  // its own findings are reported where it is a unit
  check_report(*report, CheckOptions{&forms}, ignored);
  return report;
}

bool PreviousReports::read(const std::string& path, const FormSet& forms, const ReadOptions& options,
                           std::vector<std::string>& files, Diagnostics& out) {
  // Read once: a report given here is read from this text, not loaded again.
  std::optional<std::string> text;
  const FileLoader loader = load_ ? load_ : FileLoader([](const std::string& p) { return read_file(p); });
  if (is_yaml_path(path)) {
    try {
      text = loader(path);
    } catch (const Error&) {
      // said when it is read as a report
    }
  }
  std::vector<UnitInput> units;
  if (is_roster(path, text)) {
    units = unit_inputs({}, path, out);
    if (out.has_errors()) return false;
  } else {
    units.push_back(UnitInput{{}, path, {}, {}, {}});
  }
  bool ok = true;
  for (const auto& u : units) {
    ReadOptions read = options;
    read.meta.override_with(u.meta);
    read.defaults.override_with(u.defaults);
    FileLoader load = loader;
    if (text && u.path == path) load = [&](const std::string& p) { return p == path ? *text : loader(p); };
    std::vector<std::string> read_here;
    auto r = read_checked_report(u.path, forms, read, read_here, out, load);
    files.insert(files.end(), read_here.begin(), read_here.end());
    if (!r) {
      ok = false;
      continue;
    }
    files_[r.get()] = std::move(read_here);
    given_.push_back(std::move(r));
  }
  return ok;
}

const Report* PreviousReports::find(const InputExtras& extras, const Report& current, bool single_unit,
                                    const FormSet& forms, const ReadOptions& options, Diagnostics& out) {
  for (const auto& p : given_)
    if (p->agency == current.agency && p->year == current.year - 1) return p.get();
  if (single_unit && given_.size() == 1) {
    (void)check_previous_fits(current, *given_.front(), out);  // says why it does not fit
    return nullptr;
  }
  if (!given_.empty() || !extras.previous_file) return nullptr;
  // The unit's own `previous:`.
  const std::string& path = *extras.previous_file;
  std::lock_guard lock(mutex_);
  auto it = named_.find(path);
  if (it == named_.end()) {
    std::vector<std::string> files;
    it = named_.emplace(path, read_checked_report(path, forms, options, files, out, load_)).first;
    if (it->second) files_[it->second.get()] = std::move(files);
  }
  if (!it->second || !check_previous_fits(current, *it->second, out)) return nullptr;
  return it->second.get();
}

const std::vector<std::string>* PreviousReports::files_of(const Report* report) {
  std::lock_guard lock(mutex_);
  auto it = files_.find(report);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace gongkai
