// gongkai import FILE... [-o OUT] [--format csv|yaml] [-j N]: published reports (web pages,
// PDFs) back into figures — tables 二, 三, 四 found by their labels (lib/gongkai/import/), each
// figure with where it was found, every figure that could not be placed listed. One input:
// written to -o or standard output; several (files, folders, globs): -o names a folder, one
// output per input named after it. Findings on standard error, in input order.
#include "context.hpp"
#include "report_options.hpp"

#include <gongkai/core/error.hpp>
#include <gongkai/import/import_output.hpp>
#include <gongkai/import/map_tables.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/import_input.hpp>

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

struct ImportCmdOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;
  std::string findings_format = "text";
  unsigned jobs = 0;
  ReportOptionValues report;
};

bool importable(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".html" || ext == ".htm" || ext == ".pdf";
}

// The files named: a folder gives its pages and PDFs (sorted), a pattern that is not a file
// the files it matches (sorted).
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, Diagnostics& out) {
  std::vector<std::string> files;
  for (const std::string& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(a, ec)) {
        if (e.is_regular_file(ec) && importable(e.path())) found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        out.add(Diagnostic::make(
            Severity::error, "input", SourceLoc{a, 0, 0, {}},
            {"文件夹中没有 .html、.htm 或 .pdf 文件", "the folder holds no .html, .htm or .pdf file"}));
      }
      files.insert(files.end(), found.begin(), found.end());
      continue;
    }
    if (a.find_first_of("*?[") != std::string::npos && !fs::exists(a, ec)) {
      glob_t g{};
      std::vector<std::string> found;
      if (::glob(a.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) found.emplace_back(g.gl_pathv[i]);
      }
      ::globfree(&g);
      if (found.empty()) {
        out.add(Diagnostic::make(Severity::error, "input", SourceLoc{a, 0, 0, {}},
                                 {"没有文件与此模式匹配", "no file matches this pattern"}));
      }
      files.insert(files.end(), found.begin(), found.end());
      continue;
    }
    files.push_back(a);
  }
  return files;
}

struct Imported {
  std::optional<Report> report;
  Diagnostics found;
  bool readable = false;
  std::map<std::string, std::string> prose;  // section id -> Markdown
};

Imported import_one(const std::string& path, const FormSet& forms, const ReadOptions& read) {
  Imported r;
  try {
    const std::string bytes = read_file(path);
    const import::SourceDocument doc = read_source_document(path, bytes, r.found);
    r.report = import::map_tables(doc, forms, import_meta(path, doc, read), r.found);
    if (r.report) {
      for (auto& [id, prose] : import::page_prose(doc, *r.report->form)) r.prose[id] = std::move(prose.markdown);
      r.readable = true;
      for (const auto& d : r.found.items()) {
        if (d.severity == Severity::error && !is_report_error(d)) r.readable = false;
      }
    }
  } catch (const Error& e) {
    r.found.add(to_diagnostic(e));
  }
  return r;
}

std::string output_format(const ImportCmdOptions& o) {
  if (!o.format.empty()) return o.format;
  std::string ext = fs::path(o.output).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".yaml" || ext == ".yml" ? "yaml" : "csv";
}

}  // namespace

