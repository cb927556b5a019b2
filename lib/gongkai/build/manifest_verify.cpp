#include <gongkai/build/manifest_verify.hpp>

#include <gongkai/core/error.hpp>
#include <gongkai/io/file_hash.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace gongkai {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void not_a_manifest(const std::string& path, const std::string& why_zh, const std::string& why_en) {
  throw InputError(SourceLoc{path, 0, 0, {}}, Text{fmt::format("不是 gongkai 的清单（manifest.json）：{}", why_zh),
                                                   fmt::format("not a gongkai manifest (manifest.json): {}", why_en)});
}

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::vector<ManifestEntry> parse_manifest(const std::string& path, const std::string& text) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) not_a_manifest(path, "不是有效的 JSON", "not valid JSON");
  if (!doc.is_object() || !doc.contains("manifest") || doc["manifest"] != std::string(kManifestFormat))
    not_a_manifest(path, fmt::format("缺少 \"manifest\": \"{}\"", kManifestFormat),
                   fmt::format("no \"manifest\": \"{}\"", kManifestFormat));
  std::vector<ManifestEntry> entries;
  for (const char* list : {"inputs", "templates", "outputs"}) {
    if (!doc.contains(list) || !doc[list].is_array())
      not_a_manifest(path, fmt::format("缺少列表「{}」", list), fmt::format("no list \"{}\"", list));
    std::size_t i = 0;
    for (const auto& e : doc[list]) {
      const bool ok = e.is_object() && e.contains("path") && e["path"].is_string() && e.contains("base") &&
                      e["base"].is_string() && e.contains("bytes") && e["bytes"].is_number_unsigned() &&
                      e.contains("sha256") && e["sha256"].is_string() && is_hex64(e["sha256"].get<std::string>());
      const std::string base = ok ? e["base"].get<std::string>() : "";
      if (!ok || (base != "input" && base != "templates" && base != "output"))
        not_a_manifest(path, fmt::format("{}[{}] 不是 {{path, base, bytes, sha256}}", list, i),
                       fmt::format("{}[{}] is not {{path, base, bytes, sha256}}", list, i));
      entries.push_back(
          {e["path"].get<std::string>(), base, e["bytes"].get<std::uint64_t>(), e["sha256"].get<std::string>()});
      ++i;
    }
  }
  return entries;
}

std::vector<VerifiedFile> verify_manifest(const std::string& manifest_path, const std::vector<ManifestEntry>& entries,
                                          const ManifestBases& bases) {
  const fs::path here = fs::path(manifest_path).parent_path();
  std::vector<VerifiedFile> out;
  for (const auto& e : entries) {
    VerifiedFile v;
    v.entry = e;
    const fs::path p(e.path);
    if (e.base == "input" && e.path == "-") {
      v.outcome = VerifiedFile::Outcome::skipped;  // standard input cannot be read again
      out.push_back(std::move(v));
      continue;
    }
    if (p.is_absolute())
      v.resolved = e.path;
    else if (e.base == "output")
      v.resolved = (here / p).string();
    else if (e.base == "templates")
      v.resolved = (fs::path(bases.templates) / p).string();
    else
      v.resolved = bases.inputs.empty() ? e.path : (fs::path(bases.inputs) / p).string();
    const FileHash h = hash_file(v.resolved);
    switch (h.state) {
      case FileHash::State::missing:
        v.outcome = VerifiedFile::Outcome::missing;
        break;
      case FileHash::State::unreadable:
        v.outcome = VerifiedFile::Outcome::unreadable;
        v.error = h.error;
        break;
      case FileHash::State::ok:
        v.bytes = h.bytes;
        v.sha256 = h.sha256;
        v.outcome =
            h.sha256 == e.sha256 && h.bytes == e.bytes ? VerifiedFile::Outcome::same : VerifiedFile::Outcome::changed;
        break;
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace gongkai
