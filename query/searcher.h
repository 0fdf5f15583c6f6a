#ifndef DIPDOC_QUERY_SEARCHER_H_
#define DIPDOC_QUERY_SEARCHER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "ingest/status.h"
#include "query/facet_table.h"
#include "query/partner_aliases.h"
#include "query/query_expander.h"

namespace dipdoc {

struct SearchRequest {
  // Words, "phrases", AND/OR/NOT, +/-, and the fields partner:, type:, lang:, vaccine:, title:.
  // Empty: every document that passes the filters.
  std::string query;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::optional<std::string> partner;    // partner id (case-insensitive: "cu" is CU, "PFIZER" is pfizer)
  std::optional<std::string> doc_type;   // letter, call_note, press, other
  std::optional<std::string> language;   // ISO 639-1
  std::optional<std::string> from;       // YYYY, YYYY-MM or YYYY-MM-DD, inclusive
  std::optional<std::string> to;
};

struct SearchHit {
  std::string doc_id;
  std::string source;
  std::string title;
  std::optional<std::string> date;
  std::optional<std::string> language;
  std::string doc_type;
  std::vector<std::string> partners;
  double score = 0;
  // An HTML fragment of the text around the best match: text escaped, matched words in <mark>...</mark>.
  std::string snippet;
};

struct SearchResult {
  std::string query;
  std::size_t total = 0;   // number of matching documents: exact up to a few thousand, then an estimate
  bool exact = true;       // whether `total` and the facet counts are exact rather than estimated
  double took_ms = 0;      // from parsed query to finished answer, snippets and facets included
  std::vector<SearchHit> hits;
  Facets facets;  // over the whole result set
  // For a query that found nothing: the same query with its unknown words replaced by the closest words
  // the index holds, diacritics restored ("ngoai giao" -> "ngoại giao"). Unset when there is none.
  std::optional<std::string> suggestion;
};

// Ranked search over the index, with filters, facets and snippets. Not thread-safe: one Searcher per thread.
// Sees the index as of its construction, reopened when a writer moved on.
//
// Given two handles on the index (Xapian's are not thread-safe), a search runs on two cores: each handle
// searches half of the document ids, and the halves' rankings, counts and facets are merged into the answer
// one handle would give.
class Searcher {
 public:
  // `aliases` must outlive the searcher.
  explicit Searcher(Xapian::Database db, const PartnerAliases& aliases = PartnerAliases::Default());
  // `db` and `second` must be two handles on the same index, opened each on its own.
  Searcher(Xapian::Database db, Xapian::Database second, const PartnerAliases& aliases = PartnerAliases::Default());
  Searcher(const Searcher&) = delete;  // the expander refers to db_
  Searcher& operator=(const Searcher&) = delete;
  ~Searcher();

  // A Usage status for a malformed query or filter value; a Database status when the index fails.
  Result<SearchResult> Search(const SearchRequest& request);

  // Counts facets through the tables of `cache` (which must outlive the searcher) rather than by reading
  // each match's facet value: for processes that run many searches. The handles must be read-only (a
  // writer's uncommitted changes belong to no revision).
  void UseFacetTables(FacetTableCache& cache) { facet_tables_ = &cache; }

 private:
  class SecondThread;
  struct Part;

  Result<SearchResult> SearchOnce(const SearchRequest& request);
  // Brings both handles to the index's latest revision; false when a writer kept them apart.
  bool Reopen();
  // Runs `task(0)` here and, when the two handles are in step, `task(1)` on the second thread.
  void RunParts(std::vector<Part>& parts, const std::function<void(Part&)>& task);

  Xapian::Database db_;
  QueryExpander expander_;  // reads db_
  Xapian::Stem snippet_stemmer_;  // SnippetStemmer()
  std::optional<Xapian::Database> second_;
  Xapian::Stem second_snippet_stemmer_;  // the second thread's own: Xapian's handles count references unlocked
  bool in_step_ = false;  // whether second_ is at db_'s revision
  std::unique_ptr<SecondThread> thread_;
  FacetTableCache* facet_tables_ = nullptr;
};

// The query a search of `request` runs: its words as `expander` rewrites them (QueryExpander::Expanded), the
// filters applied to the match. A Usage status for a malformed query or filter value.
Result<QueryExpander::Expanded> ParseSearchQuery(const Xapian::Database& db, const QueryExpander& expander,
                                                 const SearchRequest& request);

// The partner id as the index spells it: two letters are a country code (upper case), anything else a
// slug (lower case).
std::string CanonicalPartnerId(std::string id);

// `snippet` with every <mark> closed and no </mark> without its <mark>. Xapian's snippet leaves a highlight
// open when its length limit falls inside a highlighted phrase ("Bộ <mark>Ngoại…"): the mark is closed
// before the trailing ellipsis.
std::string BalanceHighlights(std::string_view snippet);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_SEARCHER_H_
