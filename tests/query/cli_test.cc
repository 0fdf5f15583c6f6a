// The command line as users and scripts see it: exit statuses, JSON on stdout, errors on stderr.

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <cstdlib>

#include <rapidjson/document.h>

#include "test_util.h"

namespace dipdoc {
namespace {

using testing::RunDipdoc;
using testing::ShellQuote;
using testing::TempDir;

rapidjson::Document ParseJson(const std::string& out) {
  rapidjson::Document json;
  json.Parse(out.c_str());
  INFO(out);
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

TEST_CASE("ingest names bad files, ingests the rest and exits 1", "[cli]") {
  TempDir files;
  TempDir db;
  files.Write("batch/good.txt", "Kính gửi Đại sứ quán Nhật Bản");
  files.Write("batch/empty.txt", "");
  files.Write("batch/bad-utf8.txt", "Việt Nam với \xFF\xFE hòa bình");
  const std::string args = "ingest --json --db " + ShellQuote(db.path().string()) + " " +
                           ShellQuote((files.path() / "batch").string());
  const auto run = RunDipdoc(args);
  CHECK(run.exit_status == 1);
  CHECK_THAT(run.err, Catch::Contains("empty.txt: file is empty"));
  CHECK_THAT(run.err, Catch::Contains("bad-utf8.txt: encoding not recognised"));
  const auto json = ParseJson(run.out);
  CHECK(json["ingested"].GetInt() == 1);
  CHECK(json["failed"].Size() == 2);
  CHECK(json.HasMember("unchanged"));
  CHECK(json["seconds"].IsNumber());

  const auto again = RunDipdoc("ingest --json --db " + ShellQuote(db.path().string()) + " " +
                               ShellQuote((files.path() / "batch" / "good.txt").string()));
  CHECK(again.exit_status == 0);
  CHECK(ParseJson(again.out)["unchanged"].GetInt() == 1);

  const auto stats = RunDipdoc("stats --json --db " + ShellQuote(db.path().string()));
  CHECK(stats.exit_status == 0);
  CHECK(ParseJson(stats.out)["documents"].GetInt() == 1);

  const auto search = RunDipdoc("search --json --db " + ShellQuote(db.path().string()) + " 'Nhật Bản'");
  CHECK(search.exit_status == 0);
  const auto hits = ParseJson(search.out);
  CHECK(hits["total"].GetInt() == 1);
  CHECK(std::string(hits["hits"][0]["snippet"].GetString()).find("<mark>Nhật Bản</mark>") != std::string::npos);

  const auto commitments = RunDipdoc("commitments --json --db " + ShellQuote(db.path().string()));
  CHECK(commitments.exit_status == 0);
  CHECK(ParseJson(commitments.out)["commitments"].IsArray());
}

TEST_CASE("extract prints the record, or names the file and the reason", "[cli]") {
  TempDir files;
  const auto good = RunDipdoc("extract --json " + ShellQuote(files.Write("a.txt", "Thụy Sĩ\r\n").string()));
  CHECK(good.exit_status == 0);
  const auto record = ParseJson(good.out);
  CHECK(std::string(record["text"].GetString()) == "Thụy Sĩ\n");
  CHECK(record["ocr"].IsNull());
  CHECK(record["partners"].IsArray());

  const auto bad = RunDipdoc("extract --json " + ShellQuote(files.Write("b.txt", std::string("\0\1", 2)).string()));
  CHECK(bad.exit_status == 1);
  CHECK_THAT(bad.err, Catch::Contains("b.txt: binary data"));
  CHECK(ParseJson(bad.out).HasMember("error"));
}

TEST_CASE("wrong calls exit 2, an index that cannot be opened exits 3", "[cli]") {
  TempDir db;
  const std::string at = " --db " + ShellQuote(db.path().string());
  const auto created = RunDipdoc("ingest" + at + " " + ShellQuote(testing::CorpusDir().string()));
  REQUIRE(created.exit_status == 0);

  struct Case {
    std::string args;
    int exit_status;
  };
  const Case cases[] = {
      {"", 2},
      {"frobnicate", 2},
      {"search" + at + " --limit -5 x", 2},
      {"search" + at + " --limit 0 x", 2},
      {"search" + at + " --limit many x", 2},
      {"search" + at + " 'vaccine AND'", 2},
      {"search" + at + " --type memo vaccine", 2},
      {"search" + at + " --from 2021-13 vaccine", 2},
      {"search" + at + " \"$(printf 'caf\\351')\"", 2},  // a query that is not UTF-8
      {"commitments" + at + " --kind gift", 2},
      {"commitments" + at + " --json --csv", 2},
      {"ingest" + at, 2},
      {"search --db /nonexistent/dipdoc-db vaccine", 3},
      {"stats --db /nonexistent/dipdoc-db", 3},
      {"ingest --db /proc/dipdoc-db " + ShellQuote(testing::CorpusDir().string()), 3},
      {"--help", 0},
      {"search --help", 0},
  };
  for (const Case& c : cases) {
    INFO("dipdoc " << c.args);
    const auto run = RunDipdoc(c.args);
    CHECK(run.exit_status == c.exit_status);
    if (c.exit_status != 0) CHECK_FALSE(run.err.empty());
  }
}

TEST_CASE("the index defaults to $DIPDOC_DB", "[cli]") {
  TempDir db;
  TempDir files;
  files.Write("x.txt", "vaccine");
  const std::string command = "DIPDOC_DB=" + ShellQuote((db.path() / "from-env").string()) + " " +
                              ShellQuote(DIPDOC_BINARY) + " ingest " + ShellQuote(files.path().string()) +
                              " >/dev/null 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(std::filesystem::is_directory(db.path() / "from-env"));
}

TEST_CASE("ingest --prune forgets the files gone from the given paths, and says how many", "[cli]") {
  TempDir files;
  TempDir db;
  files.Write("batch/kept.txt", "Kính gửi Đại sứ quán Nhật Bản");
  const auto gone = files.Write("batch/gone.txt", "Ghi chép cuộc điện đàm với Pfizer");
  const std::string ingest = "ingest --json --db " + ShellQuote(db.path().string()) + " ";
  const std::string batch = ShellQuote((files.path() / "batch").string());

  const auto first = RunDipdoc(ingest + batch);
  REQUIRE(first.exit_status == 0);
  CHECK_FALSE(ParseJson(first.out).HasMember("pruned"));  // without --prune, the report is as it was

  std::filesystem::remove(gone);
  const auto pruned = RunDipdoc(ingest + "--prune " + batch);
  CHECK(pruned.exit_status == 0);
  const auto json = ParseJson(pruned.out);
  REQUIRE(json.HasMember("pruned"));
  CHECK(json["pruned"].GetInt() == 1);
  CHECK(json["unchanged"].GetInt() == 1);
  const auto stats = RunDipdoc("stats --json --db " + ShellQuote(db.path().string()));
  CHECK(ParseJson(stats.out)["documents"].GetInt() == 1);

  const auto again = RunDipdoc("ingest --prune --db " + ShellQuote(db.path().string()) + " " + batch);
  CHECK(again.exit_status == 0);
  CHECK_THAT(again.out, Catch::Contains("pruned 0 documents"));
}

TEST_CASE("search --batch answers one JSON line per query, errors included, from one process", "[cli]") {
  TempDir files;
  TempDir db;
  files.Write("in/cuba.txt", "Cuba bàn giao 1,05 triệu liều vaccine Abdala cho Việt Nam.");
  files.Write("in/japan.txt", "Nhật Bản trao tặng thêm 1 triệu liều vaccine AstraZeneca.");
  REQUIRE(RunDipdoc("ingest --db " + ShellQuote(db.path().string()) + " " +
                    ShellQuote((files.path() / "in").string())).exit_status == 0);
  const auto queries = files.Write("queries.txt", "\xEF\xBB\xBF" "abdala\r\n\nvaccine AND\nnhat ban\n"
                                                  "\xFF bad\nlieu vaccine\n");
  const auto run = RunDipdoc("search --batch " + ShellQuote(queries.string()) + " --db " +
                             ShellQuote(db.path().string()) + " --lang vi --limit 5");
  CHECK(run.exit_status == 1);  // two lines failed; the others were answered
  CHECK_THAT(run.err, Catch::Contains("queries.txt:3"));
  std::vector<std::string> lines;
  std::istringstream out(run.out);
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  REQUIRE(lines.size() == 5);  // the blank line is skipped
  const auto first = ParseJson(lines[0]);
  CHECK(first["line"].GetInt() == 1);
  CHECK(std::string(first["query"].GetString()) == "abdala");
  CHECK(first["total"].GetInt() == 1);
  CHECK(first["took_ms"].IsNumber());
  CHECK(first["facets"]["language"]["vi"].GetInt() == 1);
  CHECK(first["hits"][0]["snippet"].IsString());
  const auto bad_syntax = ParseJson(lines[1]);
  CHECK(bad_syntax["line"].GetInt() == 3);
  CHECK_THAT(bad_syntax["error"].GetString(), Catch::Contains("malformed query"));
  CHECK(ParseJson(lines[2])["total"].GetInt() == 1);  // "nhat ban" finds "Nhật Bản"
  CHECK(ParseJson(lines[3]).HasMember("error"));      // invalid UTF-8
  CHECK(ParseJson(lines[4])["total"].GetInt() == 2);

  CHECK(RunDipdoc("search --db " + ShellQuote(db.path().string())).exit_status == 2);  // no query, no batch
  CHECK(RunDipdoc("search --batch " + ShellQuote(queries.string()) + " --db " + ShellQuote(db.path().string()) +
                  " also-a-query").exit_status == 2);
}

TEST_CASE("search and commitments --partner over the seeds and the corpus give the contract's shapes", "[cli][e2e]") {
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  TempDir db;
  const std::string at = " --db " + ShellQuote(db.path().string());
  const auto ingest = RunDipdoc("ingest --json" + at + " " + ShellQuote(seeds->string()) + " " +
                                ShellQuote(testing::CorpusDir().string()));
  REQUIRE(ingest.exit_status == 0);

  const auto search = RunDipdoc("search --json" + at + " 'ngoai giao vaccine'");
  REQUIRE(search.exit_status == 0);
  const auto hits = ParseJson(search.out);
  for (const char* key : {"query", "total", "took_ms", "hits", "facets"}) CHECK(hits.HasMember(key));
  REQUIRE(hits["hits"].Size() > 0);
  for (const char* key : {"doc_id", "source", "title", "date", "language", "doc_type", "partners", "score",
                          "snippet"}) {
    CHECK(hits["hits"][0].HasMember(key));
  }
  for (const char* facet : {"partner", "doc_type", "language", "year"}) CHECK(hits["facets"][facet].IsObject());

  const auto run = RunDipdoc("commitments --json --partner pfizer" + at);
  REQUIRE(run.exit_status == 0);
  const auto json = ParseJson(run.out);
  const auto& rows = json["commitments"];
  REQUIRE(rows.Size() >= 2);
  bool thirty_one_million = false;
  for (const auto& row : rows.GetArray()) {
    for (const char* key : {"partner", "kind", "status", "doses", "vaccine", "due", "sentence", "start", "end",
                            "doc_id", "source", "date"}) {
      CHECK(row.HasMember(key));
    }
    CHECK(std::string(row["partner"].GetString()) == "pfizer");
    if (row["doses"].IsInt64() && row["doses"].GetInt64() == 31000000) thirty_one_million = true;
  }
  CHECK(thirty_one_million);
}

// The partner's object in a `commitments --by-partner --json` answer.
const rapidjson::Value& PartnerIn(const rapidjson::Document& ledger, const std::string& id) {
  for (const auto& p : ledger["partners"].GetArray()) {
    if (id == p["partner"].GetString()) return p;
  }
  FAIL("no partner " << id);
  throw std::logic_error("unreachable");
}

TEST_CASE("commitments --by-partner reconciles a pledge delivered in parts", "[cli][ledger]") {
  TempDir db;
  const std::string at = " --db " + ShellQuote(db.path().string());
  const std::string corpus = std::string(DIPDOC_SOURCE_DIR) + "/corpora/reconciliation";
  REQUIRE(RunDipdoc("ingest --json" + at + " " + ShellQuote(corpus)).exit_status == 0);

  const auto run = RunDipdoc("commitments --by-partner --json --as-of 2021-12-31" + at);
  REQUIRE(run.exit_status == 0);
  const auto ledger = ParseJson(run.out);
  CHECK(std::string(ledger["as_of"].GetString()) == "2021-12-31");
  const auto& nl = PartnerIn(ledger, "NL");
  // 1,000,000 pledged in a letter, restated in a call; 400,000 then 200,000 arrived; a running total of
  // 600,000 agrees; the rest was due by the end of October.
  CHECK(nl["committed"].GetInt64() == 1000000);
  CHECK(nl["delivered"].GetInt64() == 600000);
  CHECK(nl["outstanding"].GetInt64() == 400000);
  CHECK(nl["overdue"].GetInt64() == 400000);
  CHECK(nl["conflicts"].Size() == 0);
  REQUIRE(nl["commitments"].Size() == 5);
  for (const auto& row : nl["commitments"].GetArray()) {
    for (const char* key : {"partner", "kind", "status", "doses", "vaccine", "due", "sentence", "doc_id", "source",
                            "date", "id", "role", "linked"}) {
      CHECK(row.HasMember(key));
    }
  }

  // In mid-October nothing was overdue yet; by month the as-of date is the month's last day.
  const auto october = ParseJson(RunDipdoc("commitments --by-partner --json --as-of 2021-10" + at).out);
  CHECK(std::string(october["as_of"].GetString()) == "2021-10-31");
  CHECK(PartnerIn(october, "NL")["overdue"].GetInt64() == 0);

  // CSV for a spreadsheet, with a byte order mark on request.
  const auto csv = RunDipdoc("commitments --by-partner --csv --bom --as-of 2021-12-31" + at);
  REQUIRE(csv.exit_status == 0);
  CHECK(csv.out.starts_with("\xEF\xBB\xBFpartner,committed,delivered,outstanding,overdue,conflicts,as_of\r\n"));
  CHECK_THAT(csv.out, Catch::Contains("NL,1000000,600000,400000,400000,,2021-12-31\r\n"));
  CHECK(RunDipdoc("commitments --csv" + at).out.starts_with("partner,kind,"));

  // The terminal view of one partner lists what is behind the figures.
  const auto table = RunDipdoc("commitments --by-partner --partner nl --as-of 2021-12-31" + at);
  CHECK_THAT(table.out, Catch::Contains("400,000 open, overdue") && Catch::Contains("restatement") &&
                            Catch::Contains("letter_en_netherlands_2021-08-02.txt"));

  // A partner with no commitments, and wrong calls.
  const auto none = ParseJson(RunDipdoc("commitments --by-partner --json --partner NO" + at).out);
  CHECK(none["partners"].Size() == 0);
  CHECK(RunDipdoc("commitments --by-partner --as-of yesterday" + at).exit_status == 2);
  CHECK(RunDipdoc("commitments --by-partner --kind donation" + at).exit_status == 2);
  CHECK(RunDipdoc("commitments --as-of 2021" + at).exit_status == 2);
  CHECK(RunDipdoc("commitments --bom" + at).exit_status == 2);
}

TEST_CASE("commitments --by-partner over the seeds and the corpus: Pfizer's and Cuba's figures", "[cli][ledger][e2e]") {
  const auto seeds = testing::SeedsDir();
  if (!seeds) return;
  TempDir db;
  const std::string at = " --db " + ShellQuote(db.path().string());
  REQUIRE(RunDipdoc("ingest --json" + at + " " + ShellQuote(seeds->string()) + " " +
                    ShellQuote(testing::CorpusDir().string()))
              .exit_status == 0);
  const auto ledger = ParseJson(RunDipdoc("commitments --by-partner --json --as-of 2022-01" + at).out);
  // Pfizer: 31 million contracted for 2021 (in a seed, and again in a letter: counted once) and 20 million
  // for children; nothing delivered in the record, so all of it is overdue once 2021 is over.
  const auto& pfizer = PartnerIn(ledger, "pfizer");
  CHECK(pfizer["committed"].GetInt64() == 51000000);
  CHECK(pfizer["delivered"].GetInt64() == 0);
  CHECK(pfizer["overdue"].GetInt64() == 51000000);
  // Cuba: 1.05 million given and handed over (reported twice), 10 million bought (cited twice).
  const auto& cuba = PartnerIn(ledger, "CU");
  CHECK(cuba["committed"].GetInt64() == 11050000);
  CHECK(cuba["delivered"].GetInt64() == 1050000);
  CHECK(cuba["outstanding"].GetInt64() == 10000000);
  // Each figure with the row behind it, and its source.
  auto has_row = [](const rapidjson::Value& partner, const char* kind, const char* status, std::int64_t doses) {
    for (const auto& row : partner["commitments"].GetArray()) {
      if (row["doses"].IsInt64() && row["doses"].GetInt64() == doses && std::string(row["kind"].GetString()) == kind &&
          std::string(row["status"].GetString()) == status && std::string(row["source"].GetString()).size() > 0 &&
          std::string(row["sentence"].GetString()).size() > 0) {
        return true;
      }
    }
    return false;
  };
  CHECK(has_row(pfizer, "delivery", "pledged", 31000000));
  CHECK(has_row(pfizer, "delivery", "pledged", 20000000));
  CHECK(has_row(cuba, "donation", "delivered", 1050000));
  CHECK(has_row(cuba, "purchase", "signed", 10000000));
  for (const auto& p : ledger["partners"].GetArray()) {
    INFO(p["partner"].GetString());
    CHECK(p["outstanding"].GetInt64() >= 0);
    CHECK(p["overdue"].GetInt64() <= p["outstanding"].GetInt64());
    CHECK(p["outstanding"].GetInt64() == std::max<std::int64_t>(0, p["committed"].GetInt64() - p["delivered"].GetInt64()));
  }
}

}  // namespace
}  // namespace dipdoc
