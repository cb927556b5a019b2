// The provenance manifest of a build (`manifest.json`, one per unit folder DIR/<agency>/, beside
// the outputs it lists; docs/json-schemas.md): the SHA-256 and size of every input the unit read
// (the report, its prose and tables, its work plan, last year's report), of the templates used
// (the form, the HTML page and style, the prose rules) and of every output written; the form
// (ID, title), the rule set (how many rules, and the SHA-256 of the rule table), gongkai's
// version and its libraries' versions (as compiled), the command line, SOURCE_DATE_EPOCH.
// No clock and no absolute folder of the run: the same build writes the same bytes.
//
// Every file has a `base` saying what its `path` is relative to: "output" the manifest's own
// folder, "input" the folder the build ran in (a path as given on the command line; an absolute
// path stays absolute), "templates" the templates folder (report-templates/). `gongkai verify`
// (build/manifest_verify.hpp) resolves them the same way.
#pragma once

#include <gongkai/readers/input.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai {

// The manifest's format, named in it; a reader refuses another.
inline constexpr std::string_view kManifestFormat = "gongkai-manifest/1";
inline constexpr std::string_view kManifestName = "manifest.json";

struct ManifestEntry {
  std::string path;
  std::string base;  // "input", "templates" or "output"
  std::uint64_t bytes = 0;
  std::string sha256;  // hex
};

// The bytes of every file a build loads, hashed as they are loaded (so that nothing is read
// twice): the loader of the build is wrapped. Safe to use from the batch's workers.
// Each load is counted; a unit releases what it loaded once its manifest is made, and an entry
// goes with its last release, so that a batch does not keep a record of every unit's files
// (a file two units load stays until both are done).
class LoadedFiles {
 public:
  // `inner`, recording what it returns.
  [[nodiscard]] FileLoader wrap(FileLoader inner);
  void add(const std::string& path, std::string_view bytes);
  // The entry of a file loaded through wrap() or add() (base "input"); nullopt if none was.
  [[nodiscard]] std::optional<ManifestEntry> find(const std::string& path) const;
  // One load of each of `paths` is over (a path never loaded is ignored).
  void release(const std::vector<std::string>& paths);
  [[nodiscard]] std::size_t size() const;

 private:
  struct Loaded {
    ManifestEntry entry;
    std::size_t loads = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Loaded> files_;
};

struct ManifestContent {
  std::vector<std::string> command;               // argv, the program as "gongkai"
  std::optional<std::int64_t> source_date_epoch;  // as given; nullopt when not set
  std::string agency;
  int year = 0;
  std::string form_id;
  std::string form_title;
  std::vector<ManifestEntry> inputs;     // in the order read; duplicates dropped
  std::vector<ManifestEntry> templates;  // in the order used
  std::vector<ManifestEntry> outputs;    // in format order
};

// The entry of an output's bytes (base "output").
[[nodiscard]] ManifestEntry output_entry(std::string name, std::string_view bytes);

// The manifest as JSON text (two-space indent, newline at the end).
[[nodiscard]] std::string manifest_json(const ManifestContent& content);

// The rule set's fingerprint: SHA-256 of the rule table (ID, severity, scope, spec, summaries,
// one line per rule, in table order). Changes whenever a rule is added, removed or reworded.
[[nodiscard]] std::string rule_set_sha256();

// gongkai's libraries and their versions as compiled in, name order.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> library_versions();

}  // namespace gongkai
