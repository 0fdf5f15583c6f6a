// `dipdoc serve`: the HTTP API and web UI (query/server/router.h) on --host:--port until SIGINT or SIGTERM.
//
// Exit statuses: 0 after a signal stopped the server; 2 when the address cannot be bound (port in use, not
// an address of this machine); 1 when listening failed after binding. A missing index is not an error: reads
// answer 503 until an upload or an ingest creates it.

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <ctime>
#include <iostream>
#include <thread>

#include "index/database.h"
#include "query/cli/commands.h"
#include "query/server/http_server.h"
#include "query/server/router.h"

namespace dipdoc::cli {

int RunServe(const ServeArgs& args) {
  RouterOptions router_options;
  router_options.db = args.db.empty() ? DefaultDatabaseDir() : std::filesystem::path(args.db);
  Router router(router_options);
  HttpServerOptions options;
  options.host = args.host;
  options.port = args.port;
  HttpServer server(router, options);

  // SIGINT and SIGTERM are taken by one thread with sigwait, so stopping runs outside a signal handler. They
  // are blocked before the server's threads start, which inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  if (Status bound = server.Bind(); !bound.ok()) {
    std::cerr << "dipdoc: " << bound.message() << '\n';
    return kExitUsage;
  }
  if (!OpenDatabase(router_options.db).ok()) {
    std::cerr << "dipdoc: no index at " << router_options.db.string() << " yet: searches answer 503 until documents "
              << "are ingested or uploaded\n";
  }
  const bool v6 = args.host.find(':') != std::string::npos;
  std::cerr << "dipdoc: serving http://" << (v6 ? "[" + args.host + "]" : args.host) << ':' << server.port()
            << "/ on " << router_options.db.string() << std::endl;

  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    const timespec tick{0, 200'000'000};
    while (!finished) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        std::cerr << "dipdoc: stopping\n";
        server.Stop();
        return;
      }
    }
  });
  const bool ok = server.Run();
  finished = true;
  watcher.join();
  return ok ? kExitOk : kExitSomeFailed;
}

}  // namespace dipdoc::cli
