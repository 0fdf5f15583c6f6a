#include "index/variant_map.h"

#include <array>

#include "index/schema.h"
#include "ingest/tone_marks.h"

namespace dipdoc {
namespace {

// French elisions Xapian's TermGenerator keeps attached to the next word ("l'australie").
constexpr std::array<std::string_view, 12> kElisions = {"l", "d", "qu", "n", "s", "j", "m", "c", "t",
                                                        "jusqu", "lorsqu", "puisqu"};
constexpr std::array<std::string_view, 2> kApostrophes = {"'", "\u2019"};

// Words shorter than this (in bytes, folded) are not worth a spelling entry.
constexpr std::size_t kMinSpellingBytes = 3;

bool IsLetters(std::string_view word) {
  for (unsigned char c : word) {
    if (c < 0x80 && !std::isalpha(c)) return false;
  }
  return true;
}

}  // namespace

bool IsWordTerm(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

std::string_view WithoutElision(std::string_view word) {
  for (std::string_view apostrophe : kApostrophes) {
    const std::size_t at = word.find(apostrophe);
    if (at == std::string_view::npos) continue;
    const std::string_view before = word.substr(0, at);
    const std::string_view after = word.substr(at + apostrophe.size());
    if (after == "s") return before;  // "vietnam's"
    for (std::string_view elision : kElisions) {
      if (before == elision && !after.empty()) return after;
    }
  }
  return word;
}

std::string FoldedWord(std::string_view word) { return FoldDiacritics(WithoutElision(word)); }

namespace {

std::string SeenKey(const std::string& language, const std::string& word) {
  std::string key = language;
  key += '\x1f';
  key += word;
  return key;
}

std::string StemKey(std::string_view language, std::string_view folded_stem) {
  std::string key(schema::kStemKey);
  key += language;
  key += ':';
  key += folded_stem;
  return key;
}

}  // namespace

DictionaryWords WordCollector::Collect(const Xapian::Document& doc, const std::string& language,
                                       const Xapian::Stem& stemmer) {
  DictionaryWords out;
  const bool stems = !stemmer.is_none();
  if (stems) out.language = language;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    if (!IsWordTerm(term)) continue;
    std::string key = SeenKey(out.language, term);
    if (seen_.contains(key)) continue;
    if (seen_.size() >= kMaxRemembered) seen_.clear();
    seen_.insert(std::move(key));
    DictionaryWord& word = out.words.emplace_back();
    word.word = term;
    word.folded = FoldedWord(term);
    if (stems) word.stem = FoldDiacritics(stemmer(std::string(WithoutElision(term))));
  }
  return out;
}

void VariantRecorder::Record(Xapian::WritableDatabase& db, const DictionaryWords& words) {
  for (const DictionaryWord& word : words.words) RecordWord(db, words.language, word);
}

void VariantRecorder::RecordAll(Xapian::WritableDatabase& db) {
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    DictionaryWord word;
    word.word = *it;
    if (!IsWordTerm(word.word)) continue;
    word.folded = FoldedWord(word.word);
    RecordWord(db, "", word);
  }
}

void VariantRecorder::RecordWord(Xapian::WritableDatabase& db, const std::string& language,
                                 const DictionaryWord& word) {
  std::string key = SeenKey(language, word.word);
  if (seen_.contains(key)) return;
  if (seen_.size() >= kMaxRemembered) seen_.clear();
  seen_.insert(std::move(key));
  if (word.folded != word.word) db.add_synonym(std::string(schema::kFoldedKey) + word.folded, word.word);
  // Spelling works on the folded words: a suggestion is then put back in its marks by Variants().
  if (word.folded.size() >= kMinSpellingBytes && IsLetters(word.folded)) db.add_spelling(word.folded);
  if (!language.empty() && !word.stem.empty()) db.add_synonym(StemKey(language, word.stem), word.word);
}

std::vector<std::string> Variants(const Xapian::Database& db, std::string_view word) {
  const std::string key = std::string(schema::kFoldedKey) + FoldedWord(word);
  std::vector<std::string> variants;
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
    if (*it != word) variants.push_back(*it);
  }
  return variants;
}

std::vector<std::string> StemSiblings(const Xapian::Database& db, std::string_view language, std::string_view stem) {
  const std::string key = StemKey(language, FoldDiacritics(stem));
  return std::vector<std::string>(db.synonyms_begin(key), db.synonyms_end(key));
}

}  // namespace dipdoc
