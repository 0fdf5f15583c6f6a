#ifndef DIPDOC_INGEST_OFFICE_READER_H_
#define DIPDOC_INGEST_OFFICE_READER_H_

// Word processors' files: the text of a DOCX (Office Open XML) or ODT (OpenDocument) file in reading order.

#include <string>
#include <string_view>

#include "ingest/status.h"

namespace dipdoc {

struct OfficeText {
  std::string title;  // the document's own title property, empty when unset
  std::string text;   // headers, then the body (paragraphs on lines of their own, a blank line between
                      // paragraphs; table rows one per line, cells separated by " | "), then footers
};

// InvalidInput naming the reason for a damaged or encrypted file, or an archive that is not a document;
// TooLarge for a part over 64 MiB uncompressed or a zip bomb. Thread-safe.
Result<OfficeText> ReadDocx(std::string_view bytes);
Result<OfficeText> ReadOdt(std::string_view bytes);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_OFFICE_READER_H_
