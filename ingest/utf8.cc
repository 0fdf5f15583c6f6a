#include "ingest/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace dipdoc {

std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < length) {
    // Runs of ASCII, most of every text, are stepped over eight bytes at a time.
    if (length - i >= 8) {
      uint64_t block;
      std::memcpy(&block, s + i, sizeof block);
      if ((block & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

void AppendUtf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out.append(buffer, static_cast<std::size_t>(length));
}

std::string_view TruncateUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the character that straddles the cut.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace dipdoc
