// The HTTP API as values (query/server/router.h): every route, its content type and its refusals, over a
// small index in a temporary folder, without sockets.

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>

#include <rapidjson/document.h>
#include <xapian.h>

#include "index/indexer.h"
#include "index/schema.h"
#include "query/server/router.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

// Six documents: the reconciliation corpus (the Netherlands' pledge and deliveries) and two of our own.
// Built once for the whole program; the tests only read it.
const std::filesystem::path& SharedIndex() {
  static TempDir dir;
  static const bool built = [] {
    const std::filesystem::path files = dir.path() / "files";
    dir.Write("files/ngoai_giao.txt",
              "Bộ Ngoại giao thúc đẩy ngoại giao vaccine với Nhật Bản.\n\nHà Nội, ngày 5 tháng 8 năm 2021\n");
    dir.Write("files/plain.txt", "Viet Nam thanks its partners for the doses delivered in 2021.\n");
    IngestOptions options;
    options.jobs = 1;
    Result<IngestReport> report = Indexer(dir.path() / "db", options)
                                      .Ingest({(files / "ngoai_giao.txt").string(), (files / "plain.txt").string(),
                                               std::string(DIPDOC_SOURCE_DIR) + "/corpora/reconciliation"});
    REQUIRE(report.ok());
    REQUIRE(report.value().failed.empty());
    return true;
  }();
  (void)built;
  static const std::filesystem::path db = dir.path() / "db";
  return db;
}

RouterOptions OptionsFor(const std::filesystem::path& db) {
  RouterOptions options;
  options.db = db;
  return options;
}

HttpRequest Request(std::string method, std::string path, std::multimap<std::string, std::string> params = {},
                    std::string body = {}) {
  return HttpRequest{std::move(method), std::move(path), std::move(params), std::move(body)};
}

HttpRequest Get(std::string path, std::multimap<std::string, std::string> params = {}) {
  return Request("GET", std::move(path), std::move(params));
}

