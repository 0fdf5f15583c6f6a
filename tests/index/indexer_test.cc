#include "index/indexer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "index/database.h"
#include "index/schema.h"
#include "index/variant_map.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

IngestReport Ingest(const std::filesystem::path& db, const std::vector<std::string>& inputs, unsigned jobs = 2) {
  IngestOptions options;
  options.jobs = jobs;
  options.commit_every = 2;  // several transactions even in a small batch
  Result<IngestReport> report = Indexer(db, options).Ingest(inputs);
  REQUIRE(report.ok());
  return report.value();
}

std::string FailureOf(const IngestReport& report, const std::string& suffix) {
  for (const IngestFailure& f : report.failed) {
    if (f.source.ends_with(suffix)) return f.error;
  }
  return "(not reported)";
}

TEST_CASE("one bad file is named and skipped; the rest of the batch goes in", "[index]") {
  TempDir files;
  TempDir db;
  files.Write("in/letter.txt", "Kính gửi Đại sứ quán Cuba");
  files.Write("in/sub/note.txt", "Ghi chép cuộc điện đàm với Pfizer");
  files.Write("in/empty.txt", "");
  files.Write("in/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  files.Write("in/mixed.txt", "Việt Nam với \xFF\xFE hòa bình");
  files.Write("in/.hidden/secret.txt", "never ingested");
  const std::string missing = (files.path() / "no-such-file.txt").string();

  const IngestReport report = Ingest(db.path(), {(files.path() / "in").string(), missing});
  CHECK(report.ingested == 2);
  CHECK(report.files == 6);
  REQUIRE(report.failed.size() == 4);
  CHECK_THAT(FailureOf(report, "empty.txt"), Catch::Contains("empty"));
  CHECK_THAT(FailureOf(report, "image.txt"), Catch::Contains("binary"));
  CHECK_THAT(FailureOf(report, "mixed.txt"), Catch::Contains("encoding not recognised"));
  CHECK_THAT(FailureOf(report, "no-such-file.txt"), Catch::Contains("no such file"));

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_doccount() == 2);
  CHECK(index.value().get_termfreq("pfizer") == 1);
  CHECK(index.value().get_termfreq("secret") == 0);
}

TEST_CASE("re-ingest is idempotent; a changed file replaces its old version", "[index]") {
  TempDir files;
  TempDir db;
  for (int i = 0; i < 7; ++i) files.Write("doc" + std::to_string(i) + ".txt", "vaccine document " + std::to_string(i));
  const std::vector<std::string> inputs = {files.path().string()};

  IngestReport first = Ingest(db.path(), inputs);
  CHECK(first.ingested == 7);
  IngestReport again = Ingest(db.path(), inputs, 1);
  CHECK(again.ingested == 0);
  CHECK(again.unchanged == 7);

  files.Write("doc3.txt", "vaccine document three, revised");
  IngestReport changed = Ingest(db.path(), inputs);
  CHECK(changed.ingested == 1);
  CHECK(changed.unchanged == 6);

  files.Write("copy-of-doc1.txt", "vaccine document 1");
  IngestReport copied = Ingest(db.path(), inputs);
  CHECK(copied.duplicates == 1);
  CHECK(copied.unchanged == 7);

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_doccount() == 7);
  CHECK(index.value().get_termfreq("revised") == 1);
  CHECK(index.value().get_termfreq("3") == 0);
}

TEST_CASE("the result does not depend on the number of threads", "[index]") {
  TempDir files;
  for (int i = 0; i < 40; ++i) {
    files.Write("d" + std::to_string(i) + ".txt", i % 9 == 0 ? std::string() : "văn bản số " + std::to_string(i));
  }
  files.Write("same-as-d1.txt", "văn bản số 1");
  std::vector<IngestReport> reports;
  for (unsigned jobs : {1u, 2u, 7u}) {
    TempDir db;
    reports.push_back(Ingest(db.path(), {files.path().string()}, jobs));
  }
  for (const IngestReport& r : reports) {
    CHECK(r.ingested == reports[0].ingested);
    CHECK(r.duplicates == 1);
    REQUIRE(r.failed.size() == reports[0].failed.size());
    for (std::size_t i = 0; i < r.failed.size(); ++i) CHECK(r.failed[i].source == reports[0].failed[i].source);
  }
  CHECK(reports[0].ingested == 35);
}

