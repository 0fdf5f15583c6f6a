#include "ingest/pdf_reader.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ingest/document_loader.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::ShellQuote;
using testing::TempDir;

// The PDFs of tests/data/pdf/make_pdfs.py, written once into a temporary folder.
class PdfFixtures {
 public:
  PdfFixtures() {
    const std::string command = ShellQuote(DIPDOC_PYTHON) + " " +
                                ShellQuote(std::string(DIPDOC_SOURCE_DIR) + "/tests/data/pdf/make_pdfs.py") + " " +
                                ShellQuote(dir_.path().string());
    REQUIRE(std::system(command.c_str()) == 0);
  }
  std::string Read(const std::string& name) const { return testing::ReadFileBytes(dir_.path() / name); }
  std::filesystem::path Path(const std::string& name) const { return dir_.path() / name; }

 private:
  TempDir dir_;
};

const PdfFixtures& Fixtures() {
  static const PdfFixtures fixtures;
  return fixtures;
}

// An OCR engine that reads nothing but says which page it saw.
class FakeOcr : public OcrEngine {
 public:
  Result<OcrPage> Recognise(const PageImage& page) override {
    return OcrPage{"Recognised page of " + std::to_string(page.width) + " by " + std::to_string(page.height) +
                       " pixels at " + std::to_string(page.dpi) + " dpi.",
                   0.75};
  }
};

OcrPool FakePool() {
  return OcrPool(2, OcrOptions{}, [] { return Result<std::unique_ptr<OcrEngine>>(std::make_unique<FakeOcr>()); });
}

TEST_CASE("a PDF's text layer is read page by page", "[pdf]") {
  const std::string bytes = Fixtures().Read("text.pdf");
  Result<PdfFile> pdf = PdfFile::Open(bytes);
  REQUIRE(pdf.ok());
  REQUIRE(pdf.value().pages() == 2);
  Result<PdfPage> first = pdf.value().ReadPage(0);
  REQUIRE(first.ok());
  CHECK_THAT(first.value().text, Catch::Contains("670 000 doses"));
  CHECK_FALSE(first.value().image.has_value());
  Result<PdfPage> second = pdf.value().ReadPage(1);
  REQUIRE(second.ok());
  CHECK_THAT(second.value().text, Catch::Contains("Second page"));
}

TEST_CASE("a scanned page is rendered for OCR; a blank one is not", "[pdf]") {
  const std::string scan = Fixtures().Read("scan.pdf");
  Result<PdfFile> pdf = PdfFile::Open(scan);
  REQUIRE(pdf.ok());
  Result<PdfPage> page = pdf.value().ReadPage(0);
  REQUIRE(page.ok());
  REQUIRE(page.value().image.has_value());
  CHECK(page.value().image->dpi == 300);
  CHECK(page.value().image->width > 2000);
  CHECK(page.value().image->gray.size() ==
        static_cast<std::size_t>(page.value().image->width) * static_cast<std::size_t>(page.value().image->height));

  const std::string blank = Fixtures().Read("blank_300.pdf");
  Result<PdfFile> blanks = PdfFile::Open(blank);
  REQUIRE(blanks.ok());
  CHECK(blanks.value().pages() == 300);
  for (std::size_t i : {0u, 150u, 299u}) {
    Result<PdfPage> p = blanks.value().ReadPage(i);
    REQUIRE(p.ok());
    CHECK_FALSE(p.value().image.has_value());
  }
}

TEST_CASE("forced OCR renders pages that have a text layer too", "[pdf]") {
  const std::string bytes = Fixtures().Read("text.pdf");
  PdfOptions options;
  options.force_ocr = true;
  Result<PdfFile> pdf = PdfFile::Open(bytes, options);
  REQUIRE(pdf.ok());
  Result<PdfPage> page = pdf.value().ReadPage(0);
  REQUIRE(page.ok());
  CHECK(page.value().image.has_value());
}

TEST_CASE("damaged, protected and overlong PDFs are refused with the reason", "[pdf]") {
  struct Case {
    const char* file;
    const char* reason;
  };
  for (const Case& c : {Case{"encrypted.pdf", "password-protected"}, Case{"truncated.pdf", "damaged PDF"}}) {
    INFO(c.file);
    const std::string bytes = Fixtures().Read(c.file);
    Result<PdfFile> pdf = PdfFile::Open(bytes);
    REQUIRE_FALSE(pdf.ok());
    CHECK_THAT(pdf.status().message(), Catch::Contains(c.reason));
  }
  PdfOptions options;
  options.max_pages = 100;
  const std::string blank = Fixtures().Read("blank_300.pdf");
  Result<PdfFile> long_file = PdfFile::Open(blank, options);
  REQUIRE_FALSE(long_file.ok());
  CHECK(long_file.status().code() == Status::Code::kTooLarge);
}

TEST_CASE("the loader reads a mixed PDF page by page, OCRing only the scan", "[pdf]") {
  OcrPool ocr = FakePool();
  const DocumentLoader loader(LoaderOptions{}, &ocr);
  Result<Document> doc = loader.Load(Fixtures().Path("mixed.pdf"), "mixed.pdf");
  REQUIRE(doc.ok());
  const Document& d = doc.value();
  CHECK(d.format == "pdf");
  REQUIRE(d.pages.size() == 2);
  CHECK_THAT(std::string(d.pages[0].span.In(d.text)), Catch::Contains("670 000 doses"));
  CHECK_FALSE(d.pages[0].ocr_confidence.has_value());
  CHECK_THAT(std::string(d.pages[1].span.In(d.text)), Catch::Contains("Recognised page of 2480 by 3508 pixels"));
  CHECK(d.pages[1].ocr_confidence == 0.75);
  REQUIRE(d.ocr.has_value());
  CHECK(d.ocr->pages == 1);
  CHECK(d.ocr->mean_confidence == Catch::Detail::Approx(0.75));
  CHECK(ocr.pages_recognised() == 1);
}

TEST_CASE("a PDF of blank pages is refused for having no text, quickly", "[pdf]") {
  OcrPool ocr = FakePool();
  const DocumentLoader loader(LoaderOptions{}, &ocr);
  Result<Document> doc = loader.Load(Fixtures().Path("blank_300.pdf"), "blank_300.pdf");
  REQUIRE_FALSE(doc.ok());
  CHECK_THAT(doc.status().message(), Catch::Contains("no text"));
  CHECK(ocr.pages_recognised() == 0);
}

TEST_CASE("without OCR a scan is refused, saying so", "[pdf]") {
  const DocumentLoader loader;
  Result<Document> doc = loader.Load(Fixtures().Path("scan.pdf"), "scan.pdf");
  REQUIRE_FALSE(doc.ok());
  CHECK_THAT(doc.status().message(), Catch::Contains("OCR is not available"));
}

}  // namespace
}  // namespace dipdoc
