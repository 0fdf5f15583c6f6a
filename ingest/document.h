#ifndef DIPDOC_INGEST_DOCUMENT_H_
#define DIPDOC_INGEST_DOCUMENT_H_

// The output of ingest: one file, normalised. Every later stage reads a Document and never edits its text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/span.h"

namespace dipdoc {

enum class DocType { kLetter, kCallNote, kPress, kOther };

// "letter", "call_note", "press", "other": the contract's spelling.
std::string_view ToString(DocType type);
std::optional<DocType> ParseDocType(std::string_view name);

// One page of the original (a PDF page, a TIFF frame, a form-feed separated page of text).
struct Page {
  int number = 1;                               // 1-based, in reading order
  Span span;                                    // the page's bytes in Document::text
  std::optional<double> ocr_confidence;         // 0..1, set only when the page was OCRed
};

// Set only for documents that needed OCR.
struct OcrSummary {
  int pages = 0;                 // pages that were OCRed
  double mean_confidence = 0;    // 0..1, mean over those pages
};

struct Document {
  std::string doc_id;                   // stable id of the file's content: same bytes, same id
  std::string source;                   // the path as the user gave it
  std::string path;                     // absolute, canonical path; empty for in-memory inputs
  std::string title;
  std::optional<std::string> language;  // ISO 639-1, unset when not identified
  DocType doc_type = DocType::kOther;
  std::optional<std::string> date;      // the document's own date: YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<std::string> reference; // a letter's reference number, "4521/BNG-LT"
  std::optional<std::string> addressee; // a letter's addressee as written
  std::string encoding;                 // what the file was decoded from: "utf-8", "windows-1258", ...
  std::string format;                   // what the file is: "text", "html", "pdf", "image", "docx", "odt", "email"
  std::optional<std::string> parent_id; // an attachment: the doc_id of the e-mail it came in
  std::vector<std::string> attachment_ids;  // an e-mail: the doc_ids of its attachments
  std::string text;                     // the normalised main text (UTF-8, NFC); all spans point into it
  std::vector<Page> pages;              // cover `text` in order
  std::optional<OcrSummary> ocr;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_DOCUMENT_H_
