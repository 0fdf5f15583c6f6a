// Extraction speed: MB of normalised text per second per core through nlp's Extractor, on the documents
// given (the corpus and the seeds, say), read once and extracted over and over until enough text has gone
// through. Prints one JSON object; bench/extract_benchmark.py runs it and writes the README.
//
// Usage: extract_throughput [--threads N] [--megabytes M] FILE...

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "ingest/document_loader.h"
#include "nlp/extractor.h"

int main(int argc, char** argv) {
  unsigned threads = 1;
  double target_megabytes = 32;
  std::vector<dipdoc::Document> documents;
  const dipdoc::DocumentLoader loader;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (arg == "--megabytes" && i + 1 < argc) {
      target_megabytes = std::atof(argv[++i]);
    } else {
      dipdoc::Result<dipdoc::Document> loaded = loader.Load(arg, arg);
      if (!loaded.ok()) {
        std::fprintf(stderr, "%s: %s\n", arg.c_str(), loaded.status().message().c_str());
        return 1;
      }
      documents.push_back(std::move(loaded).value());
    }
  }
  if (documents.empty() || threads == 0) {
    std::fprintf(stderr, "usage: extract_throughput [--threads N] [--megabytes M] FILE...\n");
    return 2;
  }
  std::size_t bytes_per_round = 0;
  for (const dipdoc::Document& d : documents) bytes_per_round += d.text.size();
  const std::size_t rounds = static_cast<std::size_t>(target_megabytes * 1024 * 1024 / bytes_per_round) + 1;

  const dipdoc::Extractor extractor;
  extractor.Extract(documents.front());  // the gazetteers and cue lists are built once, before the clock starts
  std::vector<std::size_t> items(threads, 0);
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (std::size_t r = 0; r < rounds; ++r) {
        for (const dipdoc::Document& d : documents) {
          const dipdoc::Extraction e = extractor.Extract(d);
          items[t] += e.partners.size() + e.doses.size() + e.commitments.size();
        }
      }
    });
  }
  for (std::thread& w : workers) w.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double megabytes = static_cast<double>(bytes_per_round * rounds * threads) / (1024 * 1024);
  std::printf("{\"documents\": %zu, \"threads\": %u, \"megabytes\": %.1f, \"seconds\": %.3f, \"mb_per_s\": %.2f, "
              "\"mb_per_s_per_thread\": %.2f, \"documents_per_s\": %.0f}\n",
              documents.size(), threads, megabytes, seconds, megabytes / seconds, megabytes / seconds / threads,
              static_cast<double>(documents.size() * rounds * threads) / seconds);
  return 0;
}
