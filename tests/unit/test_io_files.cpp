#include <gongkai/core/diagnostic.hpp>
#include <gongkai/io/files.hpp>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

using namespace gongkai;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "gongkai-io-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

// The error's English message, or "" when nothing was thrown.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.where().file + ": " + e.message().en + " [" + e.rule() + "]";
  }
  return "";
}

}  // namespace

TEST_SUITE("io/files") {
  TEST_CASE("sizes parse with binary suffixes and print back") {
    CHECK(parse_byte_size("1000") == 1000U);
    CHECK(parse_byte_size("64K") == 65536U);
    CHECK(parse_byte_size("512m") == 512U << 20);
    CHECK(parse_byte_size("2GiB") == std::uint64_t{2} << 30);
    CHECK(parse_byte_size("1TB") == std::uint64_t{1} << 40);
    CHECK_FALSE(parse_byte_size(""));
    CHECK_FALSE(parse_byte_size("0"));
    CHECK_FALSE(parse_byte_size("-1"));
    CHECK_FALSE(parse_byte_size("1.5G"));
    CHECK_FALSE(parse_byte_size("12X"));
    CHECK_FALSE(parse_byte_size("99999999999999999999"));
    CHECK_FALSE(parse_byte_size("8388608T"));
    CHECK(format_byte_size(256U << 20) == "256 MiB");
    CHECK(format_byte_size(1024) == "1 KiB");
    CHECK(format_byte_size(1000) == "1000 bytes");
    CHECK(format_byte_size(std::uint64_t{3} << 30) == "3 GiB");
  }

  TEST_CASE("an input over the size limit is refused, a stream after the limit, not at its end") {
    TempDir t;
    spit(t.path / "a.yaml", std::string(5000, 'x'));
    set_max_input_size(4096);
    CHECK(error_of([&] { (void)read_file((t.path / "a.yaml").string()); }) ==
          (t.path / "a.yaml").string() +
              ": larger than the input size limit of 4 KiB; not read to its end (raise it with --max-input-size) "
              "[input]");
    CHECK(error_of([] { (void)read_file("/dev/zero"); }) ==
          "/dev/zero: larger than the input size limit of 4 KiB; not read to its end (raise it with "
          "--max-input-size) [input]");
    set_max_input_size(5000);
    CHECK(read_file((t.path / "a.yaml").string()).size() == 5000);
    set_max_input_size(kDefaultMaxInputSize);
    CHECK(error_of([&] { (void)read_file(t.path.string()); }) ==
          t.path.string() + ": is a directory, not a file [input]");
    CHECK(error_of([&] { (void)read_file((t.path / "none").string()); }) ==
          (t.path / "none").string() + ": no such file [input]");
  }

  TEST_CASE("a regular file is replaced whole; its mode is kept; no temporary file stays") {
    TempDir t;
    const fs::path out = t.path / "sub" / "out.yaml";
    write_output(out.string(), "one\n");
    CHECK(slurp(out) == "one\n");
    ::chmod(out.c_str(), 0600);
    write_output(out.string(), "two\n");
    CHECK(slurp(out) == "two\n");
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(entries(out.parent_path()) == 1);
  }

  TEST_CASE("a symlink is written through: the link kept, its target replaced; a dangling one refused") {
    TempDir t;
    spit(t.path / "target.yaml", "old\n");
    fs::create_symlink("target.yaml", t.path / "link.yaml");
    write_output((t.path / "link.yaml").string(), "new\n");
    CHECK(fs::is_symlink(t.path / "link.yaml"));
    CHECK(fs::read_symlink(t.path / "link.yaml") == "target.yaml");
    CHECK(slurp(t.path / "target.yaml") == "new\n");
    fs::create_symlink("missing/x.yaml", t.path / "dangling.yaml");
    CHECK(error_of([&] { write_output((t.path / "dangling.yaml").string(), "x"); }) ==
          (t.path / "dangling.yaml").string() +
              ": is a symbolic link to nothing; refusing to write through it [output]");
    CHECK_FALSE(fs::exists(t.path / "missing"));
    CHECK(entries(t.path) == 3);
  }

  TEST_CASE("an input is never overwritten, by its name or through a link") {
    TempDir t;
    spit(t.path / "in.yaml", "input\n");
    fs::create_symlink("in.yaml", t.path / "link.yaml");
    const InputFiles inputs({(t.path / "in.yaml").string(), "-", (t.path / "absent").string()});
    CHECK(inputs.size() == 1);
    for (const char* name : {"in.yaml", "link.yaml"})
      CHECK(error_of([&] { write_output((t.path / name).string(), "x", inputs); }) ==
            (t.path / name).string() + ": the output is one of the inputs; refusing to overwrite an input [output]");
    CHECK(slurp(t.path / "in.yaml") == "input\n");
  }

  TEST_CASE("a character device is written as a stream and stays a device") {
    struct stat before {
    }, after{};
    REQUIRE(::stat("/dev/null", &before) == 0);
    if (::access("/dev/null", W_OK) == 0) {
      write_output("/dev/null", "discarded\n");
      REQUIRE(::stat("/dev/null", &after) == 0);
      CHECK(S_ISCHR(after.st_mode));
      CHECK(after.st_ino == before.st_ino);
    }
  }

  TEST_CASE("an output stream: the file is the old one until commit, then the new one whole") {
    TempDir t;
    const fs::path out = t.path / "findings.json";
    spit(out, "old\n");
    ::chmod(out.c_str(), 0600);
    {
      OutputStream s(out.string(), {});
      s.write("{\n");
      s.write("  \"a\": 1\n");
      CHECK(slurp(out) == "old\n");
      CHECK(entries(t.path) == 2);  // the temporary file beside it
      s.write("}\n");
      s.commit();
    }
    CHECK(slurp(out) == "{\n  \"a\": 1\n}\n");
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(entries(t.path) == 1);
  }

  TEST_CASE("an output stream never committed leaves the path as it was, and no folder made for it") {
    TempDir t;
    spit(t.path / "kept.json", "kept\n");
    {
      OutputStream s((t.path / "kept.json").string(), {});
      s.write("half");
    }
    CHECK(slurp(t.path / "kept.json") == "kept\n");
    {
      OutputStream s((t.path / "new" / "deeper" / "f.json").string(), {});
      s.write("half");
      CHECK(fs::exists(t.path / "new" / "deeper"));
    }
    CHECK_FALSE(fs::exists(t.path / "new"));
    CHECK(entries(t.path) == 1);
    spit(t.path / "in.json", "input\n");
    const InputFiles inputs({(t.path / "in.json").string()});
    CHECK(error_of([&] { OutputStream s((t.path / "in.json").string(), inputs); }) ==
          (t.path / "in.json").string() + ": the output is one of the inputs; refusing to overwrite an input [output]");
  }

  TEST_CASE("an output stream to a FIFO: written as the pieces come, the FIFO kept") {
    TempDir t;
    const fs::path fifo = t.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = slurp(fifo); });
    {
      OutputStream s(fifo.string(), {});
      s.write("one,");
      s.write("two\n");
      s.commit();
    }
    reader.join();
    CHECK(got == "one,two\n");
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
  }

  TEST_CASE("a folder where the file should be, or a file where a folder should be") {
    TempDir t;
    fs::create_directory(t.path / "d");
    spit(t.path / "f", "file\n");
    CHECK(error_of([&] { write_output((t.path / "d").string(), "x"); }) ==
          (t.path / "d").string() + ": is a directory, not a file [output]");
    CHECK(error_of([&] { write_output((t.path / "f" / "x.yaml").string(), "x"); }) ==
          (t.path / "f").string() + ": the output folder is a file, not a folder [output]");
    CHECK(error_of([&] { (void)make_output_dir((t.path / "f" / "a" / "b").string()); }) ==
          (t.path / "f" / "a" / "b").string() + ": " + (t.path / "f").string() +
              " in the path is a file, not a folder [output]");
    CHECK(slurp(t.path / "f") == "file\n");
  }

  TEST_CASE("a staging folder is removed with what it holds, and the folders made for it when empty") {
    TempDir t;
    const fs::path out = t.path / "a" / "b";
    std::string staged_path;
    {
      StagingDir staging(out.string());
      staged_path = staging.path();
      CHECK(fs::path(staged_path).parent_path() == out);
      const std::string f = staging.write("0.md", "# x\n", (out / "x" / "report.md").string());
      CHECK(slurp(f) == "# x\n");
      (void)make_output_dir((out / "x").string());
      install_output(f, (out / "x" / "report.md").string(), InputFiles());
      CHECK_FALSE(fs::exists(f));
    }
    CHECK_FALSE(fs::exists(staged_path));
    CHECK(slurp(out / "x" / "report.md") == "# x\n");
    { StagingDir staging((t.path / "c" / "d").string()); }
    CHECK_FALSE(fs::exists(t.path / "c"));
  }

  TEST_CASE("forms load in file order, each on its own thread; the first broken file is the error") {
    TempDir t;
    const fs::path forms = t.path / "forms";
    fs::create_directories(forms);
    const fs::path source = fs::path(GONGKAI_SOURCE_DIR) / "report-templates" / "forms";
    fs::copy_file(source / "form-2019.yaml", forms / "form-2019.yaml");
    fs::copy_file(source / "form-2021.yaml", forms / "form-2021.yaml");
    const FormSet set = load_forms(t.path);
    REQUIRE(set.all().size() == 2);
    CHECK(set.all()[0]->id == "2019");
    CHECK(set.all()[1]->id == "2021");
    CHECK(set.for_year(2020)->id == "2019");
    CHECK(set.for_year(2024)->id == "2021");

    spit(forms / "form-2020.yaml", "id: [\n");      // not YAML
    spit(forms / "form-2022.yaml", "id: \"x\"\n");  // YAML, not a form
    const std::string error = error_of([&] { (void)load_forms(t.path); });
    INFO(error);
    CHECK(error.rfind((forms / "form-2020.yaml").string() + ": ", 0) == 0);  // the first, not form-2022.yaml
    CHECK(error.find("[input]") != std::string::npos);
  }
}
