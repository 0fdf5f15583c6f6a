// `dipdoc serve` over real sockets: cpp-httplib's client against the server on a free loopback port.

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <rapidjson/document.h>

#include "index/indexer.h"
#include "query/server/http_server.h"
#include "query/server/router.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::TempDir;

constexpr std::size_t kUploadLimit = 512 * 1024;  // small, so that the test of the limit sends little

// A server over a fresh index of the reconciliation corpus, on a free port, run in a thread.
class RunningServer {
 public:
  RunningServer() {
    IngestOptions ingest;
    ingest.jobs = 1;
    Result<IngestReport> report =
        Indexer(db(), ingest).Ingest({std::string(DIPDOC_SOURCE_DIR) + "/corpora/reconciliation"});
    REQUIRE(report.ok());
    RouterOptions options;
    options.db = db();
    options.max_upload_bytes = kUploadLimit;
    router_ = std::make_unique<Router>(options);
    HttpServerOptions server_options;
    server_options.port = 0;
    server_options.threads = 4;
    server_ = std::make_unique<HttpServer>(*router_, server_options);
    const Status bound = server_->Bind();
    INFO(bound.message());
    REQUIRE(bound.ok());
    thread_ = std::thread([this] { ran_ = server_->Run(); });
  }
  ~RunningServer() { Stop(); }

  void Stop() {
    if (!thread_.joinable()) return;
    server_->Stop();
    thread_.join();
  }

  std::filesystem::path db() const { return dir_.path() / "db"; }
  HttpServer& server() { return *server_; }
  bool ran() const { return ran_; }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(60, 0);
    return client;
  }

 private:
  TempDir dir_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<bool> ran_{false};
};

