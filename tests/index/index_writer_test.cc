#include "index/index_writer.h"

#include <catch2/catch.hpp>

#include "index/document_builder.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"
#include "ingest/document_loader.h"
#include "test_util.h"

namespace dipdoc {
namespace {

// Stores `text` as the content of the file at `path`, as an ingest would.
StoreOutcome StoreText(IndexWriter& writer, const std::string& path, const std::string& text) {
  static const DocumentLoader loader;
  DocumentBuilder builder;
  Result<Document> doc = loader.FromBytes(text, path, path);
  REQUIRE(doc.ok());
  Record record = MakeRecord(std::move(doc).value(), Extraction{});
  return writer.Store(record, builder.Build(record));
}

Record StoredRecordFor(const Xapian::Database& db, const std::string& path) {
  const Xapian::docid id = FindDocument(db, schema::PathTerm(path));
  REQUIRE(id != 0);
  Result<Record> record = UnpackRecord(db.get_document(id).get_data());
  REQUIRE(record.ok());
  return record.value();
}

TEST_CASE("the writer keeps one document per content and one content per file", "[index]") {
  IndexWriter writer(testing::ScratchDatabase());
  const Xapian::Database& db = writer.database();

  CHECK(StoreText(writer, "/a.txt", "Cuba bàn giao vaccine Abdala") == StoreOutcome::kAdded);
  CHECK(db.get_doccount() == 1);

  SECTION("storing the same file again changes nothing") {
    const std::string before = db.get_document(1).get_data();
    CHECK(StoreText(writer, "/a.txt", "Cuba bàn giao vaccine Abdala") == StoreOutcome::kUnchanged);
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_document(1).get_data() == before);
  }

  SECTION("the same content under a second name is one document with both sources") {
    CHECK(StoreText(writer, "/b.txt", "Cuba bàn giao vaccine Abdala") == StoreOutcome::kSourceAdded);
    CHECK(db.get_doccount() == 1);
    const Record record = StoredRecordFor(db, "/b.txt");
    REQUIRE(record.sources.size() == 2);
    CHECK(record.sources[0].path == "/a.txt");
    CHECK(record.sources[1].path == "/b.txt");
    CHECK(FindDocument(db, schema::PathTerm("/a.txt")) == FindDocument(db, schema::PathTerm("/b.txt")));

    SECTION("changing one of them splits it off and keeps the other") {
      CHECK(StoreText(writer, "/a.txt", "Pfizer cam kết 31 triệu liều") == StoreOutcome::kReplaced);
      CHECK(db.get_doccount() == 2);
      CHECK(StoredRecordFor(db, "/b.txt").sources == std::vector<SourceFile>{{"/b.txt", "/b.txt"}});
      CHECK(StoredRecordFor(db, "/b.txt").document.source == "/b.txt");
      CHECK(StoredRecordFor(db, "/a.txt").document.text == "Pfizer cam kết 31 triệu liều\n");
    }
  }

  SECTION("a changed file replaces its old version") {
    CHECK(StoreText(writer, "/a.txt", "Cuba bàn giao 1,05 triệu liều Abdala") == StoreOutcome::kReplaced);
    CHECK(db.get_doccount() == 1);
    CHECK(StoredRecordFor(db, "/a.txt").document.text == "Cuba bàn giao 1,05 triệu liều Abdala\n");
    CHECK(db.get_termfreq("abdala") == 1);
  }

  SECTION("IsIndexed needs both the content and the path") {
    const std::string id = StoredRecordFor(db, "/a.txt").document.doc_id;
    CHECK(writer.IsIndexed(id, "/a.txt"));
    CHECK_FALSE(writer.IsIndexed(id, "/elsewhere.txt"));
    CHECK_FALSE(writer.IsIndexed("ffffffffffffffff", "/a.txt"));
  }
}

TEST_CASE("very long paths are stored by their hash", "[index]") {
  const std::string long_path = "/" + std::string(400, 'x') + ".txt";
  const std::string term = schema::PathTerm(long_path);
  CHECK(term.size() < 245);
  CHECK(term != schema::PathTerm("/" + std::string(401, 'x') + ".txt"));
  IndexWriter writer(testing::ScratchDatabase());
  CHECK(StoreText(writer, long_path, "text") == StoreOutcome::kAdded);
  CHECK(StoreText(writer, long_path, "text") == StoreOutcome::kUnchanged);
}

TEST_CASE("the schema pads dates so they sort as strings", "[index]") {
  CHECK(schema::DateValue("2021-08-17") == "20210817");
  CHECK(schema::DateValue("2021-08") == "20210800");
  CHECK(schema::DateValue("2021") == "20210000");
}

}  // namespace
}  // namespace dipdoc
