#include "nlp/sentence_splitter.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

std::vector<std::string> Sentences(std::string_view text, std::size_t max_bytes = 4096) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, max_bytes)) out.emplace_back(s.In(text));
  return out;
}

TEST_CASE("sentences end at their punctuation and at line breaks", "[nlp][sentences]") {
  CHECK(Sentences("Cuba đã bàn giao 1,05 triệu liều. Việt Nam ký mua 10 triệu liều!  Tốt?") ==
        std::vector<std::string>{"Cuba đã bàn giao 1,05 triệu liều.", "Việt Nam ký mua 10 triệu liều!", "Tốt?"});
  CHECK(Sentences("Nơi nhận:\n- Như trên;\n- Lưu: VT, LT.\n") ==
        std::vector<std::string>{"Nơi nhận:", "- Như trên;", "- Lưu: VT, LT."});
  CHECK(Sentences("1,5 million de doses. Le 2 décembre 2021.") ==
        std::vector<std::string>{"1,5 million de doses.", "Le 2 décembre 2021."});
  CHECK(Sentences("").empty());
  CHECK(Sentences(" \n\n \t").empty());
}

TEST_CASE("a sentence longer than the limit is cut at spaces, and never inside a character", "[nlp][sentences]") {
  std::string line;
  while (line.size() < 100000) line += "liều vaccine ";
  const std::vector<Span> spans = SplitSentences(line, 1000);
  REQUIRE(spans.size() > 90);
  for (const Span& s : spans) {
    CHECK(s.size() <= 1000);
    CHECK(line[s.start - (s.start > 0)] == (s.start > 0 ? ' ' : 'l'));  // a piece begins at a word
  }
  std::string vietnamese;
  while (vietnamese.size() < 5000) vietnamese += "ệ";  // no space anywhere
  for (const Span& s : SplitSentences(vietnamese, 1000)) {
    CHECK(s.size() <= 1000);
    CHECK((static_cast<unsigned char>(vietnamese[s.start]) & 0xC0) != 0x80);
  }
}

}  // namespace
}  // namespace dipdoc
