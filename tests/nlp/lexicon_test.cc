#include "nlp/lexicon.h"

#include <catch2/catch.hpp>

#include <stdexcept>

#include "nlp/embedded_data.h"

namespace dipdoc {
namespace {

std::string Matches(const Lexicon& lexicon, std::string_view text) {
  const std::vector<WordToken> tokens = TokenizeWords(text);
  std::string out;
  for (const LexiconMatch& m : lexicon.FindAll(tokens)) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(tokens[m.first].span.start, tokens[m.last - 1].span.end - tokens[m.first].span.start));
    for (const char* name : {"kind", "status"}) {
      if (m.entry->Has(name)) out += " " + std::string(m.entry->Get(name));
    }
  }
  return out;
}

TEST_CASE("words are compared in one case and one tone-mark placement", "[nlp][lexicon]") {
  const std::vector<WordToken> tokens = TokenizeWords("Thuỵ Sĩ, VẮC-XIN d'ici");
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[0].key == "thụy");
  CHECK(tokens[2].key == "vắc");
  CHECK(tokens[3].key == "xin");
  CHECK(tokens[4].key == "d");
  CHECK(tokens[5].key == "ici");
  CHECK(tokens[1].span.start == std::string_view("Thuỵ ").size());
  CHECK(PhraseKeys("Hoà  Bình") == std::vector<std::string>{"hòa", "bình"});
}

TEST_CASE("a word reader reads the words TokenizeWords finds, only as far as asked", "[nlp][lexicon]") {
  const std::string text = "1,05 triệu LIỀU vắc-xin Abdala; 500.000 doses d'AstraZeneca — Thuỵ Sĩ.";
  for (const Span range : {Span{0, text.size()}, Span{5, 30}, Span{12, 12}, Span{40, text.size() + 10}}) {
    INFO(range.start << ".." << range.end);
    const std::vector<WordToken> all = TokenizeWords(text, range);
    WordReader reader(text, range);
    CHECK(reader.ReadTo(0).empty());
    for (std::size_t k = 1; k <= all.size() + 2; ++k) {
      const std::vector<WordToken>& read = reader.ReadTo(k);
      REQUIRE(read.size() == std::min(k, all.size()));
      if (read.empty()) continue;
      CHECK(read.back().key == all[read.size() - 1].key);
      CHECK(read.back().span.start == all[read.size() - 1].span.start);
      CHECK(read.back().span.end == all[read.size() - 1].span.end);
    }
  }
  WordReader reader(text, Span{0, text.size()});
  CHECK(reader.ReadTo(2).size() == 2);  // the rest is not read yet
  CHECK(reader.ReadTo(2).size() == 2);
}

TEST_CASE("the longest phrase wins and phrases do not overlap", "[nlp][lexicon]") {
  const Lexicon lexicon("test", "bàn giao\tkind=delivery\nđã bàn giao\tkind=delivery status=delivered\n"
                                "cam kết\tstatus=pledged  # a comment\n\n# only a comment\n");
  CHECK(lexicon.size() == 3);
  CHECK(lexicon.longest() == 3);
  CHECK(Matches(lexicon, "Pfizer cam kết bàn giao; Cuba ĐÃ BÀN GIAO") ==
        "cam kết pledged | bàn giao delivery | ĐÃ BÀN GIAO delivery delivered");
  CHECK(Matches(lexicon, "").empty());
}

TEST_CASE("a malformed lexicon line is refused with its file and line", "[nlp][lexicon]") {
  CHECK_THROWS_WITH(Lexicon("cues.tsv", "ok\tstatus=pledged\nno tab here\n"), Catch::Contains("cues.tsv:2"));
  CHECK_THROWS_AS(Lexicon("cues.tsv", " ...\tstatus=pledged\n"), std::invalid_argument);
}

TEST_CASE("the lexicons compiled into the binary parse", "[nlp][lexicon]") {
  CHECK(Lexicon("commitment_cues.tsv", data::kCommitmentCues).size() > 100);
  CHECK(Lexicon("quantity_words.tsv", data::kQuantityWords).size() > 30);
}

}  // namespace
}  // namespace dipdoc
