// Follow-up letters: the language's forms, figures and dates written its way, every figure cited, the
// ledger's conflicts kept out of the letter; and `dipdoc draft` end to end.

#include <catch2/catch.hpp>

#include <string>

#include "query/letter_draft.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using Catch::Contains;

LedgerEntry Entry(std::string id, LedgerRole role, std::int64_t doses, std::string vaccine, std::string date,
                  std::string source, std::string sentence) {
  LedgerEntry entry;
  entry.id = std::move(id);
  entry.role = role;
  entry.row.commitment.partner = "CU";
  entry.row.commitment.doses = doses;
  entry.row.commitment.vaccine = std::move(vaccine);
  entry.row.date = std::move(date);
  entry.row.source = std::move(source);
  entry.row.doc_id = entry.id.substr(0, entry.id.find(':'));
  entry.row.sentence = std::move(sentence);
  return entry;
}

// Cuba: 1,050,000 doses handed over; 10,000,000 bought, due in the fourth quarter (not yet due); 5,000,000
// promised for the third quarter, 3,000,000 of them still missing (overdue).
PartnerLedger CubaLedger() {
  PartnerLedger ledger;
  ledger.partner = "CU";
  LedgerEntry delivered = Entry("aaaa000000000001:10", LedgerRole::kDelivery, 1050000, "abdala", "2021-09-25",
                                "corpora/documents/news_vi_cuba_2021-09-25.txt",
                                "Cuba bàn giao 1,05 triệu liều vaccine Abdala.");
  delivered.row.commitment.kind = CommitmentKind::kDonation;
  delivered.row.commitment.status = CommitmentStatus::kDelivered;
  delivered.delivered = 1050000;
  LedgerEntry bought = Entry("bbbb000000000002:0", LedgerRole::kPromise, 10000000, "abdala", "2021-09-20",
                             "letters/letter_vi_cuba_2021-09-20.txt", "Việt Nam ký hợp đồng mua 10 triệu liều Abdala.");
  bought.row.commitment.kind = CommitmentKind::kPurchase;
  bought.row.commitment.status = CommitmentStatus::kSigned;
  bought.row.commitment.due = "2021-Q4";
  bought.committed = 10000000;
  bought.remaining = 10000000;
  LedgerEntry late = Entry("cccc000000000003:42", LedgerRole::kPromise, 5000000, "soberana", "2021-06-05",
                           "notes/call_note_2021-06-05.txt", "Cuba promised 5 million doses of Soberana 02 by September.");
  late.row.commitment.kind = CommitmentKind::kDonation;
  late.row.commitment.due = "2021-09";
  late.committed = 5000000;
  late.remaining = 3000000;
  late.overdue = 3000000;
  ledger.entries = {late, bought, delivered};
  ledger.committed = 16050000;
  ledger.delivered = 3050000;
  ledger.outstanding = 13000000;
  ledger.overdue = 3000000;
  return ledger;
}

std::string Draft(const PartnerLedger& ledger, std::string language, std::string format = "txt") {
  DraftOptions options;
  options.language = std::move(language);
  options.format = std::move(format);
  options.date = "2026-11-22";
  Result<std::string> letter = DraftLetter(ledger, options);
  INFO((letter.ok() ? std::string() : letter.status().message()));
  REQUIRE(letter.ok());
  return letter.value();
}

// Every cited sentence, its file and doc id appear in the sources list, after the letter.
void CheckSources(const std::string& letter, const PartnerLedger& ledger, const std::string& heading) {
  const std::size_t sources = letter.find(heading);
  REQUIRE(sources != std::string::npos);
  for (const LedgerEntry& entry : ledger.entries) {
    INFO(entry.row.source);
    CHECK(letter.find(entry.row.source, sources) != std::string::npos);
    CHECK(letter.find(entry.row.sentence, sources) != std::string::npos);
    CHECK(letter.find(entry.row.doc_id, sources) != std::string::npos);
  }
}