rapidjson::Document Json(const HttpResponse& response) {
  rapidjson::Document json;
  json.Parse(response.body.c_str(), response.body.size());
  INFO(response.body);
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

// A refusal as the API promises it: the status, a JSON {"error"} and nothing from inside the server.
void CheckError(const HttpResponse& response, int status) {
  INFO(response.body);
  CHECK(response.status == status);
  CHECK(response.content_type == "application/json; charset=utf-8");
  const rapidjson::Document json = Json(response);
  REQUIRE(json.IsObject());
  CHECK(json.MemberCount() == 1);
  REQUIRE(json.HasMember("error"));
  CHECK(json["error"].IsString());
  CHECK(std::string(json["error"].GetString()).size() > 0);
  CHECK(response.body.find("what()") == std::string::npos);
  CHECK(response.body.find(DIPDOC_SOURCE_DIR) == std::string::npos);
  CHECK(response.Header("X-Content-Type-Options") == "nosniff");
}

std::set<std::string> Keys(const rapidjson::Value& object) {
  std::set<std::string> keys;
  for (const auto& member : object.GetObject()) keys.insert(member.name.GetString());
  return keys;
}

TEST_CASE("every route answers with its content type and the security headers", "[server]") {
  Router router(OptionsFor(SharedIndex()));

  const HttpResponse page = router.Handle(Get("/"));
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body.find("<html") != std::string::npos);
  CHECK(page.Header("X-Content-Type-Options") == "nosniff");
  CHECK(page.Header("Content-Security-Policy") ==
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  CHECK(page.Header("Referrer-Policy") == "no-referrer");
  CHECK(page.Header("Access-Control-Allow-Origin").empty());
  CHECK(router.Handle(Request("HEAD", "/")).status == 200);

  const HttpResponse health = router.Handle(Get("/healthz"));
  CHECK(health.status == 200);
  CHECK(health.content_type == "application/json; charset=utf-8");
  CHECK(health.body == R"({"ok":true,"documents":6})");

  const HttpResponse search = router.Handle(Get("/api/search", {{"q", "Hà Lan"}}));
  REQUIRE(search.status == 200);
  CHECK(search.content_type == "application/json; charset=utf-8");
  const auto hits = Json(search);
  CHECK(hits["total"].GetInt() >= 2);

  const HttpResponse rows = router.Handle(Get("/api/commitments", {{"partner", "NL"}}));
  REQUIRE(rows.status == 200);
  CHECK(rows.content_type == "application/json; charset=utf-8");
  CHECK(Json(rows)["commitments"].Size() == 5);

  const HttpResponse csv = router.Handle(Get("/api/commitments", {{"partner", "NL"}, {"format", "csv"}}));
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type == "text/csv; charset=utf-8");
  CHECK_THAT(csv.Header("Content-Disposition"), Catch::StartsWith("attachment; filename=\"commitments.csv\""));
  CHECK(csv.body.starts_with("partner,"));

  const HttpResponse ledger =
      router.Handle(Get("/api/commitments", {{"by_partner", "1"}, {"as_of", "2021-12-31"}}));
  REQUIRE(ledger.status == 200);
  const auto reconciled = Json(ledger);
  CHECK(std::string(reconciled["as_of"].GetString()) == "2021-12-31");
  REQUIRE(reconciled["partners"].Size() >= 1);
  CHECK(std::string(reconciled["partners"][0]["partner"].GetString()) == "NL");
  CHECK(reconciled["partners"][0]["committed"].GetInt64() == 1000000);
  CHECK(reconciled["partners"][0]["overdue"].GetInt64() == 400000);

  struct Report { const char* format; const char* type; const char* starts; };
  for (const Report& r : {Report{"md", "text/markdown; charset=utf-8", "#"},
                          Report{"html", "text/html; charset=utf-8", "<!"},
                          Report{"json", "application/json; charset=utf-8", "{"}}) {
    INFO(r.format);
    const HttpResponse report = router.Handle(Get("/api/report", {{"format", r.format}, {"from", "2021"}}));
    CHECK(report.status == 200);
    CHECK(report.content_type == r.type);
    CHECK(report.body.starts_with(r.starts));
  }
  CHECK(Json(router.Handle(Get("/api/report", {{"format", "json"}, {"to", "2021-12"}})))["commitments"].GetInt() == 5);

  const HttpResponse letter = router.Handle(Get("/api/draft", {{"partner", "NL"}, {"lang", "en"}, {"as_of", "2021-12-01"}}));
  CHECK(letter.status == 200);
  CHECK(letter.content_type == "text/plain; charset=utf-8");
  CHECK_THAT(letter.body, Catch::Contains("Netherlands"));
  const HttpResponse markdown = router.Handle(Get("/api/draft", {{"partner", "nl"}, {"format", "md"}}));
  CHECK(markdown.status == 200);
  CHECK(markdown.content_type == "text/markdown; charset=utf-8");

  const std::string doc_id = hits["hits"][0]["doc_id"].GetString();
  const HttpResponse record = router.Handle(Get("/api/documents/" + doc_id));
  REQUIRE(record.status == 200);
  CHECK(record.content_type == "application/json; charset=utf-8");
  const auto stored = Json(record);
  CHECK(std::string(stored["doc_id"].GetString()) == doc_id);
  for (const char* key : {"source", "title", "language", "doc_type", "date", "text", "partners", "doses", "commitments"}) {
    CHECK(stored.HasMember(key));
  }
  const HttpResponse original = router.Handle(Get("/api/documents/" + doc_id + "/file"));
  CHECK(original.status == 200);
  CHECK(original.content_type == "application/octet-stream");
  CHECK(original.body == testing::ReadFileBytes(stored["source"].GetString()));
  CHECK_THAT(original.Header("Content-Disposition"), Catch::StartsWith("attachment; filename=\""));
  // An upper-case id is the same id.
  std::string upper = doc_id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(router.Handle(Get("/api/documents/" + upper)).status == 200);
}

