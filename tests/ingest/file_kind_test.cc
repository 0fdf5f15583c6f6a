#include "ingest/file_kind.h"

#include <catch2/catch.hpp>

#include <string>

namespace dipdoc {
namespace {

TEST_CASE("what a file is comes from its bytes, not its name", "[ingest]") {
  struct Case {
    const char* name;
    std::string bytes;
    FileKind kind;
  };
  const Case cases[] = {
      {"PDF", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", FileKind::kPdf},
      {"PNG", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x00\0\0\0", 29), FileKind::kImage},
      {"JPEG", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20), FileKind::kImage},
      {"TIFF", std::string("II*\0\x08\0\0\0", 8), FileKind::kImage},
      {"HTML", "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hello</p></body></html>", FileKind::kHtml},
      {"text", "Kính gửi Đại sứ quán Nhật Bản.\nHà Nội, ngày 5 tháng 10 năm 2021\n", FileKind::kText},
      {"e-mail", "From: A <a@example.org>\nTo: B <b@example.org>\nSubject: Vaccine\nDate: Tue, 5 Oct 2021 "
                 "10:00:00 +0700\nMIME-Version: 1.0\n\nBody\n",
       FileKind::kEmail},
      // Prose first, markup later: still libmagic's call, not taken for plain text.
      {"HTML after a line of text", "Tin tức\n<html><head><title>x</title></head><body><p>Hello</p></body></html>",
       FileKind::kHtml},
      {"PostScript", "%!PS-Adobe-3.0\n%%Title: x\n", FileKind::kOtherBinary},
      {"text longer than the head read, cut inside a letter", std::string(4095, 'a') + "ệ tiếp theo", FileKind::kText},
      {"zip that is no document", std::string("PK\x03\x04\x14\0\0\0\0\0", 10) + std::string(40, '\0'),
       FileKind::kOtherBinary},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string mime;
    CHECK(SniffFileKind(c.bytes, &mime) == c.kind);
    CHECK_FALSE(mime.empty());
  }
}

}  // namespace
}  // namespace dipdoc
