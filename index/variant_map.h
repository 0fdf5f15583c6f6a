#ifndef DIPDOC_INDEX_VARIANT_MAP_H_
#define DIPDOC_INDEX_VARIANT_MAP_H_

// Accent-free search without a second term layer. The index holds each word as written (tone marks in
// their canonical place); beside it, Xapian's synonym table keeps a small dictionary from each word's
// folded form to the indexed words that fold to it ("XFOLD:ngoai" -> ngoài, ngoại, ngoái). A query word is
// looked up there and searched as the OR of its variants (query/query_expander.h), so "ngoai giao" finds
// "ngoại giao" at no cost to indexing, and Xapian's snippets highlight the words as they matched.
// ARCHITECTURE.md ("Accent-free search") has the measurements behind this choice.
//
// The same pass feeds Xapian's spelling table with the folded words, for "did you mean" suggestions.

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

// Records the words of documents in the dictionary as they are written. One per writer: it remembers the
// words it has recorded (up to a bound), so each new word costs one synonym-table write.
class VariantRecorder {
 public:
  // Records every unprefixed word of `doc`.
  void Record(Xapian::WritableDatabase& db, const Xapian::Document& doc);

  // Records every unprefixed word the index holds: for an index written before the dictionary existed.
  void RecordAll(Xapian::WritableDatabase& db);

 private:
  void RecordWord(Xapian::WritableDatabase& db, const std::string& word);

  // Forgotten when it holds this many words: re-recording a word is harmless, so memory stays bounded.
  static constexpr std::size_t kMaxRemembered = 1 << 20;
  std::unordered_set<std::string> seen_;
};

// The indexed words that fold like `word` (FoldedWord), not including `word` itself, in the order the
// synonym table keeps them.
std::vector<std::string> Variants(const Xapian::Database& db, std::string_view word);

// Whether `word` is an unprefixed word term (not a boolean or prefixed term).
bool IsWordTerm(std::string_view term);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_VARIANT_MAP_H_
