#include "nlp/number_reader.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace dipdoc {
namespace {

std::string FormatValue(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

// Every mention as "<approximator>|<number>=<value> <approx>", e.g. "hơn |25 triệu=25000000 more_than",
// "1,05 triệu=1050000", separated by " ; ". The text is cut out with the spans, so a wrong byte shows.
std::string Describe(std::string_view text, const std::vector<NumberMention>& mentions) {
  std::string out;
  for (const NumberMention& m : mentions) {
    if (!out.empty()) out += " ; ";
    if (m.span.end > text.size() || m.number.start < m.span.start || m.number.end != m.span.end ||
        m.number.start >= m.number.end) {
      out += "!bad span!";
      continue;
    }
    if (m.span.start != m.number.start) {
      out += std::string(text.substr(m.span.start, m.number.start - m.span.start)) + "|";
    }
    out += std::string(m.number.In(text)) + "=" + FormatValue(m.value);
    if (m.approx != Approx::kExact) out += " " + std::string(ToString(m.approx));
  }
  return out;
}

struct Case {
  const char* text;
  const char* expected;
};

void CheckAll(const char* language, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("language \"" << language << "\", text: " << c.text);
    CHECK(Describe(c.text, FindNumbers(c.text, language)) == c.expected);
  }
}

TEST_CASE("Vietnamese digits: comma is the decimal mark, dot groups thousands", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"1,05 triệu liều", "1,05 triệu=1050000"},
      {"500.000 liều", "500.000=500000"},
      {"97,5 triệu liều", "97,5 triệu=97500000"},
      {"320 nghìn liều", "320 nghìn=320000"},
      {"320 ngàn liều", "320 ngàn=320000"},
      {"2.000 tỷ đồng", "2.000 tỷ=2000000000000"},
      {"1 tỷ", "1 tỷ=1000000000"},
      {"3 tỉ", "3 tỉ=3000000000"},
      {"3 vạn", "3 vạn=30000"},
      {"1.000.000 liều", "1.000.000=1000000"},
      {"1.000.000,5", "1.000.000,5=1000000.5"},
      {"0,5 ml", "0,5=0.5"},
      {"1 nghìn tỷ", "1 nghìn tỷ=1000000000000"},
      {"5 trăm nghìn", "5 trăm nghìn=500000"},
      {"2 triệu rưỡi", "2 triệu rưỡi=2500000"},
      {"2 triệu 500 nghìn liều", "2 triệu 500 nghìn=2500000"},
      {"5 tỷ 10 triệu", "5 tỷ 10 triệu=5010000000"},
      {"258 triệu liều", "258 triệu=258000000"},
      {"543 chuyến bay, 136.000 công dân và 50 tỷ đồng",
       "543=543 ; 136.000=136000 ; 50 tỷ=50000000000"},
      // A dot before other than three digits cannot group thousands: the writer meant a decimal point.
      {"1.5 triệu", "1.5 triệu=1500000"},
      // Glued units are left to the caller.
      {"500.000đ", "500.000=500000"},
      {"5triệu", "5triệu=5000000"},
      // "m" is metres in Vietnamese; "k" is a thousand everywhere.
      {"3m", "3=3"},
      {"500k", "500k=500000"},
      // By the language, "350,000" is 350 in Vietnamese.
      {"350,000", "350,000=350"},
      // Plain spaces do not group digits in Vietnamese; no-break spaces do.
      {"1 000", "1=1 ; 000=0"},
      {"1\u00a0000\u00a0000", "1\u00a0000\u00a0000=1000000"},
  });
}

