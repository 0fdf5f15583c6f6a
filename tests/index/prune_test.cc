#include "index/pruner.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "index/database.h"
#include "index/index_writer.h"
#include "index/stored_record.h"
#include "index/indexer.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

// A folder of files to ingest, seen through its canonical path, which is how the index spells it.
class Files {
 public:
  Files() : base_(std::filesystem::canonical(dir_.path())) {}

  std::string Write(const std::string& name, const std::string& bytes) const {
    dir_.Write(name, bytes);
    return Path(name);
  }
  std::string Path(const std::string& name) const { return (base_ / name).string(); }
  void Remove(const std::string& name) const { REQUIRE(std::filesystem::remove_all(base_ / name) > 0); }
  const std::filesystem::path& base() const { return base_; }

 private:
  TempDir dir_;
  std::filesystem::path base_;
};

void Ingest(const std::filesystem::path& db, const std::vector<std::string>& inputs) {
  IngestOptions options;
  options.jobs = 2;
  options.commit_every = 2;
  Result<IngestReport> report = Indexer(db, options).Ingest(inputs);
  REQUIRE(report.ok());
  REQUIRE(report.value().failed.empty());
}

PruneReport PruneAt(const std::filesystem::path& db, const std::vector<std::string>& roots) {
  Result<PruneReport> report = Prune(db, roots);
  INFO((report.ok() ? std::string() : report.status().message()));
  REQUIRE(report.ok());
  return report.value();
}

// The index as one line: each document's sources (relative to `base`, '+'-joined) in record order, the
// documents sorted. Fails the test when a document's P terms are not exactly its record's sources.
std::string Contents(const std::filesystem::path& db_dir, const std::filesystem::path& base) {
  Result<Xapian::Database> opened = OpenDatabase(db_dir);
  REQUIRE(opened.ok());
  const Xapian::Database& db = opened.value();
  std::vector<std::string> documents;
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const Xapian::Document doc = db.get_document(*id);
    Result<Record> record = UnpackRecord(doc.get_data());
    REQUIRE(record.ok());
    std::vector<std::string> expected_terms;
    std::string names;
    for (const SourceFile& s : record.value().sources) {
      expected_terms.push_back(schema::PathTerm(s.path));
      names += (names.empty() ? "" : "+") + std::filesystem::path(s.path).lexically_relative(base).string();
    }
    std::vector<std::string> terms;
    const std::string prefix(schema::kPath);
    auto term = doc.termlist_begin();
    for (term.skip_to(prefix); term != doc.termlist_end() && (*term).starts_with(prefix); ++term) {
      terms.push_back(*term);
    }
    std::sort(expected_terms.begin(), expected_terms.end());
    INFO("document " << names);
    CHECK(terms == expected_terms);
    CHECK(record.value().document.path == record.value().sources.at(0).path);
    documents.push_back(names);
  }
  std::sort(documents.begin(), documents.end());
  std::string out;
  for (const std::string& d : documents) out += (out.empty() ? "" : " | ") + d;
  return out;
}

TEST_CASE("a gone file's document goes; a missing file outside the given paths stays", "[index][prune]") {
  Files files;
  TempDir db;
  files.Write("in/a.txt", "Công hàm gửi Đại sứ quán Nhật Bản");
  files.Write("in/sub/b.txt", "Ghi chép cuộc điện đàm với Pfizer");
  files.Write("in2/c.txt", "Thư cảm ơn Chính phủ Cuba");
  files.Write("out/d.txt", "Thông cáo báo chí về vắc-xin");
  Ingest(db.path(), {files.Path("in"), files.Path("in2"), files.Path("out")});
  REQUIRE(Contents(db.path(), files.base()) == "in/a.txt | in/sub/b.txt | in2/c.txt | out/d.txt");

  files.Remove("in/sub");
  files.Remove("in2/c.txt");  // "in2" shares a prefix with "in" but is not inside it
  files.Remove("out/d.txt");
  const PruneReport report = PruneAt(db.path(), {files.Path("in")});
  CHECK(report.deleted == 1);
  CHECK(report.detached == 0);
  CHECK(Contents(db.path(), files.base()) == "in/a.txt | in2/c.txt | out/d.txt");

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_doccount() == 3);
  CHECK(index.value().get_termfreq("pfizer") == 0);
  CHECK(index.value().get_termfreq("cuba") == 1);
}

TEST_CASE("roots are compared as canonical paths, files and folders alike", "[index][prune]") {
  Files files;
  TempDir db;
  files.Write("docs/a.txt", "văn bản thứ nhất");
  files.Write("docs/b.txt", "văn bản thứ hai");
  files.Write("docs/c.txt", "văn bản thứ ba");
  Ingest(db.path(), {files.Path("docs")});
  files.Remove("docs/a.txt");
  files.Remove("docs/b.txt");

  // A file given by itself, spelled with "..": only that file.
  CHECK(PruneAt(db.path(), {files.Path("docs/../docs/a.txt")}).deleted == 1);
  CHECK(Contents(db.path(), files.base()) == "docs/b.txt | docs/c.txt");
  // The folder with a trailing '/'.
  CHECK(PruneAt(db.path(), {files.Path("docs") + "/"}).deleted == 1);
  CHECK(Contents(db.path(), files.base()) == "docs/c.txt");
}

