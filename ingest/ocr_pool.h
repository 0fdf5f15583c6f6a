#ifndef DIPDOC_INGEST_OCR_POOL_H_
#define DIPDOC_INGEST_OCR_POOL_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "ingest/ocr_engine.h"
#include "ingest/page_image.h"
#include "ingest/status.h"

namespace dipdoc {

// OCR for the whole process: `threads` workers, each with its own engine (made once, on first use, by
// `make_engine`), and a cache of results keyed by the page's pixels and the options, so no page is
// recognised twice, across runs too when `cache_dir` is set. Any thread may submit pages; the pages of
// one call are spread over all workers and come back in page order. Thread-safe.
class OcrPool {
 public:
  using EngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>()>;

  OcrPool(unsigned threads, OcrOptions options, EngineFactory make_engine, std::filesystem::path cache_dir = {});
  ~OcrPool();

  // The text of each page, in order, or the first failure.
  Result<std::vector<OcrPage>> Recognise(const std::vector<PageImage>& pages);

  // Pages recognised by an engine (not served from the cache) since construction.
  std::size_t pages_recognised() const;
  const OcrOptions& options() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_OCR_POOL_H_
