#ifndef DIPDOC_INGEST_FILE_KIND_H_
#define DIPDOC_INGEST_FILE_KIND_H_

#include <string>
#include <string_view>

namespace dipdoc {

enum class FileKind { kText, kHtml, kPdf, kImage, kDocx, kOdt, kEmail, kOtherBinary };

// "text", "html", "pdf", "image", "docx", "odt", "email", "binary".
std::string_view ToString(FileKind kind);

// What a file is, from its content alone (libmagic), never from its name: a PDF named .png is a PDF.
// `mime`, when given, receives libmagic's MIME type (for messages about unsupported files). Thread-safe.
FileKind SniffFileKind(std::string_view bytes, std::string* mime = nullptr);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_FILE_KIND_H_
