#include "ingest/text_normaliser.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("text is normalised to NFC with LF line ends and no BOM", "[ingest]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"composed text is kept", "Ngoại giao vaccine", "Ngoại giao vaccine"},
      // o + U+0323 (dot below) + U+0302 (circumflex): the decomposed "ộ" macOS and OCR produce.
      {"decomposed Vietnamese is composed", "C\x6F\xCC\xA3\xCC\x82ng ho\xCC\x80\x61", "Cộng hòa"},
      {"decomposed French is composed", "Re\xCC\x81publique franc\xCC\xA7\x61ise", "République française"},
      {"đ has no decomposition and stays", "Đại sứ quán", "Đại sứ quán"},
      {"a UTF-8 BOM is dropped", "\xEF\xBB\xBFKính gửi", "Kính gửi"},
      {"CR LF becomes LF", "line one\r\nline two\r\n", "line one\nline two\n"},
      {"a lone CR becomes LF", "old\rmac", "old\nmac"},
      {"empty stays empty", "", ""},
  };
  const TextNormaliser normaliser;
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(normaliser.Normalise(c.input) == c.expected);
  }
}

TEST_CASE("NFD input ends up byte-identical to its NFC twin", "[ingest]") {
  const TextNormaliser normaliser;
  const std::string nfc = "Thụy Sĩ, Hoa Kỳ, Nhật Bản, Liên bang Nga: hơn 1,05 triệu liều";
  const std::string nfd = "Thu\xCC\xA3y Si\xCC\x83, Hoa Ky\xCC\x80, Nha\xCC\x82\xCC\xA3t Ba\xCC\x89n, Lie\xCC\x82n bang Nga: "
                          "ho\xCC\x9Bn 1,05 trie\xCC\x82\xCC\xA3u lie\xCC\x82\xCC\x80u";
  REQUIRE(nfd != nfc);
  CHECK(normaliser.Normalise(nfd) == nfc);
}

}  // namespace
}  // namespace dipdoc
