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

std::string ContentId(std::string_view bytes) {
  // Ingest asks for the id of each file twice (to skip unchanged files, then for the document), so each
  // thread remembers the last small file it hashed: comparing bytes costs far less than hashing them.
  constexpr std::size_t kMaxRemembered = 64 * 1024;
  thread_local std::string remembered_bytes;
  thread_local std::string remembered_id;
  if (!remembered_id.empty() && bytes == remembered_bytes) return remembered_id;
  std::string id = Sha256Hex(bytes).substr(0, 16);
  if (bytes.size() <= kMaxRemembered) {
    remembered_bytes.assign(bytes);
    remembered_id = id;
  }
  return id;
}

}  // namespace dipdoc
