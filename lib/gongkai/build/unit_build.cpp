#include <gongkai/build/unit_build.hpp>

#include <gongkai/build/explanations_input.hpp>
#include <gongkai/check/checker.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/render/built_report.hpp>
#include <gongkai/render/generated_time.hpp>

namespace gongkai {

std::vector<std::pair<std::string, std::string>> build_unit(const UnitBuildContext& context,
                                                            const ReadOptions& read_options, Report& report,
                                                            const ReadResult& read, const std::string& input,
                                                            Diagnostics& out) {
  const InputExtras extras = read_input_extras(input, read);
  const Report* last = context.previous->find(extras, report, context.single_unit, *context.forms, read_options, out);
  if (last != nullptr) check_cross_year(report, *last, out);
  BuiltReport built;
  const ProseInputs in = prose_inputs(extras, report, last, context.rules, context.load, out);
  built.prose = expand_prose(in, out);
  check_publication_parts(in, built.prose, out);
  // The office's explanations of findings: every finding is known now (a build runs the
  // report's rules, the prose rules and, with last year's report, the cross-year rules).
  ExplanationSet explanations(input_explanations(input, read.yaml_text, *report.form, context.load, out));
  explanations.apply(out, out);
  explanations.report_stale(ExplainScope{true, true, last != nullptr, false}, out);
  built.report = &report;
  built.generated = generated_time(report, context.source_date_epoch);
  built.findings = out;
  built.stamped_with_errors = out.has_errors();
  std::vector<std::pair<std::string, std::string>> files;
  if (out.has_errors() && !context.allow_errors) return files;
  for (const ReportFormat* f : context.formats)
    files.emplace_back(std::string(f->extension), f->render(built, context.render));
  return files;
}

}  // namespace gongkai