TEST_CASE("Vietnamese spelled-out numbers", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"hai mươi triệu liều", "hai mươi triệu=20000000"},
      {"năm trăm nghìn liều", "năm trăm nghìn=500000"},
      {"một triệu rưỡi liều", "một triệu rưỡi=1500000"},
      {"hai triệu rưỡi", "hai triệu rưỡi=2500000"},
      {"ba trăm linh năm", "ba trăm linh năm=305"},
      {"ba trăm lẻ năm", "ba trăm lẻ năm=305"},
      {"một trăm linh tư", "một trăm linh tư=104"},
      {"mười lăm", "mười lăm=15"},
      {"mười một", "mười một=11"},
      {"mười tư", "mười tư=14"},
      {"hai mươi mốt", "hai mươi mốt=21"},
      {"hai mươi một", "hai mươi một=21"},
      {"hai mươi lăm", "hai mươi lăm=25"},
      {"hai mươi nhăm", "hai mươi nhăm=25"},
      {"bốn mươi tư", "bốn mươi tư=44"},
      {"hai mươi bốn", "hai mươi bốn=24"},
      {"năm mươi", "năm mươi=50"},
      {"năm mươi lăm", "năm mươi lăm=55"},
      {"chín mươi chín", "chín mươi chín=99"},
      {"một trăm", "một trăm=100"},
      {"một trăm rưỡi", "một trăm rưỡi=150"},
      {"năm triệu liều", "năm triệu=5000000"},
      {"một triệu liều", "một triệu=1000000"},
      {"bẩy triệu", "bẩy triệu=7000000"},
      {"hai mươi mốt triệu", "hai mươi mốt triệu=21000000"},
      {"hai nghìn không trăm hai mươi mốt", "hai nghìn không trăm hai mươi mốt=2021"},
      {"một nghìn lẻ năm", "một nghìn lẻ năm=1005"},
      {"hai nghìn năm trăm", "hai nghìn năm trăm=2500"},
      {"hai nghìn hai mươi mốt", "hai nghìn hai mươi mốt=2021"},
      {"hai nghìn mười lăm", "hai nghìn mười lăm=2015"},
      {"hai triệu năm trăm nghìn liều", "hai triệu năm trăm nghìn=2500000"},
      {"hai chục nghìn", "hai chục nghìn=20000"},
      {"nửa triệu liều", "nửa triệu=500000"},
      {"hai nước", "hai=2"},
      {"mười nước", "mười=10"},
      // After a ten, "năm" is a year: five is "lăm" there.
      {"hai mươi năm", "hai mươi=20"},
      {"mười năm qua", "mười=10"},
      // A bare unit after a scale is colloquial ("hai triệu hai" = 2.2 million) and not read as one number.
      {"hai triệu hai", "hai triệu=2000000 ; hai=2"},
  });
}

TEST_CASE("Vietnamese words that look like numbers and are not", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"năm 2021", "2021=2021"},
      {"trong năm nay", ""},
      {"năm ngoái", ""},
      {"một số lượng lớn vaccine", ""},
      {"một trong những nước", ""},
      {"hơn một năm", ""},
      {"gần hai năm qua", "gần |hai=2 about"},
      {"tư nhân", ""},
      {"bán lẻ", ""},
      {"linh hoạt", ""},
      {"mươi ngày", ""},
      {"không có", ""},
      {"hàng triệu liều", ""},
      {"vài chục nghìn", ""},
      {"Ba Lan tặng 501.000 liều", "501.000=501000"},
      {"Hai Bà Trưng", ""},
      {"Ba nước đã cam kết", "Ba=3"},
      {"thời gian tới", ""},
      {"trên cả nước", ""},
      // Scale words that begin other words: rate, symptoms, millionaire, exchange rate.
      {"đạt một tỷ lệ cao", ""},
      {"hai triệu chứng", "hai=2"},
      {"một triệu phú", ""},
      {"tỉ giá", ""},
  });
}

