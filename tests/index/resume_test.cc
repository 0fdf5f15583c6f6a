// An ingest killed at any moment leaves an index that opens, and a re-run finishes the work without doing any
// twice; readers can search while an ingest writes. These drive the real binary, since only a separate
// process can be killed mid-write.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>

#include "index/stored_record.h"
#include "index/database.h"
#include "index/index_writer.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "ingest/content_hash.h"
#include "query/searcher.h"
#include "test_util.h"

extern char** environ;

namespace dipdoc {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;

constexpr int kFiles = 1500;
constexpr int kCopyEvery = 150;  // every 150th file has a twin: same content, another name

// A batch of small, distinct text files (and a few copies) in a fresh folder, with what each one holds.
class Batch {
 public:
  Batch() : base_(std::filesystem::canonical(dir_.path())) {
    const char* partners[] = {"Nhật Bản", "Cuba", "Thụy Sĩ", "Pfizer", "Hoa Kỳ", "Pháp", "Úc", "Hàn Quốc"};
    const char* vaccines[] = {"AstraZeneca", "Pfizer", "Moderna", "Abdala", "Vero Cell"};
    for (int i = 0; i < kFiles; ++i) {
      const std::string n = std::to_string(i);
      std::string text = "Văn bản số " + n + ". Đại sứ quán " + partners[i % 8] + " thông báo viện trợ " +
                         std::to_string(1000 * (i + 1)) + " liều vaccine " + vaccines[i % 5] + " ngày " +
                         std::to_string(i % 28 + 1) + "/" + std::to_string(i % 12 + 1) + "/2021.\n";
      for (int k = 0; k < i % 4; ++k) text += "Ghi chú bổ sung " + std::to_string(i * 7 + k) + ".\n";
      Add("part" + std::to_string(i / 100) + "/doc" + n + ".txt", text);
      if (i % kCopyEvery == 0) Add("copies/twin" + n + ".txt", text);
    }
  }

  const std::filesystem::path& base() const { return base_; }
  // canonical path -> content id
  const std::map<std::string, std::string>& files() const { return files_; }
  std::size_t distinct_contents() const { return std::set<std::string>(ids_.begin(), ids_.end()).size(); }

 private:
  void Add(const std::string& name, const std::string& text) {
    dir_.Write(name, text);
    files_[(base_ / name).string()] = ContentId(text);
    ids_.push_back(ContentId(text));
  }

