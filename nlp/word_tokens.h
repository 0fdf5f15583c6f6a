#ifndef DIPDOC_NLP_WORD_TOKENS_H_
#define DIPDOC_NLP_WORD_TOKENS_H_

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

// The comparison form of a phrase as a list of keys: "Vắc-xin" -> {"vắc", "xin"}.
std::vector<std::string> PhraseKeys(std::string_view phrase);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_WORD_TOKENS_H_
