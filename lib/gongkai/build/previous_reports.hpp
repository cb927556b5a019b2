// Last year's reports: given with --previous (one report, or a roster of them: each unit takes
// the one of its agency and the year before), or named by the unit's own YAML (`previous:`,
// written by `gongkai init --from`; see build/input_extras.hpp). Check and build share them.
#pragma once

#include <gongkai/build/input_extras.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/input.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gongkai {

// Reads and checks one report; nullptr when it could not be read (why in `out`). Its own
// findings are not kept: they are reported where it is a unit. The files read are added to
// `files`. `load`: how files are loaded (default: io/files.hpp's read_file).
[[nodiscard]] std::unique_ptr<Report> read_checked_report(const std::string& path, const FormSet& forms,
                                                          const ReadOptions& options, std::vector<std::string>& files,
                                                          Diagnostics& out, const FileLoader& load = {});

// Last years' reports, by agency and year.
class PreviousReports {
 public:
  // `--previous PATH`: a report, or a roster (a YAML with `units:`) of last year's reports.
  // False (errors in `out`) when one could not be read.
  bool read(const std::string& path, const FormSet& forms, const ReadOptions& options, std::vector<std::string>& files,
            Diagnostics& out);
  // `current`'s last-year report: from --previous (the same agency, the year before), else the
  // one its YAML names (`extras.previous_file`), loaded once and cached here. With a single
  // --previous report and a single unit, a report that does not fit is an error (rule
  // `previous`); with many units, a unit without its agency's report simply has none.
  // nullptr: none. Safe to call from the batch's workers.
  const Report* find(const InputExtras& extras, const Report& current, bool single_unit, const FormSet& forms,
                     const ReadOptions& options, Diagnostics& out);
  [[nodiscard]] bool given() const { return !given_.empty(); }
  // Loads every file read from now on (default: io/files.hpp's read_file): a build hashes them
  // for its manifest as they are read.
  void set_loader(FileLoader load) { load_ = std::move(load); }
  // The files `report` (one found here) was read from; nullptr when it is not one of these.
  [[nodiscard]] const std::vector<std::string>* files_of(const Report* report);

 private:
  std::vector<std::unique_ptr<Report>> given_;
  std::map<std::string, std::unique_ptr<Report>> named_;  // by path, from `previous:` keys
  std::map<const Report*, std::vector<std::string>> files_;
  FileLoader load_;
  std::mutex mutex_;
};

}  // namespace gongkai
