#include "nlp/name_finder.h"

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "nlp/embedded_data.h"
#include "test_util.h"

namespace Catch {
template <>
struct StringMaker<dipdoc::Span> {
  static std::string convert(const dipdoc::Span& span) {
    return "[" + std::to_string(span.start) + "," + std::to_string(span.end) + ")";
  }
};
}  // namespace Catch

namespace dipdoc {
namespace {

// Every match as `ID[name as written]`, vaccines as `vaccine:ID[...]`, in text order.
std::string Names(std::string_view text, const NameFinder& finder = NameFinder::Default()) {
  std::string out;
  for (const NameMatch& match : finder.Find(text)) {
    if (!out.empty()) out += ' ';
    if (match.what == NameKind::kVaccine) out += "vaccine:";
    out += std::string(match.id) + "[" + std::string(match.span.In(text)) + "]";
  }
  return out;
}

struct Case {
  const char* text;
  const char* names;
};

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Names(c.text) == c.names);
  }
}

TEST_CASE("countries are found in their Vietnamese names, short forms and transliterations", "[nlp][name_finder]") {
  CheckAll({
      {"Hoa Kỳ và Mỹ", "US[Hoa Kỳ] US[Mỹ]"},
      {"Nhật Bản và Nhật", "JP[Nhật Bản] JP[Nhật]"},
      {"Liên bang Nga hay Nga", "RU[Liên bang Nga] RU[Nga]"},
      {"Vương quốc Anh", "GB[Vương quốc Anh]"},
      {"Thụy Sĩ, Thụy Sỹ, Thuỵ Sĩ", "CH[Thụy Sĩ] CH[Thụy Sỹ] CH[Thuỵ Sĩ]"},
      {"Hàn Quốc, Trung Quốc, Ấn Độ", "KR[Hàn Quốc] CN[Trung Quốc] IN[Ấn Độ]"},
      {"cảm ơn Đức, Pháp, Ý, I-ta-li-a và Italy", "DE[Đức] FR[Pháp] IT[Ý] IT[I-ta-li-a] IT[Italy]"},
      {"Hung-ga-ri, Hungary, Ba Lan, Séc, Bỉ, Hà Lan",
       "HU[Hung-ga-ri] HU[Hungary] PL[Ba Lan] CZ[Séc] BE[Bỉ] NL[Hà Lan]"},
      {"Cộng hòa Liên bang Đức, CHLB Đức, Cộng hòa Séc", "DE[Cộng hòa Liên bang Đức] DE[CHLB Đức] CZ[Cộng hòa Séc]"},
      {"Ô-xtrây-li-a, Niu Di-lân, Ca-na-đa, Bra-xin, Ác-hen-ti-na",
       "AU[Ô-xtrây-li-a] NZ[Niu Di-lân] CA[Ca-na-đa] BR[Bra-xin] AR[Ác-hen-ti-na]"},
      {"Ru-ma-ni, Xlô-va-ki-a, Na Uy, Thụy Điển, Đan Mạch, Ai-len, I-xra-en, Cô-oét, Ca-ta",
       "RO[Ru-ma-ni] SK[Xlô-va-ki-a] NO[Na Uy] SE[Thụy Điển] DK[Đan Mạch] IE[Ai-len] IL[I-xra-en] KW[Cô-oét] "
       "QA[Ca-ta]"},
      // The same names without hyphens.
      {"Ô xtrây li a, Niu Di lân, Ca na đa, Xlô va ki a, Hung ga ri",
       "AU[Ô xtrây li a] NZ[Niu Di lân] CA[Ca na đa] SK[Xlô va ki a] HU[Hung ga ri]"},
      {"Lào, Cam-pu-chia, Thái Lan, Xin-ga-po, In-đô-nê-xi-a, Ma-lai-xi-a, Phi-líp-pin, Mi-an-ma, Bru-nây",
       "LA[Lào] KH[Cam-pu-chia] TH[Thái Lan] SG[Xin-ga-po] ID[In-đô-nê-xi-a] MY[Ma-lai-xi-a] PH[Phi-líp-pin] "
       "MM[Mi-an-ma] BN[Bru-nây]"},
      {"Mông Cổ, Ca-dắc-xtan, Cu-ba, Thổ Nhĩ Kỳ, Các Tiểu vương quốc Ả-rập Thống nhất, Ả-rập Xê-út",
       "MN[Mông Cổ] KZ[Ca-dắc-xtan] CU[Cu-ba] TR[Thổ Nhĩ Kỳ] AE[Các Tiểu vương quốc Ả-rập Thống nhất] SA[Ả-rập Xê-út]"},
      {"Úc, Áo, Tây Ban Nha, Bồ Đào Nha, Hy Lạp, Phần Lan, Nam Phi",
       "AU[Úc] AT[Áo] ES[Tây Ban Nha] PT[Bồ Đào Nha] GR[Hy Lạp] FI[Phần Lan] ZA[Nam Phi]"},
  });
}

