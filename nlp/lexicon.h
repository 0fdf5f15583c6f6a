#ifndef DIPDOC_NLP_LEXICON_H_
#define DIPDOC_NLP_LEXICON_H_

// Phrases with what they signal, kept as data (nlp/data/*.tsv) and matched over WordTokens: the cue words of
// commitments ("cam kết" = pledged, "trao tặng" = donation, "nâng tổng số" = a running total) and the words
// around quantities ("liều" = a dose, "USD" = a currency). A TSV line is `phrase<TAB>attributes`, where
// attributes are space-separated `name=value` or bare `name`; '#' starts a comment. Phrases are compared in
// WordToken form, so case, tone-mark placement and hyphens do not matter ("Vắc-xin" = "vắc xin").

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/string_hash.h"
#include "nlp/word_tokens.h"

namespace dipdoc {

struct LexiconEntry {
  std::string phrase;  // as written in the file
  // "kind" -> "donation"; a bare name -> "". Has() and Get() look a name up without making a std::string of
  // it: the annotators ask about every cue they weigh.
  StringMap<std::string> attributes;

  bool Has(std::string_view name) const { return attributes.contains(name); }
  // The value of `name`, or empty.
  std::string_view Get(std::string_view name) const;
};

struct LexiconMatch {
  const LexiconEntry* entry = nullptr;
  std::size_t first = 0;   // token index of the phrase's first word
  std::size_t last = 0;    // one past the phrase's last word
};

class Lexicon {
 public:
  // Parses `tsv`; a malformed line throws std::invalid_argument naming `name` and the line (the files are
  // compiled in, so this is a build-time mistake, caught by the tests).
  Lexicon(std::string_view name, std::string_view tsv);

  // Every phrase in `tokens`, longest first at each position, none overlapping, in order.
  std::vector<LexiconMatch> FindAll(const std::vector<WordToken>& tokens) const;
  // The longest phrase starting at token `at`, or a match with entry == nullptr.
  LexiconMatch MatchAt(const std::vector<WordToken>& tokens, std::size_t at) const;

  std::size_t size() const { return entries_.size(); }
  // The words of the longest phrase: MatchAt(tokens, at) looks no further than tokens[at + longest() - 1].
  std::size_t longest() const { return longest_; }

 private:
  struct Phrase {
    std::vector<std::string> keys;
    std::size_t entry = 0;
  };
  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, std::vector<Phrase>> by_first_key_;  // each list longest first
  std::size_t longest_ = 0;
};

}  // namespace dipdoc

#endif  // DIPDOC_NLP_LEXICON_H_