TEST_CASE("large files go through the window in order, however few fit in its byte budget", "[index]") {
  // Each file's text is over a megabyte, so the prepared files waiting for the writer reach the window's
  // budget (a few megabytes) before its count: the writer must still get every file, in order.
  TempDir files;
  std::string paragraph;
  for (int i = 0; i < 48'000; ++i) paragraph += "Một đoạn văn bản dài. ";
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    files.Write("big" + n + ".txt", "Tệp " + n + "\n" + paragraph);
  }
  TempDir db;
  std::vector<std::string> written;
  auto progress = [&](std::size_t, std::size_t, std::string_view source) { written.emplace_back(source); };
  IngestOptions options;
  options.jobs = 3;
  Result<IngestReport> report = Indexer(db.path(), options).Ingest({files.path().string()}, progress);
  REQUIRE(report.ok());
  CHECK(report.value().ingested == 6);
  CHECK(report.value().failed.empty());
  CHECK(std::is_sorted(written.begin(), written.end()));
  CHECK(written.size() == 6);
}

TEST_CASE("a path that does not exist is a failure of the batch, the rest is ingested", "[index]") {
  TempDir files;
  TempDir db;
  files.Write("a.txt", "Bộ Ngoại giao gửi thư cảm ơn Đại sứ quán Nhật Bản.");
  files.Write("sub/b.txt", "The Embassy of Japan confirmed the deliveries.");
  const std::string missing = (files.path() / "no-such-folder").string();
  std::vector<std::string> shown;
  std::size_t last_total = 0;
  auto progress = [&](std::size_t done, std::size_t total, std::string_view source) {
    CHECK(done == shown.size() + 1);
    shown.emplace_back(source);
    last_total = total;
  };
  Result<IngestReport> report = Indexer(db.path()).Ingest({missing, files.path().string()}, progress);
  REQUIRE(report.ok());
  CHECK(report.value().ingested == 2);
  CHECK(report.value().files == 3);
  REQUIRE(report.value().failed.size() == 1);
  CHECK(report.value().failed[0].source == missing);
  CHECK(report.value().failed[0].error == "no such file or folder");
  CHECK(shown == std::vector<std::string>{(files.path() / "a.txt").string(), (files.path() / "sub/b.txt").string()});
  CHECK(last_total == 2);
}

TEST_CASE("an index another process is writing is reported, not damaged", "[index]") {
  TempDir files;
  TempDir db;
  files.Write("a.txt", "text");
  Result<Xapian::WritableDatabase> holder = OpenWritableDatabase(db.path());
  REQUIRE(holder.ok());
  Result<IngestReport> report = Indexer(db.path()).Ingest({files.path().string()});
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == Status::Code::kDatabase);
  CHECK_THAT(report.status().message(), Catch::Contains("another process"));
}

