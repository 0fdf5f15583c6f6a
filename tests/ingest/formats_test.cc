// Every kind of file the loader knows, through DocumentLoader: what it is comes from the content, what it
// says comes out as a document, and what cannot be read is refused with the reason.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "ingest/document_loader.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::ReadFileBytes;
using testing::TestData;

TEST_CASE("Word, OpenDocument, e-mail and HTML files become documents", "[formats]") {
  struct Case {
    const char* file;
    const char* format;
    const char* language;
    const char* title;
    const char* date;
    const char* phrase;
  };
  const Case cases[] = {
      {"office/letter_vi.docx", "docx", "vi", "Tiếp nhận vaccine AstraZeneca", "2021-08-16", "BỘ NGOẠI GIAO"},
      {"office/note_fr.odt", "odt", "fr", "Don de vaccins au Viet Nam", "2021-09-03", "doses"},
      {"email/two_attachments.eml", "email", "vi", "Danh sách lô hàng và công hàm số 4521/BNG-LT", "2021-08-18",
       "From: "},
      {"html/fr_article.html", "html", "fr", "Le Vietnam reçoit un nouveau lot de 1,2 million de doses", "2021-09-03",
       "1,2 million"},
  };
  const DocumentLoader loader;
  for (const Case& c : cases) {
    INFO(c.file);
    Result<Document> doc = loader.Load(TestData(c.file), c.file);
    REQUIRE(doc.ok());
    const Document& d = doc.value();
    CHECK(d.format == c.format);
    CHECK(d.language == std::optional<std::string>(c.language));
    CHECK(d.title == c.title);
    CHECK(d.date == std::optional<std::string>(c.date));
    CHECK_THAT(d.text, Catch::Contains(c.phrase));
  }
}

TEST_CASE("an e-mail's attachments are documents of their own, linked to it", "[formats]") {
  const DocumentLoader loader;
  const std::string bytes = ReadFileBytes(TestData("email/two_attachments.eml"));
  Result<LoadedFile> loaded = loader.LoadFile(bytes, "mail.eml", "/mail.eml");
  REQUIRE(loaded.ok());
  const Document& mail = loaded.value().document;
  REQUIRE(loaded.value().attachments.size() == 2);
  const auto& list = loaded.value().attachments[0];
  REQUIRE(list.document.ok());
  CHECK(list.document.value().parent_id == mail.doc_id);
  CHECK(list.document.value().path == "/mail.eml#1/" + list.name);
  CHECK(std::find(mail.attachment_ids.begin(), mail.attachment_ids.end(), list.document.value().doc_id) !=
        mail.attachment_ids.end());
  // The second attachment is a PDF without text: named and refused, the rest unaffected.
  CHECK_FALSE(loaded.value().attachments[1].document.ok());
}

TEST_CASE("a file whose extension lies is read for what it is", "[formats]") {
  testing::TempDir dir;
  const DocumentLoader loader;
  const auto html_as_pdf = dir.Write("page.pdf", ReadFileBytes(TestData("html/en_press_release.html")));
  Result<Document> html = loader.Load(html_as_pdf, "page.pdf");
  REQUIRE(html.ok());
  CHECK(html.value().format == "html");
  const auto docx_as_png = dir.Write("letter.png", ReadFileBytes(TestData("office/letter_vi.docx")));
  Result<Document> docx = loader.Load(docx_as_png, "letter.png");
  REQUIRE(docx.ok());
  CHECK(docx.value().format == "docx");
}

TEST_CASE("damaged, encrypted and unsupported documents are refused with the reason", "[formats]") {
  struct Case {
    const char* file;
    const char* reason;
  };
  const Case cases[] = {
      {"office/truncated.docx", "zip"},
      {"office/malformed.docx", "not well-formed XML"},
      {"office/encrypted.docx", "encrypted or password-protected"},
      {"office/encrypted.odt", "encrypted or password-protected"},
      {"office/legacy.doc", "Word 97-2003"},
      {"office/not_a_document.zip", "zip archive"},
      {"office/bomb.docx", "zip bomb"},
  };
  const DocumentLoader loader;
  for (const Case& c : cases) {
    INFO(c.file);
    Result<Document> doc = loader.Load(TestData(c.file), c.file);
    REQUIRE_FALSE(doc.ok());
    CHECK_THAT(doc.status().message(), Catch::Contains(c.reason));
  }
}

}  // namespace
}  // namespace dipdoc