TEST_CASE("Vietnamese approximators", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"hơn 25 triệu liều", "hơn |25 triệu=25000000 more_than"},
      {"Hơn 25 triệu liều", "Hơn |25 triệu=25000000 more_than"},
      {"trên 1 triệu", "trên |1 triệu=1000000 more_than"},
      {"trên 97,5 triệu liều", "trên |97,5 triệu=97500000 more_than"},
      {"vượt quá 2 triệu", "vượt quá |2 triệu=2000000 more_than"},
      {"khoảng 500.000", "khoảng |500.000=500000 about"},
      {"khoảng 1,5 triệu", "khoảng |1,5 triệu=1500000 about"},
      {"gần 2 triệu", "gần |2 triệu=2000000 about"},
      {"xấp xỉ 2 triệu", "xấp xỉ |2 triệu=2000000 about"},
      {"trên dưới 1 triệu", "trên dưới |1 triệu=1000000 about"},
      {"tới 1 triệu liều", "tới |1 triệu=1000000 about"},
      {"lên tới 3 triệu liều", "lên tới |3 triệu=3000000 about"},
      {"lên đến 3 triệu liều", "lên đến |3 triệu=3000000 about"},
      {"ít nhất 1 triệu", "ít nhất |1 triệu=1000000 at_least"},
      {"tối thiểu 1 triệu", "tối thiểu |1 triệu=1000000 at_least"},
      {"không dưới 1 triệu", "không dưới |1 triệu=1000000 at_least"},
      {"dưới 100.000", "dưới |100.000=100000 less_than"},
      {"chưa đến 50 nghìn", "chưa đến |50 nghìn=50000 less_than"},
      {"chưa tới 1 triệu", "chưa tới |1 triệu=1000000 less_than"},
      {"không quá 500 nghìn", "không quá |500 nghìn=500000 less_than"},
      {"ít hơn 10 nghìn", "ít hơn |10 nghìn=10000 less_than"},
      {"hơn hai mươi triệu", "hơn |hai mươi triệu=20000000 more_than"},
      {"khoảng một triệu rưỡi", "khoảng |một triệu rưỡi=1500000 about"},
      {"HƠN 25 TRIỆU LIỀU", "HƠN |25 TRIỆU=25000000 more_than"},
      {"khoảng\n2 triệu", "khoảng\n|2 triệu=2000000 about"},
      {"khoảng\n\n2 triệu", "2 triệu=2000000"},
  });
}

TEST_CASE("Vietnamese with either tone-mark placement, misplaced marks and capitals", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"mừơi lăm", "mừơi lăm=15"},
      {"hai mưoi", "hai=2"},
      {"dứơi 100.000", "dứơi |100.000=100000 less_than"},
      {"baỷ triệu", "baỷ triệu=7000000"},
      {"một triệu rữơi", "một triệu rữơi=1500000"},
      {"Hai mươi triệu liều", "Hai mươi triệu=20000000"},
      {"HAI MƯƠI TRIỆU LIỀU", "HAI MƯƠI TRIỆU=20000000"},
      {"Năm Triệu Liều", "Năm Triệu=5000000"},
      {"chưa \u00d0ến 1 triệu", "chưa \u00d0ến |1 triệu=1000000 less_than"},
  });
}

TEST_CASE("digits in dates, references, times and names are not numbers", "[nlp][number_reader]") {
  CheckAll("vi", {
      {"ngày 13/8/2021", ""},
      {"ngày 15-9-2021", ""},
      {"ngày 13.8.2021", ""},
      {"Công văn số 4521/BNG-LT", ""},
      {"Số 12/CP", ""},
      {"tháng 10/2021", ""},
      {"quý IV/2021", ""},
      {"vaccine COVID-19", ""},
      {"vaccine Covid-19.", ""},
      {"virus SARS-CoV-2", ""},
      {"cúm H5N1", ""},
      {"biến thể B.1.617.2", ""},
      {"lúc 10:30", ""},
      {"lúc 10h30", ""},
      {"Nhóm G7", ""},
      {"tỷ lệ 63%", "63=63"},
      {"44,69%", "44,69=44.69"},
      {"đến ngày 18/12/2021, Việt Nam tiêm được hơn 138 triệu liều vaccine COVID-19.",
       "hơn |138 triệu=138000000 more_than"},
  });
}

