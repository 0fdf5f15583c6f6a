#ifndef DIPDOC_INGEST_OCR_ENGINE_H_
#define DIPDOC_INGEST_OCR_ENGINE_H_

// The seam between ingest and an OCR engine. Tesseract sits behind it (tesseract_ocr.cc, the only file that
// includes Tesseract); tests put a fake in its place.

#include <memory>
#include <string>

#include "ingest/page_image.h"
#include "ingest/status.h"

namespace dipdoc {

struct OcrOptions {
  // Tesseract language models, '+'-joined. The README's set-up installs vie, eng and fra. Order matters:
  // with eng ahead of fra, French pages lost the accents on capitals and on Vietnamese names ("État",
  // "Hoàng Đức"); measured 0.45% against 0.00% CER on the same page, and no loss on English pages.
  std::string languages = "vie+fra+eng";
  // Deskew, scale pages below 300 dpi up, binarise and denoise before recognition.
  bool preprocess = true;
  // A page whose text reads as Vietnamese and has a line of capitals without a single mark is read a second
  // time without the English model, when `languages` holds vie and eng: mixed with eng, Tesseract drops the
  // diacritics of Vietnamese capitals on poor scans ("BỘ TRƯỞNG" -> "BO TRUONG"; 4.55% against 0.91% CER on
  // the benchmark's worst page). Pages read right (their capitals marked) are not read again.
  bool reread_vietnamese = true;
};

struct OcrPage {
  std::string text;             // UTF-8, lines and paragraphs as recognised
  double mean_confidence = 0;   // 0..1
};

// One engine: models loaded once, then any number of pages. Not thread-safe: one engine per thread.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  virtual Result<OcrPage> Recognise(const PageImage& page) = 0;
};

// A Tesseract engine with `options` (Tesseract's own OpenMP threading is off: dipdoc runs one engine per
// core instead). An InvalidInput status when a language model is missing.
Result<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const OcrOptions& options);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_OCR_ENGINE_H_
