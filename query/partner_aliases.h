#ifndef DIPDOC_QUERY_PARTNER_ALIASES_H_
#define DIPDOC_QUERY_PARTNER_ALIASES_H_

// Partner names for search: "Australia", "Úc" and "Ô-xtrây-li-a" are one partner, so a query naming one
// finds documents naming any. The names are the extraction gazetteers' (nlp/data/partners_*.tsv), read
// again here in the form the index holds words in (Xapian's own tokenisation, tone marks canonical).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dipdoc {

class PartnerAliases {
 public:
  struct Match {
    std::string id;        // the partner id, as the index spells it ("AU", "pfizer")
    std::size_t words = 0;  // how many query words the name took
  };

  // The gazetteers built into dipdoc.
  static const PartnerAliases& Default();

  // From gazetteer files in the format of nlp/data/partners_vi.tsv.
  explicit PartnerAliases(const std::vector<std::string_view>& gazetteers);

  // The longest partner name that starts at words[at], or nullopt. `words` are query words as the index
  // holds them (lower case, canonical tone marks). Names are found with or without their diacritics, except
  // those that are also ordinary words or given names ("Anh", "Nga", "Mỹ": the gazetteer's name and cap
  // flags), which must be typed exactly; names written only in capitals ("US", "UN") are never found, since
  // a query's case is gone by then.
  std::optional<Match> Find(const std::vector<std::string>& words, std::size_t at) const;

  // The partner's names worth searching the text for, each as its words in index form. Leaves out names
  // that are also ordinary words ("anh", "us"): documents naming the partner that way are found by the
  // partner's filter term.
  const std::vector<std::vector<std::string>>& SearchableNames(const std::string& id) const;

 private:
  struct Name {
    std::string id;
    bool exact_only = false;  // must be typed with its diacritics
  };
  // Keyed by the folded words joined by ' '; each key may carry a name typed exactly and one folded.
  std::multimap<std::string, std::pair<std::vector<std::string>, Name>> names_;
  std::map<std::string, std::vector<std::vector<std::string>>> searchable_;
  std::size_t longest_ = 0;
};

// The words of `text` as the index holds them: Xapian's TermGenerator's words, in order, from the text in
// matching form (ingest/tone_marks.h).
std::vector<std::string> IndexWords(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_PARTNER_ALIASES_H_
