// End to end through real OCR: the corpus's own letters and call notes, rendered as scans by
// scripts/render_scans.py (clean 300 dpi PNG, skewed noisy 150-180 dpi JPEG, a two-page TIFF, an image-only
// PDF), come out of the loader as the right text, language, type and date.

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "ingest/document_loader.h"
#include "nlp/extractor.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::ShellQuote;

// Share of the reference's words found in the text: a tolerant measure of recognition for a test.
double WordRecall(const std::string& reference, const std::string& text) {
  std::istringstream words(reference);
  std::string word;
  std::size_t found = 0, total = 0;
  while (words >> word) {
    ++total;
    found += text.find(word) != std::string::npos;
  }
  return total == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(total);
}

class Scans {
 public:
  Scans() {
    const std::string command = ShellQuote(DIPDOC_PYTHON) + " " +
                                ShellQuote(std::string(DIPDOC_SOURCE_DIR) + "/scripts/render_scans.py") + " " +
                                ShellQuote(dir_.path().string()) +
                                " --only letter_vi_pfizer_2021-10-05 call_note_en_astrazeneca_2021-08-20"
                                " letter_fr_france_2021-10-14 >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
  }
  std::filesystem::path Path(const std::string& name) const { return dir_.path() / name; }

 private:
  testing::TempDir dir_;
};

TEST_CASE("scanned letters and call notes are read with their language, type and date", "[scan]") {
  const Scans scans;
  OcrOptions options;
  OcrPool ocr(std::max(1u, std::thread::hardware_concurrency()), options,
              [options] { return MakeTesseractEngine(options); });
  const DocumentLoader loader(LoaderOptions{}, &ocr);

  for (const char* name : {"letter_vi_pfizer_2021-10-05", "call_note_en_astrazeneca_2021-08-20",
                           "letter_fr_france_2021-10-14"}) {
    rapidjson::Document expected;
    expected.Parse(testing::ReadFileBytes(std::filesystem::path(DIPDOC_SOURCE_DIR) / "corpora" / "expected" / (std::string(name) + ".json")).c_str());
    REQUIRE_FALSE(expected.HasParseError());
    const std::string reference = testing::ReadFileBytes(scans.Path(std::string(name) + ".p1.txt"));
    for (const char* kind : {".p1.clean.png", ".p1.hard.jpg"}) {
      const std::string file = std::string(name) + kind;
      INFO(file);
      Result<Document> doc = loader.Load(scans.Path(file), file);
      REQUIRE(doc.ok());
      const Document& d = doc.value();
      CHECK(d.format == "image");
      REQUIRE(d.ocr.has_value());
      CHECK(d.ocr->pages == 1);
      CHECK(d.ocr->mean_confidence > 0.7);
      CHECK(WordRecall(reference, d.text) > 0.9);
      CHECK(d.language == std::optional<std::string>(expected["language"].GetString()));
      CHECK(std::string(ToString(d.doc_type)) == expected["doc_type"].GetString());
      CHECK(d.date == std::optional<std::string>(expected["date"].GetString()));
    }
  }
}

// A commitment as the ledger counts it: who, what, how many, by when.
std::multiset<std::string> CommitmentKeys(const Extraction& extraction) {
  std::multiset<std::string> keys;
  for (const Commitment& c : extraction.commitments) {
    keys.insert(c.partner + " " + std::string(ToString(c.kind)) + " " + std::string(ToString(c.status)) + " " +
                (c.doses ? std::to_string(*c.doses) : "-") + " " + c.due.value_or("-"));
  }
  return keys;
}