  TempDir dir_;
  std::filesystem::path base_;
  std::map<std::string, std::string> files_;
  std::vector<std::string> ids_;
};

// `dipdoc` running in a child process, its stdout and stderr in `log`. Killed and reaped on destruction.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::filesystem::path& log) {
    std::vector<std::string> argv_strings = {DIPDOC_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    const int error = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(error == 0);
  }
  ~Child() {
    if (pid_ > 0) Kill();
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Whether it has ended by itself; reaps it if so.
  bool Ended() {
    if (pid_ <= 0) return true;
    if (waitpid(pid_, &status_, WNOHANG) != pid_) return false;
    pid_ = 0;
    return true;
  }
  // Kills it with SIGKILL unless it has ended. Returns whether it was still running.
  bool Kill() {
    if (Ended()) return false;
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    pid_ = 0;
    return true;
  }
  // Waits for it to end; its exit status, or 128 + the signal that ended it.
  int Wait() {
    if (pid_ > 0) {
      waitpid(pid_, &status_, 0);
      pid_ = 0;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  }

 private:
  pid_t pid_ = 0;
  int status_ = 0;
};

template <typename T>
std::string Why(const Result<T>& result) {
  return result.ok() ? std::string() : result.status().message();
}

// Documents the index holds as last committed; 0 while there is no index to open.
Xapian::doccount CommittedDocuments(const std::filesystem::path& db_dir) {
  Result<Xapian::Database> db = OpenDatabase(db_dir);
  return db.ok() ? db.value().get_doccount() : 0;
}

// Waits until `writer` commits documents beyond those the index holds now (a commit of metadata alone does
// not count). False when it ended first.
bool WaitForNextCommit(const std::filesystem::path& db_dir, Child& writer) {
  const Xapian::doccount start = CommittedDocuments(db_dir);
  while (!writer.Ended()) {
    if (CommittedDocuments(db_dir) > start) return true;
    std::this_thread::sleep_for(2ms);
  }
  return false;
}

// Waits until the index can be opened, or `writer` has ended.
void WaitForIndex(const std::filesystem::path& db_dir, Child& writer) {
  while (!OpenDatabase(db_dir).ok() && !writer.Ended()) std::this_thread::sleep_for(2ms);
}

std::vector<std::string> IngestArgs(const std::filesystem::path& db, const Batch& batch) {
  return {"ingest", "--db", db.string(), batch.base().string()};
}

// Checks the index against the batch: it opens; each content is one document; each file's P term is
// there exactly once, on the document with that file's content; every document has a source, and its P
// terms are exactly its record's sources.
void CheckIndexHolds(const std::filesystem::path& db_dir, const Batch& batch) {
  Result<Xapian::Database> opened = OpenDatabase(db_dir);
  REQUIRE(opened.ok());
  const Xapian::Database& db = opened.value();
  CHECK(db.get_doccount() == batch.distinct_contents());

  std::size_t id_terms = 0;
  const std::string q(schema::kDocId);
  for (auto term = db.allterms_begin(q); term != db.allterms_end(q); ++term) {
    ++id_terms;
    INFO(*term);
    CHECK(term.get_termfreq() == 1);
  }
  CHECK(id_terms == batch.distinct_contents());

  std::size_t path_terms = 0;
  const std::string p(schema::kPath);
  for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) ++path_terms;
  CHECK(path_terms == batch.files().size());

  for (const auto& [path, content_id] : batch.files()) {
    INFO(path);
    const std::string path_term = schema::PathTerm(path);
    REQUIRE(db.get_termfreq(path_term) == 1);
    CHECK(FindDocument(db, path_term) == FindDocument(db, q + content_id));
  }

  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const Xapian::Document doc = db.get_document(*id);
    Result<Record> record = UnpackRecord(doc.get_data());
    REQUIRE(record.ok());
    INFO(record.value().document.source);
    CHECK_FALSE(record.value().sources.empty());
    std::set<std::string> expected;
    for (const SourceFile& s : record.value().sources) expected.insert(schema::PathTerm(s.path));
    std::set<std::string> terms;
    auto term = doc.termlist_begin();
    for (term.skip_to(p); term != doc.termlist_end() && (*term).starts_with(p); ++term) terms.insert(*term);
    CHECK(terms == expected);
  }
}

TEST_CASE("an ingest killed at any moment is finished by a re-run, nothing done twice", "[index][resume]") {
  const Batch batch;
  TempDir db;
  TempDir logs;
  const std::filesystem::path log = logs.path() / "ingest.log";

  int killed = 0;
  std::string history;  // what each run left, for the messages of a failure
  auto kill_or_check = [&](Child& run) {
    if (run.Kill()) {
      ++killed;
      history += "killed";
    } else {
      const int status = run.Wait();
      INFO(testing::ReadFileBytes(log));
      CHECK(status == 0);  // it ended before the kill: then it must have succeeded
      history += "ended";
    }
    Result<Xapian::Database> index = OpenDatabase(db.path());
    history += ", left " + (index.ok() ? std::to_string(index.value().get_doccount()) : "no index") + "; ";
  };
  // At fixed moments once the index exists: while starting, while the first transaction is open, ...
  // Later runs skip what earlier ones committed, so the same delays land further on in the batch. (A kill
  // while Xapian creates the index is the next test's business.)
  for (const auto delay : {20ms, 200ms, 500ms}) {
    Child run(IngestArgs(db.path(), batch), log);
    WaitForIndex(db.path(), run);
    std::this_thread::sleep_for(delay);
    kill_or_check(run);
  }
  // Just after a commit, while the next transaction is filling: commits are hundreds of documents apart,
  // too far for fixed moments to land between two of them on every machine.
  for (const auto after : {0ms, 100ms}) {
    Child run(IngestArgs(db.path(), batch), log);
    if (WaitForNextCommit(db.path(), run)) std::this_thread::sleep_for(after);
    kill_or_check(run);
  }
  INFO(history);
  CHECK(killed > 0);

  Child last(IngestArgs(db.path(), batch), log);
  const int last_status = last.Wait();
  INFO(testing::ReadFileBytes(log));
  REQUIRE(last_status == 0);
  CheckIndexHolds(db.path(), batch);

  const auto again = testing::RunDipdoc("ingest --json --db " + testing::ShellQuote(db.path().string()) + " " +
                                        testing::ShellQuote(batch.base().string()));
  INFO(again.out << again.err);
  REQUIRE(again.exit_status == 0);
  rapidjson::Document report;
  report.Parse(again.out.c_str());
  REQUIRE_FALSE(report.HasParseError());
  CHECK(report["ingested"].GetInt() == 0);
  CHECK(report["duplicates"].GetInt() == 0);
  CHECK(report["failed"].Size() == 0);
  CHECK(report["unchanged"].GetUint64() == batch.files().size());
}

