#ifndef DIPDOC_INGEST_EMAIL_READER_H_
#define DIPDOC_INGEST_EMAIL_READER_H_

// E-mail (RFC 5322 / MIME, as .eml files): headers, the body, and the attachments as files of their own.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/status.h"

namespace dipdoc {

struct EmailAttachment {
  std::string file_name;     // as the message names it (decoded), or "attachment-N" when it names none
  std::string content_type;  // "application/pdf", ...
  std::string bytes;         // decoded from its transfer encoding
};

struct Email {
  std::string from, to, cc, subject;   // decoded (RFC 2047), UTF-8
  std::optional<std::string> date;     // the Date header as YYYY-MM-DD
  std::string body;                    // the text/plain part, UTF-8; else the text/html part's HTML
  bool body_is_html = false;
  std::vector<EmailAttachment> attachments;  // in message order; inline images included
};

// InvalidInput naming the reason when `bytes` are not a MIME message. Thread-safe.
Result<Email> ReadEmail(std::string_view bytes);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_EMAIL_READER_H_
