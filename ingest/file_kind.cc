#include "ingest/file_kind.h"

#include <magic.h>

#include <memory>
#include <string>

namespace dipdoc {
namespace {

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
