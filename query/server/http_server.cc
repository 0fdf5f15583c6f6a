#include "query/server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <exception>
#include <iostream>
#include <thread>

#include <httplib.h>

#include "query/json_output.h"

namespace dipdoc {
namespace {

// httplib keeps its listening socket to itself; the bound address is how a caller checks where it listens.
class ListeningServer : public httplib::Server {
 public:
  std::string BoundHost() const {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    const socket_t sock = svr_sock_;
    if (sock == INVALID_SOCKET || getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof(text));
    } else if (address.ss_family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof(text));
    }
    return text;
  }
};

// What httplib answers on its own (a malformed request line, a body over the limit) in the API's shape.
const char* ReasonFor(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "the request body is too large";
    case 414: return "the request line is too long";
    case 416: return "range not satisfiable";
    case 431: return "request headers too large";
    default: return status >= 500 ? "internal error" : "bad request";
  }
}

void AddSecurityHeaders(httplib::Response& res) {
  for (const auto& [name, value] : SecurityHeaders()) {
    if (!res.has_header(name.c_str())) res.set_header(name.c_str(), value);
  }
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(Router& router, HttpServerOptions options) : router_(router), options_(std::move(options)) {
    const unsigned threads = std::max(1u, options_.threads);
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second server share the port.
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const char*>(&yes), sizeof(yes));
    });
    server_.set_payload_max_length(router_.options().max_upload_bytes);
    server_.set_read_timeout(options_.read_timeout);
    server_.set_write_timeout(options_.write_timeout);

    // Every method to the router, which knows the routes and answers 404 and 405 itself. Handlers with a
    // plain body: httplib reads it (up to the payload limit) before calling them.
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); };
    server_.Get(".*", handler);
    server_.Post(".*", handler);
    server_.Put(".*", handler);
    server_.Patch(".*", handler);
    server_.Delete(".*", handler);
    server_.Options(".*", handler);

    server_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
      AddSecurityHeaders(res);
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // the router's own answer
      res.set_content(ErrorToJson(ReasonFor(res.status)), "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }));
    server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
      try {
        if (error) std::rethrow_exception(error);
      } catch (const std::exception& e) {
        std::cerr << "dipdoc serve: " << req.method << ' ' << req.path << ": " << e.what() << '\n';
      } catch (...) {
        std::cerr << "dipdoc serve: " << req.method << ' ' << req.path << ": unknown exception\n";
      }
      res.status = 500;
      res.set_content(ErrorToJson("internal error"), "application/json; charset=utf-8");
      AddSecurityHeaders(res);
    });
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    request.params.insert(req.params.begin(), req.params.end());
    request.body = req.body;
    const HttpResponse response = router_.Handle(request);
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name.c_str(), value);
    res.set_content(response.body, response.content_type.c_str());
  }

  Router& router_;
  HttpServerOptions options_;
  ListeningServer server_;
  std::atomic<bool> bound_{false};
  std::atomic<bool> run_started_{false};
  std::atomic<bool> run_finished_{false};
  std::atomic<bool> stop_requested_{false};
  int port_ = 0;
};

HttpServer::HttpServer(Router& router, HttpServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  const std::string& host = impl_->options_.host;
  const int port = impl_->options_.port;
  if (port == 0) {
    impl_->port_ = impl_->server_.bind_to_any_port(host);
    if (impl_->port_ <= 0) return Status::Usage("cannot listen on " + host + " (any port)");
  } else {
    if (!impl_->server_.bind_to_port(host, port)) {
      return Status::Usage("cannot listen on " + host + " port " + std::to_string(port) +
                           " (in use, or not an address of this machine)");
    }
    impl_->port_ = port;
  }
  impl_->bound_ = true;
  return Status::Ok();
}

std::string HttpServer::bound_host() const { return impl_->server_.BoundHost(); }

int HttpServer::port() const { return impl_->port_; }

bool HttpServer::Run() {
  impl_->run_started_ = true;
  bool ok = true;
  if (!impl_->stop_requested_) ok = impl_->server_.listen_after_bind();
  impl_->run_finished_ = true;
  return ok;
}

void HttpServer::Stop() {
  impl_->stop_requested_ = true;
  // httplib's stop() does nothing until its loop has started: wait for Run() to get there (or never come).
  while (impl_->run_started_ && !impl_->run_finished_ && !impl_->server_.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server_.stop();
}

}  // namespace dipdoc
