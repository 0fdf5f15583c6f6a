#include "ingest/line_shape.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "ingest/utf8.h"

namespace dipdoc {
namespace {

icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

std::size_t WordCount(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

std::string LowerCase(std::string_view text) {
  // ASCII text lower-cases byte by byte, without ICU's round trip through UTF-16, in every locale but those
  // whose I is ı (ICU lower-cases in the default locale).
  static const bool ascii_alone = [] {
    const std::string_view language = icu::Locale::getDefault().getLanguage();
    return language != "tr" && language != "az";
  }();
  std::string out;
  if (ascii_alone &&
      std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.reserve(text.size());
    for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    return out;
  }
  if (!FindInvalidUtf8(text)) {
    // Straight from UTF-8 to UTF-8, without the round trip through UTF-16; the same rules as toLower().
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    UErrorCode error = U_ZERO_ERROR;
    icu::CaseMap::utf8ToLower(/*locale=*/nullptr, /*options=*/0,
                              icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                              /*edits=*/nullptr, error);
    if (U_SUCCESS(error)) return out;
    out.clear();
  }
  // Ill-formed UTF-8 (a line cut inside a character) reads as U+FFFD here; utf8ToLower would copy it.
  ToUnicode(text).toLower().toUTF8String(out);
  return out;
}

bool IsAllCapitals(std::string_view line) {
  const icu::UnicodeString u = ToUnicode(line);
  icu::UnicodeString upper(u);
  icu::UnicodeString lower(u);
  return u == upper.toUpper() && u != lower.toLower();
}

bool IsParagraph(std::string_view line, std::size_t min_words) {
  if (WordCount(line) < min_words) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || line.find(". ") != std::string_view::npos;
}

std::size_t LineEnd(std::string_view text, std::size_t from) {
  const auto end = std::find_if(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(),
                                [](char c) { return c == '\n' || c == '\f'; });
  return static_cast<std::size_t>(end - text.begin());
}

std::vector<std::string_view> NonEmptyLines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t eol = LineEnd(text, start);
    if (eol > start) lines.push_back(text.substr(start, eol - start));
    start = eol + 1;
  }
  return lines;
}

}  // namespace dipdoc
