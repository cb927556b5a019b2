#include <gongkai/batch/run_units.hpp>

#include <gongkai/batch/in_order.hpp>
#include <gongkai/check/checker.hpp>

#include <atomic>
#include <mutex>
#include <thread>

namespace gongkai {

namespace {

UnitResult run_one(std::size_t index, const UnitInput& unit, const BatchOptions& options) {
  UnitResult result;
  ReadOptions read = options.read;
  // The roster entry's meta fills in what the command line did not set.
  ReportMeta meta = unit.meta;
  meta.override_with(options.read.meta);
  read.meta = meta;
  read.defaults.override_with(unit.defaults);
  ReadResult read_result;
  std::optional<Report>& report = read_result.report;
  bool readable = false;
  if (!unit.problems.empty()) {
    for (const auto& d : unit.problems) result.findings.add(d);
    const std::string name = unit.name.empty() ? hints_from_file_name(unit.path).agency : unit.name;
    result.summary =
        summarize_unit(index, name, unit.path, nullptr, result.findings, true, key_figures(*options.forms));
    return result;
  }
  try {
    read_result = read_report(unit.path, *options.forms, read, options.load, result.findings);
    readable = read_result.readable;
  } catch (const Error& e) {
    result.findings.add(to_diagnostic(e));
  } catch (const std::exception& e) {
    result.findings.add(
        Diagnostic::error("input", SourceLoc{unit.path, 0, 0, {}},
                          {std::string("读取失败：") + e.what(), std::string("could not be read: ") + e.what()}));
  }
  // Unreadable (exit 2): nothing came out, or the file itself is broken (its encoding, its YAML
  // or CSV syntax). A wrong cell in a file that parsed is an error of the unit (exit 1): a label
  // matching nothing is an error of the report and it is checked (is_report_error); others (an
  // unknown key, a word where a figure belongs) leave it unchecked.
  bool file_broken = false;
  for (const auto& d : result.findings.items())
    file_broken = file_broken ||
                  (d.severity == Severity::error && (d.rule == "input" || d.rule == "encoding" || d.rule == "yaml" ||
                                                     d.rule == "csv" || d.rule == "xlsx" || d.rule == "form"));
  const bool unreadable = !report || file_broken;
  const bool checked = !unreadable && readable;
  if (checked) {
    check_report(*report, CheckOptions{options.forms}, result.findings);
    if (options.step || options.step_read) {
      try {
        if (options.step_read)
          options.step_read(index, unit, *report, read_result, result.findings);
        else
          options.step(index, unit, *report, result.findings);
      } catch (const Error& e) {
        // The step writes the unit's outputs: what it cannot do is an output failure, also
        // when the error came from reading (a template, an input refused as an output).
        Diagnostic d = to_diagnostic(e);
        d.rule = "output";
        result.findings.add(std::move(d));
      }
    }
  }
  std::string name = unit.name;
  if (name.empty()) name = report ? report->agency : hints_from_file_name(unit.path).agency;
  result.summary = summarize_unit(index, name, unit.path, unreadable ? nullptr : &*report, result.findings, unreadable,
                                  key_figures(*options.forms));
  // A unit whose cells could not all be read has no figures to show: they would be partial.
  if (!unreadable && !checked)
    for (auto& f : result.summary.figures) f.reset();
  result.files = std::move(read_result.files);
  return result;
}

}  // namespace

std::vector<UnitResult> run_units(const std::vector<UnitInput>& units, const BatchOptions& options) {
  const bool streamed = static_cast<bool>(options.finished);
  std::vector<UnitResult> results(streamed ? 0 : units.size());
  unsigned jobs = options.jobs == 0 ? std::max(1U, std::thread::hardware_concurrency()) : options.jobs;
  if (jobs > units.size()) jobs = static_cast<unsigned>(std::max<std::size_t>(1, units.size()));
  InOrder<UnitResult> in_order(std::max<std::size_t>(options.window, std::size_t{4} * jobs));
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex;
  std::size_t done = 0;
  auto worker = [&] {
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= units.size()) return;
      if (streamed) {
        in_order.wait_for_turn(i);
        in_order.done(i, run_one(i, units[i], options), options.finished);
      } else {
        results[i] = run_one(i, units[i], options);
      }
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(++done, units.size());
      }
    }
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  return results;
}

}  // namespace gongkai
