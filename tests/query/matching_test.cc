// The matching rules of search (query/query_expander.h), each on a small index built for it.

#include <catch2/catch.hpp>

#include "query/search_fixture.h"

namespace dipdoc {
namespace {

using testing::SearchDoc;
using testing::SearchFixture;
using Sources = std::vector<std::string>;

SearchFixture VietnameseIndex() {
  return SearchFixture({
      {"/exact.txt", "Bộ Ngoại giao thúc đẩy ngoại giao vaccine với các đối tác.", DocType::kPress, "vi", std::nullopt, {}},
      // A scan whose OCR lost every mark.
      {"/ocrlost.txt", "Bo Ngoai giao thuc day ngoai giao vaccine voi cac doi tac.", DocType::kLetter, "vi", std::nullopt, {}},
      // Both syllables, far apart and more often: not the word "ngoại giao".
      {"/apart.txt", "Hàng ngoại nhập về nhiều. Giao hàng chậm vì dịch; giao nhận và ngoại thương đình trệ, "
                     "ngoại tệ thiếu, giao dịch giảm.", DocType::kPress, "vi", std::nullopt, {}},
      {"/tone.txt", "Vì hoà bình và hợp tác, Thuỵ Sĩ trao tặng vaccine. Đại sứ Đức phát biểu.", DocType::kPress,
       "vi", std::nullopt, {}},
  });
}

TEST_CASE("a query without diacritics finds the words with them, đ as d", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  CHECK(index.Sources("ngoai giao vaccine") == Sources{"/exact.txt", "/ocrlost.txt"});
  CHECK(index.Sources("hoa binh") == Sources{"/tone.txt"});
  CHECK(index.Sources("dai su duc") == Sources{"/tone.txt"});
  CHECK(index.Sources("DAI SU") == Sources{"/tone.txt"});
}

TEST_CASE("a query with diacritics ranks exact words first and still finds other marks", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  const Sources ranked = index.Ranked("ngoại giao vaccine");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0] == "/exact.txt");
  CHECK(ranked[1] == "/ocrlost.txt");
  // The other way round: typed without marks where the scan has none, both are found.
  CHECK(index.Sources("ngoai giao") == Sources{"/apart.txt", "/exact.txt", "/ocrlost.txt"});
}

TEST_CASE("both tone-mark placements and decomposed input are one word", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  for (const char* query : {"hoà bình", "hòa bình", "\"hoà bình\"", "\"hòa bình\"", "ho\xCC\x80" "a bi\xCC\x80nh",
                            "Thụy Sĩ", "Thuỵ Sĩ", "Thu\xCC\xA3y Si\xCC\x83"}) {
    INFO(query);
    CHECK(index.Sources(query) == Sources{"/tone.txt"});
  }
}

TEST_CASE("phrases match with or without marks, and only as phrases", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  CHECK(index.Sources("\"ngoai giao\"") == Sources{"/exact.txt", "/ocrlost.txt"});
  const Sources ranked = index.Ranked("\"ngoại giao\"");
  CHECK(ranked == Sources{"/exact.txt", "/ocrlost.txt"});
  CHECK(index.Sources("\"giao ngoại\"").empty());
}

TEST_CASE("two words side by side rank above the same words apart", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  const Sources ranked = index.Ranked("ngoại giao");
  REQUIRE(ranked.size() == 3);
  CHECK(ranked[0] == "/exact.txt");
  CHECK(ranked[2] == "/apart.txt");  // more "ngoại" and "giao" than the others, but never together
}

TEST_CASE("snippets highlight what matched, as the document writes it", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  SECTION("a query without marks highlights the words with them") {
    const SearchResult result = index.Search("ngoai giao");
    const auto exact = std::find_if(result.hits.begin(), result.hits.end(),
                                    [](const SearchHit& hit) { return hit.source == "/exact.txt"; });
    REQUIRE(exact != result.hits.end());
    CHECK_THAT(exact->snippet, Catch::Contains("<mark>ngoại giao</mark>", Catch::CaseSensitive::No));
  }
  SECTION("a phrase is highlighted whole in each spelling it matched") {
    for (const SearchHit& hit : index.Search("\"ngoại giao\"").hits) {
      INFO(hit.source);
      const char* expected = hit.source == "/ocrlost.txt" ? "<mark>ngoai giao</mark>" : "<mark>ngoại giao</mark>";
      CHECK_THAT(hit.snippet, Catch::Contains(expected, Catch::CaseSensitive::No));
    }
  }
  SECTION("the other tone-mark placement is highlighted as written") {
    const SearchResult result = index.Search("hòa bình");
    REQUIRE(result.hits.size() == 1);
    CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>hoà"));
    CHECK_THAT(index.Search("thủy sĩ").hits.at(0).snippet, Catch::Contains("<mark>Thuỵ"));
  }
}