TEST_CASE("countries are found in English and French, adjectives only before or after their nouns",
          "[nlp][name_finder]") {
  CheckAll({
      {"United States, U.S., USA and America", "US[United States] US[U.S.] US[USA] US[America]"},
      {"the British have donated; the British Government and UK, Britain",
       "GB[the British] GB[British] GB[UK] GB[Britain]"},
      {"the Japanese Government, the Australian Embassy, Spanish doses", "JP[Japanese] AU[Australian] ES[Spanish]"},
      {"la France, les États-Unis, Royaume-Uni, Japon, Allemagne, Belgique, le Canada, Pays-Bas, la Chine",
       "FR[France] US[États-Unis] GB[Royaume-Uni] JP[Japon] DE[Allemagne] BE[Belgique] CA[Canada] NL[Pays-Bas] "
       "CN[Chine]"},
      {"a remercié le gouvernement canadien et le peuple japonais", "CA[canadien] JP[japonais]"},
      {"South Korea, Republic of Korea, Czech Republic, New Zealand, United Arab Emirates, Saudi Arabia",
       "KR[South Korea] KR[Republic of Korea] CZ[Czech Republic] NZ[New Zealand] AE[United Arab Emirates] "
       "SA[Saudi Arabia]"},
      {"Corée du Sud, Nouvelle-Zélande, Émirats arabes unis, Koweït",
       "KR[Corée du Sud] NZ[Nouvelle-Zélande] AE[Émirats arabes unis] KW[Koweït]"},
  });
}

TEST_CASE("organisations are found in every language", "[nlp][name_finder]") {
  CheckAll({
      {"Tổ chức Y tế Thế giới (WHO), OMS", "who[Tổ chức Y tế Thế giới] who[WHO] who[OMS]"},
      {"Quỹ Nhi đồng Liên hợp quốc (UNICEF)", "unicef[Quỹ Nhi đồng Liên hợp quốc] unicef[UNICEF]"},
      {"qua cơ chế COVAX, the COVAX Facility, le mécanisme COVAX",
       "covax[cơ chế COVAX] covax[COVAX Facility] covax[mécanisme COVAX]"},
      {"Liên minh châu Âu, EU, Union européenne, l'UE", "eu[Liên minh châu Âu] eu[EU] eu[Union européenne] eu[UE]"},
      {"Liên hợp quốc, Liên Hiệp Quốc, United Nations, ONU",
       "un[Liên hợp quốc] un[Liên Hiệp Quốc] un[United Nations] un[ONU]"},
      {"ASEAN, Ngân hàng Thế giới, World Bank, Gavi, CEPI",
       "asean[ASEAN] worldbank[Ngân hàng Thế giới] worldbank[World Bank] gavi[Gavi] cepi[CEPI]"},
      {"Liên minh Vaccine toàn cầu (Gavi), Tổ chức Di cư Quốc tế (IOM)",
       "gavi[Liên minh Vaccine toàn cầu] gavi[Gavi] iom[Tổ chức Di cư Quốc tế] iom[IOM]"},
  });
}