TEST_CASE("English numbers", "[nlp][number_reader]") {
  CheckAll("en", {
      {"350,000 doses", "350,000=350000"},
      {"1,000,000 doses", "1,000,000=1000000"},
      {"1,234.5", "1,234.5=1234.5"},
      {"1.2 million doses", "1.2 million=1200000"},
      {"1.5 million", "1.5 million=1500000"},
      {"two million doses", "two million=2000000"},
      {"one million", "one million=1000000"},
      {"twenty-five thousand", "twenty-five thousand=25000"},
      {"twenty five thousand", "twenty five thousand=25000"},
      {"twenty-one", "twenty-one=21"},
      {"ninety-nine", "ninety-nine=99"},
      {"twelve", "twelve=12"},
      {"ten countries", "ten=10"},
      {"1.5bn", "1.5bn=1500000000"},
      {"$1.5bn", "1.5bn=1500000000"},
      {"1.5 billion", "1.5 billion=1500000000"},
      {"3m doses", "3m=3000000"},
      {"3 million", "3 million=3000000"},
      {"2mn doses", "2mn=2000000"},
      {"500k", "500k=500000"},
      {"a million doses", "a million=1000000"},
      {"A million doses", "A million=1000000"},
      {"half a million", "half a million=500000"},
      {"one and a half million", "one and a half million=1500000"},
      {"a million and a half", "a million and a half=1500000"},
      {"a hundred thousand", "a hundred thousand=100000"},
      {"one hundred and five", "one hundred and five=105"},
      {"two thousand and twenty-one", "two thousand and twenty-one=2021"},
      {"two million five hundred thousand", "two million five hundred thousand=2500000"},
      {"in 2021", "2021=2021"},
      {"2021-2022", "2021=2021 ; 2022=2022"},
      {"5-10 million", "5=5 ; 10 million=10000000"},
      {"Japan Donates Two Million Doses", "Two Million=2000000"},
      {"TWO MILLION DOSES", "TWO MILLION=2000000"},
      {"50 per cent", "50=50"},
      {"5G networks", "5=5"},
      {"100mg", "100=100"},
      // Unambiguous in any document: a separator that cannot group thousands, a Vietnamese scale word.
      {"1,5 million", "1,5 million=1500000"},
      {"1.000.000 doses", "1.000.000=1000000"},
      {"1,05 triệu liều", "1,05 triệu=1050000"},
      // By the language, "500.000" is five hundred in English.
      {"500.000", "500.000=500"},
      {"450\u00a0000", "450\u00a0000=450000"},
      {"450 000", "450=450 ; 000=0"},
  });
}

TEST_CASE("English words that look like numbers and are not", "[nlp][number_reader]") {
  CheckAll("en", {
      {"one of the donors", ""},
      {"no one", ""},
      {"a vaccine", ""},
      {"thousands of doses", ""},
      {"millions of doses", ""},
      {"hundreds of vials", ""},
      {"a few million", ""},
      {"the 19th century", ""},
      {"the 1st dose", ""},
      {"per cent", ""},
      {"Three Gorges", ""},
      {"Sept 2021", "2021=2021"},
      {"Mr Hai said", ""},
      {"3M", "3=3"},
      {"COVID-19 vaccines", ""},
  });
}

