#include "index/ranking.h"

#include <catch2/catch.hpp>

#include <string>

#include "index/document_builder.h"
#include "index/record_json.h"

namespace dipdoc {
namespace {

std::string Words(std::size_t n, const std::string& word = "liều") {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += (i == 0 ? "" : " ") + word;
  return text;
}

TEST_CASE("the normalisation counts words as runs of letters and digits", "[index]") {
  struct Case {
    const char* text;
    std::size_t words;
  };
  const Case cases[] = {
      {"", 0},
      {" \n\t ", 0},
      {"Ngoại giao vaccine", 3},
      {"COVAX, AMC.", 2},
      {"1,5 triệu liều", 4},
      {"Ô-xtrây-li-a", 4},
      {"  đã  bàn giao\n\n500.000 liều  ", 6},
      {"l'Ambassadeur a confirmé", 4},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(CountWords(c.text) == c.words);
  }
}

TEST_CASE("a word weighs less in a longer document, as BM25's length normalisation says", "[index]") {
  // L = 0.5 + 0.5 * max(words / 500, 0.5); each occurrence adds 32 / L.
  CHECK(WdfPerWord(500) == 32);
  CHECK(WdfPerWord(0) == 43);    // L is at least 0.75
  CHECK(WdfPerWord(250) == 43);
  CHECK(WdfPerWord(1000) == 21);  // 32 / 1.5
  CHECK(WdfPerWord(5000) == 6);   // 32 / 5.5
  CHECK(WdfPerWord(100'000'000) == 1);  // never 0: the word stays findable
  for (std::size_t words = 1; words < 20'000; words += 37) {
    INFO(words);
    CHECK(WdfPerWord(words + 37) <= WdfPerWord(words));
  }
}

TEST_CASE("the document builder gives each occurrence of a word its document's share", "[index]") {
  DocumentBuilder builder;
  const auto wdf_of = [&](const std::string& text, const std::string& term) {
    Document document;
    document.doc_id = "d1";
    document.source = document.path = "/d.txt";
    document.title = "Thư";
    document.text = text;
    const BuiltDocument built = builder.Build(MakeRecord(std::move(document), Extraction{}));
    Xapian::TermIterator it = built.doc.termlist_begin();
    it.skip_to(term);
    REQUIRE(it != built.doc.termlist_end());
    REQUIRE(*it == term);
    return it.get_wdf();
  };
  // 1 title word and 100, 1,000 or 3,000 body words; "vaccine" twice in the body, the title's word in the body
  // once (and three times over in the title).
  const std::string vaccine_twice = " vaccine vaccine";
  CHECK(wdf_of(Words(98) + vaccine_twice, "vaccine") == 2 * WdfPerWord(101));
  CHECK(wdf_of(Words(998) + vaccine_twice, "vaccine") == 2 * WdfPerWord(1001));
  CHECK(wdf_of(Words(2998) + vaccine_twice, "vaccine") == 2 * WdfPerWord(3001));
  CHECK(wdf_of(Words(99) + " thư", "thư") == 4 * WdfPerWord(101));
  CHECK(wdf_of(Words(99) + " thư", "Sthư") == 3 * WdfPerWord(101));
}

TEST_CASE("an index says how to rank it", "[index]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  SECTION("normalised at index time: BM25 with k1 scaled and b = 0, scores at BM25's scale") {
    for (const char* version : {"", "5", "17"}) {
      INFO(version);
      db.set_metadata("dipdoc:schema", version);
      const Ranking ranking = RankingFor(db);
      CHECK(ranking.weight.serialise() == Xapian::BM25Weight(kBm25K1 * kWdfScale, 0, 1, 0, 0.5).serialise());
      CHECK(ranking.scale == Catch::Detail::Approx(2.0 / 33.0));
      CHECK(ranking.Weigh(Xapian::Query("a")).get_type() == Xapian::Query::OP_SCALE_WEIGHT);
      CHECK(ranking.Weigh(Xapian::Query()).empty());
    }
  }
  SECTION("written before the normalisation: Xapian's BM25 as it is") {
    for (const char* version : {"1", "4"}) {
      INFO(version);
      db.set_metadata("dipdoc:schema", version);
      const Ranking ranking = RankingFor(db);
      CHECK(ranking.weight.serialise() == Xapian::BM25Weight().serialise());
      CHECK(ranking.scale == 1);
      CHECK(ranking.Weigh(Xapian::Query("a")).get_type() == Xapian::Query::LEAF_TERM);
    }
  }
}

}  // namespace
}  // namespace dipdoc