TEST_CASE("the partners route names every partner in vi, en and fr, with its documents", "[server]") {
  auto partner = [](const rapidjson::Document& json, const std::string& id) -> const rapidjson::Value* {
    for (const auto& p : json["partners"].GetArray()) {
      if (id == p["id"].GetString()) return &p;
    }
    return nullptr;
  };
  Router router(OptionsFor(SharedIndex()));
  const HttpResponse response = router.Handle(Get("/api/partners"));
  REQUIRE(response.status == 200);
  CHECK(response.content_type == "application/json; charset=utf-8");
  const rapidjson::Document json = Json(response);
  REQUIRE(json["partners"].Size() > 50);  // every partner the gazetteers know, not only those in the index
  std::string previous;
  for (const auto& p : json["partners"].GetArray()) {
    CHECK(previous < p["id"].GetString());  // sorted, each once
    previous = p["id"].GetString();
  }

  const rapidjson::Value* nl = partner(json, "NL");
  REQUIRE(nl != nullptr);
  CHECK(std::string((*nl)["kind"].GetString()) == "country");
  CHECK(std::string((*nl)["names"]["vi"].GetString()) == "Hà Lan");
  CHECK(std::string((*nl)["names"]["en"].GetString()) == "Netherlands");
  CHECK(std::string((*nl)["names"]["fr"].GetString()) == "Pays-Bas");
  CHECK((*nl)["documents"].GetInt() >= 4);
  // A state's short name, not its full title ("Liên bang Nga" comes first in the gazetteer).
  CHECK(std::string((*partner(json, "RU"))["names"]["vi"].GetString()) == "Nga");
  CHECK(std::string((*partner(json, "DE"))["names"]["vi"].GetString()) == "Đức");
  const rapidjson::Value* pfizer = partner(json, "pfizer");
  REQUIRE(pfizer != nullptr);
  CHECK(std::string((*pfizer)["kind"].GetString()) == "company");
  CHECK(std::string((*pfizer)["names"]["vi"].GetString()) == "Pfizer");
  CHECK((*pfizer)["documents"].GetInt() == 0);
  CHECK(std::string((*partner(json, "covax"))["kind"].GetString()) == "organisation");
  CHECK(std::string((*partner(json, "covax"))["names"]["vi"].GetString()) == "Cơ chế COVAX");

  // Without an index: the names still, no documents.
  TempDir empty;
  const rapidjson::Document bare = Json(Router(OptionsFor(empty.path() / "none")).Handle(Get("/api/partners")));
  CHECK(bare["partners"].Size() == json["partners"].Size());
  CHECK((*partner(bare, "NL"))["documents"].GetInt() == 0);
}

TEST_CASE("search finds words with or without diacritics, filters and pages", "[server]") {
  Router router(OptionsFor(SharedIndex()));
  auto search = [&](std::multimap<std::string, std::string> params) {
    const HttpResponse response = router.Handle(Get("/api/search", std::move(params)));
    INFO(response.body);
    REQUIRE(response.status == 200);
    return Json(response);
  };
  for (const char* q : {"ngoai giao", "ngoại giao"}) {
    INFO(q);
    const auto found = search({{"q", q}});
    REQUIRE(found["total"].GetInt() >= 1);
    CHECK_THAT(found["hits"][0]["source"].GetString(), Catch::EndsWith("ngoai_giao.txt"));
    CHECK_THAT(found["hits"][0]["snippet"].GetString(), Catch::Contains("<mark>"));
  }

  const auto dutch = search({{"partner", "NL"}});
  CHECK(dutch["total"].GetInt() == 4);
  CHECK(search({{"partner", "NL"}, {"lang", "en"}})["total"].GetInt() == 2);
  // A filter gives what the unfiltered search counted in its facet.
  REQUIRE(dutch["facets"]["doc_type"].HasMember("press"));
  CHECK(search({{"partner", "NL"}, {"type", "press"}})["total"].GetInt() == dutch["facets"]["doc_type"]["press"].GetInt());
  CHECK(search({{"partner", "NL"}, {"type", "press"}})["total"].GetInt() < 4);
  CHECK(search({{"partner", "NL"}, {"from", "2021-09"}, {"to", "2021-09-30"}})["total"].GetInt() == 2);
  CHECK(search({{"q", "vaccine"}, {"unknown", "ignored"}, {"lang", ""}})["total"].GetInt() >= 1);

  // Paging walks the same ranking: two pages of one are the first page of two.
  const auto both = search({{"partner", "NL"}, {"limit", "2"}});
  const auto first = search({{"partner", "NL"}, {"limit", "1"}});
  const auto second = search({{"partner", "NL"}, {"limit", "1"}, {"offset", "1"}});
  REQUIRE(both["hits"].Size() == 2);
  REQUIRE(first["hits"].Size() == 1);
  REQUIRE(second["hits"].Size() == 1);
  CHECK(std::string(first["hits"][0]["doc_id"].GetString()) == both["hits"][0]["doc_id"].GetString());
  CHECK(std::string(second["hits"][0]["doc_id"].GetString()) == both["hits"][1]["doc_id"].GetString());
  CHECK(search({{"partner", "NL"}, {"offset", "10000"}})["hits"].Size() == 0);
}

