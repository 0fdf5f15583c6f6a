#include "ingest/document_loader.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

TEST_CASE("a UTF-8 text file becomes a normalised Document", "[ingest]") {
  TempDir dir;
  const auto file = dir.Write("note.txt", "\xEF\xBB\xBF\r\n  Ghi chép cuộc điện đàm  \r\nNội dung.\r\n");
  const DocumentLoader loader;
  Result<Document> doc = loader.Load(file, "given/name.txt");
  REQUIRE(doc.ok());
  const Document& d = doc.value();
  CHECK(d.source == "given/name.txt");
  CHECK(d.path == std::filesystem::weakly_canonical(file).string());
  CHECK(d.title == "Ghi chép cuộc điện đàm");
  CHECK(d.text == "Ghi chép cuộc điện đàm\nNội dung.\n");
  CHECK(d.doc_id.size() == 16);
  CHECK(d.doc_type == DocType::kCallNote);
  CHECK(d.encoding == "utf-8");
  CHECK(d.format == "text");
  CHECK_FALSE(d.ocr.has_value());
  REQUIRE(d.pages.size() == 1);
  CHECK(d.pages[0].span == Span{0, d.text.size()});
}

TEST_CASE("doc_id follows the bytes, not the name", "[ingest]") {
  TempDir dir;
  const DocumentLoader loader;
  const auto a = loader.Load(dir.Write("a.txt", "same text"), "a.txt");
  const auto b = loader.Load(dir.Write("b.txt", "same text"), "b.txt");
  const auto c = loader.Load(dir.Write("c.txt", "other text"), "c.txt");
  REQUIRE((a.ok() && b.ok() && c.ok()));
  CHECK(a.value().doc_id == b.value().doc_id);
  CHECK(a.value().doc_id != c.value().doc_id);
}

TEST_CASE("form feeds split a text into pages", "[ingest]") {
  const DocumentLoader loader;
  Result<Document> doc = loader.FromBytes("page one\fpage two\fpage three", "x", "");
  REQUIRE(doc.ok());
  const Document& d = doc.value();
  REQUIRE(d.pages.size() == 3);
  CHECK(d.pages[0].span.In(d.text) == "page one");
  CHECK(d.pages[1].span.In(d.text) == "page two");
  CHECK(d.pages[2].number == 3);
  CHECK(d.pages[2].span.In(d.text) == "page three\n");
}

TEST_CASE("bad files are refused with the reason", "[ingest]") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"empty.txt", "", "file is empty"},
      {"blank.txt", " \n\t\n", "no text"},
      {"png-named.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "truncated PNG"},
      {"binary.txt", std::string("\x01\x02\0\x03binary\0\0", 12), "binary data"},
      {"mixed.txt", "Việt Nam với \xFF\xFE hòa bình", "encoding not recognised"},
  };
  TempDir dir;
  const DocumentLoader loader;
  for (const Case& c : cases) {
    INFO(c.name);
    Result<Document> doc = loader.Load(dir.Write(c.name, c.bytes), c.name);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Status::Code::kInvalidInput);
    CHECK_THAT(doc.status().message(), Catch::Contains(c.reason));
  }
}

TEST_CASE("missing files, folders and oversized files are refused", "[ingest]") {
  TempDir dir;
  LoaderOptions options;
  options.max_file_bytes = 10;
  const DocumentLoader loader(options);

  Result<Document> missing = loader.Load(dir.path() / "nowhere.txt", "nowhere.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kIoError);

  Result<Document> folder = loader.Load(dir.path(), "dir");
  REQUIRE_FALSE(folder.ok());
  CHECK_THAT(folder.status().message(), Catch::Contains("folder"));

  Result<Document> big = loader.Load(dir.Write("big.txt", "eleven byte"), "big.txt");
  REQUIRE_FALSE(big.ok());
  CHECK(big.status().code() == Status::Code::kTooLarge);
  CHECK_THAT(big.status().message(), Catch::Contains("11 bytes"));
}

}  // namespace
}  // namespace dipdoc
