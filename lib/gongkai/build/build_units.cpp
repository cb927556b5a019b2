// build_units: the request checked, templates and rules loaded, the units listed and last
// year's reports read — any of which failing stops the build before a unit is read — then the
// units built in parallel (batch/run_units.hpp, build/unit_build.hpp) and their files placed in
// input order (build/output_placement.hpp).
#include <gongkai/build.hpp>

#include <gongkai/batch/run_units.hpp>
#include <gongkai/build/output_placement.hpp>
#include <gongkai/build/previous_reports.hpp>
#include <gongkai/build/unit_build.hpp>
#include <gongkai/build/unit_inputs.hpp>
#include <gongkai/core/sha256.hpp>
#include <gongkai/io/file_hash.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/formats.hpp>

#include <filesystem>
#include <memory>
#include <thread>

namespace gongkai {

namespace {

namespace fs = std::filesystem;

BuildResult stop(BuildResult result, Diagnostic d) {
  result.stopped = std::move(d);
  result.exit_code = 2;
  return result;
}

BuildResult usage(Text message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "usage";
  d.message = std::move(message);
  return stop({}, std::move(d));
}

const Text kOneOutput{"-o - 只能把一个报告的一种格式写到标准输出：请用 --format 选一种",
                      "-o - writes one format of one report to standard output: choose it with --format"};

ReadOptions read_options_of(const BuildRequest& request) {
  ReadOptions o;
  o.meta = request.meta;
  o.encoding = request.encoding;
  o.format = request.input_format;
  o.register_headers = request.register_headers;
  return o;
}

}  // namespace

BuildResult build_units(const BuildRequest& request, const FormSet& forms) {
  try {
    std::string list;
    for (const auto& f : request.formats) list += (list.empty() ? "" : ",") + f;
    if (request.formats.empty()) list = report_format_names(",");
    Text error;
    const auto formats = parse_report_formats(list, error);
    if (!formats) return usage(error);
    const bool to_stdout = request.output_dir == "-";
    if (to_stdout && formats->size() != 1) return usage(kOneOutput);

    // Templates and rules first: a broken one stops the build before any input is read.
    HtmlTemplates html;
    std::optional<ProseRules> rules;
    // The manifest's templates: relative to the templates folder, hashed as read.
    const bool manifest = request.manifest && !to_stdout && !request.output_dir.empty();
    std::vector<ManifestEntry> used_templates, form_files;
    const auto used = [&](std::string name, std::string_view bytes) {
      used_templates.push_back({std::move(name), "templates", bytes.size(), sha256_hex(bytes)});
    };
    try {
      const fs::path templates = template_dir(request.template_dir);
      for (const ReportFormat* f : *formats) {
        if (!f->uses_html_templates) continue;
        html.page_name = (templates / "html" / "report.mustache").string();
        html.page = read_file(html.page_name);
        html.style = read_file((templates / "html" / "style.css").string());
        used("html/report.mustache", html.page);
        used("html/style.css", html.style);
        break;
      }
      rules = load_prose_rules_from(request.template_dir);
      if (manifest) {
        // The prose rules and the forms were read by their loaders; hashed here again.
        for (const char* name : {"prose-rules.yaml"}) {
          const FileHash h = hash_file((templates / name).string());
          if (h.state == FileHash::State::ok) used_templates.push_back({name, "templates", h.bytes, h.sha256});
        }
        for (const auto& form : forms.all()) {
          const std::string name = "forms/form-" + form->id + ".yaml";
          const FileHash h = hash_file((templates / name).string());
          if (h.state == FileHash::State::ok) form_files.push_back({name, "templates", h.bytes, h.sha256});
        }
      }
    } catch (const Error& e) {
      return stop({}, to_diagnostic(e));
    }

    BuildResult result;
    std::vector<UnitInput> units = unit_inputs(request.inputs, request.roster, result.general);
    if (units.empty() && !result.general.has_errors())
      return usage({"需要输入文件或 --roster", "give input files or --roster"});
    if (to_stdout && units.size() != 1) return usage(kOneOutput);
    bool unreadable = result.general.has_errors();
    const ReadOptions read_options = read_options_of(request);
    auto previous = std::make_unique<PreviousReports>();
    // Every file the build loads is hashed as it is read, for the manifests.
    auto loaded = std::make_unique<LoadedFiles>();
    const FileLoader load = loaded->wrap([](const std::string& p) { return read_file(p); });
    if (manifest) previous->set_loader(load);
    if (!request.previous.empty() &&
        !previous->read(request.previous, forms, read_options, result.inputs, result.general))
      unreadable = true;
    for (const auto& u : units) result.inputs.push_back(u.path);
    if (unreadable) {
      result.exit_code = 2;
      return result;
    }

    // The output folder and the staging folder are made before any input is read: one that
    // cannot be written stops the build (exit 2).
    std::unique_ptr<OutputPlacement> placement;
    try {
      placement = std::make_unique<OutputPlacement>(request.output_dir);
    } catch (const Error& e) {
      result.stopped = to_diagnostic(e);
      result.exit_code = 2;
      return result;
    }

    UnitBuildContext context;
    context.forms = &forms;
    context.formats = *formats;
    context.render.html = &html;
    context.render.lang = request.lang;
    context.rules = rules ? &*rules : nullptr;
    context.previous = previous.get();
    context.single_unit = units.size() == 1;
    context.render_in_parallel =
        context.single_unit && (request.jobs == 0 ? std::thread::hardware_concurrency() > 1 : request.jobs > 1);
    context.allow_errors = request.allow_errors;
    context.source_date_epoch = request.source_date_epoch;
    context.load = load;
    context.recorded = loaded.get();
    if (manifest) {
      context.loaded = loaded.get();
      context.templates = used_templates;
      context.form_files = form_files;
      context.command = request.command;
    }

    BatchOptions batch;
    batch.jobs = request.jobs;
    batch.read = read_options;
    batch.forms = &forms;
    batch.load = context.load;
    batch.progress = request.progress;
    batch.step_read = [&](std::size_t index, const UnitInput& unit, Report& report, const ReadResult& read,
                          Diagnostics& out) {
      ReadOptions options = read_options;
      options.meta.override_with(unit.meta);
      options.defaults.override_with(unit.defaults);
      auto files = build_unit(context, options, report, read, unit.path, out);
      if (!files.empty()) placement->hand_in(index, report.agency, std::move(files));
    };
    // Each unit placed and handed over in input order as soon as it and those before it are
    // done: nothing of a unit is kept here once it is handed over.
    const InputFiles inputs(result.inputs);
    std::size_t errors = result.general.count(Severity::error);
    bool output_failed = false;
    batch.finished = [&](std::size_t index, UnitResult&& done) {
      loaded->release(done.files);  // its manifest is made
      BuiltUnit unit;
      unit.summary = std::move(done.summary);
      unit.findings = std::move(done.findings);
      output_failed = placement->place(index, unit, units, inputs) || output_failed;
      unreadable = unreadable || unit.summary.unreadable;
      errors += unit.findings.count(Severity::error);
      ++result.unit_count;
      if (request.on_unit)
        request.on_unit(index, std::move(unit));
      else
        result.units.push_back(std::move(unit));
    };
    if (!request.on_unit) result.units.reserve(units.size());
    if (request.on_start) request.on_start(result.general, result.inputs);
    (void)run_units(units, batch);
    placement.reset();

    if (unreadable || output_failed)
      result.exit_code = 2;
    else
      result.exit_code = errors > 0 ? 1 : 0;
    return result;
  } catch (const Error& e) {
    return stop({}, to_diagnostic(e));
  } catch (const std::exception& e) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "internal";
    d.message = {std::string("内部错误：") + e.what(), std::string("internal error: ") + e.what()};
    return stop({}, std::move(d));
  }
}

}  // namespace gongkai
