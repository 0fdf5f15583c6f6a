#include "ingest/office_reader.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Fixtures are written by tests/data/office/make_office.py (see its docstring for what each one holds);
// hostile archives too large to commit are built here, uncompressed, by StoredZip.

#include "test_util.h"

namespace dipdoc {
namespace {

std::string ReadFixture(const std::string& name) { return testing::ReadFileBytes(testing::TestData("office/" + name)); }

OfficeText Read(Result<OfficeText> result) {
  INFO((result.ok() ? std::string() : result.status().message()));
  REQUIRE(result.ok());
  return std::move(result).value();
}

std::size_t Count(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

// A zip archive of `entries` (name, bytes), stored without compression.
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  static const std::array<uint32_t, 256> kCrcTable = [] {
    std::array<uint32_t, 256> table{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    return table;
  }();
  const auto crc32 = [](std::string_view bytes) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = kCrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
  };
  const auto put16 = [](std::string& out, uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
  };
  const auto put32 = [&](std::string& out, uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
  };
  std::string out, directory;
  for (const auto& [name, bytes] : entries) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t crc = crc32(bytes);
    const auto size = static_cast<uint32_t>(bytes.size());
    out += "PK\x03\x04";
    // Version needed, flags, method (stored), time, date.
    put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0x21);
    put32(out, crc), put32(out, size), put32(out, size);
    put16(out, static_cast<uint32_t>(name.size())), put16(out, 0);
    out += name;
    out += bytes;
    directory += "PK\x01\x02";
    put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, 0), put16(directory, 0);
    put16(directory, 0x21);
    put32(directory, crc), put32(directory, size), put32(directory, size);
    put16(directory, static_cast<uint32_t>(name.size())), put16(directory, 0), put16(directory, 0);
    put16(directory, 0), put16(directory, 0), put32(directory, 0), put32(directory, offset);
    directory += name;
  }
  const uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  out += "PK\x05\x06";
  put16(out, 0), put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size())), put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(directory.size())), put32(out, directory_offset), put16(out, 0);
  return out;
}

constexpr const char* kWordNs = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string WordDocument(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") + kWordNs +
         "><w:body>" + body + "</w:body></w:document>";
}

std::string WordPart(const char* root, const std::string& text) {
  return std::string("<w:") + root + " " + kWordNs + "><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:" + root + ">";
}

// A DOCX whose document part no longer matches its checksum (a byte changed on disk).
std::string CorruptedZip() {
  std::string zip = StoredZip({{"word/document.xml", WordDocument("<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>")}});
  zip[zip.find("Xin")] = 'x';
  return zip;
}

// --- The fixtures' text ---------------------------------------------------------------------------------------

TEST_CASE("a Word letter reads headers, body, table, footnote and footer in order", "[office]") {
  const OfficeText docx = Read(ReadDocx(ReadFixture("letter_vi.docx")));
  CHECK(docx.title == "Về việc tiếp nhận vaccine AstraZeneca do Nhật Bản trao tặng");
  CHECK(docx.text ==
        "BỘ NGOẠI GIAO\n\n"
        "Số: 4521/BNG-LT\n\n"  // the first-page header is the default one again: read once
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n"
        "Hà Nội, ngày 16 tháng 8 năm 2021\n\n"
        "Kính gửi:\tĐại sứ quán Nhật Bản tại Việt Nam\n\n"
        "V/v: tiếp nhận vaccine AstraZeneca\ndo Chính phủ Nhật Bản trao tặng\n\n"
        "Bộ Ngoại giao nước Cộng hòa xã hội chủ nghĩa Việt Nam gửi lời chào trân trọng tới Đại sứ quán Nhật Bản và "
        "xin thông báo việc đã tiếp nhận các lô vaccine AstraZeneca do Chính phủ Nhật Bản trao tặng.\n\n"
        "Các lô vaccine đã được tiếp nhận như sau:\n\n"
        "STT | Ngày tiếp nhận | Số liều | Địa điểm\n"
        "1 | 16/6/2021 | 1.000.000 | Hà Nội\n"
        "2 | 01/7/2021 | 1.000.000 | TP. Hồ Chí Minh\n"
        "3 | 08/7/2021 | 1.000.000 | Sân bay Nội Bài (Hà Nội)\n\n"
        "Ghi chú: số liệu tính đến ngày 16/8/2021\n\n"
        "Bộ Ngoại giao nhân dịp này xin gửi tới Đại sứ quán Nhật Bản lời chào trân trọng./.\n\n"
        "TL. BỘ TRƯỞNG\n\n"
        "Theo Công hàm số 123/2021 của Đại sứ quán Nhật Bản.\n\n"
        "Địa chỉ: Số 1 Tôn Thất Đàm, Ba Đình, Hà Nội\n\n"
        "Trang 1");
  // What must not appear: the even-page header the settings leave off, the deleted revision, the field code.
  for (const char* absent : {"TRANG CHẴN", "chưa", "PAGE", "MERGEFORMAT"}) {
    INFO(absent);
    CHECK(docx.text.find(absent) == std::string::npos);
  }
  CHECK(Count(docx.text, "Ghi chú") == 1);  // the text box, not its VML fallback too
}

