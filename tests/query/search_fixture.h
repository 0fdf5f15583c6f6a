#ifndef DIPDOC_TESTS_QUERY_SEARCH_FIXTURE_H_
#define DIPDOC_TESTS_QUERY_SEARCH_FIXTURE_H_

// An in-memory index of small documents with the metadata later stages would set, for search tests.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "index/document_builder.h"
#include "index/index_writer.h"
#include "query/searcher.h"
#include "test_util.h"

namespace dipdoc::testing {

struct SearchDoc {
  std::string path;  // "/cuba.txt": the doc id is its first 8 letters, the title its name without ".txt"
  std::string text;
  DocType type = DocType::kPress;
  std::optional<std::string> language = "vi";
  std::optional<std::string> date;
  std::vector<std::string> partners;
};

class SearchFixture {
 public:
  explicit SearchFixture(const std::vector<SearchDoc>& docs)
      : writer_(Xapian::WritableDatabase(dir_.path().string(), Xapian::DB_CREATE)) {
    for (const SearchDoc& d : docs) Add(d);
  }

  // Writes `d` to the index (committed at the next search).
  void Add(const SearchDoc& d) {
    Document document;
    document.doc_id = d.path.substr(1, 8);
    document.source = document.path = d.path;
    document.title = d.path.substr(1, d.path.size() - 5);
    document.text = d.text;
    document.doc_type = d.type;
    document.language = d.language;
    document.date = d.date;
    Extraction extraction;
    for (const std::string& p : d.partners) extraction.partners.push_back({p, p, "country", {}});
    Record record = MakeRecord(std::move(document), std::move(extraction));
    writer_.Store(record, builder_.Build(record));
  }

  // Where the index is, for more handles on it.
  const std::filesystem::path& path() const { return dir_.path(); }

  // Commits, and searches three times: with one handle; on two cores with two handles of its own; and so
  // again with facets counted through a facet table. All must give the same answer.
  SearchResult Search(SearchRequest request) {
    INFO(request.query);
    // Searches read handles of their own, as dipdoc's do (never the writer's).
    writer_.database().commit();
    Result<SearchResult> one = Searcher(Xapian::Database(dir_.path().string())).Search(request);
    INFO((one.ok() ? std::string() : one.status().message()));
    REQUIRE(one.ok());
    Searcher paired(Xapian::Database(dir_.path().string()), Xapian::Database(dir_.path().string()));
    Result<SearchResult> two = paired.Search(request);
    REQUIRE(two.ok());
    RequireSame(one.value(), two.value());
    // Counting facets through the fixture's facet table (read again whenever the index moved on) gives the
    // same answer, estimates included.
    Searcher tabled(Xapian::Database(dir_.path().string()), Xapian::Database(dir_.path().string()));
    tabled.UseFacetTables(facet_tables_);
    Result<SearchResult> three = tabled.Search(request);
    REQUIRE(three.ok());
    RequireSame(two.value(), three.value());
    CHECK(two.value().total == three.value().total);
    CHECK(two.value().facets == three.value().facets);
    return two.value();
  }

  SearchResult Search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Search(request);
  }

  Status SearchError(SearchRequest request) {
    Searcher searcher(writer_.database());
    Result<SearchResult> result = searcher.Search(request);
    REQUIRE_FALSE(result.ok());
    return result.status();
  }

  // The sources of the hits, sorted.
  std::vector<std::string> Sources(SearchRequest request) {
    std::vector<std::string> sources;
    for (const SearchHit& hit : Search(std::move(request)).hits) sources.push_back(hit.source);
    std::sort(sources.begin(), sources.end());
    return sources;
  }
  std::vector<std::string> Sources(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Sources(request);
  }

  // The sources of the hits in rank order.
  std::vector<std::string> Ranked(const std::string& query) {
    std::vector<std::string> sources;
    for (const SearchHit& hit : Search(query).hits) sources.push_back(hit.source);
    return sources;
  }

  IndexWriter& writer() { return writer_; }

 private:
  static void RequireSame(const SearchResult& one, const SearchResult& two) {
    REQUIRE(one.hits.size() == two.hits.size());
    for (std::size_t i = 0; i < one.hits.size(); ++i) {
      INFO("hit " << i);
      CHECK(one.hits[i].doc_id == two.hits[i].doc_id);
      CHECK(one.hits[i].score == Catch::Detail::Approx(two.hits[i].score));
      CHECK(one.hits[i].snippet == two.hits[i].snippet);
    }
    CHECK(one.exact == two.exact);
    if (one.exact) {  // estimates are worked out per half
      CHECK(one.total == two.total);
      CHECK(one.facets == two.facets);
    }
    CHECK(one.suggestion == two.suggestion);
  }

  TempDir dir_;  // before writer_: deleted after it closes
  IndexWriter writer_;
  DocumentBuilder builder_;
  FacetTableCache facet_tables_;
};

}  // namespace dipdoc::testing

#endif  // DIPDOC_TESTS_QUERY_SEARCH_FIXTURE_H_
