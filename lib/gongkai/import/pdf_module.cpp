#include <gongkai/import/pdf_module.hpp>

#include <gongkai/core/error.hpp>

#include <fmt/format.h>

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

#if !defined(GONGKAI_VERSION) || !defined(GONGKAI_BUILD_DIR) || !defined(GONGKAI_BUILD_PDF_MODULE) || \
    !defined(GONGKAI_PDF_MODULE_FROM_BINDIR) || !defined(GONGKAI_INSTALL_PDF_MODULE) ||               \
    !defined(GONGKAI_PACKAGE_PDF_MODULE)
#error "the PDF module's places must be defined (CMakeLists.txt)"
#endif

namespace gongkai::import {
namespace {

namespace fs = std::filesystem;

// Owned by root or by us, and writable by no one else.
bool safe(const struct stat& st) {
  return (st.st_uid == 0 || st.st_uid == ::geteuid()) && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

struct Loaded {
  pdf_backend::OpenFunction open = nullptr;
  bool present = false;  // the file is there (loaded or refused)
  Text why;              // when open is null
};

Loaded load(const std::string& path) {
  struct stat st {};
  struct stat dir {};
  // The file and the folder it really is in (a symlink resolved): what dlopen will map.
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  const std::string file = real.string();
  const std::string folder = real.parent_path().string();
  if (ec || ::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || ::stat(folder.c_str(), &dir) != 0)
    return {nullptr, false, {fmt::format("找不到 {}", path), fmt::format("{} is not there", path)}};
  if (!safe(st) || !safe(dir))
    return {nullptr,
            true,
            {fmt::format("{} 或其所在目录不属于 root 或当前用户，或他人可写，不予加载", path),
             fmt::format("{} or its folder belongs to neither root nor the user running gongkai, or others may "
                         "write it: not loaded",
                         path)}};
  ::dlerror();
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* e = ::dlerror();
    const std::string reason = e != nullptr ? e : "dlopen failed";
    return {
        nullptr, true, {fmt::format("无法加载 {}：{}", path, reason), fmt::format("cannot load {}: {}", path, reason)}};
  }
  auto version = reinterpret_cast<pdf_backend::VersionFunction>(::dlsym(handle, pdf_backend::kVersionSymbol));
  auto open = reinterpret_cast<pdf_backend::OpenFunction>(::dlsym(handle, pdf_backend::kOpenSymbol));
  if (version == nullptr || open == nullptr || std::strcmp(version(), GONGKAI_VERSION) != 0) {
    const std::string other = version != nullptr ? version() : "?";
    ::dlclose(handle);
    return {nullptr,
            true,
            {fmt::format("{} 是另一版本（{}）的模块，gongkai 为 {}", path, other, GONGKAI_VERSION),
             fmt::format("{} is the module of another version ({}); gongkai is {}", path, other, GONGKAI_VERSION)}};
  }
  return {open, true, {}};  // never closed: loaded once for the process
}

std::vector<std::string> candidates() {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::string build = GONGKAI_BUILD_DIR;
    const std::string program = exe.string();
    if (program.size() > build.size() && program.compare(0, build.size(), build) == 0 && program[build.size()] == '/')
      out.emplace_back(GONGKAI_BUILD_PDF_MODULE);
    out.push_back((exe.parent_path() / GONGKAI_PDF_MODULE_FROM_BINDIR).lexically_normal().string());
  }
  out.emplace_back(GONGKAI_INSTALL_PDF_MODULE);
  if (std::string(GONGKAI_PACKAGE_PDF_MODULE) != GONGKAI_INSTALL_PDF_MODULE)
    out.emplace_back(GONGKAI_PACKAGE_PDF_MODULE);
  return out;
}

Loaded find_module() {
  // The most telling reason: the first module there but refused, else the installed place (the
  // last candidate).
  Loaded reason;
  for (const auto& c : candidates()) {
    Loaded l = load(c);
    if (l.open != nullptr) return l;
    if (!reason.present) reason = std::move(l);
  }
  return reason;
}

}  // namespace

pdf_backend::OpenFunction pdf_open_function(const std::string& pdf_path) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = find_module(); });
  if (loaded.open == nullptr)
    throw InputError(
        SourceLoc{pdf_path, 0, 0, {}},
        Text{"无法读取 PDF：gongkai 的 PDF 模块（gongkai-pdf.so）不可用：" + loaded.why.zh + "；请重新安装 gongkai",
             "cannot read a PDF: gongkai's PDF module (gongkai-pdf.so) is not available: " + loaded.why.en +
                 "; reinstall gongkai"});
  return loaded.open;
}

}  // namespace gongkai::import