// Xapian writes the glass tables first and "iamglass" last, and takes a folder with tables but no iamglass
// for an existing index, which it then cannot read. Nothing was ever committed there, so
// OpenWritableDatabase (index/database.cc) creates it again rather than refuse every later ingest.
TEST_CASE("an ingest killed while it created the index does not leave it unusable", "[index][resume]") {
  TempDir files;
  TempDir db;
  files.Write("a.txt", "Kính gửi Đại sứ quán Nhật Bản");
  {
    // What such a kill leaves (seen with SIGKILL ~40 ms into `dipdoc ingest`): the tables, no version file.
    Xapian::WritableDatabase created(db.path().string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    created.close();
  }
  std::filesystem::remove(db.path() / "iamglass");

  const auto run = testing::RunDipdoc("ingest --json --db " + testing::ShellQuote(db.path().string()) + " " +
                                      testing::ShellQuote(files.path().string()));
  INFO(run.err);
  CHECK(run.exit_status == 0);
}

TEST_CASE("readers search while an ingest writes", "[index][resume]") {
  const Batch batch;
  TempDir db;
  TempDir logs;
  Child run(IngestArgs(db.path(), batch), logs.path() / "ingest.log");

  SearchRequest request;
  request.query = "vaccine";
  std::optional<Searcher> long_lived;  // opened once, so it must follow the writer by itself
  std::size_t searches = 0;
  std::size_t last_total = 0;
  bool ended = false;
  while (!ended) {
    ended = run.Ended();  // one more round after the end: the finished index must answer too
    if (!long_lived) {
      Result<Xapian::Database> first = OpenDatabase(db.path());
      if (!first.ok()) {
        std::this_thread::sleep_for(5ms);  // the writer has not created the index yet
        continue;
      }
      long_lived.emplace(std::move(first).value());
    }
    Result<Xapian::Database> opened = OpenDatabase(db.path());
    INFO(Why(opened));
    REQUIRE(opened.ok());
    Result<SearchResult> fresh = Searcher(std::move(opened).value()).Search(request);
    INFO(Why(fresh));
    REQUIRE(fresh.ok());
    CHECK(fresh.value().total >= last_total);  // commits only ever add here
    last_total = fresh.value().total;

    Result<SearchResult> reused = long_lived->Search(request);
    INFO(Why(reused));
    REQUIRE(reused.ok());
    ++searches;
    std::this_thread::sleep_for(10ms);  // leave the cores to the writer
  }
  INFO(testing::ReadFileBytes(logs.path() / "ingest.log"));
  CHECK(run.Wait() == 0);
  CHECK(searches > 0);
  CHECK(last_total == batch.distinct_contents());
}

}  // namespace
}  // namespace dipdoc
