#ifndef DIPDOC_NLP_WORD_TOKENS_H_
#define DIPDOC_NLP_WORD_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/span.h"

namespace dipdoc {

// A word of the text: a run of letters and digits (Unicode's, so "liều", "Ô", "d'" -> "d"), with the form
// it is compared in: lower case, Vietnamese tone marks in their canonical place ("Hoà" -> "hòa").
// Hyphens, apostrophes and every other character separate words, so "vắc-xin" is "vắc" "xin".
struct WordToken {
  Span span;         // into the text given to TokenizeWords
  std::string key;   // the comparison form
};

// The words of text[range], in order. Invalid UTF-8 bytes separate words.
std::vector<WordToken> TokenizeWords(std::string_view text, Span range);
inline std::vector<WordToken> TokenizeWords(std::string_view text) { return TokenizeWords(text, Span{0, text.size()}); }

// The words of text[range] as TokenizeWords finds them, read only as far as they are asked for: for a window
// of which usually only the first few words matter. `text` must outlive the reader.
class WordReader {
 public:
  WordReader(std::string_view text, Span range);

  // The words read so far: the first `count`, or every word of the range when it holds fewer. The vector is
  // the reader's own, the same one on every call: it grows with the words read.
  const std::vector<WordToken>& ReadTo(std::size_t count);

 private:
  const uint8_t* bytes_;
  int32_t at_;   // where the next word is looked for
  int32_t end_;
  std::vector<WordToken> words_;
};

// The comparison form of a phrase as a list of keys: "Vắc-xin" -> {"vắc", "xin"}.
std::vector<std::string> PhraseKeys(std::string_view phrase);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_WORD_TOKENS_H_
