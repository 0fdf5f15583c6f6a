#ifndef DIPDOC_INDEX_VARIANT_MAP_H_
#define DIPDOC_INDEX_VARIANT_MAP_H_

// Accent-free and inflection-free search without more terms in the index. The index holds each word as
// written (tone marks in their canonical place); beside it, Xapian's synonym table keeps a small dictionary:
//  - from each word's folded form to the indexed words that fold to it ("XFOLD:ngoai" -> ngoài, ngoại,
//    ngoái), so that "ngoai giao" finds "ngoại giao";
//  - from the folded stem of each word of an English or French document to the words with that stem
//    ("XSTEM:en:deliveri" -> delivery, deliveries), so that "deliveries" finds "delivery".
// A query word is looked up there and searched as the OR of what it names (query/query_expander.h), and
// Xapian's snippets highlight the words as they matched. ARCHITECTURE.md ("Accent-free search") has the
// measurements behind this choice.
//
// The same pass feeds Xapian's spelling table with the folded words, for "did you mean" suggestions.
//
// The work is split for the ingest's threads: each worker's WordCollector picks the words its documents
// bring and works out their keys; the writer's VariantRecorder only writes what is new.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace dipdoc {

// The form a word is looked up by: folded (ingest/tone_marks.h FoldDiacritics) and without a French
// elision or an English possessive, since Xapian keeps those inside the word ("l'australie" and
// "d'australie" are variants of "australie", "vietnam's" of "vietnam").
std::string FoldedWord(std::string_view word);

// The word without a French elision ("l'", "d'", "qu'", ...) or an English "'s", marks kept.
std::string_view WithoutElision(std::string_view word);

// One word of a document as the dictionary records it.
struct DictionaryWord {
  std::string word;
  std::string folded;  // FoldedWord(word)
  std::string stem;    // FoldDiacritics(stem of the word) when its document's language has a stemmer
};

// The words one document brings to the dictionary.
struct DictionaryWords {
  std::string language;  // the language `stem`s are in ("en", "fr"); empty when the words have none
  std::vector<DictionaryWord> words;
};

// Picks out of each document the unprefixed words it has not passed on before, with their keys worked out.
// One per worker, since it remembers (up to a bound) what it passed on; the writer checks again.
class WordCollector {
 public:
  // `stemmer` is the one `doc` was written for (none for most languages); `language` names it.
  DictionaryWords Collect(const Xapian::Document& doc, const std::string& language, const Xapian::Stem& stemmer);

 private:
  static constexpr std::size_t kMaxRemembered = 1 << 18;
  std::unordered_set<std::string> seen_;
};

// Writes documents' words to the dictionary as they are stored. One per writer: it remembers the words it
// has recorded (up to a bound), so each new word costs one synonym-table write.
class VariantRecorder {
 public:
  void Record(Xapian::WritableDatabase& db, const DictionaryWords& words);

  // Records the folded form of every unprefixed word the index holds: for an index written before the
  // dictionary existed. (Stems come with the documents, which such an index gets written again.)
  void RecordAll(Xapian::WritableDatabase& db);

 private:
  void RecordWord(Xapian::WritableDatabase& db, const std::string& language, const DictionaryWord& word);

  // Forgotten when it holds this many words: re-recording a word is harmless, so memory stays bounded.
  static constexpr std::size_t kMaxRemembered = 1 << 20;
  std::unordered_set<std::string> seen_;
};

// The indexed words that fold like `word` (FoldedWord), not including `word` itself, in the order the
// synonym table keeps them.
std::vector<std::string> Variants(const Xapian::Database& db, std::string_view word);

// The indexed words of documents in `language` whose stem folds like `stem` (a Stem's output), in the order
// the synonym table keeps them.
std::vector<std::string> StemSiblings(const Xapian::Database& db, std::string_view language, std::string_view stem);

// Whether `word` is an unprefixed word term (not a boolean or prefixed term).
bool IsWordTerm(std::string_view term);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_VARIANT_MAP_H_
