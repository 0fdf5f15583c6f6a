#ifndef DIPDOC_NLP_NAME_FINDER_H_
#define DIPDOC_NLP_NAME_FINDER_H_

// Partners and vaccines named in a text, in Vietnamese, English and French, resolved to the contract's ids
// (../shared/contract/partners.tsv, vaccines.tsv). Names live in gazetteer files under nlp/data/, one per
// language, compiled into the binary; matching is one pass of a trie over normalised tokens.

#include <string_view>
#include <vector>

#include "ingest/span.h"

namespace dipdoc {

enum class NameKind { kPartner, kVaccine };

// `id` and `partner_kind` view the finder's own storage: valid as long as the finder (Default() lives until
// the program ends).
struct NameMatch {
  NameKind what = NameKind::kPartner;
  std::string_view id;            // partner id ("JP", "pfizer") or vaccine id ("abdala")
  std::string_view partner_kind;  // "country", "organisation", "fund", "company"; empty for a vaccine
  Span span;                      // the name as written: "Nhật Bản", "Ô-xtrây-li-a", "the British"
};

class NameFinder {
 public:
  // The gazetteers compiled into the binary, parsed once. Thread-safe.
  static const NameFinder& Default();

  // A finder over gazetteer texts in the format documented at the top of nlp/data/partners_vi.tsv:
  // `partners` hold partner names (and the !kind, !cue, ... rows), `vaccines` vaccine names. For tests and
  // tools; everything else uses Default(). Throws std::invalid_argument naming the line of a bad row.
  NameFinder(const std::vector<std::string_view>& partners, const std::vector<std::string_view>& vaccines);

  // Every name in `text`, in text order. A name that is both a company and its vaccine ("Pfizer",
  // "AstraZeneca") gives one match of each kind with the same span, partners first. Viet Nam and Vietnamese
  // bodies are never partners; false friends ("anh" the pronoun, "Nam" in "Việt Nam", "Ấn" alone) are not
  // matched. Spans never overlap unless equal: at each word the longest name its context allows wins, and
  // one name may stand for several ids ("Quỹ Đầu tư Trực tiếp Nga": rdif and RU).
  // Linear in the text's length; any bytes are safe (invalid UTF-8 ends a name).
  std::vector<NameMatch> Find(std::string_view text) const;

  // The contract's kind of a partner id: "country" for an ISO 3166-1 alpha-2 code ("JP"), else the kind the
  // gazetteers give the slug ("organisation" for "covax"); empty if unknown.
  std::string_view PartnerKind(std::string_view id) const;

  NameFinder(const NameFinder&) = delete;
  NameFinder& operator=(const NameFinder&) = delete;
  ~NameFinder();

 private:
  NameFinder();
  struct Trie;
  Trie* trie_ = nullptr;
};

}  // namespace dipdoc

#endif  // DIPDOC_NLP_NAME_FINDER_H_