TEST_CASE("a document with two names loses only the gone one and stays findable", "[index][prune]") {
  Files files;
  TempDir db;
  const std::string text = "Đại sứ quán Thụy Sĩ trao tặng 500.000 liều vắc-xin";
  files.Write("in/original.txt", text);
  files.Write("in/copy.txt", text);
  files.Write("in/other.txt", "một văn bản khác");
  Ingest(db.path(), {files.Path("in")});
  REQUIRE(Contents(db.path(), files.base()) == "in/copy.txt+in/original.txt | in/other.txt");

  files.Remove("in/copy.txt");  // the first source: the record's own source must move on to the other
  const PruneReport report = PruneAt(db.path(), {files.Path("in")});
  CHECK(report.deleted == 0);
  CHECK(report.detached == 1);
  CHECK(Contents(db.path(), files.base()) == "in/original.txt | in/other.txt");

  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_termfreq("thụy") == 1);
  const Xapian::docid id = FindDocument(index.value(), schema::PathTerm(files.Path("in/original.txt")));
  REQUIRE(id != 0);
  Result<Record> record = UnpackRecord(index.value().get_document(id).get_data());
  REQUIRE(record.ok());
  CHECK(record.value().document.source == files.Path("in/original.txt"));

  // The same content ingested again under its gone name would be a source again, not a new document.
  files.Write("in/copy.txt", text);
  Ingest(db.path(), {files.Path("in")});
  CHECK(Contents(db.path(), files.base()) == "in/original.txt+in/copy.txt | in/other.txt");
}

TEST_CASE("a second prune changes nothing", "[index][prune]") {
  Files files;
  TempDir db;
  for (int i = 0; i < 6; ++i) files.Write("f" + std::to_string(i) + ".txt", "tài liệu số " + std::to_string(i));
  Ingest(db.path(), {files.base().string()});
  files.Remove("f1.txt");
  files.Remove("f4.txt");
  CHECK(PruneAt(db.path(), {files.base().string()}).deleted == 2);

  Xapian::rev revision = 0;
  {
    Result<Xapian::Database> index = OpenDatabase(db.path());
    REQUIRE(index.ok());
    CHECK(index.value().get_doccount() == 4);
    revision = index.value().get_revision();
  }
  const PruneReport again = PruneAt(db.path(), {files.base().string()});
  CHECK(again.deleted == 0);
  CHECK(again.detached == 0);
  Result<Xapian::Database> index = OpenDatabase(db.path());
  REQUIRE(index.ok());
  CHECK(index.value().get_revision() == revision);  // nothing was even committed
  CHECK(index.value().get_doccount() == 4);
  CHECK(Contents(db.path(), files.base()) == "f0.txt | f2.txt | f3.txt | f5.txt");
}

TEST_CASE("an attachment goes with its e-mail, not before", "[index][prune]") {
  Files files;
  TempDir db;
  files.Write("mail/letter#2.eml",  // a '#' of the file's own, before the attachment's
              "From: Le tan <letan@mofa.gov.vn>\r\n"
              "To: minh.tv@mofa.gov.vn\r\n"
              "Subject: Danh sach lo hang\r\n"
              "Date: Wed, 18 Aug 2021 09:30:00 +0700\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
              "\r\n"
              "--b\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n"
              "Content-Transfer-Encoding: 8bit\r\n"
              "\r\n"
              "Kính gửi anh Minh, xin gửi danh sách lô hàng.\r\n"
              "--b\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n"
              "Content-Transfer-Encoding: 8bit\r\n"
              "Content-Disposition: attachment; filename=\"list.txt\"\r\n"
              "\r\n"
              "Lô hàng thứ nhất: 200.000 liều vắc-xin AstraZeneca.\r\n"
              "--b--\r\n");
  Ingest(db.path(), {files.Path("mail")});
  REQUIRE(Contents(db.path(), files.base()) == "mail/letter#2.eml | mail/letter#2.eml#1/list.txt");

  // The attachment's path is no file on disk, but its e-mail is.
  CHECK(PruneAt(db.path(), {files.Path("mail")}).deleted == 0);
  CHECK(PruneAt(db.path(), {files.Path("mail/letter#2.eml")}).deleted == 0);

  files.Remove("mail/letter#2.eml");
  CHECK(PruneAt(db.path(), {files.Path("mail/letter#2.eml")}).deleted == 2);
  CHECK(Contents(db.path(), files.base()).empty());
}

TEST_CASE("a path long enough to be stored by its hash is pruned too", "[index][prune]") {
  Files files;
  TempDir db;
  const std::string deep = std::string(60, 'a') + "/" + std::string(60, 'b') + "/" + std::string(60, 'c') + "/";
  files.Write(deep + "gone.txt", "tài liệu sẽ bị xóa");
  files.Write(deep + "kept.txt", "tài liệu còn lại");
  REQUIRE(files.Path(deep + "gone.txt").size() > schema::kMaxPathTermBytes);
  Ingest(db.path(), {files.base().string()});
  files.Remove(deep + "gone.txt");

  CHECK(PruneAt(db.path(), {files.base().string()}).deleted == 1);
  CHECK(Contents(db.path(), files.base()) == deep + "kept.txt");
}

TEST_CASE("an index another process is writing is reported, not pruned", "[index][prune]") {
  Files files;
  TempDir db;
  files.Write("a.txt", "văn bản");
  Ingest(db.path(), {files.base().string()});
  files.Remove("a.txt");
  {
    Result<Xapian::WritableDatabase> holder = OpenWritableDatabase(db.path());
    REQUIRE(holder.ok());
    Result<PruneReport> report = Prune(db.path(), {files.base().string()});
    REQUIRE_FALSE(report.ok());
    CHECK(report.status().code() == Status::Code::kDatabase);
  }
  CHECK(Contents(db.path(), files.base()) == "a.txt");
}

}  // namespace
}  // namespace dipdoc
