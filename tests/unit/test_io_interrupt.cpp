#include <gongkai/io/interrupt.hpp>

#include <doctest/doctest.h>

#include <sys/statfs.h>
#include <cstdlib>
#include <optional>
#include <string>

using namespace gongkai;

namespace {

// Sets or unsets TMPDIR for one test case and puts it back.
class TmpdirAs {
 public:
  explicit TmpdirAs(const char* value) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    if (value != nullptr)
      ::setenv("TMPDIR", value, 1);
    else
      ::unsetenv("TMPDIR");
  }
  ~TmpdirAs() {
    if (old_)
      ::setenv("TMPDIR", old_->c_str(), 1);
    else
      ::unsetenv("TMPDIR");
  }
  TmpdirAs(const TmpdirAs&) = delete;
  TmpdirAs& operator=(const TmpdirAs&) = delete;

 private:
  std::optional<std::string> old_;
};

}  // namespace

TEST_SUITE("io/interrupt") {
  TEST_CASE("the scratch folder is TMPDIR when set") {
    const TmpdirAs env("/var/tmp/somewhere");
    CHECK(scratch_base_dir() == "/var/tmp/somewhere");
  }

  TEST_CASE("unset or empty TMPDIR: /dev/shm only when it is a memory file system, else /tmp") {
    for (const char* value : {static_cast<const char*>(nullptr), ""}) {
      const TmpdirAs env(value);
      const std::string dir = scratch_base_dir();
      if (dir == "/dev/shm") {
        struct statfs fs {};
        REQUIRE(::statfs("/dev/shm", &fs) == 0);
        CHECK(static_cast<unsigned long>(fs.f_type) == 0x01021994UL);
      } else {
        CHECK(dir == "/tmp");
      }
    }
  }
}
