#include <gongkai/build/unit_build.hpp>

#include <gongkai/build/explanations_input.hpp>
#include <gongkai/check/checker.hpp>
#include <gongkai/core/side_task.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/render/built_report.hpp>
#include <gongkai/render/generated_time.hpp>

#include <functional>
#include <future>

namespace gongkai {

std::vector<std::pair<std::string, std::string>> build_unit(const UnitBuildContext& context,
                                                            const ReadOptions& read_options, Report& report,
                                                            const ReadResult& read, const std::string& input,
                                                            Diagnostics& out) {
  const InputExtras extras = read_input_extras(input, read);
  const Report* last = context.previous->find(extras, report, context.single_unit, *context.forms, read_options, out);
  if (last != nullptr) check_cross_year(report, *last, out);
  BuiltReport built;
  // What this unit loads besides its input (the work plan), in order, for the manifest; and
  // its explanations. Released when the unit is built, however it ends.
  std::vector<std::string> loaded;
  std::vector<std::string> explanation_files;
  struct Release {
    LoadedFiles* files;
    const std::vector<std::string>& a;
    const std::vector<std::string>& b;
    ~Release() {
      if (files == nullptr) return;
      files->release(a);
      files->release(b);
    }
  } release{context.recorded, loaded, explanation_files};
  const FileLoader load = [&](const std::string& p) {
    loaded.push_back(p);
    return context.load(p);
  };
  const FileLoader load_explanations = [&](const std::string& p) {
    explanation_files.push_back(p);
    return context.load(p);
  };
  const ProseInputs in = prose_inputs(extras, report, last, context.rules, load, out);
  built.prose = expand_prose(in, out);
  check_publication_parts(in, built.prose, out);
  // The office's explanations of findings: every finding is known now (a build runs the
  // report's rules, the prose rules and, with last year's report, the cross-year rules).
  ExplanationSet explanations(
      input_explanations(input, read.yaml_text, read.yaml_tree(), *report.form, load_explanations, out));
  explanations.apply(out, out);
  explanations.report_stale(ExplainScope{true, true, last != nullptr, false}, out);
  built.report = &report;
  built.generated = generated_time(report, context.source_date_epoch);
  built.findings = out;
  built.stamped_with_errors = out.has_errors();
  std::vector<std::pair<std::string, std::string>> files;
  if (out.has_errors() && !context.allow_errors) return files;
  // Each format after the first on a thread of its own when rendering in parallel, else when its
  // bytes are taken; either way the bytes are taken, and a renderer's error thrown, in format
  // order, as when they were rendered one after the other.
  std::vector<std::future<std::string>> rendered;
  for (const ReportFormat* f : context.formats) {
    const bool beside = context.render_in_parallel && !rendered.empty();
    rendered.push_back(beside
                           ? side_task(f->render, std::cref(built), std::cref(context.render))
                           : std::async(std::launch::deferred, f->render, std::cref(built), std::cref(context.render)));
  }
  for (std::size_t i = 0; i < rendered.size(); ++i)
    files.emplace_back(std::string(context.formats[i]->extension), rendered[i].get());
  if (context.loaded != nullptr) {
    ManifestContent m;
    m.command = context.command;
    m.source_date_epoch = context.source_date_epoch;
    m.agency = report.agency;
    m.year = report.year;
    if (report.form) {
      m.form_id = report.form->id;
      m.form_title = report.form->title;
    }
    std::vector<std::string> inputs = read.files;
    if (last != nullptr)
      if (const auto* prev = context.previous->files_of(last)) inputs.insert(inputs.end(), prev->begin(), prev->end());
    inputs.insert(inputs.end(), loaded.begin(), loaded.end());
    for (const auto& p : inputs)
      if (auto e = context.loaded->find(p)) m.inputs.push_back(std::move(*e));
    m.templates = context.templates;
    if (report.form) {
      const std::string form_file = "forms/form-" + report.form->id + ".yaml";
      for (const auto& t : context.form_files)
        if (t.path == form_file) m.templates.insert(m.templates.begin(), t);
    }
    for (const auto& [ext, bytes] : files) m.outputs.push_back(output_entry("report." + ext, bytes));
    files.emplace_back(std::string(kManifestName), manifest_json(m));
  }
  return files;
}

}  // namespace gongkai
