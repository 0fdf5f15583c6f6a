#include "query/searcher.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "index/stored_record.h"
#include "index/ranking.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "query/search_fixture.h"

namespace dipdoc {
namespace {

// The documents every test here searches.
class SearchFixture : public testing::SearchFixture {
 public:
  SearchFixture()
      : testing::SearchFixture({
            {"/cuba.txt", "Cuba bàn giao 1,05 triệu liều vaccine Abdala. Ngoại giao vaccine.", DocType::kPress, "vi",
             "2021-09-18", {"CU"}},
            {"/pfizer.txt", "Pfizer cam kết chuyển 31 triệu liều vaccine. <script>x</script> & more",
             DocType::kLetter, "vi", "2021-10-05", {"pfizer"}},
            {"/both.txt", "Cuba and Pfizer: a note on vaccine deliveries, ngoại thương and giao thông.",
             DocType::kCallNote, "en", "2021-08", {"CU", "pfizer"}},
            {"/undated.txt", "Thư của Nhật Bản về vaccine AstraZeneca. Thuỵ Sĩ và hoà bình.", DocType::kLetter,
             "vi", std::nullopt, {"JP"}},
        }) {}
};

using Sources = std::vector<std::string>;

TEST_CASE("query syntax: words, AND by default, OR, NOT, phrases, fields", "[query]") {
  SearchFixture index;
  struct Case {
    const char* query;
    Sources expected;
  };
  const Case cases[] = {
      {"abdala", {"/cuba.txt"}},
      {"Abdala", {"/cuba.txt"}},
      {"cuba pfizer", {"/both.txt"}},
      {"cuba OR pfizer", {"/both.txt", "/cuba.txt", "/pfizer.txt"}},
      {"vaccine NOT cuba", {"/pfizer.txt", "/undated.txt"}},
      {"NOT vaccine", {}},
      {"\"ngoại giao\"", {"/cuba.txt"}},
      {"ngoại giao", {"/both.txt", "/cuba.txt"}},
      {"partner:CU", {"/both.txt", "/cuba.txt"}},
      {"partner:cu vaccine", {"/both.txt", "/cuba.txt"}},
      {"partner:PFIZER", {"/both.txt", "/pfizer.txt"}},
      {"type:letter", {"/pfizer.txt", "/undated.txt"}},
      {"lang:en", {"/both.txt"}},
      {"title:pfizer", {"/pfizer.txt"}},
      {"nothing-matches-this", {}},
      // Both tone-mark placements, and decomposed input, are the same word.
      {"\"hoà bình\"", {"/undated.txt"}},
      {"\"hòa bình\"", {"/undated.txt"}},
      {"Thụy Sĩ", {"/undated.txt"}},
      {"Thu\xCC\xA3y Si\xCC\x83", {"/undated.txt"}},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    SearchRequest request;
    request.query = c.query;
    CHECK(index.Sources(request) == c.expected);
  }
}

TEST_CASE("filters: partner, type, language and date range", "[query]") {
  SearchFixture index;
  SearchRequest request;
  request.query = "vaccine";
  SECTION("partner") {
    request.partner = "cu";
    CHECK(index.Sources(request) == Sources{"/both.txt", "/cuba.txt"});
  }
  SECTION("type and language") {
    request.doc_type = "letter";
    request.language = "VI";
    CHECK(index.Sources(request) == Sources{"/pfizer.txt", "/undated.txt"});
  }
  SECTION("a date range takes whole months and leaves out undated documents") {
    request.from = "2021-08";
    request.to = "2021-09";
    CHECK(index.Sources(request) == Sources{"/both.txt", "/cuba.txt"});
    request.from = "2021-09-19";
    request.to = "2021";
    CHECK(index.Sources(request) == Sources{"/pfizer.txt"});
  }
  SECTION("an empty query lists what the filters let through") {
    request.query = "";
    request.doc_type = "letter";
    CHECK(index.Sources(request) == Sources{"/pfizer.txt", "/undated.txt"});
  }
}

TEST_CASE("facets count the whole result set, not the page", "[query]") {
  SearchFixture index;
  SearchRequest request;
  request.query = "vaccine";
  request.limit = 1;
  const SearchResult result = index.Search(request);
  CHECK(result.total == 4);
  CHECK(result.hits.size() == 1);
  CHECK(result.facets.at("partner") == std::map<std::string, std::size_t>{{"CU", 2}, {"JP", 1}, {"pfizer", 2}});
  CHECK(result.facets.at("doc_type") == std::map<std::string, std::size_t>{{"call_note", 1}, {"letter", 2}, {"press", 1}});
  CHECK(result.facets.at("language") == std::map<std::string, std::size_t>{{"en", 1}, {"vi", 3}});
  CHECK(result.facets.at("year") == std::map<std::string, std::size_t>{{"2021", 3}});
}

TEST_CASE("paging walks the ranking without repeats", "[query]") {
  SearchFixture index;
  SearchRequest request;
  request.query = "vaccine";
  request.limit = 10;
  const SearchResult all = index.Search(request);
  REQUIRE(all.hits.size() == 4);
  request.limit = 2;
  request.offset = 2;
  const SearchResult page = index.Search(request);
  REQUIRE(page.hits.size() == 2);
  CHECK(page.hits[0].doc_id == all.hits[2].doc_id);
  CHECK(page.hits[1].doc_id == all.hits[3].doc_id);
  CHECK(page.total == 4);
}

TEST_CASE("hits carry their metadata and a highlighted, escaped snippet", "[query]") {
  SearchFixture index;
  SearchRequest request;
  request.query = "abdala";
  SearchResult result = index.Search(request);
  REQUIRE(result.hits.size() == 1);
  const SearchHit& hit = result.hits[0];
  CHECK(hit.date == "2021-09-18");
  CHECK(hit.language == "vi");
  CHECK(hit.doc_type == "press");
  CHECK(hit.partners == std::vector<std::string>{"CU"});
  CHECK(hit.score > 0);
  CHECK_THAT(hit.snippet, Catch::Contains("<mark>Abdala</mark>"));

  request.query = "script";
  result = index.Search(request);
  REQUIRE(result.hits.size() == 1);
  CHECK_THAT(result.hits[0].snippet, Catch::Contains("&lt;"));
  CHECK_THAT(result.hits[0].snippet, !Catch::Contains("<script>"));
}

TEST_CASE("malformed queries and filters are usage errors", "[query]") {
  SearchFixture index;
  for (const char* query : {"vaccine AND", "(cuba OR", "a NOT"}) {
    INFO(query);
    SearchRequest request;
    request.query = query;
    CHECK(index.SearchError(request).code() == Status::Code::kUsage);
  }
  SearchRequest request;
  request.query = "vaccine";
  request.doc_type = "memo";
  CHECK_THAT(index.SearchError(request).message(), Catch::Contains("--type"));
  request.doc_type.reset();
  request.from = "2021-13";
  CHECK_THAT(index.SearchError(request).message(), Catch::Contains("--from"));
}

TEST_CASE("past a thousand matches, the total and facets are estimates and say so", "[query]") {
  std::vector<testing::SearchDoc> docs;
  for (int i = 0; i < 1500; ++i) {
    docs.push_back({"/d" + std::to_string(10000 + i) + ".txt", "vaccine doses number " + std::to_string(i),
                    DocType::kPress, i % 3 == 0 ? "en" : "vi", std::nullopt, {}});
  }
  testing::SearchFixture index(docs);
  // Filters alone weigh nothing, so Xapian stops looking at a thousand matches.
  {
    SearchResult all = index.Search("type:press");
    CHECK_FALSE(all.exact);
    CHECK(all.total >= 1350);
    CHECK(all.total <= 1650);
    const std::size_t en = all.facets["language"]["en"];
    const std::size_t vi = all.facets["language"]["vi"];
    CHECK(en + vi >= 1350);
    CHECK(en + vi <= 1650);
    CHECK(vi > en);  // two in three are Vietnamese
  }

  // Ranking by words, Xapian looked at every match: the counts are exact however many.
  SearchResult ranked = index.Search("vaccine");
  CHECK(ranked.exact);
  CHECK(ranked.total == 1500);
  CHECK(ranked.facets["language"]["vi"] == 1000);
  CHECK(ranked.facets["language"]["en"] == 500);

  SearchResult one = index.Search("10");
  CHECK(one.exact);
  CHECK(one.total == 1);
}

// The halves of a search split the ids, and an index that has seen re-ingests has gaps among them (ids of
// replaced documents are never used again): each half's estimate must still be its own share.
TEST_CASE("estimated totals stay right in an index whose documents were replaced", "[query]") {
  std::vector<testing::SearchDoc> docs;
  for (int i = 0; i < 1500; ++i) {
    docs.push_back({"/d" + std::to_string(10000 + i) + ".txt", "vaccine doses number " + std::to_string(i),
                    DocType::kPress, "vi", std::nullopt, {}});
  }
  testing::SearchFixture index(docs);
  index.Search("vaccine");  // commits: ids 1 to 1,500
  // Every other file changed: each old version is deleted and its new version gets a new id, leaving gaps
  // among the old ids.
  for (std::size_t i = 0; i < docs.size(); i += 2) {
    index.writer().database().delete_document(static_cast<Xapian::docid>(i + 1));
    docs[i].path = "/e" + docs[i].path.substr(2);
    docs[i].text += " revised";
    index.Add(docs[i]);
  }
  REQUIRE(index.writer().database().get_lastdocid() == 2250);
  const SearchResult all = index.Search("type:press");  // a filter alone: Xapian estimates past 1,000
  CHECK_FALSE(all.exact);
  CHECK(all.total >= 1350);
  CHECK(all.total <= 1650);
}

TEST_CASE("a search on two cores reads one revision of the index from both handles", "[query]") {
  testing::SearchFixture index({{"/first.txt", "vaccine Abdala", DocType::kPress, "vi", std::nullopt, {}}});
  index.Search("vaccine");  // commits
  Xapian::Database older(index.path().string());
  index.Add({"/second.txt", "vaccine Pfizer", DocType::kPress, "vi", std::nullopt, {}});
  index.writer().database().commit();
  Xapian::Database newer(index.path().string());
  REQUIRE(older.get_revision() != newer.get_revision());

  // One handle a revision behind the other: both are brought to the latest before any search, so no half
  // of the ids is read at another revision (where a replaced document would show twice, or not at all).
  Searcher searcher(older, newer);
  SearchRequest request;
  request.query = "vaccine";
  Result<SearchResult> result = searcher.Search(request);
  REQUIRE(result.ok());
  CHECK(result.value().total == 2);
  CHECK(result.value().hits.size() == 2);
}

TEST_CASE("facets counted through a facet table follow the index as it changes", "[query]") {
  testing::SearchFixture index({{"/first.txt", "vaccine Abdala", DocType::kPress, "vi", "2021-09-18", {"CU"}}});
  index.Search("vaccine");  // commits
  FacetTableCache tables;
  SearchRequest request;
  request.query = "vaccine";
  const auto search = [&] {
    Searcher searcher(Xapian::Database(index.path().string()), Xapian::Database(index.path().string()));
    searcher.UseFacetTables(tables);
    Result<SearchResult> result = searcher.Search(request);
    REQUIRE(result.ok());
    return result.value();
  };
  CHECK(search().facets.at("partner") == std::map<std::string, std::size_t>{{"CU", 1}});

  index.Add({"/second.txt", "vaccine Pfizer", DocType::kLetter, "en", "2020-10-05", {"pfizer"}});
  index.writer().database().commit();
  const SearchResult after = search();
  CHECK(after.total == 2);
  CHECK(after.facets.at("partner") == std::map<std::string, std::size_t>{{"CU", 1}, {"pfizer", 1}});
  CHECK(after.facets.at("year") == std::map<std::string, std::size_t>{{"2020", 1}, {"2021", 1}});
}

// The second pass weighs the boosts over the best matches alone and adds them to the first pass's weights:
// the sum must be what one Xapian query of the match and the boosts gives the document.
TEST_CASE("a hit's score is its match's weight plus its boosts' as one query over it gives them", "[query]") {
  testing::SearchFixture index({
      {"/facility.txt", "The COVAX Facility delivered doses; COVAX AMC partners and the COVAX mechanism.",
       DocType::kPress, "en", std::nullopt, {"covax"}},
      {"/mecanisme.txt", "Le mécanisme COVAX a livré des doses aux pays; grâce aux COVAX partenaires.",
       DocType::kLetter, "fr", std::nullopt, {"covax"}},
      {"/coche.txt", "Cơ chế COVAX đã giao vaccine. Chương trình COVAX và sáng kiến COVAX, quỹ COVAX.",
       DocType::kLetter, "vi", std::nullopt, {"covax"}},
      {"/plain.txt", "COVAX sent vaccine. Ngoại giao vaccine với COVAX.", DocType::kCallNote, "vi", std::nullopt, {}},
      {"/apart.txt", "Ngoại thương và giao thông; vaccine aux frontières.", DocType::kPress, "vi", std::nullopt, {}},
  });
  // Many more that name COVAX and say "aux", so that the boosts are looked up among a full window of the
  // best matches, some of which hold them.
  for (int i = 0; i < 400; ++i) {
    const std::string n = std::to_string(1000 + i);
    index.Add({"/m" + n + ".txt",
               "Lettre " + n + ": doses livrées aux provinces par COVAX" +
                   (i % 7 == 0 ? "; le mécanisme COVAX et la COVAX Facility, aux COVAX partenaires." : "."),
               DocType::kLetter, "fr", std::nullopt, {"covax"}});
  }
  for (const std::string query : {"covax", "aux covax", "ngoai giao vaccine", "\"cơ chế covax\"", "covax mechanism"}) {
    INFO(query);
    const SearchResult result = index.Search(query);
    REQUIRE_FALSE(result.hits.empty());
    const Xapian::Database db(index.path().string());
    const QueryExpander expander(db, PartnerAliases::Default());
    SearchRequest request;
    request.query = query;
    const Result<QueryExpander::Expanded> expanded = ParseSearchQuery(db, expander, request);
    REQUIRE(expanded.ok());
    const Ranking ranking = RankingFor(db);
    for (const SearchHit& hit : result.hits) {
      INFO(hit.source);
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(ranking.weight);
      const Xapian::Query only(Xapian::Query::OP_FILTER, expanded.value().match,
                               Xapian::Query(std::string(schema::kDocId) + hit.doc_id));
      enquire.set_query(ranking.Weigh(expanded.value().boost.empty()
                                          ? only
                                          : Xapian::Query(Xapian::Query::OP_AND_MAYBE, only, expanded.value().boost)));
      const Xapian::MSet mset = enquire.get_mset(0, 1);
      REQUIRE(mset.size() == 1);
      CHECK(hit.score == Catch::Detail::Approx(mset.begin().get_weight()));
    }
  }
}

// BM25 weighs a word found once as  idf * (k1 + 1) / (k1 * L + 1),  L = 0.5 + 0.5 * max(words / 500, 0.5)
// (index/ranking.h); the index carries L in its wdfs, rounded to 1/32 steps.
TEST_CASE("scores are BM25's, each document's length normalised when it was indexed", "[query]") {
  const auto words = [](int n) {
    std::string text;
    for (int i = 0; i < n; ++i) text += "hàng ";
    return text;
  };
  const auto doc = [](std::string path, std::string text) {
    return testing::SearchDoc{std::move(path), std::move(text), DocType::kPress, "vi", std::nullopt, {}};
  };
  std::vector<testing::SearchDoc> docs = {
      doc("/short.txt", words(60) + "giao"),     // 62 words with the title: L = 0.75
      doc("/longer.txt", words(1499) + "giao"),  // 1,501: L = 2.001
  };
  for (int i = 0; i < 8; ++i) docs.push_back(doc("/filler" + std::to_string(i) + ".txt", words(100)));
  testing::SearchFixture index(docs);
  const SearchResult result = index.Search("giao");
  REQUIRE(result.hits.size() == 2);
  const double idf = std::log((10 - 2 + 0.5) / (2 + 0.5));
  CHECK(result.hits[0].source == "/short.txt");
  CHECK(result.hits[0].score == Catch::Detail::Approx(idf * 2 / (0.75 + 1)).epsilon(0.01));
  CHECK(result.hits[1].source == "/longer.txt");
  CHECK(result.hits[1].score == Catch::Detail::Approx(idf * 2 / (2.001 + 1)).epsilon(0.01));
}

TEST_CASE("an index written before the normalisation is ranked with Xapian's BM25 as it was", "[query]") {
  testing::SearchFixture index({
      {"/short.txt", "giao hàng hàng", DocType::kPress, "vi", std::nullopt, {}},
      {"/longer.txt", "giao hàng hàng hàng hàng hàng hàng hàng giao", DocType::kPress, "vi", std::nullopt, {}},
      {"/other.txt", "hàng", DocType::kPress, "vi", std::nullopt, {}},
  });
  index.writer().database().set_metadata(std::string(schema::kSchemaVersionKey), "4");
  const SearchResult result = index.Search("giao");
  REQUIRE(result.hits.size() == 2);
  const Xapian::Database db(index.path().string());
  Xapian::Enquire enquire(db);  // Xapian's defaults
  enquire.set_query(Xapian::Query("giao"));
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    INFO(i);
    const Result<Record> record = UnpackRecord(mset[i].get_document().get_data());
    REQUIRE(record.ok());
    CHECK(result.hits[i].doc_id == record.value().document.doc_id);
    CHECK(result.hits[i].score == Catch::Detail::Approx(mset[i].get_weight()));
  }
}

TEST_CASE("a search on two cores pages, filters and counts as one handle does", "[query]") {
  // The fixture checks every search against one handle; here the documents fall on both halves of the ids
  // and each page takes hits from both.
  std::vector<testing::SearchDoc> docs;
  for (int i = 0; i < 60; ++i) {
    std::string text = "vaccine";
    for (int k = 0; k < i % 7; ++k) text += " liều";
    if (i % 5 == 0) text += " ngoại giao";
    docs.push_back({"/p" + std::to_string(1000 + i) + ".txt", text, i % 2 ? DocType::kLetter : DocType::kPress,
                    i % 3 ? "vi" : "en", "2021-0" + std::to_string(1 + i % 9), {i % 4 ? "CU" : "JP"}});
  }
  testing::SearchFixture index(docs);
  for (const char* query : {"vaccine", "liều", "lieu vaccine", "\"ngoai giao\"", "ngoại giao", "partner:JP",
                            "vaccine NOT liều", ""}) {
    INFO(query);
    for (std::size_t offset : {0, 5, 17, 55}) {
      SearchRequest request;
      request.query = query;
      request.offset = offset;
      request.limit = 7;
      index.Search(request);  // REQUIREs the same answer from one handle and from two
    }
    SearchRequest filtered;
    filtered.query = query;
    filtered.partner = "cu";
    filtered.from = "2021-03";
    index.Search(filtered);
  }
}

}  // namespace
}  // namespace dipdoc
