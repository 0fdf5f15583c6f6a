#ifndef DIPDOC_INGEST_UTF8_H_
#define DIPDOC_INGEST_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dipdoc {

// The byte offset of the first ill-formed UTF-8 sequence in `bytes` (overlong forms, surrogates and
// truncated sequences included), or nullopt when `bytes` is well-formed UTF-8.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);

// Appends the UTF-8 form of code point `c`.
// REQUIRES: c is a Unicode scalar value
void AppendUtf8(std::string& out, char32_t c);

// The longest prefix of `text` of at most `max_bytes` bytes that does not cut a UTF-8 character.
// REQUIRES: text is well-formed UTF-8
std::string_view TruncateUtf8(std::string_view text, std::size_t max_bytes);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_UTF8_H_