TEST_CASE("English approximators", "[nlp][number_reader]") {
  CheckAll("en", {
      {"over 1 million", "over |1 million=1000000 more_than"},
      {"Over 1 million", "Over |1 million=1000000 more_than"},
      {"more than 2 million", "more than |2 million=2000000 more_than"},
      {"well over 2 million", "well over |2 million=2000000 more_than"},
      {"in excess of 1 million", "in excess of |1 million=1000000 more_than"},
      {"more than a million", "more than |a million=1000000 more_than"},
      {"about 500,000", "about |500,000=500000 about"},
      {"some 200,000", "some |200,000=200000 about"},
      {"nearly 1 million", "nearly |1 million=1000000 about"},
      {"almost 3 million", "almost |3 million=3000000 about"},
      {"around two million", "around |two million=2000000 about"},
      {"approximately 1.2 million", "approximately |1.2 million=1200000 about"},
      {"approx. 2 million", "approx. |2 million=2000000 about"},
      {"an estimated 3 million", "an estimated |3 million=3000000 about"},
      {"up to 1 million", "up to |1 million=1000000 about"},
      {"as many as 5 million", "as many as |5 million=5000000 about"},
      {"at least 1 million", "at least |1 million=1000000 at_least"},
      {"no fewer than 2 million", "no fewer than |2 million=2000000 at_least"},
      {"a minimum of 1 million", "a minimum of |1 million=1000000 at_least"},
      {"fewer than 100,000", "fewer than |100,000=100000 less_than"},
      {"less than 5 million", "less than |5 million=5000000 less_than"},
      {"just under 1 million", "just under |1 million=1000000 less_than"},
      {"no more than 500,000", "no more than |500,000=500000 less_than"},
      {"under 1 million", "under |1 million=1000000 less_than"},
      {"handed over 1 million doses", "1 million=1000000"},
      {"more than half", ""},
  });
}

TEST_CASE("French numbers", "[nlp][number_reader]") {
  CheckAll("fr", {
      {"450\u00a0000 doses", "450\u00a0000=450000"},
      {"450\u202f000 doses", "450\u202f000=450000"},
      {"450 000 doses", "450 000=450000"},
      {"1 000 000 000 de doses", "1 000 000 000=1000000000"},
      {"450\u202f000,5", "450\u202f000,5=450000.5"},
      {"1,5 million", "1,5 million=1500000"},
      {"1,2 milliard", "1,2 milliard=1200000000"},
      {"2 milliards", "2 milliards=2000000000"},
      {"1 billion", "1 billion=1000000000000"},
      {"1.000 doses", "1.000=1000"},
      {"deux millions", "deux millions=2000000"},
      {"un million", "un million=1000000"},
      {"vingt-cinq mille", "vingt-cinq mille=25000"},
      {"cent mille", "cent mille=100000"},
      {"mille doses", "mille=1000"},
      {"deux cents", "deux cents=200"},
      {"deux cent mille", "deux cent mille=200000"},
      {"cent un", "cent un=101"},
      {"dix-sept", "dix-sept=17"},
      {"vingt et un", "vingt et un=21"},
      {"vingt-et-un", "vingt-et-un=21"},
      {"soixante-dix", "soixante-dix=70"},
      {"soixante et onze", "soixante et onze=71"},
      {"soixante-dix-sept", "soixante-dix-sept=77"},
      {"quatre-vingts", "quatre-vingts=80"},
      {"quatre-vingt-un", "quatre-vingt-un=81"},
      {"quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf=99"},
      {"septante", "septante=70"},
      {"nonante-neuf", "nonante-neuf=99"},
      {"deux mille vingt et un", "deux mille vingt et un=2021"},
      {"deux millions cinq cent mille", "deux millions cinq cent mille=2500000"},
      {"mille deux cents", "mille deux cents=1200"},
      {"un million et demi", "un million et demi=1500000"},
      {"un demi-million", "un demi-million=500000"},
      {"Sept pays", "Sept=7"},
      {"3m", "3=3"},
  });
}