TEST_CASE("scanned letters and call notes give the commitments of their originals", "[scan]") {
  // OCR breaks every paragraph at the end of each printed line; read as sentence ends, those breaks part a
  // promise from its date and a figure from its unit (ingest/line_wraps.h).
  const Scans scans;
  OcrOptions options;
  OcrPool ocr(std::max(1u, std::thread::hardware_concurrency()), options,
              [options] { return MakeTesseractEngine(options); });
  const DocumentLoader loader(LoaderOptions{}, &ocr);
  const Extractor extractor;
  for (const char* name : {"letter_vi_pfizer_2021-10-05", "call_note_en_astrazeneca_2021-08-20",
                           "letter_fr_france_2021-10-14"}) {
    INFO(name);
    const std::filesystem::path original =
        std::filesystem::path(DIPDOC_SOURCE_DIR) / "corpora" / "documents" / (std::string(name) + ".txt");
    Result<Document> text = loader.Load(original, original.filename().string());
    REQUIRE(text.ok());
    const std::multiset<std::string> expected = CommitmentKeys(extractor.Extract(text.value()));
    REQUIRE(expected.size() >= 2);
    std::multiset<std::string> scanned;
    for (int page = 1;; ++page) {
      const std::string file = std::string(name) + ".p" + std::to_string(page) + ".clean.png";
      if (!std::filesystem::exists(scans.Path(file))) break;
      Result<Document> doc = loader.Load(scans.Path(file), file);
      REQUIRE(doc.ok());
      scanned.merge(CommitmentKeys(extractor.Extract(doc.value())));
    }
    CHECK(scanned == expected);
  }
}

TEST_CASE("a two-page TIFF and an image-only PDF are OCRed page by page, in order", "[scan]") {
  const Scans scans;
  OcrOptions options;
  OcrPool ocr(2, options, [options] { return MakeTesseractEngine(options); });
  const DocumentLoader loader(LoaderOptions{}, &ocr);
  for (const char* name : {"two_page", "image_only"}) {
    INFO(name);
    const std::filesystem::path file = scans.Path(std::string(name) + (std::string(name) == "two_page" ? ".tiff" : ".pdf"));
    if (!std::filesystem::exists(file)) {
      WARN(file << " was not rendered (no selected document long enough)");
      continue;
    }
    Result<Document> doc = loader.Load(file, file.filename().string());
    REQUIRE(doc.ok());
    const Document& d = doc.value();
    std::vector<std::string> reference_pages;
    std::stringstream reference(testing::ReadFileBytes(scans.Path(std::string(name) + ".txt")));
    for (std::string page; std::getline(reference, page, '\f');) reference_pages.push_back(page);
    REQUIRE(d.pages.size() == reference_pages.size());
    REQUIRE(d.ocr.has_value());
    CHECK(d.ocr->pages == static_cast<int>(reference_pages.size()));
    for (std::size_t i = 0; i < reference_pages.size(); ++i) {
      INFO("page " << i + 1);
      CHECK(WordRecall(reference_pages[i], std::string(d.pages[i].span.In(d.text))) > 0.9);
    }
  }
}

TEST_CASE("a Vietnamese page keeps the diacritics of its capitals under the default languages", "[scan]") {
  // The signature block of the letter's second page, scanned badly: with the English model in the mix,
  // Tesseract reads "KT. BO TRUONG" and "Luu"; the second pass without it reads them as written.
  const Scans scans;
  const auto read = [&scans](bool reread) {
    OcrOptions options;
    options.reread_vietnamese = reread;
    OcrPool ocr(1, options, [options] { return MakeTesseractEngine(options); });
    const DocumentLoader loader(LoaderOptions{}, &ocr);
    Result<Document> doc = loader.Load(scans.Path("letter_vi_pfizer_2021-10-05.p2.hard.jpg"), "p2.hard.jpg");
    REQUIRE(doc.ok());
    return doc.value().text;
  };
  const std::string reread = read(true);
  INFO(reread);
  CHECK(reread.find("BỘ TRƯỞNG") != std::string::npos);
  CHECK(reread.find("THỨ TRƯỞNG") != std::string::npos);
  CHECK(reread.find("Phạm Quang Hưng") != std::string::npos);
  // The cause, kept in view: if Tesseract ever stops dropping the accents, the second pass can go.
  const std::string single = read(false);
  INFO(single);
  CHECK(single.find("BỘ TRƯỞNG") == std::string::npos);
}

}  // namespace
}  // namespace dipdoc
