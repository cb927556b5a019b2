// `gongkai verify MANIFEST`: every file a build's manifest lists (build/manifest.hpp) hashed
// again and compared — same, changed (other bytes), missing, or unreadable. A file read from
// standard input ("-") cannot be read again and is skipped.
#pragma once

#include <gongkai/build/manifest.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace gongkai {

struct VerifiedFile {
  enum class Outcome { same, changed, missing, unreadable, skipped };
  ManifestEntry entry;   // as the manifest lists it
  std::string resolved;  // the path hashed
  Outcome outcome = Outcome::same;
  std::uint64_t bytes = 0;  // found (changed)
  std::string sha256;       // found (changed)
  std::string error;        // why unreadable
};

struct ManifestBases {
  std::string inputs;     // what "input" paths are relative to; empty: the working folder
  std::string templates;  // the templates folder
};

// The manifest's entries as listed, in order (inputs, templates, outputs). Throws InputError
// naming `manifest_path` when `text` is not JSON, not a gongkai manifest, or an entry lacks its
// path, base or hash.
[[nodiscard]] std::vector<ManifestEntry> parse_manifest(const std::string& manifest_path, const std::string& text);

// Each entry hashed again: "output" paths beside the manifest, "input" paths from bases.inputs,
// "templates" paths from bases.templates.
[[nodiscard]] std::vector<VerifiedFile> verify_manifest(const std::string& manifest_path,
                                                        const std::vector<ManifestEntry>& entries,
                                                        const ManifestBases& bases);

}  // namespace gongkai
