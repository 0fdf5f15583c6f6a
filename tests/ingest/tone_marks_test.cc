#include "ingest/tone_marks.h"

#include <catch2/catch.hpp>

#include "ingest/text_normaliser.h"

namespace dipdoc {
namespace {

TEST_CASE("both tone-mark placements have one canonical form", "[ingest]") {
  struct Case {
    const char* written;
    const char* canonical;
  };
  const Case cases[] = {
      {"hoà", "hòa"},     {"hòa", "hòa"},       {"Hoà", "Hòa"},     {"HOÀ", "HÒA"},
      {"thuỷ", "thủy"},   {"thủy", "thủy"},     {"Thuỵ", "Thụy"},   {"Thụy", "Thụy"},
      {"khoẻ", "khỏe"},   {"khỏe", "khỏe"},     {"loà", "lòa"},     {"xoá", "xóa"},
      {"uỷ", "ủy"},       {"Uỷ ban", "Ủy ban"}, {"tuý", "túy"},     {"hoạ", "họa"},
      // A final consonant: the last vowel, in both styles.
      {"hoàn", "hoàn"},   {"thuyết", "thuyết"}, {"toán", "toán"},   {"hòan", "hoàn"},
      // A shape mark takes the tone: ơ of ươ, ê of iê/uyê, ô of uô.
      {"người", "người"}, {"ngừơi", "người"},   {"Việt", "Việt"},
      {"quyền", "quyền"}, {"thuở", "thuở"},     {"muốn", "muốn"},
      // Three vowels: the middle one.
      {"ngoài", "ngoài"}, {"ngoaì", "ngoài"},   {"khuỷu", "khuỷu"},
      // qu and gi are onsets.
      {"quý", "quý"},     {"qúy", "quý"},       {"giữ", "giữ"},     {"gìa", "già"},      {"gìn", "gìn"},
      // Misplaced marks from the wild.
      {"baỏ", "bảo"},     {"caí", "cái"},
      // Untouched: no tone, two tones, not Vietnamese.
      {"Nam", "Nam"},     {"vaccine", "vaccine"}, {"où", "où"},     {"déjà", "déjà"},   {"été", "été"},
      {"Pfizer", "Pfizer"}, {"COVID-19", "COVID-19"},
  };
  for (const Case& c : cases) {
    INFO(c.written);
    CHECK(CanonicalSyllable(c.written) == c.canonical);
  }
}

TEST_CASE("a text keeps everything between words and canonicalises each word", "[ingest]") {
  CHECK(CanonicalToneMarks("Thuỵ Sĩ và Hoa Kỳ: hoà bình, 1,05 triệu liều.") ==
        "Thụy Sĩ và Hoa Kỳ: hòa bình, 1,05 triệu liều.");
  CHECK(CanonicalToneMarks(CanonicalToneMarks("thuỷ hoà")) == CanonicalToneMarks("thủy hòa"));
  CHECK(CanonicalToneMarks("").empty());
}

TEST_CASE("NFD text and both placements meet in one canonical form", "[ingest]") {
  const TextNormaliser normaliser;
  const std::string forms[] = {
      "Thuỵ Sĩ hoà bình",
      "Thụy Sĩ hòa bình",
      "Thu\xCC\xA3y Si\xCC\x83 ho\xCC\x80\x61 bi\xCC\x80nh",  // NFD, traditional placement
      "Thuy\xCC\xA3 Si\xCC\x83 hoa\xCC\x80 bi\xCC\x80nh",     // NFD, modern placement
  };
  for (const std::string& form : forms) {
    INFO(form);
    CHECK(CanonicalToneMarks(normaliser.Normalise(form)) == "Thụy Sĩ hòa bình\n");
  }
}

}  // namespace
}  // namespace dipdoc
