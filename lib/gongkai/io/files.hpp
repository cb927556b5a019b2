// The only part of the library that touches the disk: reading inputs (bounded in size),
// writing outputs so that a failed or interrupted run never leaves a half-written file nor
// harms what the path names (a device, a FIFO, a symlink's target, an input), and finding the
// forms and templates. Everything else takes and returns text. Limits: docs/limits.md.
#pragma once

#include <gongkai/forms/form_set.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai {

// The largest input read, in bytes, for every file read through read_file (regular files,
// devices, FIFOs and standard input alike). Default: 256 MiB; raised with --max-input-size.
inline constexpr std::uint64_t kDefaultMaxInputSize = std::uint64_t{256} << 20;
void set_max_input_size(std::uint64_t bytes);
[[nodiscard]] std::uint64_t max_input_size();

// "1G", "512M", "64K", "1000000": a byte count with an optional binary suffix (K, M, G, T,
// optionally followed by "iB" or "B"). nullopt when malformed, zero or beyond 2^62.
[[nodiscard]] std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// "256 MiB", "64 KiB", "1000 bytes": for messages and docs.
[[nodiscard]] std::string format_byte_size(std::uint64_t bytes);

// Reads a whole file ("-" is standard input). Throws InputError naming the path when it is
// missing, a directory, unreadable, or larger than max_input_size() (which is then not read
// to its end: /dev/zero ends at once).
[[nodiscard]] std::string read_file(const std::string& path);

// The files a run reads, as (device, inode) computed once, so that "is this output one of the
// inputs?" is a set lookup, not a stat of every input for every output. Missing paths and "-"
// are left out (they cannot be overwritten).
class InputFiles {
 public:
  InputFiles() = default;
  explicit InputFiles(const std::vector<std::string>& paths);
  void add(const std::string& path);
  [[nodiscard]] bool contains(std::uint64_t dev, std::uint64_t ino) const;
  [[nodiscard]] std::size_t size() const { return ids_.size(); }

 private:
  std::set<std::pair<std::uint64_t, std::uint64_t>> ids_;
};

// Writes `content` to `path`, by what the path is:
//  - "-": standard output;
//  - a character device or FIFO (e.g. /dev/null, a pipe's name): written as a stream, never
//    replaced; a block device or a socket is refused;
//  - a regular file or nothing yet: a temporary file in the same folder, renamed over it
//    (the previous file stays intact until the new one is whole; its permissions are kept);
//    folders above it are created;
//  - a symlink: written through — its final target is written as above, the link kept; a link
//    to nothing is refused.
// Throws InputError (rule `output`) naming `path` when the path is a folder, one of `inputs`,
// or cannot be written (a file where a folder should be, no permission, a full disk); no
// temporary file is then left behind. Temporary files are removed on SIGINT/SIGTERM too
// (io/interrupt.hpp).
void write_output(const std::string& path, std::string_view content, const InputFiles& inputs = {});

// write_output in pieces, for an output too large to hold whole: the same rules for what the
// path is, the same errors. A regular file (or nothing yet) is written to a temporary file
// beside it and renamed over it by commit(); without commit() (an error, the destructor) the
// temporary file is removed, the folders made for it too, and the path is as it was. "-", a
// character device or a FIFO is written as the pieces come (a stream cannot be replaced).
class OutputStream {
 public:
  // Throws InputError (rule `output`) as write_output does, before anything is written.
  OutputStream(const std::string& path, const InputFiles& inputs);
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  void write(std::string_view bytes);  // throws InputError (rule `output`), after discarding
  void commit();                       // throws InputError (rule `output`), after discarding

 private:
  enum class Kind { standard_output, stream, replace, done };
  void discard() noexcept;
  void remove_created() noexcept;
  [[noreturn]] void fail(int err);
  std::string shown_;   // the path as given, for the messages
  std::string target_;  // the final target (a symlink followed)
  std::string temp_;    // the temporary file beside it
  std::vector<std::string> created_;
  int fd_ = -1;
  unsigned mode_ = 0644;
  Kind kind_ = Kind::done;
};

// write_output with the inputs as paths (stats each once: for one output, not in a loop).
void write_file_atomic(const std::string& path, std::string_view content, const std::vector<std::string>& inputs = {});

// Makes sure `dir` is a folder, creating it and the folders above it. Throws InputError
// (rule `output`) naming the path when a file is in the way or it cannot be created. Returns
// the folders it created, outermost first.
std::vector<std::string> make_output_dir(const std::string& dir);

// A private folder inside an output folder where a batch writes its files before moving each
// into place (so that outputs appear whole, and a failed unit writes nothing). Created at
// construction (the output folder too: make_output_dir's errors), removed with everything in
// it by the destructor or on SIGINT/SIGTERM. Folders it created above are removed too when
// they are left empty.
class StagingDir {
 public:
  explicit StagingDir(const std::string& output_dir);
  ~StagingDir();
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;

  [[nodiscard]] const std::string& path() const { return path_; }
  // Writes a new file `name` (no folders) in the staging folder; returns its path. Thread-safe.
  // Throws InputError naming `shown_as` (the output it stands for) when it cannot be written.
  std::string write(const std::string& name, std::string_view content, const std::string& shown_as) const;

 private:
  std::string path_;
  std::vector<std::string> created_;  // output folders created for us, outermost first
};

// Moves a staged file to `target` (a rename when the target is a regular file or nothing in
// the same file system, else written as write_output writes). Same errors as write_output.
void install_output(const std::string& staged, const std::string& target, const InputFiles& inputs);

// The report-templates directory: `explicit_dir` if given, else $GONGKAI_TEMPLATE_DIR, else
// the one installed beside the binary, else the source tree's. Throws InputError if none exists.
[[nodiscard]] std::filesystem::path template_dir(const std::string& explicit_dir = {});

// Loads every forms/*.yaml under the template directory.
[[nodiscard]] FormSet load_forms(const std::filesystem::path& templates);

// True when both paths name the same existing file.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

}  // namespace gongkai
