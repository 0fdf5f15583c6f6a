#ifndef DIPDOC_INGEST_PDF_READER_H_
#define DIPDOC_INGEST_PDF_READER_H_

// PDF through poppler-cpp, page by page: a page with a text layer gives its text; a page without one (a
// scan) is rendered for OCR.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/page_image.h"
#include "ingest/status.h"

namespace dipdoc {

struct PdfOptions {
  int render_dpi = 300;            // scans are rendered at this resolution for OCR
  bool force_ocr = false;          // render and OCR every page, text layer or not (`--ocr force`)
  std::size_t max_pages = 2000;    // longer files are refused
};

struct PdfPage {
  std::string text;                // the text layer (empty for a scan)
  std::optional<PageImage> image;  // set when the page needs OCR; blank pages are neither text nor image
};

// InvalidInput naming the reason for a damaged or password-protected file; TooLarge past max_pages.
// Thread-safe.
Result<std::vector<PdfPage>> ReadPdf(std::string_view bytes, const PdfOptions& options = {});

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_PDF_READER_H_
