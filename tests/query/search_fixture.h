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
  explicit SearchFixture(const std::vector<SearchDoc>& docs) : writer_(ScratchDatabase()) {
    DocumentBuilder builder;
    for (const SearchDoc& d : docs) {
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
      writer_.Store(record, builder.Build(record));
    }
  }

  SearchResult Search(SearchRequest request) {
    Searcher searcher(writer_.database());
    Result<SearchResult> result = searcher.Search(request);
    INFO(request.query);
    REQUIRE(result.ok());
    return result.value();
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
  IndexWriter writer_;
};

}  // namespace dipdoc::testing

#endif  // DIPDOC_TESTS_QUERY_SEARCH_FIXTURE_H_