TEST_CASE("an index written by an older dipdoc is brought up to date by the next ingest", "[index]") {
  TempDir files;
  TempDir db;
  files.Write("a.txt", "Bộ Ngoại giao gửi thư cảm ơn Đại sứ quán Nhật Bản về vaccine.");
  files.Write("b.txt", "The Embassy of Japan confirmed the deliveries of vaccine doses.");
  const std::vector<std::string> inputs{files.path().string()};
  REQUIRE(Ingest(db.path(), inputs).ingested == 2);
  {
    // What an index from before the accent-free dictionary and stems looks like.
    Xapian::WritableDatabase old(db.path().string());
    REQUIRE(old.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion);
    old.set_metadata(std::string(schema::kSchemaVersionKey), "");
    old.clear_synonyms(std::string(schema::kFoldedKey) + "ngoai");
    // Schema 3 indexed English and French stems as "Z" terms, and had no stem dictionary.
    const std::string stem_key = std::string(schema::kStemKey) + "en:deliveri";
    old.clear_synonyms(stem_key);
    REQUIRE(old.synonyms_begin(stem_key) == old.synonyms_end(stem_key));
    Xapian::PostingIterator english = old.postlist_begin("deliveries");
    REQUIRE(english != old.postlist_end("deliveries"));
    Xapian::Document doc = old.get_document(*english);
    doc.add_term(std::string(schema::kStem) + "deliveri");
    old.replace_document(*english, doc);
    old.commit();
    REQUIRE(Variants(old, "ngoai").empty());
  }
  const IngestReport upgraded = Ingest(db.path(), inputs);
  CHECK(upgraded.ingested == 2);  // written again in the current layout
  CHECK(upgraded.unchanged == 0);
  {
    Result<Xapian::Database> index = OpenDatabase(db.path());
    REQUIRE(index.ok());
    CHECK(index.value().get_doccount() == 2);
    CHECK(Variants(index.value(), "ngoai") == std::vector<std::string>{"ngoại"});
    // The documents were written again with the words' stems in the dictionary, and no stem terms.
    CHECK(StemSiblings(index.value(), "en", Xapian::Stem("english")("delivery")) ==
          std::vector<std::string>{"deliveries"});
    CHECK(index.value().allterms_begin(std::string(schema::kStem)) == index.value().allterms_end(std::string(schema::kStem)));
    CHECK(index.value().get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion);
  }
  const IngestReport again = Ingest(db.path(), inputs);
  CHECK(again.unchanged == 2);
  CHECK(again.ingested == 0);
}

TEST_CASE("an exception on the writer's side stops the workers rather than hanging the run", "[index]") {
  TempDir files;
  TempDir db;
  for (int i = 0; i < 60; ++i) {
    files.Write("in/" + std::to_string(100 + i) + ".txt", "Thư số " + std::to_string(i) + " về vaccine.");
  }
  const std::vector<std::string> inputs{(files.path() / "in").string()};
  IngestOptions options;
  options.jobs = 2;
  options.commit_every = 10;
  // Thrown after a few files, while the workers are ahead and waiting for room in the window: they used to
  // wait for ever, and the run with them.
  const IngestProgress throwing = [](std::size_t done, std::size_t, std::string_view) {
    if (done == 25) throw std::runtime_error("progress failed");
  };
  CHECK_THROWS_AS(Indexer(db.path(), options).Ingest(inputs, throwing), std::runtime_error);

  // What was committed stays, and a re-run finishes the job.
  const IngestReport report = Ingest(db.path(), inputs);
  CHECK(report.ingested + report.unchanged == 60);
  CHECK(report.unchanged >= 20);
  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_doccount() == 60);
}

TEST_CASE("a long re-run whose writer commits many times still recognises unchanged files", "[index]") {
  // Workers look files up in the index as it was when the run began; after the writer has committed twice,
  // Xapian may have reused that revision's blocks.
  TempDir files;
  TempDir db;
  for (int i = 0; i < 300; ++i) {
    files.Write("in/" + std::to_string(1000 + 2 * i) + ".txt",
                "Thư cũ số " + std::to_string(i) + " về vaccine, ngoại giao và hợp tác y tế lâu dài.");
  }
  const std::vector<std::string> inputs{(files.path() / "in").string()};
  REQUIRE(Ingest(db.path(), inputs).ingested == 300);
  for (int i = 0; i < 600; ++i) {
    files.Write("in/" + std::to_string(1001 + 2 * i) + ".txt",
                "Thư mới số " + std::to_string(i) + " về liều vaccine được bàn giao trong tháng.");
  }
  const IngestReport report = Ingest(db.path(), inputs);  // two documents per transaction
  INFO((report.failed.empty() ? std::string() : report.failed.front().error));
  CHECK(report.failed.empty());
  CHECK(report.ingested == 600);
  CHECK(report.unchanged == 300);
}

}  // namespace
}  // namespace dipdoc
