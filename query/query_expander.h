#ifndef DIPDOC_QUERY_QUERY_EXPANDER_H_
#define DIPDOC_QUERY_QUERY_EXPANDER_H_

// Makes a parsed query match the record as people type it. Xapian's QueryParser reads the syntax (words,
// phrases, AND/OR/NOT, fields); this rewrites its words:
//
//   - Each word also matches the indexed words that differ from it only in their marks (index/variant_map.h):
//     typed without diacritics ("ngoai") it matches them all alike; typed with them ("ngoại"), the exact
//     word ranks first and the others (OCR drops and confuses marks) still match, lower down. French
//     elisions ("l'Australie") and English possessives match the bare word as if exact.
//   - English and French words also match their stems in documents of those languages ("deliveries"
//     finds "delivery").
//   - Phrases match in either form, exact phrases first.
//   - Next to each other, two words of a query rank documents where they stand together first: most
//     Vietnamese words are two syllables ("ngoại giao"), and this is what makes "ngoại giao" mean the word.
//   - A partner's name matches its other names and the documents extraction found it in ("Australia",
//     "Úc", "Ô-xtrây-li-a").
//
// Words inside fields other than title (partner:, type:, ...) are left alone.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "query/partner_aliases.h"

namespace dipdoc {

class QueryExpander {
 public:
  // Reads the variant dictionary and term statistics from `db`, which must outlive the expander.
  QueryExpander(const Xapian::Database& db, const PartnerAliases& aliases);

  struct Expanded {
    Xapian::Query match;  // what decides which documents match, and their basic weight
    // Phrases of the query's neighbouring words, to rank documents that hold them higher. Checking phrases
    // costs position reads, so Searcher applies this only to the best matches (empty: nothing to add).
    Xapian::Query boost;
    // The phrases of each spelling of the query's neighbouring words, so that a snippet shows them whole:
    // neither matched nor weighed (the boosts weigh every spelling in one phrase, which snippets cannot
    // show whole). Empty when there are none.
    Xapian::Query shown;
    // Whether some word of the query is written with its tone mark in two places ("hòa"/"hoà"): then
    // snippets of Vietnamese text need SnippetStemmer to highlight the other placement.
    bool two_placements = false;
  };
  Expanded Expand(const Xapian::Query& parsed) const;

  // For a query that found nothing: `query` with each word the index does not hold, in any marks, replaced
  // by the closest word it does hold (Xapian's spelling table, over folded words), written in its most
  // common marks: "ngoai giaoo" -> "ngoai giao" is not needed, "vacine" -> "vaccine", "Pfizr" -> "pfizer".
  // nullopt when no word could be mended.
  std::optional<std::string> Suggest(std::string_view query) const;

  // A loose word's query: the word, its variants and inflections, as described above. `prefix` is the field's
  // term prefix ("" for the body, "S" for title:).
  Xapian::Query Word(const std::string& word, const std::string& prefix = "") const;

 private:
  // The forms of `word` grouped by how well they match it.
  struct Forms {
    std::vector<std::string> exact;    // the word, and the same word with an elision ("l'état")
    std::vector<std::string> variants;  // other marks, or none
    bool typed_plain = false;          // the word was typed without diacritics
  };
  // What a query adds besides its match: phrases that rank, and phrases that snippets show whole.
  struct Extras {
    std::vector<Xapian::Query> boosts;
    std::vector<Xapian::Query> shown;
  };
  Forms FormsOf(const std::string& word) const;
  // Up to `k` indexed forms of the word, the likeliest first: the exact forms before the variants when it
  // was typed with its marks, by how many documents hold them.
  std::vector<std::string> TopForms(const Forms& forms, std::size_t k) const;
  // Tight phrases of single words over the top forms of each word, the spelling as typed weighing more, to
  // extras.boosts: they rank the common spellings of a phrase first. Each spelling's own phrase goes to
  // extras.shown, for snippets to show whole.
  void CommonPhrases(const std::vector<Forms>& words, const std::string& prefix, Extras& extras) const;

  // Each appends the phrases it finds to `extras`.
  Xapian::Query Node(const Xapian::Query& query, Extras& extras) const;
  Xapian::Query Group(Xapian::Query::op op, const std::vector<Xapian::Query>& subqueries, Extras& extras) const;
  Xapian::Query Phrase(const std::vector<std::string>& words, const std::string& prefix, Extras& extras) const;
  Xapian::Query Partner(const std::string& id, Extras& extras) const;
  // Zero-weight terms that let snippets highlight the word written with its tone mark in the other place.
  void AddHighlightTerms(const std::vector<std::string>& words, std::vector<Xapian::Query>& out) const;

  const Xapian::Database& db_;
  const PartnerAliases& aliases_;
  Xapian::Stem english_;
  Xapian::Stem french_;
};

// The stemmer MSet::snippet needs to highlight the words that matched through Expand in their other tone
// placement (Expanded::two_placements): it puts each word of the text in its canonical placement. Every
// other form that matched is a term of the query, which snippets highlight without a stemmer.
Xapian::Stem SnippetStemmer();

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_QUERY_EXPANDER_H_
