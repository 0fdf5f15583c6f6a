#ifndef DIPDOC_QUERY_SERVER_ROUTER_H_
#define DIPDOC_QUERY_SERVER_ROUTER_H_

// The HTTP API of `dipdoc serve` (../shared/contract/README.md, "HTTP") as plain values: a request in, a
// response out, no sockets. http_server.h carries these over cpp-httplib; tests call Handle() directly.
//
// Routes (GET also answers HEAD):
//   GET  /                              the web UI page (query/web/index.html, compiled in)
//   GET  /healthz                       {"ok": true, "documents": N}
//   GET  /api/search                    search JSON; q, partner, type, lang, from, to, limit, offset
//   GET  /api/commitments               commitments JSON; partner, kind, status, from, to, format=json|csv;
//                                       by_partner=1 (with as_of) for the ledger (`commitments --by-partner`)
//   GET  /api/report                    the report; from, to, as_of, format=md|html|json
//   GET  /api/draft                     a follow-up letter; partner (required), lang=vi|en|fr, format=txt|md, as_of
//   POST /api/documents?name=FILE       body: the file's bytes; ingests it and answers its record
//   GET  /api/documents/{doc_id}        the stored record
//   GET  /api/documents/{doc_id}/file   the original file's bytes, while it is on disk with the same content
//
// Errors: every error is {"error": "..."} as JSON. 400 for a malformed parameter (the message names it), a
// path with "..", an encoded dot or a NUL; 404 for an unknown route or document; 405 (with Allow) for a
// known route and another method; 413 for a body over its limit; 422 for an upload ingest refused; 503 when
// there is no index yet (reads) or another process is writing it (uploads); 500 "internal error" for
// anything else, with the details on stderr only. Unknown parameters are ignored; an empty one is unset.
// Every response carries the security headers (nosniff, a same-origin Content-Security-Policy,
// no-referrer); there is no CORS.

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "index/indexer.h"
#include "query/facet_table.h"

namespace dipdoc {

struct HttpRequest {
  std::string method;                               // "GET", "POST", ...; HEAD is answered as GET
  std::string path;                                 // percent-decoded, without the query string
  std::multimap<std::string, std::string> params;   // the query string, decoded; the first value counts
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type

  // The value of header `name` (case-insensitive), or "" when absent.
  std::string Header(const std::string& name) const;
};

struct RouterOptions {
  std::filesystem::path db;                          // the index folder; uploads go to <db>/uploads
  std::size_t max_upload_bytes = std::size_t{32} << 20;  // as ingest's default --max-file-mb
  std::size_t max_body_bytes = std::size_t{64} << 10;    // any request but an upload
  std::size_t max_query_bytes = 1000;                // q
  std::size_t max_limit = 100;                       // limit is 1..max_limit, default 10
  std::size_t max_offset = 10000;
  std::uintmax_t max_download_bytes = std::uintmax_t{256} << 20;  // /api/documents/{id}/file
  IngestOptions ingest = [] {                        // uploads: one file at a time, one worker
    IngestOptions options;
    options.jobs = 1;
    return options;
  }();
};

// Thread-safe: reads open their own Xapian::Database per request; uploads are written one at a time.
class Router {
 public:
  explicit Router(RouterOptions options);

  // Never throws: an unexpected failure is a 500 whose details go to stderr.
  HttpResponse Handle(const HttpRequest& request);

  const RouterOptions& options() const { return options_; }

 private:
  HttpResponse Route(const HttpRequest& request);
  HttpResponse Search(const HttpRequest& request);
  HttpResponse Commitments(const HttpRequest& request);
  HttpResponse Report(const HttpRequest& request);
  HttpResponse Draft(const HttpRequest& request);
  HttpResponse Health();
  HttpResponse Partners();
  HttpResponse GetDocument(const std::string& doc_id);
  HttpResponse GetDocumentFile(const std::string& doc_id);
  HttpResponse Upload(const HttpRequest& request);

  RouterOptions options_;
  std::mutex ingest_mutex_;  // one upload is ingested at a time
  FacetTableCache facet_tables_;  // shared by the searches of all requests, read in the background
};

// The headers every response carries.
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

// An error response: `status` with {"error": message} and the security headers.
HttpResponse ErrorResponse(int status, const std::string& message);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_SERVER_ROUTER_H_