TEST_CASE("French words that look like numbers and are not, and approximators", "[nlp][number_reader]") {
  CheckAll("fr", {
      {"un vaccin", ""},
      {"une dose", ""},
      {"50 pour cent", "50=50"},
      {"le 1er janvier", ""},
      {"la 2e dose", ""},
      {"des millions de doses", ""},
      {"plus de 2 millions", "plus de |2 millions=2000000 more_than"},
      {"Plus de 2 millions", "Plus de |2 millions=2000000 more_than"},
      {"plus d'un million", "plus d'|un million=1000000 more_than"},
      {"plus d\u2019un million", "plus d\u2019|un million=1000000 more_than"},
      {"plus d'1 million", "plus d'|1 million=1000000 more_than"},
      {"au-delà de 2 millions", "au-delà de |2 millions=2000000 more_than"},
      {"environ 500 000", "environ |500 000=500000 about"},
      {"près de 1 million", "près de |1 million=1000000 about"},
      {"près d'un million", "près d'|un million=1000000 about"},
      {"à peu près 300 000", "à peu près |300 000=300000 about"},
      {"de l'ordre de 2 millions", "de l'ordre de |2 millions=2000000 about"},
      {"jusqu'à 1 million", "jusqu'à |1 million=1000000 about"},
      {"quelque 200 000", "quelque |200 000=200000 about"},
      {"au moins 1 million", "au moins |1 million=1000000 at_least"},
      {"pas moins de 1 million", "pas moins de |1 million=1000000 at_least"},
      {"moins de 100 000", "moins de |100 000=100000 less_than"},
      {"moins d'un million", "moins d'|un million=1000000 less_than"},
      {"pas plus de 100 000", "pas plus de |100 000=100000 less_than"},
  });
}

TEST_CASE("a document of unknown language: separators guessed per number", "[nlp][number_reader]") {
  CheckAll("", {
      {"1,500", "1,500=1500"},
      {"1.500", "1.500=1500"},
      {"350,000 doses", "350,000=350000"},
      {"500.000 liều", "500.000=500000"},
      {"1.05", "1.05=1.05"},
      {"1,5", "1,5=1.5"},
      {"1,5 million", "1,5 million=1500000"},
      {"1.500 million", "1.500 million=1500000"},
      {"1,234.5", "1,234.5=1234.5"},
      {"1.234,5", "1.234,5=1234.5"},
      {"1.000.000", "1.000.000=1000000"},
      {"1,000,000", "1,000,000=1000000"},
      {"450 000", "450 000=450000"},
      {"450 000,5", "450 000,5=450000.5"},
      {"1,05 triệu", "1,05 triệu=1050000"},
      {"1.500 triệu", "1.500 triệu=1500000000"},
      {"3m", "3m=3000000"},
      {"2021", "2021=2021"},
      {"1.2.3", ""},
  });
  // Other language codes are unknown too; regional variants are their language.
  CHECK(Describe("1.500", FindNumbers("1.500", "de")) == "1.500=1500");
  CHECK(Describe("1.500", FindNumbers("1.500", "en-GB")) == "1.500=1.5");
  CHECK(Describe("1.500", FindNumbers("1.500", "VI")) == "1.500=1500");
}

TEST_CASE("spans are byte offsets into the text, after multi-byte characters too", "[nlp][number_reader]") {
  struct SpanCase {
    const char* text;
    const char* language;
    std::size_t span_start, span_end, number_start, number_end;
  };
  const SpanCase cases[] = {
      {"Việt Nam nhận hơn 25 triệu liều", "vi", 18, 33, 23, 33},
      {"Đến ngày 27/4/2021, Việt Nam mới có 320 nghìn liều", "vi", 45, 55, 45, 55},
      {"Cuba đã chuyển giao 1,05 triệu liều Abdala", "vi", 24, 36, 24, 36},
      {"La France a livré près d\u2019un million de doses", "fr", 19, 39, 29, 39},
      {"Thủ tướng nói: “Hai mươi triệu liều”", "vi", 24, 42, 24, 42},
      {"Déjà 450\u202f000 doses", "fr", 7, 16, 7, 16},
  };
  for (const SpanCase& c : cases) {
    INFO(c.text);
    const std::vector<NumberMention> found = FindNumbers(c.text, c.language);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span == Span{c.span_start, c.span_end});
    CHECK(found[0].number == Span{c.number_start, c.number_end});
  }
}

