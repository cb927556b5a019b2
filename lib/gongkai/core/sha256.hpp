// SHA-256 (FIPS 180-4) of bytes, as 64 lowercase hex digits: the hashes of a build's provenance
// manifest (build/manifest.hpp). Computed by libcrypto (OpenSSL, Debian's libssl-dev); this
// header names no third-party type.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gongkai {

// The SHA-256 of `bytes`, hex.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// The same, fed in pieces (a file read in blocks).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  // The digest of everything fed so far, hex; the object is then spent (a further call throws).
  [[nodiscard]] std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The version of the library that computes it (OPENSSL_VERSION_TEXT at compile time).
[[nodiscard]] std::string_view sha256_library_version();

}  // namespace gongkai
