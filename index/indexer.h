#ifndef DIPDOC_INDEX_INDEXER_H_
#define DIPDOC_INDEX_INDEXER_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document_loader.h"
#include "ingest/ocr_pool.h"
#include "ingest/status.h"

namespace dipdoc {

struct IngestOptions {
  // Threads that load, normalise, extract and prepare documents in parallel; 0 means one per core. One of
  // them is the thread that writes the index, which prepares documents only while the next one to write is
  // not ready: the writer is the bottleneck, so it never waits for a core. 1 means no other thread.
  unsigned jobs = 0;
  // Documents per transaction. A crash loses at most the uncommitted batch, which the next run redoes.
  std::size_t commit_every = 500;
  LoaderOptions loader;
  OcrOptions ocr;
  // Makes one OCR engine per thread; unset means Tesseract with `ocr`. Tests put a fake here.
  OcrPool::EngineFactory make_ocr_engine;
  // Keep recognised pages in <db>/ocr-cache, so a re-run never OCRs the same page twice.
  bool ocr_cache = true;
};

struct IngestFailure {
  std::string source;   // the path as given
  std::string error;    // why, in words
};

struct IngestReport {
  std::size_t files = 0;        // files considered
  std::size_t ingested = 0;     // new or changed documents written to the index (e-mail attachments included)
  std::size_t unchanged = 0;    // already indexed from the same file
  std::size_t duplicates = 0;   // content already indexed from another file; this file became another source
  std::vector<IngestFailure> failed;
  double seconds = 0;
};

// Called by the writer after each file, in input order.
using IngestProgress = std::function<void(std::size_t done, std::size_t total, std::string_view source)>;

// Runs one ingest: files -> Documents -> Extractions -> the index, with the work spread over `jobs`
// threads, one of which writes, in transactions of `commit_every` documents. One bad file is a failure in the
// report, never the end of the batch. Re-running an interrupted or completed ingest is safe: unchanged
// files are skipped before extraction, so a re-run only does the work that is missing.
class Indexer {
 public:
  explicit Indexer(std::filesystem::path db_dir, IngestOptions options = {});

  // A Database status when the index cannot be opened or written; otherwise the report.
  Result<IngestReport> Ingest(const std::vector<std::string>& inputs, const IngestProgress& progress = {});

 private:
  std::filesystem::path db_dir_;
  IngestOptions options_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_INDEXER_H_