TEST_CASE("mentions come in text order and never overlap", "[nlp][number_reader]") {
  const std::string text =
      "Tính đến nay Việt Nam đã tiếp nhận hơn 258 triệu liều, trong đó 1,05 triệu liều Abdala, khoảng "
      "hai mươi triệu liều Pfizer và ít nhất 500.000 liều Moderna (ngày 13/8/2021, Công văn 4521/BNG-LT).";
  const std::vector<NumberMention> found = FindNumbers(text, "vi");
  CHECK(Describe(text, found) ==
        "hơn |258 triệu=258000000 more_than ; 1,05 triệu=1050000 ; khoảng |hai mươi triệu=20000000 about ; "
        "ít nhất |500.000=500000 at_least");
  for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i - 1].span.end <= found[i].span.start);
}

// --- Robustness: these must finish and give sane output; no timing is asserted. ---

// The first mention that breaks an invariant every output must keep, whatever the input, or "" when none
// does: in order, not overlapping, the number inside the span and ending it, within the text, in range.
std::string FirstInsane(std::string_view text, const std::vector<NumberMention>& found) {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const NumberMention& m = found[i];
    const bool sane = m.span.start >= previous_end && m.span.start <= m.number.start &&
                      m.number.start < m.number.end && m.number.end == m.span.end && m.span.end <= text.size() &&
                      m.value >= 0 && m.value <= 1e15;
    if (!sane) return "mention " + std::to_string(i) + " at byte " + std::to_string(m.span.start);
    previous_end = m.span.end;
  }
  return "";
}

void CheckSane(std::string_view text, const std::vector<NumberMention>& found) {
  CHECK(FirstInsane(text, found).empty());
}

TEST_CASE("invalid UTF-8 is safe", "[nlp][number_reader]") {
  const std::string cases[] = {
      std::string("hơn 25 triệu \xff\xfe liều"),
      std::string("\xe1\xbb"),                        // a truncated "ệ"
      std::string("25 tri\xe1\xbb"),                  // truncated inside a scale word
      std::string("h\xc6\xa1n\xc0\x80 2 tri\xe1\xbb\x87u"),   // an overlong NUL
      std::string("\xed\xa0\x80 1.000 \xf4\x90\x80\x80"),    // a surrogate, a code point above U+10FFFF
      std::string("1,\xff" "05 triệu"),
      std::string("\x80\x80\x80 5 \xc3"),
      std::string(1, '\0') + "12" + std::string(1, '\0'),
  };
  for (const std::string& text : cases) {
    for (const char* language : {"vi", "en", "fr", ""}) {
      CheckSane(text, FindNumbers(text, language));
    }
  }
  CHECK(Describe(cases[0], FindNumbers(cases[0], "vi")) == "hơn |25 triệu=25000000 more_than");
  CHECK(Describe(cases[4], FindNumbers(cases[4], "vi")) == "1.000=1000");
}

TEST_CASE("random bytes are safe", "[nlp][number_reader]") {
  // Bytes drawn mostly from the characters numbers are made of, so the scanner's paths all run.
  const std::string alphabet[] = {"1", "2", "0", "5", ".", ",", " ", "\u00a0", "\u202f", "/", "-", ":", "'",
                                  "triệu", "hơn", "hai", "mươi", "năm", "rưỡi", "million", "a", "and", "half",
                                  "plus", "de", "d", "un", "mille", "et", "demi", "\xff", "\xe1", "\n", "bn",
                                  "k", "m", "th", "H", "COVID"};
  std::uint64_t state = 42;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 200; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text += alphabet[(state >> 33) % std::size(alphabet)];
    }
    for (const char* language : {"vi", "en", "fr", ""}) CheckSane(text, FindNumbers(text, language));
  }
}

TEST_CASE("a 5 MB single line is read", "[nlp][number_reader]") {
  const std::string sentence = "Việt Nam đã tiếp nhận hơn 25 triệu liều vaccine, trong đó 1,05 triệu liều Abdala; ";
  std::string text;
  while (text.size() < 5 * 1024 * 1024) text += sentence;
  const std::vector<NumberMention> found = FindNumbers(text, "vi");
  CheckSane(text, found);
  const std::size_t sentences = text.size() / sentence.size();
  REQUIRE(found.size() == 2 * sentences);
  CHECK(found.back().value == 1050000);
  CHECK(found[found.size() - 2].approx == Approx::kMoreThan);
}

