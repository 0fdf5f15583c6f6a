#ifndef DIPDOC_INGEST_PDF_READER_H_
#define DIPDOC_INGEST_PDF_READER_H_

// PDF through poppler-cpp, page by page: a page with a text layer gives its text; a page without one (a
// scan) is rendered for OCR; a blank page gives neither. Pages are read one at a time, so a 500-page scan
// never holds more than the pages being recognised.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/page_image.h"
#include "ingest/status.h"

namespace poppler {
class document;
}

namespace dipdoc {

struct PdfOptions {
  int render_dpi = 300;            // scans are rendered at this resolution for OCR
  bool force_ocr = false;          // render and OCR every page, text layer or not (`--ocr force`)
  std::size_t max_pages = 2000;    // longer files are refused
};

struct PdfPage {
  std::string text;                // the text layer (empty for a scan)
  std::optional<PageImage> image;  // set when the page needs OCR
};

// One open PDF. Not thread-safe: one thread reads a file.
class PdfFile {
 public:
  // InvalidInput naming the reason for a damaged or password-protected file; TooLarge past max_pages.
  // REQUIRES: `bytes` outlive the PdfFile
  static Result<PdfFile> Open(std::string_view bytes, const PdfOptions& options = {});

  PdfFile(PdfFile&&) noexcept;
  PdfFile& operator=(PdfFile&&) noexcept;
  ~PdfFile();

  std::size_t pages() const { return pages_; }

  // REQUIRES: index < pages()
  Result<PdfPage> ReadPage(std::size_t index) const;

 private:
  PdfFile(std::unique_ptr<poppler::document> document, PdfOptions options, std::size_t pages);

  std::unique_ptr<poppler::document> document_;
  PdfOptions options_;
  std::size_t pages_ = 0;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_PDF_READER_H_
