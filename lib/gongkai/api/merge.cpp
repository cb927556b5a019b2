// Public merge.hpp: batch/merge_roster with what `gongkai merge` decides around it (the register
// vocabulary, the exit code), nothing written.
#include <gongkai/merge.hpp>

#include <gongkai/batch/merge_roster.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gongkai {

namespace {

// The column headers of case registers, to recognise a register given where a tally belongs;
// none when the vocabulary cannot be read (as the CLI: it only sharpens a hint).
std::vector<std::string> register_headers(const std::string& explicit_dir) {
  std::vector<std::string> out;
  try {
    const std::string path = (template_dir(explicit_dir) / "register-synonyms.yaml").string();
    const RegisterVocabulary v = read_register_vocabulary(path, read_file(path));
    for (const RegisterSchema* schema : {&v.requests, &v.cases})
      for (const auto& [field, names] : schema->headers) out.insert(out.end(), names.begin(), names.end());
  } catch (const Error&) {
    out.clear();
  }
  return out;
}

}  // namespace

MergeResult merge_units(const MergeRequest& request, const FormSet& forms) {
  MergeOptions options;
  options.batch.jobs = request.jobs;
  options.batch.read.meta = request.meta;
  options.batch.read.encoding = request.encoding;
  options.batch.read.register_headers = register_headers(request.template_dir);
  options.batch.forms = &forms;
  options.batch.load = [](const std::string& path) { return read_file(path); };
  options.batch.progress = request.progress;

  MergeResult result;
  MergeOutcome m;
  try {
    m = merge_roster(request.roster, options);
  } catch (const Error& e) {
    Diagnostic d;
    d.rule = e.rule();
    d.message = e.message();
    d.where = e.where();
    result.findings.add(std::move(d));
    result.exit_code = 2;
    return result;
  }
  bool unreadable = !m.consolidated;
  for (std::size_t i = 0; i < m.units.size(); ++i) {
    MergedUnit u;
    u.summary = std::move(m.units[i].summary);
    u.findings = std::move(m.units[i].findings);
    u.summed = i < m.summed.size() && m.summed[i] != 0;
    if (i < m.left_out_because.size()) u.left_out_because = std::move(m.left_out_because[i]);
    unreadable = unreadable || u.summary.unreadable;
    result.units.push_back(std::move(u));
  }
  result.consolidated = std::move(m.consolidated);
  result.findings = std::move(m.findings);
  result.exit_code = unreadable ? 2 : result.findings.has_errors() ? 1 : 0;
  return result;
}

}  // namespace gongkai
