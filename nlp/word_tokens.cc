#include "nlp/word_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "ingest/tone_marks.h"
#include "ingest/utf8.h"

namespace dipdoc {

std::vector<WordToken> TokenizeWords(std::string_view text, Span range) {
  std::vector<WordToken> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t end = static_cast<int32_t>(std::min(range.end, text.size()));
  int32_t i = static_cast<int32_t>(std::min(range.start, text.size()));
  WordToken current;
  bool in_word = false;
  const auto finish = [&](std::size_t at) {
    if (!in_word) return;
    current.span.end = at;
    current.key = CanonicalSyllable(current.key);
    tokens.push_back(std::move(current));
    current = WordToken{};
    in_word = false;
  };
  while (i < end) {
    const int32_t start = i;
    bool word_char = false;
    char32_t lower = 0;
    if (bytes[i] < 0x80) {  // ASCII, most of every text: no need to ask ICU
      const char c = static_cast<char>(bytes[i++]);
      word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      lower = static_cast<char32_t>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    } else {
      UChar32 c = 0;
      U8_NEXT(bytes, i, end, c);
      // Letters, digits and combining marks (a stray NFD mark stays inside its word).
      word_char = c >= 0 && (u_isalnum(c) || (u_getCombiningClass(c) != 0 && in_word));
      lower = static_cast<char32_t>(u_tolower(c));
    }
    if (!word_char) {
      finish(static_cast<std::size_t>(start));
      continue;
    }
    if (!in_word) {
      in_word = true;
      current.span.start = static_cast<std::size_t>(start);
    }
    if (lower < 0x80) {
      current.key += static_cast<char>(lower);
    } else {
      AppendUtf8(current.key, lower);
    }
  }
  finish(static_cast<std::size_t>(end));
  return tokens;
}

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  const std::string matching = FindInvalidUtf8(phrase) ? std::string(phrase) : MatchingForm(phrase);
  std::vector<std::string> keys;
  for (WordToken& token : TokenizeWords(matching)) keys.push_back(std::move(token.key));
  return keys;
}

}  // namespace dipdoc
