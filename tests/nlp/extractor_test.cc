// The extractor as a whole: spans point at the right bytes, and odd text costs little and breaks nothing.

#include "nlp/extractor.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

Document Text(std::string text, std::string language = "vi") {
  Document d;
  d.text = std::move(text);
  d.language = std::move(language);
  d.date = "2021-08-17";
  return d;
}

TEST_CASE("every item's span holds the words it was read from", "[nlp][extractor]") {
  const Document d = Text(
      "Ngày 17/8, Cuba đã bàn giao 1,05 triệu liều vaccine Abdala. AstraZeneca cam kết đầu tư 2.000 tỷ đồng "
      "(90 triệu USD) và Thụy Sỹ trao tặng hơn 500.000 liều trong tháng 12 năm nay.");
  const Extraction e = Extractor().Extract(d);
  REQUIRE(e.doses.size() == 2);
  CHECK(e.doses[0].span.In(d.text) == "1,05 triệu liều");
  CHECK(e.doses[0].partner == std::optional<std::string>("CU"));
  CHECK(e.doses[0].vaccine == std::optional<std::string>("abdala"));
  CHECK(e.doses[1].span.In(d.text) == "hơn 500.000 liều");
  CHECK(e.doses[1].approx == Approx::kMoreThan);
  CHECK(e.doses[1].partner == std::optional<std::string>("CH"));
  REQUIRE(e.amounts.size() == 2);
  CHECK(e.amounts[0].span.In(d.text) == "2.000 tỷ đồng");
  CHECK(e.amounts[1].currency == "USD");
  for (const PartnerMention& p : e.partners) {
    for (const Span& s : p.spans) CHECK_FALSE(s.In(d.text).empty());
  }
  REQUIRE_FALSE(e.commitments.empty());
  CHECK(e.commitments[0].span.In(d.text) == "Ngày 17/8, Cuba đã bàn giao 1,05 triệu liều vaccine Abdala.");
  bool december = false;
  for (const DateMention& date : e.dates) december |= date.value == "2021-12";
  CHECK(december);
}

TEST_CASE("odd text is handled without a crash: no sentences, one 5 MB line, digits everywhere", "[nlp][extractor]") {
  const Extractor extractor;
  CHECK(ToDebugString(extractor.Extract(Text(""))).empty());
  CHECK(ToDebugString(extractor.Extract(Text("    \n\n\t  "))).empty());
  CHECK(ToDebugString(extractor.Extract(Text("..........;;;;;,,,,,!!!!"))).empty());

  std::string line;
  while (line.size() < 5'000'000) line += "Nhật Bản trao tặng 1 triệu liều vaccine AstraZeneca cho Việt Nam, ";
  const Extraction long_line = extractor.Extract(Text(line));
  CHECK(long_line.doses.size() > 10'000);
  CHECK(long_line.partners.size() == 2);  // JP, and astrazeneca named as its vaccine

  std::string digits;
  while (digits.size() < 2'000'000) digits += "1 22 333,4 5.555 6/7/2021 88 999 ";
  const Extraction numbers = extractor.Extract(Text(digits, "en"));
  CHECK(numbers.doses.empty());
  CHECK(numbers.commitments.empty());

  std::string binary_like;
  for (int i = 0; i < 200'000; ++i) binary_like += static_cast<char>('!' + i % 90);
  CHECK(extractor.Extract(Text(binary_like)).doses.empty());
  CHECK(ToDebugString(extractor.Extract(Text("\xFF\xFE liều 5 triệu liều"))).empty());  // not UTF-8: nothing
}

}  // namespace
}  // namespace dipdoc