TEST_CASE("companies and vaccines are found, a company named like its vaccine as both", "[nlp][name_finder]") {
  CheckAll({
      {"Pfizer", "pfizer[Pfizer] vaccine:pfizer[Pfizer]"},
      {"vắc-xin AstraZeneca", "astrazeneca[AstraZeneca] vaccine:astrazeneca[AstraZeneca]"},
      {"vaccine Moderna, Sinopharm, Sinovac, Novavax, Janssen",
       "moderna[Moderna] vaccine:moderna[Moderna] sinopharm[Sinopharm] vaccine:sinopharm[Sinopharm] "
       "sinovac[Sinovac] vaccine:sinovac[Sinovac] novavax[Novavax] vaccine:novavax[Novavax] "
       "janssen[Janssen] vaccine:janssen[Janssen]"},
      {"Johnson & Johnson, J&J",
       "janssen[Johnson & Johnson] vaccine:janssen[Johnson & Johnson] janssen[J&J] vaccine:janssen[J&J]"},
      {"Pfizer-BioNTech", "pfizer[Pfizer-BioNTech] biontech[Pfizer-BioNTech] vaccine:pfizer[Pfizer-BioNTech]"},
      {"Gamaleya, RDIF, Quỹ Đầu tư Trực tiếp Nga",
       "gamaleya[Gamaleya] rdif[RDIF] rdif[Quỹ Đầu tư Trực tiếp Nga] RU[Quỹ Đầu tư Trực tiếp Nga]"},
      {"Bharat Biotech, Serum Institute of India",
       "bharat[Bharat Biotech] serum-institute[Serum Institute of India] IN[Serum Institute of India]"},
      {"CIGB, Trung tâm Kỹ thuật Di truyền và Công nghệ Sinh học Cuba, Viện Finlay",
       "cigb[CIGB] cigb[Trung tâm Kỹ thuật Di truyền và Công nghệ Sinh học Cuba] "
       "CU[Trung tâm Kỹ thuật Di truyền và Công nghệ Sinh học Cuba] finlay[Viện Finlay]"},
      {"Merck, MSD, CureVac, Medigen", "merck[Merck] merck[MSD] curevac[CureVac] medigen[Medigen]"},
      {"Comirnaty, Vaxzevria, Covishield, Spikevax",
       "vaccine:pfizer[Comirnaty] vaccine:astrazeneca[Vaxzevria] vaccine:astrazeneca[Covishield] "
       "vaccine:moderna[Spikevax]"},
      {"Sputnik V, Sputnik Light, Vero Cell, CoronaVac",
       "vaccine:sputnik-v[Sputnik V] vaccine:sputnik-light[Sputnik Light] vaccine:sinopharm[Vero Cell] "
       "vaccine:sinovac[CoronaVac]"},
      {"Abdala, Soberana 02, Covaxin, Nanocovax, Hayat-Vax, Hayat Vax",
       "vaccine:abdala[Abdala] vaccine:soberana[Soberana 02] vaccine:covaxin[Covaxin] vaccine:nanocovax[Nanocovax] "
       "vaccine:hayat-vax[Hayat-Vax] vaccine:hayat-vax[Hayat Vax]"},
  });
}

TEST_CASE("spans are byte offsets of the name as written", "[nlp][name_finder]") {
  SECTION("after multi-byte Vietnamese text") {
    const std::string text = "Ngày 16/8, Đại sứ quán Nhật Bản trao tặng";
    const std::vector<NameMatch> matches = NameFinder::Default().Find(text);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].span == Span{30, 42});
    CHECK(matches[0].id == "JP");
    CHECK(matches[0].partner_kind == "country");
  }
  SECTION("a hyphenated transliteration covers its hyphens, and nothing after it") {
    const std::string text = "Chính phủ Ô-xtrây-li-a, đã";
    const std::vector<NameMatch> matches = NameFinder::Default().Find(text);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].span == Span{13, 27});
    CHECK(matches[0].span.In(text) == "Ô-xtrây-li-a");
  }
  SECTION("a company and its vaccine share one span") {
    const std::string text = "Lô vắc-xin Pfizer đầu tiên";
    const std::vector<NameMatch> matches = NameFinder::Default().Find(text);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].what == NameKind::kPartner);
    CHECK(matches[0].partner_kind == "company");
    CHECK(matches[1].what == NameKind::kVaccine);
    CHECK(matches[1].partner_kind.empty());
    CHECK(matches[0].span == Span{14, 20});
    CHECK(matches[1].span == matches[0].span);
  }
  SECTION("several names in one Vietnamese sentence") {
    const std::string text = "Đức và Thụy Sỹ trao tặng qua cơ chế COVAX; “Hoa Kỳ”";
    const std::vector<NameMatch> matches = NameFinder::Default().Find(text);
    REQUIRE(matches.size() == 4);
    CHECK(matches[0].span == Span{0, 6});
    CHECK(matches[1].span == Span{11, 22});
    CHECK(matches[2].span.In(text) == "cơ chế COVAX");
    CHECK(matches[2].span.start == text.find("cơ chế"));
    CHECK(matches[3].span.In(text) == "Hoa Kỳ");
  }
  SECTION("U.S. keeps its last full stop, Tổng thống Nga only Nga") {
    const std::string text = "aid from the U.S. Tổng thống Nga Vladimir Putin";
    CHECK(Names(text) == "US[U.S.] RU[Nga]");
    CHECK(NameFinder::Default().Find(text)[1].span == Span{text.find("Nga"), text.find("Nga") + 3});
  }
}