TEST_CASE("a Vietnamese draft is a công văn with figures and dates written the Vietnamese way", "[draft]") {
  const PartnerLedger ledger = CubaLedger();
  const std::string letter = Draft(ledger, "vi");
  INFO(letter);
  for (const char* form : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BỘ NGOẠI GIAO",
                           "Số: .../BNG-", "V/v: ", "Hà Nội, ngày 22 tháng 11 năm 2026",
                           "Kính gửi: Đại sứ quán Cộng hòa Cuba tại Việt Nam",
                           "Bộ Ngoại giao nhân dịp này xin gửi tới Đại sứ quán Cộng hòa Cuba tại Việt Nam lời chào trân trọng",
                           "Nơi nhận:", "- Như trên;", "KT. BỘ TRƯỞNG"}) {
    CHECK_THAT(letter, Contains(form));
  }
  CHECK_THAT(letter, Contains("1.050.000 liều vắc-xin Abdala (ghi nhận ngày 25 tháng 9 năm 2021) [1]"));
  CHECK_THAT(letter, Contains("10.000.000 liều vắc-xin Abdala theo hợp đồng nêu tại văn bản ngày 20 tháng 9 năm 2021 "
                              "(letter_vi_cuba_2021-09-20.txt) [3], dự kiến bàn giao trong quý IV năm 2021"));
  CHECK_THAT(letter, Contains("còn 3.000.000 liều chưa được bàn giao [2]"));
  CHECK_THAT(letter, Contains("đã quá thời hạn bàn giao"));
  CHECK_THAT(letter, Contains("3.000.000 liều vắc-xin Soberana 02, theo tiến độ phải bàn giao trong tháng 9 năm 2021 [2]"));
  CheckSources(letter, ledger, "NGUỒN TRÍCH DẪN");
  CHECK_THAT(letter, Contains("[2] notes/call_note_2021-06-05.txt, văn bản ngày 5 tháng 6 năm 2021, mã văn bản cccc000000000003"));
  CHECK(letter.find('#') == std::string::npos);
  CHECK(letter.find("**") == std::string::npos);
  CHECK(letter.find("GHI CHÚ CHO NGƯỜI SOẠN THẢO") == std::string::npos);  // no conflicts
}

TEST_CASE("an English draft is a note verbale", "[draft]") {
  const PartnerLedger ledger = CubaLedger();
  const std::string letter = Draft(ledger, "en");
  INFO(letter);
  CHECK_THAT(letter, Contains("The Ministry of Foreign Affairs of the Socialist Republic of Viet Nam presents its "
                              "compliments to the Embassy of the Republic of Cuba in Viet Nam and has the honour to"));
  CHECK_THAT(letter, Contains("avails itself of this opportunity to renew to the Embassy of the Republic of Cuba in "
                              "Viet Nam the assurances of its highest consideration."));
  CHECK_THAT(letter, Contains("Hanoi, 22 November 2026"));
  CHECK_THAT(letter, Contains("1,050,000 doses of the Abdala vaccine, reported on 25 September 2021 [1]"));
  CHECK_THAT(letter, Contains("10,000,000 doses of the Abdala vaccine, under the contract recorded in the document of "
                              "20 September 2021 (letter_vi_cuba_2021-09-20.txt) [3], for delivery in the fourth "
                              "quarter of 2021"));
  CHECK_THAT(letter, Contains("of which 3,000,000 doses remain to be delivered [2]"));
  CHECK_THAT(letter, Contains("at the earliest possible date"));
  CHECK_THAT(letter, Contains("3,000,000 doses of the Soberana 02 vaccine, due for delivery in September 2021 [2]"));
  CheckSources(letter, ledger, "SOURCES");
  CHECK(letter.find('#') == std::string::npos);
}

