#ifndef DIPDOC_INDEX_RANKING_H_
#define DIPDOC_INDEX_RANKING_H_

// How dipdoc ranks: BM25 (Xapian's BM25Weight, with its default k1 = 1 and b = 0.5), with each document's
// length normalisation applied once, when the document is indexed, instead of at every match.
//
// BM25 weighs a word found `wdf` times in a document as  idf * (k1 + 1) * wdf / (k1 * L + wdf),  where
// L = (1 - b) + b * max(length / average, 0.5) grows with the document's length. Dividing the wdf by L at
// index time, scaled by S so that it stays a whole number (wdf' = S * wdf / L), and weighing with k1' = k1 * S
// and b = 0 gives  idf * (k1 * S + 1) * wdf / (k1 * L + wdf):  the same ranking, which Xapian computes without
// reading any document's length. Those reads were 30-40% of a search's first pass (bench/, README).
//
// The price: `average` is a fixed length (kReferenceWords) rather than the index's current average, and L is
// rounded to S's steps (about 3% for documents of typical length).

#include <cstddef>
#include <string_view>

#include <xapian.h>

namespace dipdoc {

// Parameters of BM25 (Xapian's defaults) and of the normalisation.
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLength = 0.5;
inline constexpr double kReferenceWords = 500;  // a letter or a press article (corpora/ and the seeds: 413)
inline constexpr double kWdfScale = 32;         // wdf per occurrence in a document of the reference length

// The words of `text` as the normalisation counts them: runs of letters and digits (any non-ASCII byte counts
// as a letter). Close to Xapian's TermGenerator, at a fraction of its cost.
std::size_t CountWords(std::string_view text);

// The wdf each occurrence of a word adds in a document of `words` words: kWdfScale / L, rounded, at least 1.
Xapian::termcount WdfPerWord(std::size_t words);

// The weighting scheme and score scale for searching one index. Indexes written before the normalisation
// (schema version 4 and older, index/schema.h) are ranked with Xapian's plain BM25 until an ingest brings
// them up to date.
struct Ranking {
  Xapian::BM25Weight weight;
  double scale = 1;  // multiplies every weight, so that scores keep BM25's scale

  // `query`, weighed at this ranking's scale.
  Xapian::Query Weigh(const Xapian::Query& query) const;
};
Ranking RankingFor(const Xapian::Database& db);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_RANKING_H_
