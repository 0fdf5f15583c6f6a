#include "nlp/quantity_annotator.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

// A number at the first occurrence of `written` in `text`, as the number reader would report it.
NumberMention Number(std::string_view text, std::string_view written, double value, Approx approx = Approx::kExact,
                     std::string_view approximator = {}) {
  const std::size_t at = text.find(written);
  REQUIRE(at != std::string_view::npos);
  NumberMention n;
  n.value = value;
  n.approx = approx;
  n.number = Span{at, at + written.size()};
  n.span = n.number;
  if (!approximator.empty()) n.span.start = text.rfind(approximator, at);
  return n;
}

NameMatch Vaccine(std::string_view text, std::string_view written, std::string_view id) {
  const std::size_t at = text.find(written);
  REQUIRE(at != std::string_view::npos);
  return NameMatch{NameKind::kVaccine, id, {}, Span{at, at + written.size()}};
}

std::string Annotated(std::string_view text, const std::vector<NumberMention>& numbers,
                      const std::vector<NameMatch>& names = {}) {
  Extraction e;
  Quantities q = AnnotateQuantities(text, numbers, names);
  e.doses = q.doses;
  std::string out = ToDebugString(e);
  for (const Amount& a : q.amounts) {
    out += (out.empty() ? "" : " | ") + std::string("AMOUNT ") + std::to_string(static_cast<long long>(a.value)) +
           " " + a.currency + " \"" + std::string(a.span.In(text)) + "\"";
  }
  return out;
}

TEST_CASE("a number followed by its unit is a dose count, with the vaccine its words name", "[nlp][quantities]") {
  const std::string vi = "Cuba bàn giao 1,05 triệu liều vaccine Abdala.";
  CHECK(Annotated(vi, {Number(vi, "1,05 triệu", 1050000)}, {Vaccine(vi, "Abdala", "abdala")}) ==
        "DOSES[15,34) 1050000 dose exact abdala");
  const std::string en = "Australia will share 1.5 million AstraZeneca vaccine doses with Viet Nam.";
  CHECK(Annotated(en, {Number(en, "1.5 million", 1500000)}, {Vaccine(en, "AstraZeneca", "astrazeneca")}) ==
        "DOSES[21,58) 1500000 dose exact astrazeneca");
  const std::string fr = "plus de 800 000 doses de vaccin";
  CHECK(Annotated(fr, {Number(fr, "800 000", 800000, Approx::kMoreThan, "plus de")}) ==
        "DOSES[0,21) 800000 dose more_than");
  const std::string vials = "2 000 000 vials of Moderna";
  CHECK(Annotated(vials, {Number(vials, "2 000 000", 2000000)}, {Vaccine(vials, "Moderna", "moderna")}) ==
        "DOSES[0,15) 2000000 vial exact moderna");
}

TEST_CASE("money is an amount with its currency, written before or after the number", "[nlp][quantities]") {
  const std::string vi = "khoản đầu tư 2.000 tỷ đồng và 23 triệu USD";
  CHECK(Annotated(vi, {Number(vi, "2.000 tỷ", 2e12), Number(vi, "23 triệu", 23e6)}) ==
        "AMOUNT 2000000000000 VND \"2.000 tỷ đồng\" | AMOUNT 23000000 USD \"23 triệu USD\"");
  const std::string en = "AUD 40 million and EUR 3 million, then $5 million";
  CHECK(Annotated(en, {Number(en, "40 million", 4e7), Number(en, "3 million", 3e6), Number(en, "5 million", 5e6)}) ==
        "AMOUNT 40000000 AUD \"AUD 40 million\" | AMOUNT 3000000 EUR \"EUR 3 million\" | "
        "AMOUNT 5000000 USD \"$5 million\"");
  const std::string dollars = "2,5 triệu đô la Mỹ";
  CHECK(Annotated(dollars, {Number(dollars, "2,5 triệu", 2.5e6)}) == "AMOUNT 2500000 USD \"2,5 triệu đô la Mỹ\"");
}

TEST_CASE("equipment, people, ages and numbers cut off by punctuation are neither", "[nlp][quantities]") {
  for (const std::string text : {"77 tủ lạnh âm sâu", "120 ventilators", "trẻ em từ 12 đến 17 tuổi",
                                 "1.000 máy thở", "500.000 bộ xét nghiệm", "10 triệu. Liều", "3 (doses)"}) {
    INFO(text);
    const std::size_t digits = text.find_first_of("0123456789");
    const std::size_t end = text.find_first_not_of("0123456789.,", digits);
    CHECK(Annotated(text, {Number(text, text.substr(digits, end - digits), 1)}).empty());
  }
}

}  // namespace
}  // namespace dipdoc