TEST_CASE("digits everywhere", "[nlp][number_reader]") {
  std::string text;
  for (int i = 0; text.size() < 1024 * 1024; ++i) text += std::to_string(i % 10) + " ";
  for (const char* language : {"vi", "en", "fr", ""}) {
    INFO(language);
    const std::vector<NumberMention> found = FindNumbers(text, language);
    CheckSane(text, found);
    CHECK(found.size() == text.size() / 2);
    CHECK(found[7].value == 7);
  }
  // Groups of three joined by spaces in French: one number per 16 digits would pass 1e15, so none at all.
  std::string groups;
  while (groups.size() < 1024 * 1024) groups += "123 ";
  const std::vector<NumberMention> grouped = FindNumbers(groups, "fr");
  CheckSane(groups, grouped);
  CHECK(grouped.empty());
}

TEST_CASE("long digit runs and values above 1e15 are skipped", "[nlp][number_reader]") {
  const std::string run(1024 * 1024, '7');
  CHECK(FindNumbers(run, "vi").empty());
  CHECK(FindNumbers("1234567890123456789 liều", "en").empty());
  CHECK(FindNumbers("1.000.000.000 tỷ", "vi").empty());          // 10^18
  CHECK(FindNumbers("một nghìn tỷ tỷ", "vi").size() <= 1);
  CHECK(Describe("999.999 tỷ", FindNumbers("999.999 tỷ", "vi")) == "999.999 tỷ=999999000000000");
  CHECK(Describe("1000000000000000", FindNumbers("1000000000000000", "en")) == "1000000000000000=1e+15");
  CHECK(FindNumbers("1000000000000001", "en").empty());
  // Leading zeros and long decimals are fine.
  CHECK(Describe("0000000000000000000000005", FindNumbers("0000000000000000000000005", "en")) ==
        "0000000000000000000000005=5");
  const std::string decimals = "0," + std::string(100000, '0') + "1 triệu";
  const std::vector<NumberMention> tiny = FindNumbers(decimals, "vi");
  CheckSane(decimals, tiny);
  REQUIRE(tiny.size() == 1);
  CHECK(tiny[0].value == 0);

  // Half a megabyte of one glued run is still one run, and not a number.
  std::string dotted = "1";
  while (dotted.size() < 512 * 1024) dotted += ".1";
  CHECK(FindNumbers(dotted, "vi").empty());
  std::string hyphens = "1";
  while (hyphens.size() < 512 * 1024) hyphens += "-1";
  CHECK(FindNumbers(hyphens, "en").empty());
  // Past a million tokens without a break the reader cuts the run to bound its memory; the output stays sane.
  std::string glued;
  while (glued.size() < 5 * 1024 * 1024) glued += "a.1-";
  for (const char* language : {"vi", "en", "fr", ""}) CheckSane(glued, FindNumbers(glued, language));
  std::string words;
  while (words.size() < 1024 * 1024) words += "hai mươi triệu triệu nghìn tỷ rưỡi ";
  CheckSane(words, FindNumbers(words, "vi"));
  std::string scales = "1";
  while (scales.size() < 1024 * 1024) scales += " nghìn";
  CHECK(FindNumbers(scales, "vi").size() == 1);
}

TEST_CASE("empty and trivial texts", "[nlp][number_reader]") {
  CHECK(FindNumbers("", "vi").empty());
  CHECK(FindNumbers(" ", "en").empty());
  CHECK(FindNumbers("triệu", "vi").empty());
  CHECK(FindNumbers("hơn", "vi").empty());
  CHECK(FindNumbers("-", "vi").empty());
  CHECK(Describe("0", FindNumbers("0", "vi")) == "0=0");
  CHECK(Describe("7", FindNumbers("7", "fr")) == "7=7");
}

}  // namespace
}  // namespace dipdoc
