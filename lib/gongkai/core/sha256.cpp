#include <gongkai/core/sha256.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <array>
#include <stdexcept>

namespace gongkai {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
  bool done = false;
};

namespace {

// libcrypto started without reading the system's openssl.cnf (a digest needs no configuration,
// and a site's configuration must not change a manifest), and SHA-256 fetched from its provider
// once, not at every digest. Together 2.3 ms of a one-report build's 17 (bench/README.md).
const EVP_MD* sha256_method() {
  static const EVP_MD* const md = [] {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
    return EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  }();
  return md;
}

}  // namespace

Sha256::Sha256() : state_(std::make_unique<State>()) {
  const EVP_MD* md = sha256_method();
  state_->ctx = EVP_MD_CTX_new();
  if (md == nullptr || state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, md, nullptr) != 1) {
    EVP_MD_CTX_free(state_->ctx);
    throw std::runtime_error("SHA-256: libcrypto could not start a digest");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(state_->ctx); }

void Sha256::update(std::string_view bytes) {
  if (state_->done) throw std::logic_error("SHA-256: digest already taken");
  if (!bytes.empty() && EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size()) != 1)
    throw std::runtime_error("SHA-256: libcrypto digest update failed");
}

std::string Sha256::hex() {
  if (state_->done) throw std::logic_error("SHA-256: digest already taken");
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int n = 0;
  if (EVP_DigestFinal_ex(state_->ctx, md.data(), &n) != 1 || n != 32)
    throw std::runtime_error("SHA-256: libcrypto digest failed");
  state_->done = true;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned int i = 0; i < n; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 0xf]);
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes);
  return h.hex();
}

std::string_view sha256_library_version() { return OPENSSL_VERSION_TEXT; }

}  // namespace gongkai
