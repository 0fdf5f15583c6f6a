#ifndef DIPDOC_QUERY_SERVER_HTTP_SERVER_H_
#define DIPDOC_QUERY_SERVER_HTTP_SERVER_H_

// `dipdoc serve`'s sockets: cpp-httplib (only in http_server.cc) carrying requests to a Router (router.h)
// and its answers back, with the limits a server facing a browser needs.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "ingest/status.h"
#include "query/server/router.h"

namespace dipdoc {

struct HttpServerOptions {
  std::string host = "127.0.0.1";         // loopback: this machine only
  int port = 8080;                        // 0: any free port (port() says which)
  unsigned threads = 8;                   // requests served at once; more wait for a free thread
  std::chrono::seconds read_timeout{30};  // a client that stops sending is dropped
  std::chrono::seconds write_timeout{30};
};

class HttpServer {
 public:
  // `router` must outlive the server. Request bodies over router.options().max_upload_bytes get 413
  // before they are read.
  HttpServer(Router& router, HttpServerOptions options = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket. A Usage status when the host or port cannot be bound.
  Status Bind();
  // REQUIRES: Bind() succeeded. The address and port the socket is bound to.
  std::string bound_host() const;
  int port() const;

  // REQUIRES: Bind() succeeded. Serves until Stop(); returns false when listening failed.
  bool Run();
  // Stops Run() from any thread; requests in progress are finished first. Safe before Run() starts, and
  // then Run() returns at once.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_SERVER_HTTP_SERVER_H_
