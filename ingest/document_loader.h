#ifndef DIPDOC_INGEST_DOCUMENT_LOADER_H_
#define DIPDOC_INGEST_DOCUMENT_LOADER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "ingest/ocr_pool.h"
#include "ingest/status.h"
#include "ingest/text_normaliser.h"

namespace dipdoc {

struct LoaderOptions {
  // Files larger than this are refused before they are read, so one runaway input cannot exhaust memory
  // while a batch runs on every core (each worker holds a few copies of its file while normalising).
  std::uintmax_t max_file_bytes = std::uintmax_t{32} << 20;
  // OCR every page of a PDF, text layer or not (`--ocr force`). Pages without text are OCRed anyway.
  bool force_ocr = false;
};

// A file as documents: the file's own, and for an e-mail one per attachment (each linked to the e-mail by
// parent_id, or the reason it could not be read).
struct LoadedFile {
  Document document;
  struct Attachment {
    std::string name;
    Result<Document> document;
  };
  std::vector<Attachment> attachments;
};

// "Here is a file, give me a normalised Document." What the file is comes from its content (file_kind.h):
// text in any encoding text_decoder.h knows, HTML, PDF (text layer or scan), PNG/JPEG/TIFF scans, DOCX, ODT
// and e-mail. A file that cannot be read is refused with a Status naming the reason.
// Thread-safe: one loader serves every worker.
class DocumentLoader {
 public:
  // `ocr` recognises scanned pages; without one, scans are refused ("OCR is not available").
  // REQUIRES: ocr, when given, outlives the loader
  explicit DocumentLoader(LoaderOptions options = {}, OcrPool* ocr = nullptr);

  // The file's bytes, or why they cannot be had (missing, unreadable, a folder, over the size limit).
  Result<std::string> ReadFile(const std::filesystem::path& path) const;

  // Reads and normalises `path`; `source` is recorded as given.
  Result<Document> Load(const std::filesystem::path& path, std::string_view source) const;

  // The same from bytes already read. `path` is the canonical path recorded in the Document (may be empty).
  Result<Document> FromBytes(std::string_view bytes, std::string_view source, std::string_view path) const;

  // The file's document and its attachments' documents.
  Result<LoadedFile> LoadFile(std::string_view bytes, std::string_view source, std::string_view path) const;

 private:
  Result<Document> TextDocument(std::string_view bytes) const;
  Result<Document> PdfDocument(std::string_view bytes) const;
  Result<Document> ImageDocument(std::string_view bytes) const;
  Result<Document> OfficeDocument(std::string_view bytes, bool odt) const;
  Result<LoadedFile> EmailDocument(std::string_view bytes, std::string_view source, std::string_view path) const;
  // Sets text (pages joined by form feeds), pages and the OCR summary from per-page texts.
  void SetPages(Document& document, const std::vector<std::string>& pages,
                const std::vector<std::optional<double>>& confidence) const;
  // Language, type, date, title, reference and addressee from the text; what is already set stays.
  void Profile(Document& document) const;

  LoaderOptions options_;
  TextNormaliser normaliser_;
  OcrPool* ocr_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_DOCUMENT_LOADER_H_
