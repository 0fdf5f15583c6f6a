#include "nlp/word_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "ingest/tone_marks.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

// Reads the next word of bytes[*at, end) into `word` (reusing its key's storage) and moves *at past it;
// false when there is none.
bool ReadWord(const uint8_t* bytes, int32_t end, int32_t* at, WordToken* word) {
  int32_t i = *at;
  int32_t word_end = end;
  bool in_word = false;
  bool ascii = true;  // the key so far is ASCII, which carries no tone marks to put in place
  std::string& key = word->key;
  key.clear();
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
      if (in_word) {
        word_end = start;
        break;
      }
      continue;
    }
    if (!in_word) {
      in_word = true;
      word->span.start = static_cast<std::size_t>(start);
    }
    if (lower < 0x80) {
      key += static_cast<char>(lower);
    } else {
      AppendUtf8(key, lower);
      ascii = false;
    }
  }
  *at = i;
  if (!in_word) return false;
  word->span.end = static_cast<std::size_t>(word_end);
  if (!ascii) key = CanonicalSyllable(key);
  return true;
}

}  // namespace

std::vector<WordToken> TokenizeWords(std::string_view text, Span range) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto end = static_cast<int32_t>(std::min(range.end, text.size()));
  auto at = static_cast<int32_t>(std::min(range.start, text.size()));
  std::vector<WordToken> words;
  for (WordToken word; ReadWord(bytes, end, &at, &word);) words.push_back(std::move(word));
  return words;
}

WordReader::WordReader(std::string_view text, Span range)
    : bytes_(reinterpret_cast<const uint8_t*>(text.data())),
      at_(static_cast<int32_t>(std::min(range.start, text.size()))),
      end_(static_cast<int32_t>(std::min(range.end, text.size()))) {}

const std::vector<WordToken>& WordReader::ReadTo(std::size_t count) {
  while (words_.size() < count) {
    WordToken word;
    if (!ReadWord(bytes_, end_, &at_, &word)) break;
    words_.push_back(std::move(word));
  }
  return words_;
}

std::vector<std::string> PhraseKeys(std::string_view phrase) {
  const std::string matching = FindInvalidUtf8(phrase) ? std::string(phrase) : MatchingForm(phrase);
  std::vector<std::string> keys;
  for (WordToken& token : TokenizeWords(matching)) keys.push_back(std::move(token.key));
  return keys;
}

}  // namespace dipdoc
