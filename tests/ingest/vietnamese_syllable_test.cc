#include "ingest/vietnamese_syllable.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("syllables split into onset, vowel group and final", "[ingest]") {
  struct Case {
    std::u32string word;
    std::size_t onset_end, nucleus_end;
    Tone tone;
  };
  const Case cases[] = {
      {U"nghiêng", 3, 5, kLevel}, {U"người", 2, 5, kGrave}, {U"việt", 1, 3, kDotBelow}, {U"quý", 2, 3, kAcute},
      {U"già", 2, 3, kGrave},     {U"gìn", 1, 2, kGrave},    {U"hòa", 1, 3, kGrave},    {U"ấy", 0, 2, kAcute},
      {U"thủy", 2, 4, kHook},     {U"khuỷu", 2, 5, kHook},   {U"đạt", 1, 2, kDotBelow}, {U"vaccine", 0, 0, kLevel},
  };
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const Case& c = cases[i];
    INFO("case " << i);
    const auto syllable = ParseSyllable(c.word);
    if (c.nucleus_end == 0) {
      CHECK_FALSE(syllable.has_value());
      continue;
    }
    REQUIRE(syllable.has_value());
    CHECK(syllable->onset_end == c.onset_end);
    CHECK(syllable->nucleus_end == c.nucleus_end);
    CHECK(syllable->tone == c.tone);
  }
}

TEST_CASE("what is not a syllable is refused", "[ingest]") {
  for (const std::u32string word : {U"", U"été", U"où", U"đạc̣", U"hàn̉", U"xtơ", U"cát̀", U"bàt", U"ắ"}) {
    CHECK_FALSE(ParseSyllable(word).has_value());
  }
}

TEST_CASE("vowel letters split and compose", "[ingest]") {
  CHECK(SplitVowel(U'ộ').base == U'ô');
  CHECK(SplitVowel(U'ộ').tone == kDotBelow);
  CHECK(SplitVowel(U'b').base == 0);
  CHECK(ComposeVowel(U'ư', kHook) == U'ử');
  CHECK(ComposeVowel(U'a', kLevel) == U'a');
}

}  // namespace
}  // namespace dipdoc
