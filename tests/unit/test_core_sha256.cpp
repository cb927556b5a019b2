#include <gongkai/core/sha256.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("core_sha256") {
  TEST_CASE("the FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("fed in pieces, the same digest; bytes of any value") {
    Sha256 h;
    h.update("abcdbcdecdefdefgefgh");
    h.update("");
    h.update("fghighijhijkijkljklmklmnlmnomnopnopq");
    CHECK(h.hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK_THROWS(h.hex());  // spent
    const std::string zero("a\0b", 3);
    CHECK(sha256_hex(zero) != sha256_hex("ab"));
    CHECK(sha256_hex("政府信息公开").size() == 64);
  }

  TEST_CASE("one byte changed changes the digest") {
    CHECK(sha256_hex("received: 12\n") != sha256_hex("received: 13\n"));
  }

  TEST_CASE("the library is named") {
    CHECK(std::string(sha256_library_version()).find("OpenSSL") != std::string::npos);
  }
}
