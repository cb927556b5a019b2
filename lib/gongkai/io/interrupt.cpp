#include <gongkai/io/interrupt.hpp>

#include <gongkai/core/diagnostic.hpp>

#include <fmt/format.h>

#include <pthread.h>
#include <signal.h>
#include <sys/statfs.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace gongkai {

namespace {

constexpr unsigned long kTmpfsMagic = 0x01021994;  // linux/magic.h TMPFS_MAGIC

// Never destroyed: the signal thread may use it while static destructors run at exit.
struct Registry {
  std::mutex mutex;
  std::set<std::string> files;
  std::set<std::string> dirs;
  bool closing = false;
};

Registry& registry() {
  static auto* r = new Registry();
  return *r;
}

// A folder others may still be writing in: the private temporary folder, where libraries make
// files without our lock (libxlsxwriter creates and unlinks one at a time in worker threads). It is
// renamed first, so that no new file can be made at its name, then removed; a file made in the
// instant of the rename is caught by removing again.
void remove_folder(const std::string& dir) {
  std::error_code ec;
  std::string gone = dir + ".removing";
  std::filesystem::rename(dir, gone, ec);
  if (ec) gone = dir;
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::filesystem::remove_all(gone, ec);
    if (!std::filesystem::exists(std::filesystem::symlink_status(gone, ec))) break;
  }
}

void remove_all_registered(Registry& r) {
  std::error_code ec;
  for (const auto& f : r.files) std::filesystem::remove(f, ec);
  for (const auto& d : r.dirs) remove_folder(d);
  r.files.clear();
  r.dirs.clear();
}

}  // namespace

CleanupLock::CleanupLock() { registry().mutex.lock(); }
CleanupLock::~CleanupLock() { registry().mutex.unlock(); }

void register_temp_file_locked(const std::string& path) { registry().files.insert(path); }
void register_temp_dir_locked(const std::string& path) { registry().dirs.insert(path); }
void unregister_temp_locked(const std::string& path) {
  registry().files.erase(path);
  registry().dirs.erase(path);
}

void throw_if_interrupted_locked() {
  if (registry().closing) throw InputError(SourceLoc{}, {"已中断", "interrupted"});
}

namespace {

// /dev/shm when it is a memory file system with room (1 GiB free) and we may make a folder in it.
bool memory_scratch_usable(const char* dir) {
  struct statfs fs {};
  if (::statfs(dir, &fs) != 0 || static_cast<unsigned long>(fs.f_type) != kTmpfsMagic) return false;
  const unsigned long long room =
      static_cast<unsigned long long>(fs.f_bavail) * static_cast<unsigned long long>(fs.f_bsize);
  return room >= (1ULL << 30) && ::access(dir, W_OK | X_OK) == 0;
}

}  // namespace

std::string scratch_base_dir() {
  const char* env = std::getenv("TMPDIR");
  if (env != nullptr && *env != '\0') return env;
  if (memory_scratch_usable("/dev/shm")) return "/dev/shm";
  return "/tmp";
}

void use_private_temp_dir() {
  std::string tmpl = scratch_base_dir() + "/gongkai-XXXXXX";
  {
    CleanupLock lock;
    if (::mkdtemp(tmpl.data()) == nullptr) return;
    register_temp_dir_locked(tmpl);
  }
  static std::string dir;  // for the atexit handler
  dir = tmpl;
  ::setenv("TMPDIR", dir.c_str(), 1);
  std::atexit([] {
    CleanupLock lock;
    remove_folder(dir);
    unregister_temp_locked(dir);
  });
}

void install_interrupt_cleanup(Lang lang) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set, lang] {
    int sig = 0;
    while (sigwait(&set, &sig) != 0) {
    }
    Registry& r = registry();
    r.mutex.lock();  // held until _exit: nothing new is created or moved from here on
    r.closing = true;
    remove_all_registered(r);
    const char* name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
    const std::string line = lang == Lang::zh
                                 ? fmt::format("gongkai：收到 {}，已停止；临时文件已删除，只留下完整的文件\n", name)
                                 : fmt::format(
                                       "gongkai: {} received: stopped; temporary files removed, only complete files "
                                       "left\n",
                                       name);
    ssize_t ignored = ::write(STDERR_FILENO, line.data(), line.size());
    (void)ignored;
    ::_exit(128 + sig);
  }).detach();
}

}  // namespace gongkai