TEST_CASE("a partner's names find each other, and partner: filters on the extracted id", "[query][matching]") {
  SearchFixture index({
      {"/vi.txt", "Đại sứ Ô-xtrây-li-a trao tặng vaccine.", DocType::kPress, "vi", {}, {"AU"}},
      {"/uc.txt", "Úc viện trợ thêm vaccine cho Việt Nam.", DocType::kPress, "vi", {}, {"AU"}},
      {"/en.txt", "Australia will deliver vaccine doses.", DocType::kPress, "en", {}, {"AU"}},
      {"/fr.txt", "Des doses offertes par l'Australie arrivent.", DocType::kPress, "fr", {}, {"AU"}},
      {"/other.txt", "Nhật Bản trao tặng vaccine.", DocType::kPress, "vi", {}, {"JP"}},
  });
  const Sources all{"/en.txt", "/fr.txt", "/uc.txt", "/vi.txt"};
  for (const char* query : {"Australia", "australia", "Úc", "Ô-xtrây-li-a", "o xtray li a", "Australie",
                            "partner:AU", "partner:au"}) {
    INFO(query);
    CHECK(index.Sources(query) == all);
  }
  CHECK(index.Sources("Australia vaccine") == Sources{"/en.txt", "/uc.txt", "/vi.txt"});
  // The name as typed ranks first.
  CHECK(index.Ranked("Úc").front() == "/uc.txt");
  CHECK(index.Ranked("Australia").front() == "/en.txt");
}

TEST_CASE("English and French words match their inflections; elisions are not part of a word",
          "[query][matching]") {
  SearchFixture index({
      {"/en.txt", "The first delivery arrived; further doses were pledged.", DocType::kPress, "en", std::nullopt, {}},
      {"/fr.txt", "La livraison des doses promises par l'Union européenne.", DocType::kPress, "fr", std::nullopt, {}},
      {"/vi.txt", "Lô vaccine deliveries được giao.", DocType::kPress, "vi", std::nullopt, {}},
  });
  CHECK(index.Sources("deliveries") == Sources{"/en.txt", "/vi.txt"});
  CHECK(index.Sources("pledge") == Sources{"/en.txt"});
  CHECK(index.Sources("livraisons") == Sources{"/fr.txt"});
  CHECK(index.Sources("union europeenne") == Sources{"/fr.txt"});
  CHECK(index.Sources("Union") == Sources{"/fr.txt"});
  const SearchResult result = index.Search("pledge");
  REQUIRE(result.hits.size() == 1);
  CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>pledged</mark>"));
}

TEST_CASE("a query that finds nothing gets a spelling suggestion in the index's marks", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  SearchResult result = index.Search("vacine");
  CHECK(result.total == 0);
  CHECK(result.suggestion == "vaccine");
  result = index.Search("\"ngoại giaoo\"");
  CHECK(result.total == 0);
  CHECK(result.suggestion == "\"ngoại giao\"");
  result = index.Search("ngoai giao");
  CHECK(result.total > 0);
  CHECK_FALSE(result.suggestion);
  CHECK_FALSE(index.Search("zzzzqqq").suggestion);
}

TEST_CASE("words typed inside NOT are excluded as typed", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  // "ngoài" is not "ngoại": excluding it leaves the documents about "ngoại giao".
  CHECK(index.Sources("vaccine NOT ngoài") == Sources{"/exact.txt", "/ocrlost.txt", "/tone.txt"});
  CHECK(index.Sources("vaccine NOT ngoại") == Sources{"/ocrlost.txt", "/tone.txt"});
}

TEST_CASE("odd queries are answered or refused as usage errors, never fail the search", "[query][matching]") {
  SearchFixture index = VietnameseIndex();
  // Each of these once reached Xapian as a query it could not run (a lone combining mark folds to the empty
  // term, which is Xapian's "every document", and cannot stand in a phrase).
  for (const char* query : {"\"hoa binh\" \xCC\x81", "\xCC\x81", "ngoai \xCC\x81 giao", "\"\xCC\x81 giao\"",
                            "title:\xCC\x81", "partner: vaccine:", "\"\"", "* \\", "NEAR/3 hoà", "l' d' qu'"}) {
    INFO(query);
    SearchRequest request;
    request.query = query;
    Searcher searcher(index.writer().database());
    Result<SearchResult> result = searcher.Search(request);
    CHECK((result.ok() || result.status().code() == Status::Code::kUsage));
  }
}

}  // namespace
}  // namespace dipdoc
