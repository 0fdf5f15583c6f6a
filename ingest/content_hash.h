#ifndef DIPDOC_INGEST_CONTENT_HASH_H_
#define DIPDOC_INGEST_CONTENT_HASH_H_

#include <string>
#include <string_view>

namespace dipdoc {

// The id of a file's content: the first 16 hex digits of the SHA-256 of its bytes. Raw bytes, not the
// normalised text, so that an id never changes when normalisation improves.
std::string ContentId(std::string_view bytes);

// Lower-case hex SHA-256 of `bytes` (64 digits).
std::string Sha256Hex(std::string_view bytes);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_CONTENT_HASH_H_