TEST_CASE("Anh is the United Kingdom only where the context says so", "[nlp][name_finder]") {
  CheckAll({
      // The pronoun and the given name.
      {"anh ấy cho biết", ""},
      {"Anh ấy cho biết", ""},
      {"Anh cho biết sẽ gửi thêm", ""},
      {"“Anh có thể cho biết?”", ""},
      {"ông Nguyễn Văn Anh và chị Anh", ""},
      {"Anh Tuấn gặp Tuấn Anh. (Ảnh: Tuấn Anh)", ""},
      {"Ms. Anh and Mr Anh; M. Anh", ""},
      {"NGUYỄN VĂN ANH", ""},
      // Words that begin with "anh", and the English language.
      {"danh hiệu Anh hùng Lao động, anh em", ""},
      {"tiếng Anh, bảng Anh", ""},
      // The country.
      {"Vương quốc Anh", "GB[Vương quốc Anh]"},
      {"nước Anh, Chính phủ Anh, Đại sứ Anh, phía Anh, người Anh", "GB[Anh] GB[Anh] GB[Anh] GB[Anh] GB[Anh]"},
      {"Anh và Việt Nam ký kết", "GB[Anh]"},
      {"Anh, Pháp, Đức cam kết", "GB[Anh] FR[Pháp] DE[Đức]"},
      {"Anh - Pháp", "GB[Anh] FR[Pháp]"},
      {"là lô vaccine đầu tiên Anh chia sẻ", "GB[Anh]"},
      {"Phía Anh: Đại sứ Anh tại Việt Nam", "GB[Anh] GB[Anh]"},
      {"KỲ GIAO HÀNG DO PHÍA ANH THÔNG BÁO SAU", "GB[ANH]"},
      {"Thủ tướng Anh Boris Johnson", "GB[Anh]"},
  });
}

TEST_CASE("false friends are not partners", "[nlp][name_finder]") {
  CheckAll({
      {"Việt Nam và Nam Phi ở miền Nam", "ZA[Nam Phi]"},
      {"Ấn tượng về Ấn Độ, không phải Ấn Độ Dương", "IN[Ấn Độ]"},
      {"mỹ phẩm, thẩm mỹ, Mỹ phẩm, Thẩm Mỹ viện, châu Mỹ, Vụ Châu Mỹ, Mỹ Latinh", ""},
      {"Mỹ đã trao tặng, người Mỹ", "US[Mỹ] US[Mỹ]"},
      {"cập nhật, nhật ký, Nhật ký, Cập Nhật", ""},
      {"pháp luật, biện pháp, giải pháp, Pháp luật, Pháp lý, Biện Pháp", ""},
      {"Nguyễn Minh Đức, Đức Giang, Phó Thủ tướng Vũ Đức Đam, Hoàng Đức Anh, đạo đức", ""},
      {"Đức đã trao tặng, Chính phủ Đức", "DE[Đức] DE[Đức]"},
      {"trả bằng séc, Séc du lịch", ""},
      {"ý kiến, Ý kiến, ý nghĩa, lưu ý, LƯU Ý: Ý KIẾN CHỈ ĐẠO", ""},
      {"Ý và Pháp, Chính phủ Ý", "IT[Ý] FR[Pháp] IT[Ý]"},
      {"chị Nga, Lê Thị Nga, Thu Nga cho biết", ""},
      {"Nga luôn coi Việt Nam là đối tác", "RU[Nga]"},
      {"tỉnh Lào Cai", ""},
      {"bạn bè Lào", "LA[Lào]"},
      {"áo dài, Áo khoác, bỉ ổi", ""},
      {"a roast turkey on china plates; let us go", ""},
      {"Turkey and China", "TR[Turkey] CN[China]"},
      {"Japanese encephalitis vaccine; viêm não Nhật Bản", ""},
      {"US$ 23 million, 23 triệu đô la Mỹ, 500 millions de yens, 10 millions de dollars canadiens", ""},
      {"Latin America, Amérique latine, the French version, un lot de doses", ""},
      {"the British Museum", ""},
  });
}

TEST_CASE("Viet Nam and Vietnamese bodies are never partners", "[nlp][name_finder]") {
  CheckAll({
      {"Việt Nam, Chính phủ Việt Nam, Bộ Y tế, Bộ Ngoại giao", ""},
      {"VNVC, Vabiotech, Nanogen, IVAC, Polyvac", ""},
      {"Viet Nam, Vietnam, the Vietnamese Government, le Viet Nam, République socialiste du Viet Nam", ""},
      {"Đại sứ quán Việt Nam tại Nhật Bản", "JP[Nhật Bản]"},
      {"vắc-xin Nanocovax của Nanogen", "vaccine:nanocovax[Nanocovax]"},
  });
}

