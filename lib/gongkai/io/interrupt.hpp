// What an interrupted run leaves: only complete files. Temporary files and staging folders are
// registered here while they exist; on SIGINT, SIGTERM or SIGHUP a dedicated thread (the
// signals are blocked in every other thread) removes them all and ends the process at once
// with 128 + the signal's number (130, 143, 129), after one line on standard error.
#pragma once

#include <gongkai/core/text.hpp>

#include <string>

namespace gongkai {

// Blocks the signals in the calling thread (and so in every thread it starts afterwards) and
// starts the thread that waits for them. Call once, early in main, before any other thread.
void install_interrupt_cleanup(Lang lang);

// Where the private folder goes: $TMPDIR when set; else /dev/shm when it is a memory file system
// (tmpfs) with 1 GiB free that we may write; else /tmp. libxlsxwriter makes a dozen temporary
// files per workbook (Debian's is built without fmemopen): XLSX of 1,000 units spent 0.84-1.01 s
// of system time with them on ext4, 0.56-0.66 s on tmpfs (bench/README.md).
[[nodiscard]] std::string scratch_base_dir();

// Makes a private folder in scratch_base_dir() for the temporary files libraries make (such as
// libxlsxwriter's, created and unlinked at once, but present for an instant), points $TMPDIR at
// it, and removes it at exit and on a signal: an interrupt in that instant leaves nothing
// behind. Call from main, after install_interrupt_cleanup and before any other thread; does
// nothing when the folder cannot be made.
void use_private_temp_dir();

// The registry, guarded by a lock the cleanup also takes: create a file or folder and register
// it while holding a CleanupLock (after throw_if_interrupted_locked), so that it is either
// registered as soon as it exists or never created once the cleanup has begun. Hold the lock
// only briefly (never across a write that may block, such as to a FIFO).
class CleanupLock {
 public:
  CleanupLock();
  ~CleanupLock();
  CleanupLock(const CleanupLock&) = delete;
  CleanupLock& operator=(const CleanupLock&) = delete;
};

// Each needs a CleanupLock held by the caller.
void register_temp_file_locked(const std::string& path);
void register_temp_dir_locked(const std::string& path);
void unregister_temp_locked(const std::string& path);
// Throws InputError when the cleanup has begun. Call holding a CleanupLock.
void throw_if_interrupted_locked();

}  // namespace gongkai
