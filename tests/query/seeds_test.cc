// End to end over real inputs: the five seeds from ../shared and the project's own corpus.

#include <catch2/catch.hpp>

#include "index/database.h"
#include "index/indexer.h"
#include "query/searcher.h"
#include "test_util.h"

namespace dipdoc {
namespace {

TEST_CASE("ingesting the seeds finds the Abdala seed first", "[e2e]") {
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  testing::TempDir db;
  Result<IngestReport> report = Indexer(db.path()).Ingest({seeds->string()});
  REQUIRE(report.ok());
  CHECK(report.value().ingested == 5);
  CHECK(report.value().failed.empty());

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  Searcher searcher(index.value());
  SearchRequest request;
  request.query = "Abdala";
  Result<SearchResult> result = searcher.Search(request);
  REQUIRE(result.ok());
  REQUIRE_FALSE(result.value().hits.empty());
  CHECK(std::filesystem::path(result.value().hits[0].source).filename() == "001_6fa73dfdce35525c.txt");
  CHECK_THAT(result.value().hits[0].snippet, Catch::Contains("<mark>Abdala</mark>"));
}

TEST_CASE("the project's corpus ingests cleanly and is searchable in vi, en and fr", "[e2e]") {
  testing::TempDir db;
  Result<IngestReport> report = Indexer(db.path()).Ingest({testing::CorpusDir().string()});
  REQUIRE(report.ok());
  CHECK(report.value().failed.empty());
  CHECK(report.value().ingested >= 6);

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  Searcher searcher(index.value());
  for (const char* query : {"\"Kính gửi\"", "Pfizer", "\"Monsieur le Ministre\"", "doses", "liều"}) {
    INFO(query);
    SearchRequest request;
    request.query = query;
    Result<SearchResult> result = searcher.Search(request);
    REQUIRE(result.ok());
    CHECK(result.value().total > 0);
  }
}

}  // namespace
}  // namespace dipdoc
