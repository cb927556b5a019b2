#include <gongkai/build/manifest.hpp>

#include <gongkai/check.hpp>
#include <gongkai/core/sha256.hpp>

#include <cmark-gfm_version.h>
#include <expat.h>
#include <fmt/format.h>
#include <utf8proc.h>
#include <xlsxwriter.h>
#include <zipconf.h>
#include <nlohmann/json.hpp>

#include <set>

#ifndef GONGKAI_VERSION
#define GONGKAI_VERSION "unknown"
#endif
#ifndef GONGKAI_YAML_CPP_VERSION
#define GONGKAI_YAML_CPP_VERSION "unknown"
#endif

namespace gongkai {

namespace {

using json = nlohmann::ordered_json;

json entry_json(const ManifestEntry& e) {
  return json{{"path", e.path}, {"base", e.base}, {"bytes", e.bytes}, {"sha256", e.sha256}};
}

json entries_json(const std::vector<ManifestEntry>& entries) {
  auto arr = json::array();
  for (const auto& e : entries) arr.push_back(entry_json(e));
  return arr;
}

}  // namespace

FileLoader LoadedFiles::wrap(FileLoader inner) {
  return [this, inner = std::move(inner)](const std::string& path) {
    std::string bytes = inner(path);
    add(path, bytes);
    return bytes;
  };
}

void LoadedFiles::add(const std::string& path, std::string_view bytes) {
  ManifestEntry e{path, "input", bytes.size(), sha256_hex(bytes)};
  std::lock_guard lock(mutex_);
  Loaded& l = files_[path];
  l.entry = std::move(e);
  ++l.loads;
}

std::optional<ManifestEntry> LoadedFiles::find(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.entry;
}

void LoadedFiles::release(const std::vector<std::string>& paths) {
  std::lock_guard lock(mutex_);
  for (const auto& p : paths) {
    auto it = files_.find(p);
    if (it != files_.end() && --it->second.loads == 0) files_.erase(it);
  }
}

std::size_t LoadedFiles::size() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

ManifestEntry output_entry(std::string name, std::string_view bytes) {
  return ManifestEntry{std::move(name), "output", bytes.size(), sha256_hex(bytes)};
}

std::string rule_set_sha256() {
  std::string table;
  for (const RuleInfo& r : rule_list())
    table += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", r.id, to_string(r.severity), to_string(r.scope), r.spec,
                         r.summary_zh, r.summary_en);
  return sha256_hex(table);
}

std::vector<std::pair<std::string, std::string>> library_versions() {
  return {
      {"cmark-gfm", CMARK_GFM_VERSION_STRING},
      {"expat", fmt::format("{}.{}.{}", XML_MAJOR_VERSION, XML_MINOR_VERSION, XML_MICRO_VERSION)},
      {"fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"libcrypto", std::string(sha256_library_version())},
      {"libxlsxwriter", LXW_VERSION},
      {"libzip", LIBZIP_VERSION},
      {"nlohmann-json",
       fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"utf8proc", fmt::format("{}.{}.{}", UTF8PROC_VERSION_MAJOR, UTF8PROC_VERSION_MINOR, UTF8PROC_VERSION_PATCH)},
      {"yaml-cpp", GONGKAI_YAML_CPP_VERSION},
  };
}

std::string manifest_json(const ManifestContent& c) {
  json libs = json::object();
  for (const auto& [name, version] : library_versions()) libs[name] = version;
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<ManifestEntry> inputs;
  for (const auto& e : c.inputs)
    if (seen.emplace(e.base, e.path).second) inputs.push_back(e);

  json m;
  m["manifest"] = std::string(kManifestFormat);
  m["gongkai"] = {{"version", GONGKAI_VERSION}, {"libraries", std::move(libs)}};
  m["command"] = c.command;
  m["source_date_epoch"] = c.source_date_epoch ? json(*c.source_date_epoch) : json(nullptr);
  m["unit"] = {{"agency", c.agency}, {"year", c.year}};
  m["form"] = {{"id", c.form_id}, {"title", c.form_title}};
  m["rules"] = {{"count", rule_list().size()}, {"sha256", rule_set_sha256()}};
  m["inputs"] = entries_json(inputs);
  m["templates"] = entries_json(c.templates);
  m["outputs"] = entries_json(c.outputs);
  return m.dump(2) + "\n";
}

}  // namespace gongkai
