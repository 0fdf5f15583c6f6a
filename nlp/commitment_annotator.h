#ifndef DIPDOC_NLP_COMMITMENT_ANNOTATOR_H_
#define DIPDOC_NLP_COMMITMENT_ANNOTATOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/span.h"
#include "nlp/extraction.h"
#include "nlp/name_finder.h"

namespace dipdoc {

// What the commitment annotator reads: one document's text cut into sentences, with the names, dose counts,
// sums and dates already found in it (all in text order).
struct CommitmentContext {
  std::string_view text;
  std::vector<Span> sentences;
  std::vector<NameMatch> names;
  std::vector<Amount> amounts;
  std::vector<Span> equipment;   // quantities of equipment ("77 tủ lạnh âm sâu")
  std::vector<DateMention> dates;
  std::optional<Span> title;     // the title line, which repeats a commitment the body states in full
  // The partner the whole document is addressed to or about (a letter's addressee), used when a sentence
  // with a commitment names none and neither do the two before it.
  std::optional<std::string> document_partner;
};

// One Commitment per promise, contract, delivery or request (nlp/data/commitment_cues.tsv says which
// words signal what), and each dose count's partner and vaccine filled in from its sentence or the ones
// before it. A running total is a commitment with cumulative = true. Doses unset: an unsaid quantity
// ("một số lượng lớn vaccine", "a large number of doses"), a request with no figure (one per partner asked),
// money or equipment given beside vaccines (kind other, or investment). A figure stated twice for the same
// partner (a title and its article, "besides the 1,05 million above") is one commitment, the fuller one.
std::vector<Commitment> AnnotateCommitments(const CommitmentContext& context, std::vector<DoseCount>& doses);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_COMMITMENT_ANNOTATOR_H_