TEST_CASE("a French draft is a note verbale with narrow no-break spaces in figures", "[draft]") {
  const PartnerLedger ledger = CubaLedger();
  const std::string letter = Draft(ledger, "fr");
  INFO(letter);
  CHECK_THAT(letter, Contains("Le Ministère des Affaires étrangères de la République socialiste du Viet Nam présente "
                              "ses compliments à l'Ambassade de Cuba au Viet Nam et a l'honneur de"));
  CHECK_THAT(letter, Contains("saisit cette occasion pour renouveler à l'Ambassade de Cuba au Viet Nam les assurances "
                              "de sa très haute considération."));
  CHECK_THAT(letter, Contains("Hanoï, le 22 novembre 2026"));
  CHECK_THAT(letter, Contains("1\u202F050\u202F000 doses du vaccin Abdala, livraison signalée le 25 septembre 2021 [1]"));
  CHECK_THAT(letter, Contains("10\u202F000\u202F000 doses du vaccin Abdala, au titre du contrat consigné dans le "
                              "document du 20 septembre 2021 (letter_vi_cuba_2021-09-20.txt) [3], à livrer au "
                              "quatrième trimestre 2021"));
  CHECK_THAT(letter, Contains("dont 3\u202F000\u202F000 doses restent à livrer [2]"));
  CHECK_THAT(letter, Contains("dans les meilleurs délais"));
  CHECK_THAT(letter, Contains("qui devaient être livrées en septembre 2021 [2]"));
  CheckSources(letter, ledger, "SOURCES");
  CHECK(letter.find("1,050,000") == std::string::npos);
}

TEST_CASE("the overdue ask appears only when something is overdue", "[draft]") {
  PartnerLedger ledger = CubaLedger();
  ledger.entries.front().overdue = 0;
  ledger.overdue = 0;
  CHECK(Draft(ledger, "vi").find("đã quá thời hạn bàn giao") == std::string::npos);
  CHECK(Draft(ledger, "en").find("at the earliest possible date") == std::string::npos);
  CHECK(Draft(ledger, "fr").find("dans les meilleurs délais") == std::string::npos);
  // Still recalled as outstanding.
  CHECK_THAT(Draft(ledger, "en"), Contains("of which 3,000,000 doses remain to be delivered [2]"));
}

TEST_CASE("a Markdown draft has headings, emphasis and footnotes; plain text has none", "[draft]") {
  const PartnerLedger ledger = CubaLedger();
  for (const char* language : {"vi", "en", "fr"}) {
    INFO(language);
    const std::string md = Draft(ledger, language, "md");
    const std::string txt = Draft(ledger, language, "txt");
    CHECK(md.starts_with("# "));
    CHECK_THAT(md, Contains("\n## "));
    CHECK_THAT(md, Contains("**"));
    CHECK_THAT(md, Contains("[^1]"));
    CHECK_THAT(md, Contains("\n[^2]: notes/call_note_2021-06-05.txt"));
    CHECK(md.find(" [1]") == std::string::npos);
    CHECK(txt.find('#') == std::string::npos);
    CHECK(txt.find("**") == std::string::npos);
    CHECK(txt.find("[^") == std::string::npos);
    CHECK_THAT(txt, Contains("\n[2] notes/call_note_2021-06-05.txt"));
  }
}

