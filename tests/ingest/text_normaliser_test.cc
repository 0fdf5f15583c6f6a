#include "ingest/text_normaliser.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::string expected;
};

void CheckAll(const std::vector<Case>& cases) {
  const TextNormaliser normaliser;
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(normaliser.Normalise(c.input) == c.expected);
  }
}

TEST_CASE("text is normalised to NFC with LF line ends and no BOM", "[ingest]") {
  CheckAll({
      {"composed text is kept", "Ngoại giao vaccine", "Ngoại giao vaccine\n"},
      // o + U+0323 (dot below) + U+0302 (circumflex): the decomposed "ộ" macOS and OCR produce.
      {"decomposed Vietnamese is composed", "C\x6F\xCC\xA3\xCC\x82ng ho\xCC\x80\x61", "Cộng hòa\n"},
      {"decomposed French is composed", "Re\xCC\x81publique franc\xCC\xA7\x61ise", "République française\n"},
      {"đ has no decomposition and stays", "Đại sứ quán", "Đại sứ quán\n"},
      {"a UTF-8 BOM is dropped", "\xEF\xBB\xBFKính gửi", "Kính gửi\n"},
      {"CR LF becomes LF", "line one\r\nline two\r\n", "line one\nline two\n"},
      {"a lone CR becomes LF", "old\rmac", "old\nmac\n"},
      {"empty stays empty", "", ""},
  });
}

TEST_CASE("NFD input ends up byte-identical to its NFC twin", "[ingest]") {
  const TextNormaliser normaliser;
  const std::string nfc = "Thụy Sĩ, Hoa Kỳ, Nhật Bản, Liên bang Nga: hơn 1,05 triệu liều";
  const std::string nfd = "Thu\xCC\xA3y Si\xCC\x83, Hoa Ky\xCC\x80, Nha\xCC\x82\xCC\xA3t Ba\xCC\x89n, Lie\xCC\x82n bang Nga: "
                          "ho\xCC\x9Bn 1,05 trie\xCC\x82\xCC\xA3u lie\xCC\x82\xCC\x80u";
  REQUIRE(nfd != nfc);
  CHECK(normaliser.Normalise(nfd) == normaliser.Normalise(nfc));
  CHECK(normaliser.Normalise(nfd) == nfc + "\n");
}

TEST_CASE("typographic noise that breaks matching is removed", "[ingest]") {
  CheckAll({
      {"no-break space in a French number", "450\u00A0000 doses", "450 000 doses\n"},
      {"narrow no-break space in a French number", "450\u202F000 doses", "450 000 doses\n"},
      {"thin and figure spaces", "1\u2009000\u2007000", "1 000 000\n"},
      {"soft hyphen", "vac\u00ADcine", "vaccine\n"},
      {"zero-width space, joiners, word joiner", "Ab\u200Bda\u200Cla\u200D \u2060ok", "Abdala ok\n"},
      {"a BOM inside the text", "Pfi\uFEFFzer", "Pfizer\n"},
      {"ligatures", "\uFB01nancement e\uFB00ort \uFB02ow o\uFB03ce", "financement effort flow office\n"},
      {"look-alike eth for Đ", "\u00D0ại sứ", "Đại sứ\n"},
      {"tabs and runs of spaces", "Kính\t gửi   Bộ  Ngoại giao", "Kính gửi Bộ Ngoại giao\n"},
      {"lines are trimmed", "   indented line   \n  next", "indented line\nnext\n"},
      {"runs of blank lines collapse to one", "para one\n\n\n\n\npara two\n\n", "para one\n\npara two\n"},
      {"blank lines at the start are dropped", "\n\n  \nTitle", "Title\n"},
  });
}

TEST_CASE("words hyphenated at a line end are joined; compounds keep their hyphen", "[ingest]") {
  CheckAll({
      {"English", "the vac-\ncine arrived", "the vaccine\narrived\n"},
      {"French", "la livrai-\nson des doses", "la livraison\ndes doses\n"},
      {"Vietnamese transliteration", "Ô-xtrây-\nli-a tặng", "Ô-xtrây-li-a\ntặng\n"},
      {"a capital after the break is a new word", "Covid-\nNgày", "Covid-\nNgày\n"},
      {"a dash after a space is not hyphenation", "Hà Nội -\nngày 5", "Hà Nội -\nngày 5\n"},
  });
}

TEST_CASE("sentences glued by a lost paragraph break are split", "[ingest]") {
  CheckAll({
      {"after a number", "điều trị Covid-19.Ngày 17/8, Bộ trưởng", "điều trị Covid-19.\nNgày 17/8, Bộ trưởng\n"},
      {"after a word", "chống dịch.Đến nay, ta đã", "chống dịch.\nĐến nay, ta đã\n"},
      {"abbreviations stay", "TP.Hồ Chí Minh và PGS.BS Viên", "TP.Hồ Chí Minh và PGS.BS Viên\n"},
      {"short words stay", "Mr.Smith and Dr.Who", "Mr.Smith and Dr.Who\n"},
      {"domain names stay", "Theo dõi Baoquocte.vn trên", "Theo dõi Baoquocte.vn trên\n"},
      {"decimals stay", "1.5 million and 97.5", "1.5 million and 97.5\n"},
  });
}

TEST_CASE("form feeds stay as page breaks", "[ingest]") {
  CheckAll({
      {"pages", "page one\n\fpage two\n", "page one\fpage two\n"},
  });
}

}  // namespace
}  // namespace dipdoc
