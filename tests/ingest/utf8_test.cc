#include "ingest/utf8.h"

#include <catch2/catch.hpp>

#include <string>

namespace dipdoc {
namespace {

TEST_CASE("ill-formed UTF-8 is found at its first bad byte", "[ingest]") {
  struct Case {
    const char* name;
    std::string bytes;
    std::optional<std::size_t> bad_at;
  };
  const Case cases[] = {
      {"ASCII", "Abdala", std::nullopt},
      {"Vietnamese", "liều vaccine", std::nullopt},
      {"four-byte character", "\xF0\x9F\x92\x89 vaccine", std::nullopt},
      {"Latin-1 byte", "caf\xE9 au lait", 3},
      {"truncated two-byte sequence at the end", "ab\xC3", 2},
      {"truncated three-byte sequence", "x\xE1\xBB", 1},
      {"lone continuation byte", "\x80 start", 0},
      {"overlong encoding of '/'", "a\xC0\xAF", 1},
      {"UTF-16 surrogate encoded in UTF-8", "ok \xED\xA0\x80", 3},
      {"code point above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"UTF-16LE text", std::string("\xFF\xFE" "a\0b\0", 6), 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(FindInvalidUtf8(c.bytes) == c.bad_at);
  }
}

TEST_CASE("truncation never cuts a UTF-8 character", "[ingest]") {
  const std::string text = "Việt";  // V i ệ(3 bytes) t
  CHECK(TruncateUtf8(text, 10) == "Việt");
  CHECK(TruncateUtf8(text, 5) == "Việ");
  CHECK(TruncateUtf8(text, 4) == "Vi");
  CHECK(TruncateUtf8(text, 3) == "Vi");
  CHECK(TruncateUtf8(text, 0).empty());
}

}  // namespace
}  // namespace dipdoc
