// gongkai verify MANIFEST: re-hashes every file a build's manifest.json lists (its inputs,
// templates and outputs; build/manifest_verify.hpp) and says which changed. Standard output:
// one line per file that changed, is missing or cannot be read, then a summary line.
// Exit 0: every file matches; 1: a file changed, is missing or unreadable; 2: the manifest
// itself cannot be read or is not a gongkai manifest.
#include "cmd_verify.hpp"

#include <gongkai/build/manifest_verify.hpp>
#include <gongkai/io/files.hpp>

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace gongkai::cli {

namespace {

struct VerifyCmdOptions {
  std::string manifest;
  std::string inputs;  // --inputs DIR: what the manifest's input paths are relative to
};

// The first 12 hex digits of a hash, enough to tell two apart in a message.
std::string short_hash(const std::string& h) { return h.substr(0, 12); }

std::string problem_line(const VerifiedFile& f, Lang lang) {
  const bool zh = lang == Lang::zh;
  const std::string& p = f.resolved;
  switch (f.outcome) {
    case VerifiedFile::Outcome::changed:
      return zh ? fmt::format("已改变：{}（清单记录 {} 字节、SHA-256 {}…，现在 {} 字节、SHA-256 {}…）\n", p,
                              f.entry.bytes, short_hash(f.entry.sha256), f.bytes, short_hash(f.sha256))
                : fmt::format("changed: {} (manifest: {} bytes, SHA-256 {}…; now: {} bytes, SHA-256 {}…)\n", p,
                              f.entry.bytes, short_hash(f.entry.sha256), f.bytes, short_hash(f.sha256));
    case VerifiedFile::Outcome::missing:
      return zh ? fmt::format("缺失：{}\n", p) : fmt::format("missing: {}\n", p);
    case VerifiedFile::Outcome::unreadable:
      return zh ? fmt::format("无法读取：{}（{}）\n", p, f.error) : fmt::format("unreadable: {} ({})\n", p, f.error);
    case VerifiedFile::Outcome::skipped:
      return zh ? "未校验：标准输入（-）无法再次读取\n" : "not checked: standard input (-) cannot be read again\n";
    case VerifiedFile::Outcome::same:
      break;
  }
  return {};
}

}  // namespace

void register_verify(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<VerifyCmdOptions>();
  auto* cmd = app.add_subcommand("verify", "Check that the files a build's manifest.json lists are unchanged");
  cmd->add_option("manifest", opts->manifest, "A manifest.json written by gongkai build")->required();
  cmd->add_option("--inputs", opts->inputs,
                  "Folder the build ran in: its input paths are relative to it (default: the current folder)");
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    std::vector<ManifestEntry> entries;
    try {
      entries = parse_manifest(opts->manifest, read_file(opts->manifest));
    } catch (const Error& e) {
      print_input_error(e, lang);
      ctx.exit_code = kUnreadable;
      return;
    }
    ManifestBases bases;
    bases.inputs = opts->inputs;
    bases.templates = template_dir(ctx.template_dir).string();
    const auto files = verify_manifest(opts->manifest, entries, bases);
    std::size_t bad = 0, checked = 0;
    for (const auto& f : files) {
      std::cout << problem_line(f, lang);
      if (f.outcome == VerifiedFile::Outcome::skipped) continue;
      ++checked;
      if (f.outcome != VerifiedFile::Outcome::same) ++bad;
    }
    if (bad == 0)
      std::cout << (lang == Lang::zh
                        ? fmt::format("{}：{} 个文件全部一致\n", opts->manifest, checked)
                        : fmt::format("{}: all {} file{} match\n", opts->manifest, checked, checked == 1 ? "" : "s"));
    else
      std::cout << (lang == Lang::zh
                        ? fmt::format("{}：{} 个文件中有 {} 个已改变、缺失或无法读取\n", opts->manifest, checked, bad)
                        : fmt::format("{}: {} of {} file{} changed, missing or unreadable\n", opts->manifest, bad,
                                      checked, checked == 1 ? "" : "s"));
    ctx.exit_code = bad == 0 ? kOk : kFindings;
  });
}

}  // namespace gongkai::cli