TEST_CASE("dates are written at their grain in each language", "[draft]") {
  struct Case {
    const char* date;
    const char* language;
    const char* alone;
    const char* adverbial;
  };
  const Case cases[] = {
      {"2021-10-05", "vi", "ngày 5 tháng 10 năm 2021", "ngày 5 tháng 10 năm 2021"},
      {"2021-10", "vi", "tháng 10 năm 2021", "trong tháng 10 năm 2021"},
      {"2021-Q4", "vi", "quý IV năm 2021", "trong quý IV năm 2021"},
      {"2021", "vi", "năm 2021", "trong năm 2021"},
      {"2021-10-05", "en", "5 October 2021", "on 5 October 2021"},
      {"2021-10", "en", "October 2021", "in October 2021"},
      {"2021-Q4", "en", "the fourth quarter of 2021", "in the fourth quarter of 2021"},
      {"2021", "en", "2021", "in 2021"},
      {"2021-10-05", "fr", "5 octobre 2021", "le 5 octobre 2021"},
      {"2021-10-01", "fr", "1er octobre 2021", "le 1er octobre 2021"},
      {"2021-10", "fr", "octobre 2021", "en octobre 2021"},
      {"2021-Q4", "fr", "quatrième trimestre 2021", "au quatrième trimestre 2021"},
      {"2021-Q1", "fr", "premier trimestre 2021", "au premier trimestre 2021"},
      {"2021", "fr", "2021", "en 2021"},
  };
  for (const Case& c : cases) {
    INFO(c.date << " " << c.language);
    CHECK(WriteDate(c.date, c.language) == c.alone);
    CHECK(WriteDateAdverbial(c.date, c.language) == c.adverbial);
  }
  CHECK(WriteDate("soon", "en") == "soon");
}

TEST_CASE("dose counts are grouped the language's way", "[draft]") {
  CHECK(WriteDoses(31000000, "vi") == "31.000.000");
  CHECK(WriteDoses(31000000, "en") == "31,000,000");
  CHECK(WriteDoses(31000000, "fr") == "31\u202F000\u202F000");
  CHECK(WriteDoses(450, "en") == "450");
  CHECK(WriteDoses(1050000, "en") == "1,050,000");
}

TEST_CASE("conflicts go only into the drafter's notes, after the letter and its sources", "[draft]") {
  PartnerLedger ledger = CubaLedger();
  const std::string conflict = "running total of 9,700,000 doses in doc dddd does not match the sum 8,000,000";
  ledger.conflicts = {conflict};
  struct Case {
    const char* language;
    const char* notes;
    const char* sources;
    const char* closing;
  };
  const Case cases[] = {
      {"vi", "GHI CHÚ CHO NGƯỜI SOẠN THẢO", "NGUỒN TRÍCH DẪN", "lời chào trân trọng./."},
      {"en", "NOTES FOR THE DRAFTER", "SOURCES", "the assurances of its highest consideration."},
      {"fr", "NOTES POUR LE RÉDACTEUR", "SOURCES", "les assurances de sa très haute considération."},
  };
  for (const Case& c : cases) {
    const std::string letter = Draft(ledger, c.language);
    INFO(letter);
    const std::size_t notes = letter.find(c.notes);
    REQUIRE(notes != std::string::npos);
    CHECK(letter.find(conflict) > notes);
    CHECK(letter.find(conflict) != std::string::npos);
    CHECK(letter.find(c.sources) < notes);
    CHECK(letter.find(c.closing) < notes);
    CHECK(letter.find("9,700,000") == letter.find(conflict) + 17);  // nowhere but in the note
  }
}

