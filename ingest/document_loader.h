#ifndef DIPDOC_INGEST_DOCUMENT_LOADER_H_
#define DIPDOC_INGEST_DOCUMENT_LOADER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "ingest/status.h"
#include "ingest/text_normaliser.h"

namespace dipdoc {

struct LoaderOptions {
  // Files larger than this are refused before they are read, so one runaway input cannot exhaust memory
  // while a batch runs on every core (each worker holds a few copies of its file while normalising).
  std::uintmax_t max_file_bytes = std::uintmax_t{32} << 20;
};

// "Here is a file, give me a normalised Document." Today: UTF-8 text (with or without BOM). A file that is
// empty, holds binary data or is not well-formed UTF-8 is refused with a Status naming the reason.
// Thread-safe: one loader serves every worker.
class DocumentLoader {
 public:
  explicit DocumentLoader(LoaderOptions options = {});

  // The file's bytes, or why they cannot be had (missing, unreadable, a folder, over the size limit).
  Result<std::string> ReadFile(const std::filesystem::path& path) const;

  // Reads and normalises `path`; `source` is recorded as given.
  Result<Document> Load(const std::filesystem::path& path, std::string_view source) const;

  // The same from bytes already read. `path` is the canonical path recorded in the Document (may be empty).
  Result<Document> FromBytes(std::string_view bytes, std::string_view source, std::string_view path) const;

 private:
  LoaderOptions options_;
  TextNormaliser normaliser_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_DOCUMENT_LOADER_H_