TEST_CASE("the search JSON has the keys of `dipdoc search --json`", "[server]") {
  Router router(OptionsFor(SharedIndex()));
  const auto served = Json(router.Handle(Get("/api/search", {{"q", "Hà Lan"}})));
  const auto cli = testing::RunDipdoc("search --json --db " + testing::ShellQuote(SharedIndex().string()) + " 'Hà Lan'");
  REQUIRE(cli.exit_status == 0);
  rapidjson::Document printed;
  printed.Parse(cli.out.c_str());
  REQUIRE_FALSE(printed.HasParseError());
  CHECK(Keys(served) == Keys(printed));
  for (const char* key : {"query", "total", "took_ms", "hits", "facets"}) CHECK(served.HasMember(key));
  REQUIRE(served["hits"].Size() > 0);
  CHECK(Keys(served["hits"][0]) == Keys(printed["hits"][0]));
  CHECK(Keys(served["facets"]) == Keys(printed["facets"]));
  CHECK(std::string(served["hits"][0]["doc_id"].GetString()) == printed["hits"][0]["doc_id"].GetString());
}

TEST_CASE("bad requests get a 4xx and a JSON error, never the server's insides", "[server]") {
  Router router(OptionsFor(SharedIndex()));
  struct Case {
    const char* name;
    HttpRequest request;
    int status;
    const char* says;  // the error names the parameter
  };
  const std::string long_query(1001, 'a');
  const Case cases[] = {
      {"bad date", Get("/api/search", {{"from", "2021-13"}}), 400, "from"},
      {"bad to", Get("/api/commitments", {{"to", "yesterday"}}), 400, "to"},
      {"from after to", Get("/api/search", {{"from", "2021-10"}, {"to", "2021-09"}}), 400, "from"},
      {"limit 0", Get("/api/search", {{"limit", "0"}}), 400, "limit"},
      {"limit 1000", Get("/api/search", {{"limit", "1000"}}), 400, "limit"},
      {"limit not a number", Get("/api/search", {{"limit", "10abc"}}), 400, "limit"},
      {"negative offset", Get("/api/search", {{"offset", "-1"}}), 400, "offset"},
      {"offset too large", Get("/api/search", {{"offset", "10001"}}), 400, "offset"},
      {"q too long", Get("/api/search", {{"q", long_query}}), 400, "q"},
      {"malformed query", Get("/api/search", {{"q", "vaccine AND"}}), 400, "malformed query"},
      {"invalid UTF-8 query", Get("/api/search", {{"q", "vi\xFF\xFEt"}}), 400, "UTF-8"},
      {"bad lang", Get("/api/search", {{"lang", "vietnamese"}}), 400, "lang"},
      {"bad type", Get("/api/search", {{"type", "memo"}}), 400, "type"},
      {"bad partner", Get("/api/search", {{"partner", "N L'"}}), 400, "partner"},
      {"bad kind", Get("/api/commitments", {{"kind", "gift"}}), 400, "kind"},
      {"bad status", Get("/api/commitments", {{"status", "maybe"}}), 400, "status"},
      {"bad csv format", Get("/api/commitments", {{"format", "xlsx"}}), 400, "format"},
      {"bad by_partner", Get("/api/commitments", {{"by_partner", "yes please"}}), 400, "by_partner"},
      {"bad as_of", Get("/api/commitments", {{"by_partner", "1"}, {"as_of", "2021-02-30"}}), 400, "as_of"},
      {"report format", Get("/api/report", {{"format", "pdf"}}), 400, "format"},
      {"report date", Get("/api/report", {{"from", "21"}}), 400, "from"},
      {"draft without partner", Get("/api/draft"), 400, "partner"},
      {"draft language", Get("/api/draft", {{"partner", "NL"}, {"lang", "de"}}), 400, "lang"},
      {"draft format", Get("/api/draft", {{"partner", "NL"}, {"format", "docx"}}), 400, "format"},
      {"draft, no commitments", Get("/api/draft", {{"partner", "JP"}}), 404, "JP"},
      {"unknown route", Get("/api/nothing"), 404, ""},
      {"unknown deeper route", Get("/api/documents/0123/file/more"), 404, ""},
      {"POST on search", Request("POST", "/api/search"), 405, ""},
      {"DELETE a document", Request("DELETE", "/api/documents/0123456789abcdef"), 405, ""},
      {"GET the upload route", Get("/api/documents"), 405, ""},
      {"non-hex doc id", Get("/api/documents/zz-not-hex"), 400, "doc_id"},
      {"unknown doc id", Get("/api/documents/0123456789abcdef"), 404, ""},
      {"unknown doc file", Get("/api/documents/0123456789abcdef/file"), 404, ""},
      {"dot dot", Get("/api/documents/../../etc/passwd"), 400, ""},
      {"dot dot at the root", Get("/../index.html"), 400, ""},
      {"encoded dots", Get("/api/%2E%2e/healthz"), 400, ""},
      {"NUL in the path", Get(std::string("/healthz\0x", 10)), 400, ""},
      {"a body where none belongs", Request("GET", "/api/search", {}, std::string(65 * 1024, 'x')), 413, ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const HttpResponse response = router.Handle(c.request);
    CheckError(response, c.status);
    CHECK_THAT(Json(response)["error"].GetString(), Catch::Contains(c.says));
  }
  CHECK(router.Handle(Request("POST", "/api/search")).Header("Allow") == "GET, HEAD");
  CHECK(router.Handle(Get("/api/documents")).Header("Allow") == "POST");
}

TEST_CASE("uploads are ingested once, served back and refused with a reason", "[server]") {
  TempDir dir;
  const std::filesystem::path db = dir.path() / "db";
  Router router(OptionsFor(db));

  // No index yet: reads say so, health is fine, and the first upload creates it.
  CheckError(router.Handle(Get("/api/search", {{"q", "vaccine"}})), 503);
  CHECK_THAT(Json(router.Handle(Get("/api/search")))["error"].GetString(), Catch::StartsWith("no index at"));
  CHECK(router.Handle(Get("/healthz")).body == R"({"ok":true,"documents":0})");

  auto upload = [&](std::string name, std::string bytes) {
    std::multimap<std::string, std::string> params;
    if (!name.empty()) params.emplace("name", std::move(name));
    return router.Handle(Request("POST", "/api/documents", std::move(params), std::move(bytes)));
  };
  const std::string letter =
      "Kính gửi Đại sứ quán Nhật Bản\n\nBộ Ngoại giao trân trọng cảm ơn Chính phủ Nhật Bản đã trao tặng "
      "Việt Nam 1 triệu liều vaccine AstraZeneca.\n";

  CheckError(upload("", letter), 400);
  CheckError(upload("...", letter), 400);
  CheckError(upload("dir/", letter), 400);
  CheckError(upload("empty.txt", ""), 422);
  CHECK_THAT(Json(upload("empty.txt", ""))["error"].GetString(), Catch::Contains("empty"));
  const HttpResponse binary = upload("blob.bin", std::string("\0\1", 2));
  CheckError(binary, 422);
  CHECK_THAT(Json(binary)["error"].GetString(), Catch::Contains("binary"));
  CHECK(router.Handle(Get("/healthz")).body == R"({"ok":true,"documents":0})");

  const HttpResponse created = upload("../../letter/..\\thư Nhật.txt", letter);
  INFO(created.body);
  REQUIRE(created.status == 201);
  CHECK(created.content_type == "application/json; charset=utf-8");
  const auto record = Json(created);
  const std::string doc_id = record["doc_id"].GetString();
  CHECK(doc_id.size() == 16);
  // The name kept only its last component, in the folder of its content.
  const std::filesystem::path stored = db / "uploads" / doc_id / "thư Nhật.txt";
  CHECK(std::filesystem::is_regular_file(stored));
  CHECK(std::string(record["source"].GetString()) == std::filesystem::weakly_canonical(stored).string());
  CHECK(record["partners"].Size() >= 1);

  const HttpResponse got = router.Handle(Get("/api/documents/" + doc_id));
  CHECK(got.status == 200);
  CHECK(got.body == created.body);
  const HttpResponse file = router.Handle(Get("/api/documents/" + doc_id + "/file"));
  CHECK(file.status == 200);
  CHECK(file.body == letter);
  CHECK_THAT(file.Header("Content-Disposition"), Catch::Contains("filename*=UTF-8''th%C6%B0%20Nh%E1%BA%ADt.txt"));
  CHECK(Json(router.Handle(Get("/api/search", {{"q", "nhat ban"}})))["total"].GetInt() == 1);

  // The same bytes again, under its name or another: the same document, not a second one.
  for (const char* name : {"thư Nhật.txt", "copy.txt"}) {
    INFO(name);
    const HttpResponse again = upload(name, letter);
    CHECK(again.status == 200);
    CHECK(std::string(Json(again)["doc_id"].GetString()) == doc_id);
  }
  CHECK(router.Handle(Get("/healthz")).body == R"({"ok":true,"documents":1})");
  CHECK_FALSE(std::filesystem::exists(db / "uploads" / doc_id / "copy.txt"));

  // A file changed on disk since it was ingested is not served as the document's original.
  {
    std::ofstream out(stored, std::ios::binary | std::ios::trunc);
    out << "changed";
  }
  CheckError(router.Handle(Get("/api/documents/" + doc_id + "/file")), 404);

  SECTION("an index another process is writing answers 503") {
    Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
    const HttpResponse locked = upload("other.txt", "Cảm ơn Hà Lan đã trao tặng vaccine.");
    CheckError(locked, 503);
    CHECK(std::string(Json(locked)["error"].GetString()) == "the index is being written by another process");
    // Reads go on meanwhile.
    CHECK(router.Handle(Get("/api/search", {{"q", "nhat ban"}})).status == 200);
  }
}

// Each upload commits a new revision; the server's facet table of the old one must never be used for it
// (searches read their matches' values until the table of the new revision is read in the background).
TEST_CASE("search facets stay right while uploads move the index on", "[server]") {
  TempDir dir;
  Router router(OptionsFor(dir.path() / "db"));
  const auto upload = [&](const std::string& name, const std::string& text) {
    const HttpResponse response = router.Handle(Request("POST", "/api/documents", {{"name", name}}, text));
    INFO(response.body);
    REQUIRE(response.status == 201);
    return std::string(Json(response)["doc_id"].GetString());
  };
  const auto partners = [&] {
    const rapidjson::Document json = Json(router.Handle(Get("/api/search", {{"q", "vaccine"}})));
    std::map<std::string, int> counts;
    for (const auto& member : json["facets"]["partner"].GetObject()) counts[member.name.GetString()] = member.value.GetInt();
    return counts;
  };
  const std::string japan = upload("japan.txt", "Bộ Ngoại giao cảm ơn Chính phủ Nhật Bản đã trao tặng 1 triệu liều vaccine.\n");
  CHECK(partners() == std::map<std::string, int>{{"JP", 1}});
  upload("netherlands.txt", "Cảm ơn Hà Lan đã trao tặng 500.000 liều vaccine.\n");
  for (int i = 0; i < 30; ++i) {  // before and after the new table is ready
    CHECK(partners() == std::map<std::string, int>{{"JP", 1}, {"NL", 1}});
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Another process rewrites, under the same id, a document the table holds (as a re-ingest that finds
  // other partners in it does).
  {
    Xapian::WritableDatabase writer((dir.path() / "db").string(), Xapian::DB_OPEN);
    const Xapian::docid id = *writer.postlist_begin("Q" + japan);
    Xapian::Document doc = writer.get_document(id);
    doc.add_value(schema::kSlotFacets, schema::FacetValue("letter", "vi", "2021", {"KR"}));
    writer.replace_document(id, doc);
    writer.commit();
  }
  for (int i = 0; i < 30; ++i) {
    CHECK(partners() == std::map<std::string, int>{{"KR", 1}, {"NL", 1}});
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TEST_CASE("an upload over the limit is refused before it is written", "[server]") {
  TempDir dir;
  RouterOptions options = OptionsFor(dir.path() / "db");
  options.max_upload_bytes = 1024;
  Router router(options);
  const HttpResponse response = router.Handle(Request("POST", "/api/documents", {{"name", "big.txt"}}, std::string(1025, 'a')));
  CheckError(response, 413);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "db" / "uploads"));
}

}  // namespace
}  // namespace dipdoc
