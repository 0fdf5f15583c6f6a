// The commitment annotator through the whole extractor, on sentences written for each rule.

#include "nlp/commitment_annotator.h"

#include <catch2/catch.hpp>

#include "nlp/extractor.h"

namespace dipdoc {
namespace {

std::vector<std::string> Commitments(std::string text, std::string language, std::string date = "2021-09-01",
                                     std::optional<std::string> addressee = std::nullopt) {
  Document d;
  d.text = std::move(text);
  d.language = std::move(language);
  d.date = std::move(date);
  d.addressee = std::move(addressee);
  std::vector<std::string> out;
  for (const Commitment& c : Extractor().Extract(d).commitments) {
    std::string line = c.partner + " " + std::string(ToString(c.kind)) + " " + std::string(ToString(c.status)) + " " +
                       (c.doses ? std::to_string(*c.doses) : "null") + " " + c.vaccine.value_or("-") + " " +
                       c.due.value_or("-") + " " + c.channel + (c.cumulative ? " cumulative" : "");
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST_CASE("each figure gets its own kind and status from the words before it", "[nlp][commitments]") {
  CHECK(Commitments("Cuba đã bàn giao 1,05 triệu liều vaccine Abdala và Việt Nam đã ký hợp đồng mua 10 triệu liều.",
                    "vi") == Lines{"CU delivery delivered 1050000 abdala - bilateral",
                                   "CU purchase signed 10000000 abdala - bilateral"});
  CHECK(Commitments("Theo hợp đồng đã ký, Công ty Pfizer cam kết bàn giao cho Việt Nam 31 triệu liều vaccine "
                    "trong năm 2021.", "vi") == Lines{"pfizer delivery pledged 31000000 pfizer 2021 bilateral"});
}

TEST_CASE("the partner named a sentence earlier answers for a sentence that names none", "[nlp][commitments]") {
  CHECK(Commitments("Thủ tướng đã làm việc với công ty Pfizer. Phía công ty cam kết chuyển đủ 31 triệu liều trong "
                    "năm nay.", "vi") == Lines{"pfizer delivery pledged 31000000 pfizer 2021 bilateral"});
}

TEST_CASE("a channel, a running total and an unsaid quantity", "[nlp][commitments]") {
  CHECK(Commitments("Hoa Kỳ cam kết chia sẻ một số lượng lớn vaccine cho Việt Nam thông qua cơ chế COVAX.", "vi") ==
        Lines{"US donation pledged null - - covax"});
  CHECK(Commitments("The delivery of 1 million doses from Japan arrived on Friday, bringing the total to 3.9 million "
                    "doses.", "en") == Lines{"JP donation delivered 1000000 - - bilateral",
                                            "JP donation delivered 3900000 - - bilateral cumulative"});
}

TEST_CASE("a request from Viet Nam is requested, with its horizon as due", "[nlp][commitments]") {
  CHECK(Commitments("Le Viet Nam demande à la France de livrer 500 000 doses supplémentaires d'ici fin novembre 2021.",
                    "fr") == Lines{"FR donation requested 500000 - 2021-11 bilateral"});
}

TEST_CASE("doses a government hands over are its gift; a company, or a purchase, delivers", "[nlp][commitments]") {
  CHECK(Commitments("Hungary delivered 100,000 doses to Viet Nam.", "en") ==
        Lines{"HU donation delivered 100000 - - bilateral"});
  CHECK(Commitments("Moderna delivered 100,000 doses to Viet Nam.", "en") ==
        Lines{"moderna delivery delivered 100000 moderna - bilateral"});
  CHECK(Commitments("Under the contract Viet Nam bought, Cuba delivered 100,000 doses.", "en") ==
        Lines{"CU delivery delivered 100000 - - bilateral"});
}

TEST_CASE("a figure nobody commits to is no commitment", "[nlp][commitments]") {
  CHECK(Commitments("Việt Nam đã tiêm hơn 30 triệu liều vaccine cho người dân.", "vi").empty());
}

TEST_CASE("money and equipment given beside vaccines are commitments of their own kind", "[nlp][commitments]") {
  CHECK(Commitments("Hoa Kỳ sẽ trao tặng 77 tủ lạnh âm sâu.", "vi") == Lines{"US other pledged null - - bilateral"});
  CHECK(Commitments("AstraZeneca cam kết đầu tư 2.000 tỷ đồng (90 triệu USD) tại Việt Nam.", "vi") ==
        Lines{"astrazeneca investment pledged null - - bilateral"});
  CHECK(Commitments("Hoa Kỳ trao tặng 1 triệu liều vaccine và 77 tủ lạnh âm sâu.", "vi") ==
        Lines{"US donation pledged 1000000 - - bilateral"});
}

}  // namespace
}  // namespace dipdoc