TEST_CASE("a partner is named and addressed in the letter's language", "[draft]") {
  PartnerLedger ledger = CubaLedger();
  ledger.partner = "pfizer";
  CHECK_THAT(Draft(ledger, "vi"), Contains("Kính gửi: Văn phòng đại diện Pfizer tại Việt Nam"));
  CHECK_THAT(Draft(ledger, "en"), Contains("compliments to the Representative Office of Pfizer in Viet Nam"));
  CHECK_THAT(Draft(ledger, "fr"), Contains("compliments au Bureau de représentation de Pfizer au Viet Nam"));
  ledger.partner = "AU";
  CHECK_THAT(Draft(ledger, "vi"), Contains("Kính gửi: Đại sứ quán Ô-xtrây-li-a tại Việt Nam"));
  CHECK_THAT(Draft(ledger, "en"), Contains("compliments to the Embassy of Australia in Viet Nam"));
  CHECK_THAT(Draft(ledger, "fr"), Contains("compliments à l'Ambassade de l'Australie au Viet Nam"));
  ledger.partner = "JP";
  CHECK_THAT(Draft(ledger, "fr"), Contains("compliments à l'Ambassade du Japon au Viet Nam"));
  ledger.partner = "US";
  CHECK_THAT(Draft(ledger, "vi"), Contains("Kính gửi: Đại sứ quán Hợp chủng quốc Hoa Kỳ tại Việt Nam"));
  CHECK_THAT(Draft(ledger, "en"), Contains("compliments to the Embassy of the United States of America in Viet Nam"));
  CHECK_THAT(Draft(ledger, "fr"), Contains("compliments à l'Ambassade des États-Unis d'Amérique au Viet Nam"));
  ledger.partner = "who";
  CHECK_THAT(Draft(ledger, "vi"), Contains("Kính gửi: Tổ chức Y tế Thế giới\n"));
  CHECK_THAT(Draft(ledger, "en"), Contains("compliments to the World Health Organization and"));
  ledger.partner = "XX";  // not in any gazetteer: its id
  CHECK_THAT(Draft(ledger, "en"), Contains("the Embassy of XX in Viet Nam"));
}

TEST_CASE("a draft needs a ledger with entries, a known language and format, and a day", "[draft]") {
  DraftOptions options;
  options.date = "2026-11-22";
  PartnerLedger none;
  none.partner = "NO";
  CHECK_FALSE(DraftLetter(none, options).ok());
  options.language = "de";
  CHECK(DraftLetter(CubaLedger(), options).status().code() == Status::Code::kUsage);
  options.language = "en";
  options.format = "html";
  CHECK_FALSE(DraftLetter(CubaLedger(), options).ok());
  options.format = "md";
  options.date = "2026-11";
  CHECK_FALSE(DraftLetter(CubaLedger(), options).ok());
}

TEST_CASE("dipdoc draft writes a letter from the index, or names the partner it has nothing on", "[draft][cli]") {
  const std::optional<std::filesystem::path> seeds = testing::SeedsDir();
  if (!seeds) return;
  testing::TempDir db;
  const std::string at = " --db " + testing::ShellQuote(db.path().string());
  const auto ingest = testing::RunDipdoc("ingest" + at + " " + testing::ShellQuote(seeds->string()) + " " +
                                         testing::ShellQuote(testing::CorpusDir().string()));
  REQUIRE(ingest.exit_status == 0);

  const auto en = testing::RunDipdoc("draft --partner pfizer --lang en" + at);
  INFO(en.out << en.err);
  CHECK(en.exit_status == 0);
  CHECK_THAT(en.out, Contains("31,000,000"));
  const bool cited = en.out.find("letter_vi_pfizer_2021-10-05.txt") != std::string::npos ||
                     en.out.find("001_6fa73dfdce35525c.txt") != std::string::npos;
  CHECK(cited);

  const auto vi = testing::RunDipdoc("draft --partner pfizer --lang vi --format md --as-of 2021-12-31" + at);
  CHECK(vi.exit_status == 0);
  CHECK_THAT(vi.out, Contains("Kính gửi"));
  CHECK_THAT(vi.out, Contains("Hà Nội, ngày 31 tháng 12 năm 2021"));

  const auto none = testing::RunDipdoc("draft --partner NO" + at);
  CHECK(none.exit_status == 2);
  CHECK(none.out.empty());
  CHECK_THAT(none.err, Contains("dipdoc draft: the index holds no commitments of partner NO"));

  const auto bad_date = testing::RunDipdoc("draft --partner pfizer --as-of yesterday" + at);
  CHECK(bad_date.exit_status == 2);

  testing::TempDir files;
  const auto no_db = testing::RunDipdoc("draft --partner pfizer --db " +
                                        testing::ShellQuote(files.Write("not-a-db", "x").string()));
  CHECK(no_db.exit_status == 3);
}

}  // namespace
}  // namespace dipdoc
