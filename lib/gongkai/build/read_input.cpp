// include/gongkai/read.hpp over readers/input.hpp, loading files through io/.
#include <gongkai/read.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>

namespace gongkai {

ReadOutcome read_input(const ReadRequest& request, const FormSet& forms) {
  ReadOutcome outcome;
  ReadOptions options;
  options.meta = request.meta;
  options.defaults = request.defaults;
  options.encoding = request.encoding;
  options.format = request.format;
  try {
    ReadResult r = read_report(
        request.path, forms, options, [](const std::string& p) { return read_file(p); }, outcome.findings);
    outcome.report = std::move(r.report);
    outcome.files = std::move(r.files);
    outcome.readable = r.readable;
  } catch (const Error& e) {
    outcome.findings.add(to_diagnostic(e));
    outcome.readable = false;
  } catch (const std::exception& e) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "input";
    d.message = {std::string("读取失败：") + e.what(), std::string("could not be read: ") + e.what()};
    d.where = SourceLoc{request.path, 0, 0, {}};
    outcome.findings.add(std::move(d));
    outcome.report.reset();
    outcome.readable = false;
  }
  return outcome;
}

std::vector<InputKind> input_kinds() {
  std::vector<InputKind> kinds;
  for (const InputReader& r : input_readers()) {
    InputKind k;
    k.name = std::string(r.name);
    for (std::string_view e : split(r.extensions, ' '))
      if (!e.empty()) k.extensions.emplace_back(e);
    k.summary = {std::string(r.summary_zh), std::string(r.summary_en)};
    kinds.push_back(std::move(k));
  }
  return kinds;
}

}  // namespace gongkai