void register_import(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ImportCmdOptions>();
  auto* cmd = app.add_subcommand(
      "import",
      "Read published reports (web pages, PDFs) back into figures: long CSV or YAML tallies, with where "
      "each figure was found");
  cmd->add_option("inputs", opts->inputs, "Pages (.html, .htm) and PDFs (.pdf), folders of them, or glob patterns")
      ->required();
  cmd->add_option("-o,--output", opts->output,
                  "Output file (default: standard output); with several inputs, a folder (one output per input)");
  cmd->add_option("--format", opts->format,
                  "csv (long CSV with a source column) or yaml (default: by -o's extension, "
                  "else csv)")
      ->check(CLI::IsMember({"csv", "yaml"}));
  cmd->add_option("--findings-format", opts->findings_format, "Findings as text or json (on standard error)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("-j,--jobs", opts->jobs, "Inputs read in parallel (default: all cores)");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    Diagnostics general;
    const std::vector<std::string> files = expand_inputs(opts->inputs, general);
    std::error_code ec;
    const bool several = files.size() > 1 || opts->inputs.size() > 1 ||
                         (opts->inputs.size() == 1 && fs::is_directory(opts->inputs.front(), ec));
    if (several && opts->output == "-") {
      print_findings(general, opts->findings_format, lang);
      std::cerr << (lang == Lang::zh ? "gongkai import: 多个输入时须用 -o 指定输出文件夹\n"
                                     : "gongkai import: several inputs need -o FOLDER (one output per input)\n");
      ctx.exit_code = kUnreadable;
      return;
    }
    const std::string format = output_format(*opts);
    const std::string ext = format == "yaml" ? ".yaml" : ".csv";
    // Several inputs: each one's output in the folder, named after it; two of one name refused.
    std::vector<std::string> targets;
    if (several) {
      std::set<std::string> names;
      for (const auto& f : files) {
        std::string name = fs::path(f).stem().string() + ext;
        if (!names.insert(name).second) {
          general.add(Diagnostic::make(Severity::error, "output", SourceLoc{f, 0, 0, {}},
                                       {fmt::format("两个输入的输出同名「{}」", name),
                                        fmt::format("two inputs would both be written as '{}'", name)}));
        }
        targets.push_back((fs::path(opts->output) / name).string());
      }
    } else if (!files.empty()) {
      targets.push_back(opts->output);
    }
    if (general.has_errors()) {
      print_findings(general, opts->findings_format, lang);
      ctx.exit_code = kUnreadable;
      return;
    }

    const ReadOptions read = make_read_options(opts->report);
    const FormSet& forms = ctx.forms();
    std::vector<Imported> results(files.size());
    std::atomic<std::size_t> next{0};
    unsigned jobs = opts->jobs != 0 ? opts->jobs : std::max(1U, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
    auto work = [&] {
      for (std::size_t i = next++; i < files.size(); i = next++) results[i] = import_one(files[i], forms, read);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    InputFiles inputs(files);
    if (several) (void)make_output_dir(opts->output);
    Diagnostics all = general;
    bool unreadable = false;
    bool errors = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
      Imported& r = results[i];
      all.append(r.found);
      if (!r.readable) {
        unreadable = true;
        continue;
      }
      errors = errors || r.found.has_errors();
      try {
        if (format == "csv") {
          write_output(targets[i], import::import_csv(*r.report), inputs);
          continue;
        }
        // The prose as Markdown files next to the YAML (not when the YAML goes to a stream).
        std::map<std::string, std::string> prose_files;
        const bool beside = targets[i] != "-" && fs::path(targets[i]).has_filename() &&
                            !fs::is_character_file(targets[i], ec) && !fs::is_fifo(targets[i], ec);
        if (beside) {
          const fs::path yaml(targets[i]);
          for (const auto& [id, md] : r.prose) {
            const std::string name = yaml.stem().string() + "." + id + ".md";
            write_output((yaml.parent_path() / name).string(), md, inputs);
            prose_files[id] = name;
          }
        }
        write_output(targets[i], import::import_yaml(*r.report, prose_files), inputs);
      } catch (const Error& e) {
        all.add(to_diagnostic(e));
        unreadable = true;
      }
    }
    print_findings(all, opts->findings_format, lang);
    if (!ctx.quiet && opts->findings_format == "text" && several) {
      std::size_t done = 0;
      for (const auto& r : results) done += r.readable ? 1 : 0;
      std::cerr << (lang == Lang::zh
                        ? fmt::format("已导入 {} 份，共 {} 份\n", done, files.size())
                        : fmt::format("imported {} of {} input{}\n", done, files.size(), files.size() == 1 ? "" : "s"));
    }
    ctx.exit_code = unreadable ? kUnreadable : errors ? kFindings : kOk;
  });
}

}  // namespace gongkai::cli