TEST_CASE("tone-mark placement, decomposed text and look-alike letters do not matter", "[nlp][name_finder]") {
  CheckAll({
      {"Thuỵ Điển", "SE[Thuỵ Điển]"},
      {"Thu\xCC\xA3y Si\xCC\x83", "CH[Thu\xCC\xA3y Si\xCC\x83]"},  // NFD
      {"Cộng hòa Liên bang \xC3\x90\xE1\xBB\xA9\x63", "DE[Cộng hòa Liên bang \xC3\x90\xE1\xBB\xA9\x63]"},  // Ð (U+00D0)
      {"HOA KỲ, NHẬT BẢN, LIÊN MINH CHÂU ÂU", "US[HOA KỲ] JP[NHẬT BẢN] eu[LIÊN MINH CHÂU ÂU]"},
      {"tổ chức y tế thế giới", "who[tổ chức y tế thế giới]"},
  });
}

TEST_CASE("PartnerKind gives the contract's kind of an id", "[nlp][name_finder]") {
  const NameFinder& finder = NameFinder::Default();
  CHECK(finder.PartnerKind("JP") == "country");
  CHECK(finder.PartnerKind("covax") == "organisation");
  CHECK(finder.PartnerKind("pfizer") == "company");
  CHECK(finder.PartnerKind("rdif") == "fund");
  CHECK(finder.PartnerKind("serum-institute") == "company");
  CHECK(finder.PartnerKind("nobody").empty());
  CHECK(finder.PartnerKind("").empty());
}

TEST_CASE("a finder reads gazetteer text: variants, blocks, flags, shared rows", "[nlp][name_finder]") {
  const NameFinder finder({"# comment\n"
                           "Foo Bar|Foo-Baz\tFB\n"
                           "Foo\tFO\tcap\n"
                           "Foo Qux\t-\n"
                           "Acme\tacme\n"
                           "!kind\tacme\tcompany\n"},
                          {"Acme|Acme Shot\tacme-shot\r\n"});
  CHECK(Names("Foo Bar, foo baz, Foo, foo, Foo Qux", finder) == "FB[Foo Bar] FB[foo baz] FO[Foo]");
  CHECK(Names("Acme Shot and Acme", finder) == "vaccine:acme-shot[Acme Shot] acme[Acme] vaccine:acme-shot[Acme]");
  CHECK(finder.PartnerKind("acme") == "company");
  CHECK(finder.PartnerKind("FB") == "country");
}

TEST_CASE("malformed gazetteer rows are refused with their line", "[nlp][name_finder]") {
  const auto refuses = [](std::string_view partners, std::string_view vaccines, const std::string& where) {
    INFO(partners);
    try {
      NameFinder finder({partners}, {vaccines});
      FAIL("accepted");
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(e.what(), Catch::Contains(where));
    }
  };
  refuses("# ok\nJapan\n", "", "partners[0]:2");
  refuses("Japan\tJapan\n", "", "bad id");
  refuses("Japan\tJP\tshouty\n", "", "unknown flag");
  refuses("!nope\tword\n", "", "unknown directive");
  refuses("!cue\ttwo words\n", "", "one word");
  refuses("Acme\tacme\n", "", "no !kind row for partner acme");
  refuses("", "Shot\tSHOT\n", "vaccines[0]:1");
}

