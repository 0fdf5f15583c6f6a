#include "index/schema.h"

#include "ingest/content_hash.h"

namespace dipdoc::schema {

std::string PathTerm(std::string_view canonical_path) {
  if (canonical_path.size() <= kMaxPathTermBytes) return std::string(kPath) + std::string(canonical_path);
  return std::string(kPath) + "#" + Sha256Hex(canonical_path);
}

std::string DateValue(std::string_view iso_date) {
  std::string value;
  for (char c : iso_date) {
    if (c != '-') value += c;
  }
  value.resize(8, '0');
  return value;
}

}  // namespace dipdoc::schema
