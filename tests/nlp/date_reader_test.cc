#include "nlp/date_reader.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dipdoc {
namespace {

// Every date as `value "span"`, joined by " | ": "2021-08-13 "ngày 13/8/2021" | 2021 "năm 2021"".
std::string Print(std::string_view text, const std::optional<std::string>& document_date) {
  std::string out;
  for (const DateMention& date : FindDates(text, document_date)) {
    if (!out.empty()) out += " | ";
    out += date.value + " \"" + std::string(date.span.In(text)) + "\"";
  }
  return out;
}

struct Case {
  const char* text;
  const char* document_date;   // nullptr: none
  const char* expected;
};

void Check(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    INFO("text: " << c->text << "\ndocument date: " << (c->document_date ? c->document_date : "none"));
    const std::optional<std::string> document_date =
        c->document_date ? std::optional<std::string>(c->document_date) : std::nullopt;
    CHECK(Print(c->text, document_date) == c->expected);
  }
}

#define CHECK_CASES(cases) Check(std::begin(cases), std::end(cases))

TEST_CASE("Vietnamese absolute dates are read at their own grain", "[nlp][date_reader]") {
  const Case cases[] = {
      {"Quyết định số 1399/QĐ-TTg ngày 13/8/2021 thành lập Tổ công tác", nullptr, "2021-08-13 \"ngày 13/8/2021\""},
      {"Hà Nội, 13/08/2021", nullptr, "2021-08-13 \"13/08/2021\""},
      {"Hà Nội, ngày 05 tháng 10 năm 2021", nullptr, "2021-10-05 \"ngày 05 tháng 10 năm 2021\""},
      {"ký ngày 15 tháng 9 năm 2021.", nullptr, "2021-09-15 \"ngày 15 tháng 9 năm 2021\""},
      {"15 tháng 9 năm 2021", nullptr, "2021-09-15 \"15 tháng 9 năm 2021\""},
      {"vào 15 tháng 9, 2021 tại Hà Nội", nullptr, "2021-09-15 \"15 tháng 9, 2021\""},
      {"Đến tháng 11/2021, tốc độ tiêm", nullptr, "2021-11 \"tháng 11/2021\""},
      {"trong tháng 8 năm 2021", nullptr, "2021-08 \"tháng 8 năm 2021\""},
      {"tháng 8-2021", nullptr, "2021-08 \"tháng 8-2021\""},
      {"từ tháng Tám năm 2021", nullptr, "2021-08 \"tháng Tám năm 2021\""},
      {"tháng tám năm 2021", nullptr, "2021-08 \"tháng tám năm 2021\""},
      {"tháng Mười Một năm 2021", nullptr, "2021-11 \"tháng Mười Một năm 2021\""},
      {"tháng Giêng năm 2022", nullptr, "2022-01 \"tháng Giêng năm 2022\""},
      {"tháng Chạp năm 2021", nullptr, "2021-12 \"tháng Chạp năm 2021\""},
      {"tháng Năm năm 2021", nullptr, "2021-05 \"tháng Năm năm 2021\""},
      {"trong quý IV/2021", nullptr, "2021-Q4 \"quý IV/2021\""},
      {"trong quý 4/2021", nullptr, "2021-Q4 \"quý 4/2021\""},
      {"cho từng đợt trong quý IV năm 2021 để", nullptr, "2021-Q4 \"quý IV năm 2021\""},
      {"trong qúy III năm 2021", nullptr, "2021-Q3 \"qúy III năm 2021\""},
      {"trong quí IV/2021", nullptr, "2021-Q4 \"quí IV/2021\""},
      {"QUÝ II/2022", nullptr, "2022-Q2 \"QUÝ II/2022\""},
      {"trong quý III và quý IV năm 2021", nullptr, "2021-Q3 \"quý III\" | 2021-Q4 \"quý IV năm 2021\""},
      {"quý cuối năm 2021", nullptr, "2021-Q4 \"quý cuối năm 2021\""},
      {"đã ký trong năm 2021.", nullptr, "2021 \"năm 2021\""},
      {"từ năm 2022 trở đi", nullptr, "2022 \"năm 2022\""},
      {"cuối năm 2021", nullptr, "2021 \"cuối năm 2021\""},
      {"Trong nửa đầu năm 2021, Việt Nam", nullptr, "2021 \"nửa đầu năm 2021\""},
      {"đầu tháng 10/2021", nullptr, "2021-10 \"đầu tháng 10/2021\""},
      {"trung tuần tháng 9/2021", nullptr, "2021-09 \"trung tuần tháng 9/2021\""},
      {"giai đoạn năm 2021-2022", nullptr, "2021 \"năm 2021\" | 2022 \"2022\""},
      {"năm 2020 và năm 2021", nullptr, "2020 \"năm 2020\" | 2021 \"năm 2021\""},
      {"tháng 8, 9 và 10/2021", nullptr, "2021-08 \"tháng 8\" | 2021-09 \"9\" | 2021-10 \"10/2021\""},
      {"NGHỊ QUYẾT 84/NQ-CP NGÀY 29/5/2020 CỦA CHÍNH PHỦ", nullptr, "2020-05-29 \"NGÀY 29/5/2020\""},
      {"Chiều tối 30/11/2022, tại Trụ sở", nullptr, "2022-11-30 \"30/11/2022\""},
      {"Sau hai ngày làm việc (5 - 6/11/2025)", nullptr, "2025-11-06 \"6/11/2025\""},
      {"mùng 2 tháng 9 năm 2021", nullptr, "2021-09-02 \"mùng 2 tháng 9 năm 2021\""},
      {"13.08.2021 và 13-08-2021", nullptr, "2021-08-13 \"13.08.2021\" | 2021-08-13 \"13-08-2021\""},
      {"THÁNG 8 NĂM 2021", nullptr, "2021-08 \"THÁNG 8 NĂM 2021\""},
      {"\xC3\x90\xE1\xBA\xA7u năm 2022", nullptr, "2022 \"\xC3\x90\xE1\xBA\xA7u năm 2022\""},   // Ð (U+00D0) for Đ
      {"trong quý I/2022 và quý II/2022", nullptr, "2022-Q1 \"quý I/2022\" | 2022-Q2 \"quý II/2022\""},
      {"trong quý 1 năm 2022", nullptr, "2022-Q1 \"quý 1 năm 2022\""},
      {"tháng Tư năm 2021", nullptr, "2021-04 \"tháng Tư năm 2021\""},
      {"tháng năm 2021", nullptr, "2021 \"năm 2021\""},
      {"hồi tháng 7/2021, theo Nghị quyết số 21/NQ-CP ngày 26/2/2021", nullptr,
       "2021-07 \"tháng 7/2021\" | 2021-02-26 \"ngày 26/2/2021\""},
      {"Thứ Tư, 25/08/2021 16:20 (GMT+7)", nullptr, "2021-08-25 \"25/08/2021\""},
      {"12/2021", nullptr, "2021-12 \"12/2021\""},
      {"ngày 15 và 16/9/2021", nullptr, "2021-09-15 \"ngày 15\" | 2021-09-16 \"16/9/2021\""},
      {"Ngày 13/8 vừa qua và ngày 20/2 tới", "2021-10-15",
       "2021-08-13 \"Ngày 13/8 vừa qua\" | 2022-02-20 \"ngày 20/2 tới\""},
      {"Các tháng 10, 11 và 12 năm 2021", nullptr,
       "2021-10 \"tháng 10\" | 2021-11 \"11\" | 2021-12 \"12 năm 2021\""},
      {"Ngày 2-9 là Quốc khánh", "2021-08-25", "2021-09-02 \"Ngày 2-9\""},
      {"ngày 30-4-1975 và ngày 30-4-2021", nullptr, "2021-04-30 \"ngày 30-4-2021\""},
      {"Thứ Hai, 13/9, Bộ trưởng tiếp", "2021-09-15", "2021-09-13 \"13/9\""},
      {"Chủ nhật 12/9", "2021-09-15", "2021-09-12 \"12/9\""},
      {"ngày 5-6/11/2021", nullptr, "2021-11-05 \"ngày 5\" | 2021-11-06 \"6/11/2021\""},
      {"ngày 6, 7 và 8 tháng 10 năm 2021", nullptr,
       "2021-10-06 \"ngày 6\" | 2021-10-07 \"7\" | 2021-10-08 \"8 tháng 10 năm 2021\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("Vietnamese relative dates resolve against the document's date", "[nlp][date_reader]") {
  const Case cases[] = {
      {"giao một phần ngay trong tháng 12 năm nay", "2021-08-17", "2021-12 \"tháng 12 năm nay\""},
      {"đặc biệt trong tháng 8 và tháng 9 tới đây.", "2021-08-16",
       "2021-08 \"tháng 8\" | 2021-09 \"tháng 9 tới đây\""},
      {"trong tháng 2 và tháng 3 tới", "2021-11-20", "2022-02 \"tháng 2\" | 2022-03 \"tháng 3 tới\""},
      {"trong tháng 1 sắp tới", "2021-12-01", "2022-01 \"tháng 1 sắp tới\""},
      {"trong tháng 10 vừa qua", "2022-02-10", "2021-10 \"tháng 10 vừa qua\""},
      {"trong quý III", "2021-08-16", "2021-Q3 \"quý III\""},
      {"trong quý I tới", "2021-10-05", "2022-Q1 \"quý I tới\""},
      {"quý IV năm nay", "2021-10-05", "2021-Q4 \"quý IV năm nay\""},
      {"quý tới", "2021-11-05", "2022-Q1 \"quý tới\""},
      {"trong năm nay", "2021-08-16", "2021 \"năm nay\""},
      {"năm sau", "2021-08-16", "2022 \"năm sau\""},
      {"trong năm tới", "2021-08-16", "2022 \"năm tới\""},
      {"năm ngoái", "2021-08-16", "2020 \"năm ngoái\""},
      {"so với năm trước", "2021-08-16", "2020 \"năm trước\""},
      {"tháng tới", "2021-12-16", "2022-01 \"tháng tới\""},
      {"vào tháng sau", "2021-08-16", "2021-09 \"tháng sau\""},
      {"tháng trước", "2021-01-16", "2020-12 \"tháng trước\""},
      {"chiều ngày 16/8, tại Trụ sở Bộ", "2021-08-16", "2021-08-16 \"ngày 16/8\""},
      {"trước ngày 20/9", "2021-08-16", "2021-09-20 \"ngày 20/9\""},
      {"Chiều 22/3, đã diễn ra", "2021", "2021-03-22 \"22/3\""},
      {"sáng nay (13/8), 30 máy thở", "2021-08-13", "2021-08-13 \"13/8\""},
      {"từ ngày 31/10 - 3/11, Thủ tướng", "2021-11-05", "2021-10-31 \"ngày 31/10\" | 2021-11-03 \"3/11\""},
      {"từ ngày 15/8 đến 20/9", "2021-08-01", "2021-08-15 \"ngày 15/8\" | 2021-09-20 \"20/9\""},
      {"cuối tháng này", "2021-10-05", "2021-10 \"cuối tháng này\""},
      {"cuối tháng", "2021-10-05", "2021-10 \"cuối tháng\""},
      {"từ nay đến cuối năm đối với các nước", "2021-08-16", "2021 \"cuối năm\""},
      {"6 tháng đầu năm", "2021-07-12", "2021 \"đầu năm\""},
      {"tháng 8 năm ngoái", "2021-08-16", "2020-08 \"tháng 8 năm ngoái\""},
      {"ngày 20/9 năm nay", "2021-08-16", "2021-09-20 \"ngày 20/9 năm nay\""},
      {"Trong tháng 12 có 12 quốc gia", "2021", "2021-12 \"tháng 12\""},
      {"tháng 8 tới", "2021", "2021-08 \"tháng 8 tới\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("English dates", "[nlp][date_reader]") {
  const Case cases[] = {
      {"Date/time: 20 August 2021, 15:00-16:15", nullptr, "2021-08-20 \"20 August 2021\""},
      {"on 30 September 2021", nullptr, "2021-09-30 \"30 September 2021\""},
      {"on the 30th of September, 2021", nullptr, "2021-09-30 \"30th of September, 2021\""},
      {"September 30, 2021", nullptr, "2021-09-30 \"September 30, 2021\""},
      {"by Sept. 30 at the latest", "2021-08-20", "2021-09-30 \"Sept. 30\""},
      {"by the end of October 2021", nullptr, "2021-10 \"end of October 2021\""},
      {"in October 2021", nullptr, "2021-10 \"October 2021\""},
      {"scheduled to arrive in September 2021, in two shipments", nullptr, "2021-09 \"September 2021\""},
      {"planned for the fourth quarter to September and October 2021", "2021-08-20",
       "2021-Q4 \"fourth quarter\" | 2021-09 \"September\" | 2021-10 \"October 2021\""},
      {"a follow-up meeting in early September 2021.", nullptr, "2021-09 \"early September 2021\""},
      {"in the fourth quarter of 2021", nullptr, "2021-Q4 \"fourth quarter of 2021\""},
      {"Q4 2021 and Q1/2022", nullptr, "2021-Q4 \"Q4 2021\" | 2022-Q1 \"Q1/2022\""},
      {"to be delivered in 2021", nullptr, "2021 \"2021\""},
      {"later this year", "2021-08-20", "2021 \"later this year\""},
      {"next year", "2021-08-20", "2022 \"next year\""},
      {"last year", "2021-08-20", "2020 \"last year\""},
      {"by the end of the year", "2021-08-20", "2021 \"end of the year\""},
      {"next month", "2021-12-20", "2022-01 \"next month\""},
      {"the ISO date 2021-09-30 appears", nullptr, "2021-09-30 \"2021-09-30\""},
      {"dated 30/09/2021", nullptr, "2021-09-30 \"30/09/2021\""},
      {"dated 09/30/2021", nullptr, "2021-09-30 \"09/30/2021\""},
      {"in September", "2021-08-20", "2021-09 \"September\""},
      {"next September", "2021-10-20", "2022-09 \"next September\""},
      {"mid-2022", nullptr, "2022 \"mid-2022\""},
      {"in the first half of 2022", nullptr, "2022 \"first half of 2022\""},
      {"in 2021 and 2022", nullptr, "2021 \"2021\" | 2022 \"2022\""},
      {"between 2021 and 2023", nullptr, "2021 \"2021\" | 2023 \"2023\""},
      {"from October to December 2021 and into 2022", nullptr,
       "2021-10 \"October\" | 2021-12 \"December 2021\" | 2022 \"2022\""},
      {"As of September 30, 2,000,000 doses", "2021-10-15", "2021-09-30 \"September 30\""},
      {"by year-end", "2021-08-20", "2021 \"year-end\""},
      {"third and fourth quarters of 2021", nullptr, "2021-Q3 \"third\" | 2021-Q4 \"fourth quarters of 2021\""},
      {"MINUTES, 3 NOVEMBER 2021", nullptr, "2021-11-03 \"3 NOVEMBER 2021\""},
      {"in the final quarter of 2021", nullptr, "2021-Q4 \"final quarter of 2021\""},
      {"the last quarter of 2021", nullptr, "2021-Q4 \"last quarter of 2021\""},
      {"next quarter", "2021-11-03", "2022-Q1 \"next quarter\""},
      {"on 15 October between", "2021-10-21", "2021-10-15 \"15 October\""},
      {"Since the start of the year", "2021-10-21", "2021 \"start of the year\""},
      {"since mid-September", "2021-10-21", "2021-09 \"mid-September\""},
      {"the year 2021", nullptr, "2021 \"year 2021\""},
      {"Jan 2022 and Dec", "2021", "2022-01 \"Jan 2022\""},
      {"on October 1st, 2021", nullptr, "2021-10-01 \"October 1st, 2021\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("French dates", "[nlp][date_reader]") {
  const Case cases[] = {
      {"Paris, le 18 novembre 2021", nullptr, "2021-11-18 \"18 novembre 2021\""},
      {"le 1er décembre 2021", nullptr, "2021-12-01 \"1er décembre 2021\""},
      {"en novembre 2021", nullptr, "2021-11 \"novembre 2021\""},
      {"d'ici fin octobre 2021", nullptr, "2021-10 \"fin octobre 2021\""},
      {"au quatrième trimestre 2021", nullptr, "2021-Q4 \"quatrième trimestre 2021\""},
      {"au 4e trimestre 2021", nullptr, "2021-Q4 \"4e trimestre 2021\""},
      {"au premier trimestre de l'année prochaine", "2021-10-14", "2022-Q1 \"premier trimestre de l'année prochaine\""},
      {"en 2021", nullptr, "2021 \"2021\""},
      {"cette année", "2021-10-14", "2021 \"cette année\""},
      {"l'année prochaine", "2021-10-14", "2022 \"l'année prochaine\""},
      {"l'an dernier", "2021-10-14", "2020 \"l'an dernier\""},
      {"le mois prochain", "2021-10-14", "2021-11 \"mois prochain\""},
      {"ce mois-ci", "2021-10-14", "2021-10 \"ce mois-ci\""},
      {"d'ici la fin de l'année", "2021-10-14", "2021 \"fin de l'année\""},
      {"un lot arrivé au début du mois d'octobre.", "2021-10-14", "2021-10 \"début du mois d'octobre\""},
      {"en octobre prochain", "2021-11-14", "2022-10 \"octobre prochain\""},
      {"le 18 novembre", "2021-10-14", "2021-11-18 \"18 novembre\""},
      {"mi-octobre", "2021-09-14", "2021-10 \"mi-octobre\""},
      {"jusqu’en 2022", nullptr, "2022 \"2022\""},
      {"signé le 3 mars dernier et livré en mars", "2021-10-15",
       "2021-03-03 \"3 mars dernier\" | 2021-03 \"mars\""},
      {"livrées les 6 et 13 novembre 2021.", nullptr, "2021-11-06 \"6\" | 2021-11-13 \"13 novembre 2021\""},
      {"les livraisons pour le dernier trimestre.", "2021-09-07", "2021-Q4 \"dernier trimestre\""},
      {"au dernier trimestre 2021", nullptr, "2021-Q4 \"dernier trimestre 2021\""},
      {"le trimestre dernier", "2021-09-07", "2021-Q2 \"trimestre dernier\""},
      {"avant la fin du mois de décembre 2021", nullptr, "2021-12 \"fin du mois de décembre 2021\""},
      {"Depuis le mois de mai, l'UNICEF", "2021-11-16", "2021-05 \"mois de mai\""},
      {"en Mai 2021 et Mars 2022", nullptr, "2021-05 \"Mai 2021\""},
      {"l'année 2020", nullptr, "2020 \"l'année 2020\""},
      {"l'année a été difficile", "2021", ""},
      {"du 6 au 13 novembre 2021", nullptr, "2021-11-06 \"6\" | 2021-11-13 \"13 novembre 2021\""},
      {"livraison en fin d'année", "2021-10-14", "2021 \"fin d'année\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("numbers that are not dates are skipped", "[nlp][date_reader]") {
  const Case cases[] = {
      {"Số: 4521/BNG-LT", "2021-10-05", ""},
      {"theo Nghị định số 12/2021/NĐ-CP", "2021-10-05", ""},
      {"Số 12/2021", "2021-10-05", ""},
      {"Thông tư 12/2021 của Bộ Y tế", "2021-10-05", ""},
      {"N° 276/ĐSQ-CT", "2021-10-05", ""},
      {"1,05 triệu liều vaccine phòng COVID-19", "2021-10-05", ""},
      {"trẻ em từ 12 đến 17 tuổi", "2021-10-05", ""},
      {"trong 12 ngày 12 đến 17 tuổi", "2021-10-05", ""},
      {"ngày 15, các nước", "2021-10-05", ""},
      {"lúc 10:30 sáng", "2021-10-05", ""},
      {"1/2 số liều và 3/4 dân số", "2021-10-05", ""},
      {"Thứ hai, 2/3 số liều và phía Nhật 1/2 số còn lại", "2021-10-05", ""},
      {"tỷ số 2-1", "2021-10-05", ""},
      {"điện thoại 024.3799.2021 hoặc +84 24 3799 2021", "2021-10-05", ""},
      {"2021 liều vaccine", "2021-10-05", ""},
      {"31/2/2021 và 15/13/2021", "2021-10-05", ""},
      {"ngày 31 tháng 2 năm 2021", "2021-10-05", ""},
      {"năm 1945 và năm 2150", "2021-10-05", ""},
      {"29/5/1960", "2021-10-05", ""},
      {"Quý Văn phòng và Quý Công ty", "2021-10-05", ""},
      {"kéo dài 3 tháng 6 ngày", "2021-10-05", ""},
      {"trong hai năm tới và những tháng tới", "2021-10-05", ""},
      {"5 năm trước", "2021-10-05", ""},
      {"năm sau đó", "2021-10-05", ""},
      {"mỗi tháng một lần", "2021-10-05", ""},
      {"Thứ năm: Phối hợp", "2021-10-05", ""},
      {"cách đây hơn một năm, Chính phủ", "2021-10-05", ""},
      {"cuối năm học", "2021-10-05", ""},
      {"từ tháng 8 tới nay", "2021-10-05", "2021-08 \"tháng 8\""},
      {"you may come in May", "2021-10-05", "2021-05 \"May\""},
      {"in march, we march", "2021-10-05", ""},
      {"Quận Q1, TP HCM", "2021-10-05", ""},
      {"the last quarter", "2021-10-05", ""},
      {"chị Mai 2021", "2021-10-05", ""},
      {"version 1.2.3 and COVID-2019", "2021-10-05", ""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("relative dates need the document's date", "[nlp][date_reader]") {
  const Case cases[] = {
      {"tháng 12 năm nay, năm 2021", nullptr, "2021 \"năm 2021\""},
      {"ngày 20/9 và next year", nullptr, ""},
      {"tháng tới", "2021", ""},
      {"quý này", "2021", ""},
      {"trong năm nay", "2021", "2021 \"năm nay\""},
      {"tháng 12", "not a date", ""},
      {"tháng 12", "2021-13-01", ""},
      {"tháng 12", "2021-10", "2021-12 \"tháng 12\""},
      {"ngày 29/2", "2021-01-01", ""},
      {"ngày 29/2", "2020-01-01", "2020-02-29 \"ngày 29/2\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("spans are byte offsets into the text", "[nlp][date_reader]") {
  const std::string text = "Hà Nội, ngày 13/8/2021: Đức sẽ giao trong quý IV năm nay.";
  const std::vector<DateMention> dates = FindDates(text, std::string("2021-08-13"));
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].value == "2021-08-13");
  CHECK(dates[0].span == Span{11, 26});   // "Hà Nội, " is 11 bytes, "ngày 13/8/2021" 15
  CHECK(dates[0].span.In(text) == "ngày 13/8/2021");
  CHECK(dates[1].value == "2021-Q4");
  CHECK(dates[1].span.In(text) == "quý IV năm nay");
  CHECK(dates[1].span.start == text.find("quý"));

  const std::string english = "Viet Nam’s request: by the end of October 2021.";
  const std::vector<DateMention> end = FindDates(english, std::nullopt);
  REQUIRE(end.size() == 1);
  CHECK(end[0].span == Span{english.find("end"), english.size() - 1});

  const std::string french = "Grâce à la France, d’ici fin octobre 2021";
  const std::vector<DateMention> fin = FindDates(french, std::nullopt);
  REQUIRE(fin.size() == 1);
  CHECK(fin[0].span.start == french.find("fin"));
  CHECK(fin[0].span.end == french.size());
}

TEST_CASE("a date is never read across a line break", "[nlp][date_reader]") {
  const Case cases[] = {
      {"2. Deliveries in September\n3. Request from the Vietnamese side", "2021-08-20", "2021-09 \"September\""},
      {"trong tháng\n8 năm 2021", nullptr, "2021 \"năm 2021\""},
      {"ngày 13/8\n/2021", "2021-08-01", "2021-08-13 \"ngày 13/8\""},
  };
  CHECK_CASES(cases);
}

TEST_CASE("dates are found in text order without overlapping", "[nlp][date_reader]") {
  const std::string text =
      "Theo hợp đồng ký ngày 05/10/2021, Pfizer giao 31 triệu liều trong năm 2021, 20 triệu liều trong quý IV "
      "và phần còn lại trước tháng 3/2022.";
  const std::vector<DateMention> dates = FindDates(text, std::string("2021-10-05"));
  REQUIRE(dates.size() == 4);
  for (std::size_t k = 1; k < dates.size(); ++k) CHECK(dates[k - 1].span.end <= dates[k].span.start);
  CHECK(dates[0].value == "2021-10-05");
  CHECK(dates[1].value == "2021");
  CHECK(dates[2].value == "2021-Q4");
  CHECK(dates[3].value == "2022-03");
}

TEST_CASE("any bytes are safe and the reader stays linear", "[nlp][date_reader]") {
  SECTION("invalid UTF-8") {
    const std::string text = "ng\xC3\xA0y 13/8/2021 \xFF\xFE th\xE1ng 8/2021 \xE1\x80 qu\xC3 IV/2021 \xF4\x90\x80\x80";
    const std::vector<DateMention> dates = FindDates(text, std::string("2021"));
    REQUIRE(dates.size() == 2);
    CHECK(dates[0].value == "2021-08-13");
    CHECK(dates[1].value == "2021-08");   // "th\xE1ng" is no word: "8/2021" is read alone
    for (const DateMention& d : dates) CHECK(d.span.end <= text.size());
  }
  SECTION("every byte value") {
    std::string text;
    for (int round = 0; round < 4; ++round) {
      for (int b = 0; b < 256; ++b) text += static_cast<char>(b);
    }
    text += "ngày 1/1/2021";
    const std::vector<DateMention> dates = FindDates(text, std::string("2021"));
    REQUIRE_FALSE(dates.empty());
    CHECK(dates.back().value == "2021-01-01");
  }
  SECTION("a 5 MB single line") {
    const std::string sentence = "Bộ Ngoại giao đề nghị giao 1,05 triệu liều trong quý IV/2021 ";
    std::string text;
    while (text.size() < 5'000'000) text += sentence;
    const std::vector<DateMention> dates = FindDates(text, std::string("2021-10-05"));
    CHECK(dates.size() == text.size() / sentence.size());
    CHECK(dates.back().value == "2021-Q4");
  }
  SECTION("a 5 MB word and a 5 MB run of glued date words") {
    CHECK(FindDates(std::string(5'000'000, 'a'), std::string("2021")).empty());
    std::string glued;
    while (glued.size() < 5'000'000) glued += "ngàytháng8/2021quýIV";
    CHECK(FindDates(glued, std::string("2021")).empty());
  }
  SECTION("1 MB of 1/1/1/1") {
    std::string text;
    while (text.size() < 1'000'000) text += "1/";
    text += "1";
    CHECK(FindDates(text, std::string("2021")).empty());
  }
  SECTION("digits everywhere") {
    std::string text(1'000'000, '7');
    CHECK(FindDates(text, std::string("2021")).empty());
    std::string mixed;
    while (mixed.size() < 1'000'000) mixed += "12 2021 13/8 8/2021 năm 2021 tháng 13 quý 5 ";
    CHECK_FALSE(FindDates(mixed, std::string("2021")).empty());
  }
  SECTION("a long list") {
    std::string text = "tháng 1";
    for (int k = 0; k < 100'000; ++k) text += ", tháng " + std::to_string(k % 12 + 1);
    text += " năm 2021";
    CHECK(FindDates(text, std::string("2021")).size() == 100'001);
  }
}

}  // namespace
}  // namespace dipdoc
