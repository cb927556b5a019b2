// One unit of a build, on its worker: after it was read and checked, last year's report (the
// cross-year rules), the prose of sections 一, 五 and 六 expanded and its publication checked,
// then every format asked for rendered to bytes. Nothing here touches the disk except through
// `load` (the work-plan file) and PreviousReports (last year's report).
#pragma once

#include <gongkai/build/input_extras.hpp>
#include <gongkai/build/manifest.hpp>
#include <gongkai/build/previous_reports.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/render/formats.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

struct UnitBuildContext {
  const FormSet* forms = nullptr;
  std::vector<const ReportFormat*> formats;  // in table order
  RenderContext render;
  const ProseRules* rules = nullptr;
  PreviousReports* previous = nullptr;
  bool single_unit = false;
  // Each format rendered on a thread of its own: a build of one unit with cores to spare (the
  // XLSX alone is a fifth of a one-report build). In a batch the units fill the cores instead.
  bool render_in_parallel = false;
  bool allow_errors = false;
  std::optional<std::int64_t> source_date_epoch;
  FileLoader load;
  // The provenance manifest (build/manifest.hpp): written when `loaded` is set, from the files
  // loaded (hashed as read), the templates used and the command line.
  LoadedFiles* loaded = nullptr;
  // What `load` records (set whether or not manifests are written): the files this unit loads
  // itself are released when it is built (LoadedFiles::release).
  LoadedFiles* recorded = nullptr;
  std::vector<ManifestEntry> templates;   // the page, its style, the prose rules
  std::vector<ManifestEntry> form_files;  // forms/form-<id>.yaml; the report's form is listed
  std::vector<std::string> command;
};

// The unit's files as (extension, bytes) in format order, then ("manifest.json", bytes) when
// context.loaded is set; empty when it has errors and allow_errors is off. Findings go to `out`. Throws an Error (a
// template that does not parse).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> build_unit(const UnitBuildContext& context,
                                                                          const ReadOptions& read_options,
                                                                          Report& report, const ReadResult& read,
                                                                          const std::string& input, Diagnostics& out);

}  // namespace gongkai