TEST_CASE("an OpenDocument note reads header, body, list, table, note and footer in order", "[office]") {
  const OfficeText odt = Read(ReadOdt(ReadFixture("note_fr.odt")));
  CHECK(odt.title == "Note verbale n° 2021-457");
  CHECK(odt.text ==
        "Ambassade de France au Viêt Nam\n\n"
        "Note verbale\n\n"
        "Paris, le 3 septembre 2021\n\n"
        "Réf. :   N° 2021-457\n\n"  // <text:s/> is one space, <text:s text:c="3"/> three
        "Objet :\tdon de vaccins au Viet Nam\n\n"
        "L'Ambassade de France au Viet Nam présente ses compliments au Ministère des Affaires étrangères\n"
        "1 Tôn Thất Đàm, Hà Nội\n\n"
        "et a l'honneur de l'informer que la France fait don des doses suivantes :\n\n"  // XML white space collapsed
        "500 000 doses de vaccin AstraZeneca\n\n"
        "200 000 doses de vaccin Pfizer\n\n"
        "Date | Vaccin | Doses\n"
        "10/09/2021 | AstraZeneca | 500 000\n"
        "24/09/2021 | Pfizer | 200 000\n\n"
        "L'Ambassade saisit cette occasion pour renouveler au Ministère les assurances de sa haute considération.\n\n"
        "Selon l'accord du 12 juillet 2021.\n\n"  // the footnote, after the body
        "57 Trần Hưng Đạo, Hà Nội – page 1");
  // A comment, a header the page does not display, a sequence declaration.
  for (const char* absent : {"à relire", "Rédacteur", "EN-TÊTE", "Illustration"}) {
    INFO(absent);
    CHECK(odt.text.find(absent) == std::string::npos);
  }
}

// --- Refusals -------------------------------------------------------------------------------------------------

TEST_CASE("damaged, encrypted and foreign files are refused, naming the reason", "[office]") {
  enum class Reader { kDocx, kOdt };
  struct Case {
    const char* fixture;  // a file under tests/data/office, or nullptr to use `bytes`
    std::string bytes;
    Reader reader;
    Status::Code code;
    const char* message;
  };
  const Case cases[] = {
      {"truncated.docx", "", Reader::kDocx, Status::Code::kInvalidInput,
       "damaged document: truncated or corrupt zip archive"},
      {"not_a_document.zip", "", Reader::kDocx, Status::Code::kInvalidInput, "not a DOCX file: no word/document.xml"},
      {"not_a_document.zip", "", Reader::kOdt, Status::Code::kInvalidInput, "not an ODT file: no content.xml"},
      {"malformed.docx", "", Reader::kDocx, Status::Code::kInvalidInput,
       "damaged document: word/document.xml is not well-formed XML"},
      {"encrypted.docx", "", Reader::kDocx, Status::Code::kInvalidInput, "encrypted or password-protected document"},
      {"encrypted.odt", "", Reader::kOdt, Status::Code::kInvalidInput, "encrypted or password-protected document"},
      {"legacy.doc", "", Reader::kDocx, Status::Code::kInvalidInput, "not a DOCX file: a Word 97-2003 .doc file"},
      {"spreadsheet.ods", "", Reader::kOdt, Status::Code::kInvalidInput,
       "not an ODT file: application/vnd.oasis.opendocument.spreadsheet"},
      {"oversized.docx", "", Reader::kDocx, Status::Code::kTooLarge,
       "word/document.xml is 104857600 bytes uncompressed, over the limit of 64 MiB"},
      {"note_fr.odt", "", Reader::kDocx, Status::Code::kInvalidInput, "not a DOCX file: no word/document.xml"},
      {"letter_vi.docx", "", Reader::kOdt, Status::Code::kInvalidInput, "not an ODT file: no content.xml"},
      {nullptr, "Kính gửi: Đại sứ quán Nhật Bản\n", Reader::kDocx, Status::Code::kInvalidInput,
       "not a DOCX file: not a zip archive"},
      {nullptr, "", Reader::kDocx, Status::Code::kInvalidInput, "not a DOCX file: not a zip archive"},
      {nullptr, "", Reader::kOdt, Status::Code::kInvalidInput, "not an ODT file: not a zip archive"},
      {nullptr, "PK\x03\x04", Reader::kDocx, Status::Code::kInvalidInput,
       "damaged document: truncated or corrupt zip archive"},
      {nullptr, StoredZip({{"word/document.xml", WordDocument("<w:p><w:r><w:t>chưa xong")}}), Reader::kDocx,
       Status::Code::kInvalidInput, "damaged document: word/document.xml is not well-formed XML"},
      {nullptr, StoredZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<office:"}}),
       Reader::kOdt, Status::Code::kInvalidInput, "damaged document: content.xml is not well-formed XML"},
      {nullptr, CorruptedZip(), Reader::kDocx, Status::Code::kInvalidInput,
       "damaged document: word/document.xml cannot be read (CRC error)"},
  };
  for (const Case& c : cases) {
    const std::string bytes = c.fixture != nullptr ? ReadFixture(c.fixture) : c.bytes;
    INFO((c.fixture != nullptr ? c.fixture : c.bytes.substr(0, 40)));
    const Result<OfficeText> result = c.reader == Reader::kDocx ? ReadDocx(bytes) : ReadOdt(bytes);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == c.code);
    CHECK(result.status().message() == c.message);
  }
}

