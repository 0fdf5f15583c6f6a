#include "ingest/file_kind.h"

#include <magic.h>

#include <memory>
#include <optional>
#include <string>

#include "ingest/utf8.h"

namespace dipdoc {
namespace {

constexpr std::size_t kProseHeadBytes = 4096;  // how much of a file the plain-prose check reads

struct MagicCloser {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};

// libmagic's handle is not thread-safe: one per thread, loaded on first use.
magic_t Cookie() {
  thread_local std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> cookie = [] {
    std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> c(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR));
    if (c && magic_load(c.get(), nullptr) != 0) c.reset();
    return c;
  }();
  return cookie.get();
}

// A text file that starts like an e-mail: a run of "Name: value" header lines naming the usual headers.
bool StartsLikeEmail(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  int headers = 0;
  for (const char* name : {"From:", "To:", "Subject:", "Date:", "Message-ID:", "MIME-Version:", "Received:",
                           "Return-Path:", "Content-Type:"}) {
    const std::string_view n(name);
    if (head.starts_with(n) || head.find("\n" + std::string(n)) != std::string_view::npos) ++headers;
  }
  return headers >= 3;
}

// Plain UTF-8 prose, which libmagic can only call text/plain, but only after walking its whole database:
// 0.7-2.4 ms per text file, measured, which made sniffing the slowest step of ingesting text. Anything that
// could be markup, a signature or a container ('<' anywhere in the head, a first character that is not a
// letter or digit, control bytes, bytes that are not UTF-8) still goes to libmagic.
bool IsPlainUtf8Prose(std::string_view bytes) {
  std::string_view head = TruncateUtf8(bytes, kProseHeadBytes);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);  // UTF-8 byte order mark
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  const auto lead = static_cast<unsigned char>(head[first]);
  const bool letter_or_digit = (lead >= '0' && lead <= '9') || (lead >= 'A' && lead <= 'Z') ||
                               (lead >= 'a' && lead <= 'z') || lead >= 0xC3;  // a letter beyond ASCII
  if (!letter_or_digit || head.find('<') != std::string_view::npos) return false;
  for (const char c : head) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return !FindInvalidUtf8(head).has_value();
}

}  // namespace

std::string_view ToString(FileKind kind) {
  switch (kind) {
    case FileKind::kText: return "text";
    case FileKind::kHtml: return "html";
    case FileKind::kPdf: return "pdf";
    case FileKind::kImage: return "image";
    case FileKind::kDocx: return "docx";
    case FileKind::kOdt: return "odt";
    case FileKind::kEmail: return "email";
    case FileKind::kOtherBinary: return "binary";
  }
  return "binary";
}

FileKind SniffFileKind(std::string_view bytes, std::string* mime_out) {
  if (IsPlainUtf8Prose(bytes)) {
    if (mime_out != nullptr) *mime_out = "text/plain";
    return StartsLikeEmail(bytes) ? FileKind::kEmail : FileKind::kText;
  }
  magic_t cookie = Cookie();
  const char* found = cookie != nullptr ? magic_buffer(cookie, bytes.data(), bytes.size()) : nullptr;
  const std::string mime = found != nullptr ? found : "application/octet-stream";
  if (mime_out != nullptr) *mime_out = mime;
  if (mime == "application/pdf") return FileKind::kPdf;
  if (mime == "image/png" || mime == "image/jpeg" || mime == "image/tiff") return FileKind::kImage;
  if (mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return FileKind::kDocx;
  // OLE compound files: Word 97-2003 documents and encrypted Office files. The DOCX reader says which.
  if (mime == "application/x-ole-storage" || mime == "application/msword" || mime == "application/CDFV2" ||
      mime == "application/encrypted") {
    return FileKind::kDocx;
  }
  if (mime == "application/vnd.oasis.opendocument.text") return FileKind::kOdt;
  if (mime == "message/rfc822" || StartsLikeEmail(bytes)) return FileKind::kEmail;
  if (mime == "text/html") return FileKind::kHtml;
  if (mime.starts_with("text/") || mime == "application/octet-stream" || mime == "application/x-empty" ||
      mime == "application/csv" || mime == "application/json") {
    return FileKind::kText;  // the decoder decides between text in some encoding and binary data
  }
  return FileKind::kOtherBinary;
}

}  // namespace dipdoc
