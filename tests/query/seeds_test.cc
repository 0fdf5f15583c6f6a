// End to end over real inputs: the five seeds from ../shared and the project's own corpus.

#include <catch2/catch.hpp>

#include <algorithm>

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

TEST_CASE("words only in a capture's page furniture do not find it; accent-free words find the seeds", "[e2e]") {
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  testing::TempDir db;
  Result<IngestReport> report = Indexer(db.path()).Ingest({seeds->string()});
  REQUIRE(report.ok());
  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  Searcher searcher(index.value());
  auto sources = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 10;
    Result<SearchResult> result = searcher.Search(request);
    REQUIRE(result.ok());
    std::vector<std::string> names;
    for (const SearchHit& hit : result.value().hits) {
      names.push_back(std::filesystem::path(hit.source).filename().string());
    }
    return names;
  };
  // Seed 001 names these countries only in its related-article list, seed 000 only in its sidebar.
  for (const char* query : {"Ukraine", "Afghanistan", "Han Quoc", "Indonesia", "Malaysia"}) {
    INFO(query);
    for (const std::string& name : sources(query)) {
      CHECK(name != "001_6fa73dfdce35525c.txt");
      CHECK(name != "000_5c1898aba2fd2099.txt");
    }
  }
  // Typed without diacritics, the working group's own phrase finds the captures about it.
  CHECK(sources("ngoai giao vaccine").size() >= 4);
  auto sorted = [](std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    return names;
  };
  CHECK(sorted(sources("\"ngoai giao vaccine\"")) == sorted(sources("\"ngoại giao vaccine\"")));
}

// Each <mark> closed before the next opens, and at the end: a browser would otherwise stretch the
// highlight over the rest of the page.
bool HighlightsBalanced(const std::string& snippet) {
  bool open = false;
  for (std::size_t i = 0; (i = snippet.find("mark>", i)) != std::string::npos; i += 5) {
    const bool closing = i >= 2 && snippet.compare(i - 2, 2, "</") == 0;
    if (closing != open) return false;
    open = !closing;
  }
  return !open;
}

TEST_CASE("a snippet cut inside a highlighted phrase still closes its highlight", "[e2e]") {
  CHECK(BalanceHighlights("Bộ <mark>Ngoại giao</mark> và Bộ <mark>Ngoại…") ==
        "Bộ <mark>Ngoại giao</mark> và Bộ <mark>Ngoại</mark>…");
  CHECK(BalanceHighlights("giao</mark> vaccine <mark>Abdala</mark>") == "giao vaccine <mark>Abdala</mark>");
  CHECK(BalanceHighlights("<mark>a <mark>b</mark>") == "<mark>a b</mark>");
  CHECK(BalanceHighlights("no highlight…") == "no highlight…");

  // Over the seeds, where "ngoại giao" is highlighted as one phrase and often at a snippet's end.
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  testing::TempDir db;
  REQUIRE(Indexer(db.path()).Ingest({seeds->string()}).ok());
  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  Searcher searcher(index.value());
  for (const char* query : {"ngoai giao", "\"ngoại giao vaccine\"", "vaccine", "Bộ Y tế"}) {
    INFO(query);
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    Result<SearchResult> result = searcher.Search(request);
    REQUIRE(result.ok());
    CHECK_FALSE(result.value().hits.empty());
    for (const SearchHit& hit : result.value().hits) {
      INFO(hit.snippet);
      CHECK(HighlightsBalanced(hit.snippet));
    }
  }
}

}  // namespace
}  // namespace dipdoc
