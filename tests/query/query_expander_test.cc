#include "query/query_expander.h"

#include <catch2/catch.hpp>

#include "query/partner_aliases.h"

namespace dipdoc {
namespace {

TEST_CASE("index words are Xapian's words in matching form", "[query][aliases]") {
  CHECK(IndexWords("Ô-xtrây-li-a") == std::vector<std::string>{"ô", "xtrây", "li", "a"});
  CHECK(IndexWords("Thuỵ Sĩ") == std::vector<std::string>{"thụy", "sĩ"});
  CHECK(IndexWords("l'Australie") == std::vector<std::string>{"l'australie"});
  CHECK(IndexWords("").empty());
}

TEST_CASE("partner names are found in query words, the longest first", "[query][aliases]") {
  const PartnerAliases& aliases = PartnerAliases::Default();
  auto find = [&](const char* text) -> std::string {
    const std::vector<std::string> words = IndexWords(text);
    const auto match = aliases.Find(words, 0);
    return match ? match->id + "/" + std::to_string(match->words) : "-";
  };
  CHECK(find("Australia") == "AU/1");
  CHECK(find("Ô-xtrây-li-a") == "AU/4");
  CHECK(find("o xtray li a") == "AU/4");
  CHECK(find("Hoa Kỳ") == "US/2");
  CHECK(find("hoa ky") == "US/2");
  CHECK(find("Úc") == "AU/1");
  CHECK(find("uc") == "-");      // "Úc" is also an ordinary word: only as typed
  CHECK(find("us") == "-");      // "US" is a name only in capitals, which a query no longer has
  CHECK(find("vaccine") == "-");
  CHECK(find("Việt Nam") == "-");  // never a partner
}

TEST_CASE("a partner's searchable names leave out ordinary words", "[query][aliases]") {
  const auto& names = PartnerAliases::Default().SearchableNames("AU");
  CHECK(std::find(names.begin(), names.end(), std::vector<std::string>{"australia"}) != names.end());
  CHECK(std::find(names.begin(), names.end(), std::vector<std::string>{"úc"}) == names.end());
  CHECK(PartnerAliases::Default().SearchableNames("no-such-partner").empty());
}

}  // namespace
}  // namespace dipdoc