TEST_CASE("a zip bomb is refused before it is inflated", "[office]") {
  const Result<OfficeText> result = ReadDocx(ReadFixture("bomb.docx"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == Status::Code::kInvalidInput);
  CHECK_THAT(result.status().message(), Catch::StartsWith("damaged document: word/document.xml inflates ") &&
                                            Catch::EndsWith(" times its compressed size (a zip bomb)"));
}

// --- Small archives built here ----------------------------------------------------------------------------------

TEST_CASE("WordprocessingML details", "[office]") {
  struct Case {
    const char* what;
    std::vector<std::pair<std::string, std::string>> parts;
    const char* text;
  };
  const Case cases[] = {
      {"a run of one space between runs",
       {{"word/document.xml",
         WordDocument(R"(<w:p><w:r><w:t>Hà</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>)"
                      "<w:r><w:t>Nội</w:t></w:r></w:p>")}},
       "Hà Nội"},
      {"the main namespace as the default namespace",
       {{"word/document.xml",
         R"(<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>)"
         "<p><r><t>Xin chào</t></r></p><tbl><tr><tc><p><r><t>a</t></r></p></tc><tc><p><r><t>b</t></r></p></tc></tr>"
         "</tbl></body></document>"}},
       "Xin chào\n\na | b"},
      {"empty paragraphs and an empty row leave no blank lines",
       {{"word/document.xml",
         WordDocument("<w:p/><w:p><w:r><w:t>một</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r>"
                      "</w:p><w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:p><w:r>"
                      "<w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>hai</w:t>"
                      "</w:r></w:p>")}},
       "một\n\nx | \n\nhai"},
      {"a table in a cell is flattened into the cell",
       {{"word/document.xml",
         WordDocument("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lô 1</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p>"
                      "<w:r><w:t>Pfizer</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>500.000</w:t></w:r></w:p>"
                      "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>")}},
       "Lô 1 | Pfizer 500.000"},
      {"without references, every header and footer in numbering order",
       {{"word/document.xml", WordDocument("<w:p><w:r><w:t>thân</w:t></w:r></w:p>")},
        {"word/header10.xml", WordPart("hdr", "mười")},
        {"word/header2.xml", WordPart("hdr", "hai")},
        {"word/footer1.xml", WordPart("ftr", "chân")}},
       "hai\n\nmười\n\nthân\n\nchân"},
      {"a document part named by the package relationships",
       {{"_rels/.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Target="/word/document2.xml" )"
         R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>)"
         "</Relationships>"},
        {"word/document2.xml", WordDocument("<w:p><w:r><w:t>bản chính</w:t></w:r></w:p>")}},
       "bản chính"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Read(ReadDocx(StoredZip(c.parts))).text == c.text);
  }
}

TEST_CASE("hostile nesting is read without recursion", "[office]") {
  constexpr int kDepth = 100000;
  SECTION("tables in tables") {
    std::string body;
    for (int i = 0; i < kDepth; ++i) body += "<w:tbl><w:tr><w:tc>";
    body += "<w:p><w:r><w:t>đáy</w:t></w:r></w:p>";
    for (int i = 0; i < kDepth; ++i) body += "</w:tc></w:tr></w:tbl>";
    CHECK(Read(ReadDocx(StoredZip({{"word/document.xml", WordDocument(body)}}))).text == "đáy");
  }
  SECTION("spans in spans") {
    std::string content =
        R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
        R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>)";
    for (int i = 0; i < kDepth; ++i) content += "<text:span>";
    content += "fond";
    for (int i = 0; i < kDepth; ++i) content += "</text:span>";
    content += "</text:p></office:text></office:body></office:document-content>";
    CHECK(Read(ReadOdt(StoredZip({{"content.xml", content}}))).text == "fond");
  }
}

}  // namespace
}  // namespace dipdoc