rapidjson::Document Json(const std::string& body) {
  rapidjson::Document json;
  json.Parse(body.c_str(), body.size());
  INFO(body);
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

void CheckJsonError(const httplib::Result& result, int status) {
  REQUIRE(result);
  INFO(result->body);
  CHECK(result->status == status);
  CHECK(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
  CHECK(Json(result->body).HasMember("error"));
  CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
}

TEST_CASE("the server listens on loopback and answers every route", "[server]") {
  RunningServer running;
  CHECK(running.server().bound_host() == "127.0.0.1");
  CHECK(HttpServerOptions{}.host == "127.0.0.1");
  CHECK(running.server().port() > 0);
  httplib::Client client = running.Client();

  auto get = [&](const std::string& path, const httplib::Params& params = {}) {
    httplib::Result result = client.Get(path.c_str(), params, httplib::Headers{});
    INFO(path);
    REQUIRE(result);
    return result;
  };
  auto page = get("/");
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Content-Security-Policy") ==
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  CHECK_FALSE(page->has_header("Access-Control-Allow-Origin"));
  CHECK(page->get_header_value_count("X-Content-Type-Options") == 1);

  auto health = get("/healthz");
  CHECK(health->status == 200);
  CHECK(health->body == R"({"ok":true,"documents":4})");

  auto search = get("/api/search", {{"q", "Hà Lan"}, {"limit", "2"}});
  CHECK(search->status == 200);
  CHECK(search->get_header_value("Content-Type") == "application/json; charset=utf-8");
  const auto hits = Json(search->body);
  REQUIRE(hits["hits"].Size() == 2);
  const std::string doc_id = hits["hits"][0]["doc_id"].GetString();

  CHECK(Json(get("/api/commitments", {{"partner", "NL"}})->body)["commitments"].Size() == 5);
  auto csv = get("/api/commitments", {{"format", "csv"}});
  CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
  CHECK_THAT(csv->get_header_value("Content-Disposition"), Catch::StartsWith("attachment;"));
  auto report = get("/api/report", {{"format", "html"}});
  CHECK(report->status == 200);
  CHECK(report->get_header_value("Content-Type") == "text/html; charset=utf-8");
  auto partners = get("/api/partners");
  CHECK(partners->status == 200);
  CHECK(Json(partners->body)["partners"].Size() > 50);
  auto letter = get("/api/draft", {{"partner", "NL"}, {"lang", "fr"}});
  CHECK(letter->status == 200);
  CHECK(letter->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  auto record = get("/api/documents/" + doc_id);
  CHECK(record->status == 200);
  CHECK(std::string(Json(record->body)["doc_id"].GetString()) == doc_id);
  auto original = get("/api/documents/" + doc_id + "/file");
  CHECK(original->status == 200);
  CHECK(original->get_header_value("Content-Type") == "application/octet-stream");

  const std::string text = "Bộ Ngoại giao cảm ơn Chính phủ Nhật Bản đã trao tặng vaccine.\n";
  auto created = client.Post("/api/documents?name=nhat.txt", text, "application/octet-stream");
  REQUIRE(created);
  CHECK(created->status == 201);
  const std::string uploaded = Json(created->body)["doc_id"].GetString();
  auto back = get("/api/documents/" + uploaded + "/file");
  CHECK(back->body == text);
  CHECK(get("/healthz")->body == R"({"ok":true,"documents":5})");

  // What the client gets wrong.
  CheckJsonError(client.Post("/api/documents?name=big.txt", std::string(kUploadLimit + 1, 'a'), "text/plain"), 413);
  CheckJsonError(client.Post("/api/documents", text, "text/plain"), 400);
  CheckJsonError(client.Get("/api/search?limit=0"), 400);
  CheckJsonError(client.Get("/api/search?from=2021-99"), 400);
  CheckJsonError(client.Get("/api/nowhere"), 404);
  CheckJsonError(client.Get("/api/documents/%2e%2e/file"), 400);
  auto wrong_method = client.Put("/api/search", "", "text/plain");
  CheckJsonError(wrong_method, 405);
  CHECK(wrong_method->get_header_value("Allow") == "GET, HEAD");

  running.Stop();
  CHECK(running.ran());
  CHECK_FALSE(running.Client().Get("/healthz"));  // nobody listens any more
}

TEST_CASE("searches are answered while an upload is being ingested", "[server]") {
  RunningServer running;
  // A long letter, so that its ingest takes a while.
  std::string text = "Kính gửi Đại sứ quán Hà Lan\n\n";
  for (int i = 0; i < 1500; ++i) {
    text += "Bộ Ngoại giao trân trọng cảm ơn Chính phủ Hà Lan đã trao tặng vaccine, đoạn " + std::to_string(i) + ".\n\n";
  }
  REQUIRE(text.size() < kUploadLimit);

  std::atomic<bool> uploading{true};
  int upload_status = 0;
  std::thread uploader([&] {
    httplib::Client client = running.Client();
    auto result = client.Post("/api/documents?name=long.txt", text, "text/plain");
    upload_status = result ? result->status : -1;
    uploading = false;
  });
  std::vector<int> search_statuses;
  std::thread searcher([&] {
    httplib::Client client = running.Client();
    do {
      auto result = client.Get("/api/search?q=ha+lan");
      search_statuses.push_back(result ? result->status : -1);
    } while (uploading && search_statuses.size() < 10000);
  });
  uploader.join();
  searcher.join();
  CHECK(upload_status == 201);
  REQUIRE_FALSE(search_statuses.empty());
  for (int status : search_statuses) CHECK(status == 200);
  CHECK(Json(running.Client().Get("/healthz")->body)["documents"].GetInt() == 5);
}

TEST_CASE("a port in use is refused at Bind", "[server]") {
  RunningServer running;
  TempDir dir;
  RouterOptions options;
  options.db = dir.path();
  Router router(options);
  HttpServerOptions taken;
  taken.port = running.server().port();
  HttpServer second(router, taken);
  CHECK_FALSE(second.Bind().ok());
}

}  // namespace
}  // namespace dipdoc