// The gazetteers' ids are the contract's: countries by ISO code, slugs and vaccines from ../shared/contract.
TEST_CASE("every gazetteer id is one of the contract's", "[nlp][name_finder]") {
  const std::filesystem::path contract = std::filesystem::path(DIPDOC_SHARED_DIR) / "contract";
  if (!std::filesystem::exists(contract / "partners.tsv")) {
    WARN("no ../shared/contract: skipped");
    return;
  }
  const auto first_column = [](const std::string& bytes) {
    std::set<std::string> ids;
    std::istringstream in(bytes);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') ids.insert(line.substr(0, line.find('\t')));
    }
    return ids;
  };
  const std::set<std::string> partners = first_column(testing::ReadFileBytes(contract / "partners.tsv"));
  const std::set<std::string> vaccines = first_column(testing::ReadFileBytes(contract / "vaccines.tsv"));
  const auto ids_of = [](std::string_view file) {
    std::set<std::string> ids;
    std::istringstream in{std::string(file)};
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.find('\t');
      if (line[0] == '!') {
        if (line.starts_with("!kind\t")) ids.insert(line.substr(6, line.find('\t', 6) - 6));
        continue;
      }
      const std::size_t end = line.find('\t', tab + 1);
      ids.insert(line.substr(tab + 1, end == std::string::npos ? std::string::npos : end - tab - 1));
    }
    return ids;
  };
  for (std::string_view file : {data::kPartnersVi, data::kPartnersEn, data::kPartnersFr}) {
    for (const std::string& id : ids_of(file)) {
      INFO(id);
      const bool country =
          id.size() == 2 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      CHECK((country || id == "-" || partners.contains(id)));
    }
  }
  for (const std::string& id : ids_of(data::kVaccines)) {
    INFO(id);
    CHECK(vaccines.contains(id));
  }
  // And every contract slug and vaccine has a name.
  std::set<std::string> named;
  for (std::string_view file : {data::kPartnersVi, data::kPartnersEn, data::kPartnersFr, data::kVaccines}) {
    for (const std::string& id : ids_of(file)) named.insert(id);
  }
  for (const std::string& id : partners) {
    INFO(id);
    CHECK(named.contains(id));
  }
  for (const std::string& id : vaccines) {
    INFO(id);
    CHECK(named.contains(id));
  }
}

TEST_CASE("any text is safe: empty, invalid UTF-8, huge lines, huge words", "[nlp][name_finder]") {
  const NameFinder& finder = NameFinder::Default();
  CHECK(finder.Find("").empty());
  CHECK(finder.Find("   \n\t ").empty());

  SECTION("invalid UTF-8 ends a name but not the search") {
    const std::string text = "\xFF\xFENh\xE1\xBA\xADt B\xE1\xBA\xA3n \xC3 Hoa \x80Kỳ \xE1\xBA Cuba\xF0\x9F";
    CHECK(Names(text) == "JP[Nhật Bản] CU[Cuba]");
  }
  SECTION("a 5 MB single line") {
    std::string text;
    const std::string unit = "Chính phủ Nhật Bản đã trao tặng vắc-xin AstraZeneca qua cơ chế COVAX; ";
    while (text.size() < 5'000'000) text += unit;
    const std::size_t units = text.size() / unit.size();
    const std::vector<NameMatch> matches = finder.Find(text);
    REQUIRE(matches.size() == units * 4);
    CHECK(matches.back().span.In(text) == "cơ chế COVAX");
    CHECK(matches.back().span.end == text.size() - 2);
  }
  SECTION("a 5 MB word, and 5 MB of punctuation") {
    CHECK(finder.Find(std::string(5'000'000, 'a')).empty());
    CHECK(finder.Find(std::string(5'000'000, '.')).empty());
    CHECK(Names(std::string(1'000'000, 'x') + " Cuba") == "CU[Cuba]");
  }
}

// The gold set in corpora/expected/ (the project's documents and the seeds, written by hand): each document's
// text names exactly its `partners`, and none of its `not_partners` (the false friends in that text).
TEST_CASE("the corpus gold set: every partner found, no false friend", "[nlp][name_finder]") {
  for (const testing::ExpectedDocument& document : testing::ExpectedDocuments()) {
    INFO("document: " << document.name);
    const rapidjson::Document expected = testing::ReadExpectations(document);
    if (!expected.HasMember("partners")) continue;
    const Document loaded = testing::LoadExpectedSource(document);
    const auto ids = [](const rapidjson::Value& list) {
      std::set<std::string> out;
      for (const auto& id : list.GetArray()) out.emplace(id.GetString());
      return out;
    };
    const std::set<std::string> partners = ids(expected["partners"]);
    const std::set<std::string> not_partners =
        expected.HasMember("not_partners") ? ids(expected["not_partners"]) : std::set<std::string>();
    std::set<std::string> found;
    for (const NameMatch& match : NameFinder::Default().Find(loaded.text)) {
      if (match.what == NameKind::kPartner) found.emplace(match.id);
    }
    for (const std::string& id : partners) {
      INFO("partner not found: " << id);
      CHECK(found.contains(id));
    }
    for (const std::string& id : found) {
      INFO("found, but not a partner of this text: " << id);
      CHECK(partners.contains(id));
      CHECK_FALSE(not_partners.contains(id));
    }
  }
}

}  // namespace
}  // namespace dipdoc
