#include "ingest/content_hash.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace dipdoc {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");  // only on a broken OpenSSL installation
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string ContentId(std::string_view bytes) { return Sha256Hex(bytes).substr(0, 16); }

}  // namespace dipdoc
